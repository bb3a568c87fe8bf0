//===--- UncheckedSpawnCheck.h - coro-unchecked-spawn ---*- C++ -*-===//
//
// See docs/checks/coro-unchecked-spawn.md.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UNCHECKEDSPAWNCHECK_H
#define COROLINT_CHECKS_UNCHECKEDSPAWNCHECK_H

#include "CorolintCheck.h"

namespace clang::tidy::corolint {

class UncheckedSpawnCheck : public CorolintCheck {
public:
  UncheckedSpawnCheck(StringRef Name, ClangTidyContext *Context)
      : CorolintCheck(Name, Context, "4.2") {}
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_CHECKS_UNCHECKEDSPAWNCHECK_H
