//===--- BlockingCallCheck.cpp - coro-blocking-call ---===//

#include "BlockingCallCheck.h"

using namespace clang::ast_matchers;

namespace clang::tidy::corolint {

void BlockingCallCheck::registerMatchers(MatchFinder *Finder) {}

void BlockingCallCheck::check(const MatchFinder::MatchResult &Result) {}

} // namespace clang::tidy::corolint
