//===--- BlockingCallCheck.h - coro-blocking-call ---*- C++ -*-===//
//
// See docs/checks/coro-blocking-call.md.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_BLOCKINGCALLCHECK_H
#define COROLINT_CHECKS_BLOCKINGCALLCHECK_H

#include "CorolintCheck.h"

namespace clang::tidy::corolint {

class BlockingCallCheck : public CorolintCheck {
public:
  BlockingCallCheck(StringRef Name, ClangTidyContext *Context)
      : CorolintCheck(Name, Context, "6.1") {}
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_CHECKS_BLOCKINGCALLCHECK_H
