//===--- DiscardedTaskCheck.cpp - coro-discarded-task ---===//

#include "DiscardedTaskCheck.h"

using namespace clang::ast_matchers;

namespace clang::tidy::corolint {

void DiscardedTaskCheck::registerMatchers(MatchFinder *Finder) {}

void DiscardedTaskCheck::check(const MatchFinder::MatchResult &Result) {}

} // namespace clang::tidy::corolint
