//===--- UnboundedChannelCheck.h - coro-unbounded-channel ---*- C++ -*-===//
//
// See docs/checks/coro-unbounded-channel.md.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UNBOUNDEDCHANNELCHECK_H
#define COROLINT_CHECKS_UNBOUNDEDCHANNELCHECK_H

#include "CorolintCheck.h"

namespace clang::tidy::corolint {

class UnboundedChannelCheck : public CorolintCheck {
public:
  UnboundedChannelCheck(StringRef Name, ClangTidyContext *Context)
      : CorolintCheck(Name, Context, "3.3") {}
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_CHECKS_UNBOUNDEDCHANNELCHECK_H
