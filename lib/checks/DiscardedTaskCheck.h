//===--- DiscardedTaskCheck.h - coro-discarded-task ---*- C++ -*-===//
//
// See docs/checks/coro-discarded-task.md.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_DISCARDEDTASKCHECK_H
#define COROLINT_CHECKS_DISCARDEDTASKCHECK_H

#include "CorolintCheck.h"

namespace clang::tidy::corolint {

class DiscardedTaskCheck : public CorolintCheck {
public:
  DiscardedTaskCheck(StringRef Name, ClangTidyContext *Context)
      : CorolintCheck(Name, Context, "4.1") {}
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_CHECKS_DISCARDEDTASKCHECK_H
