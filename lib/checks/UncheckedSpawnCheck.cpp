//===--- UncheckedSpawnCheck.cpp - coro-unchecked-spawn ---===//

#include "UncheckedSpawnCheck.h"

using namespace clang::ast_matchers;

namespace clang::tidy::corolint {

void UncheckedSpawnCheck::registerMatchers(MatchFinder *Finder) {}

void UncheckedSpawnCheck::check(const MatchFinder::MatchResult &Result) {}

} // namespace clang::tidy::corolint
