//===--- UnboundedChannelCheck.cpp - coro-unbounded-channel ---===//

#include "UnboundedChannelCheck.h"

using namespace clang::ast_matchers;

namespace clang::tidy::corolint {

void UnboundedChannelCheck::registerMatchers(MatchFinder *Finder) {}

void UnboundedChannelCheck::check(const MatchFinder::MatchResult &Result) {}

} // namespace clang::tidy::corolint
