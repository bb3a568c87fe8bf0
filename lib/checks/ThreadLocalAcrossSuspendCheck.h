//===--- ThreadLocalAcrossSuspendCheck.h ------------------------*- C++ -*-===//
//
// Finds thread_local state that a coroutine keeps across a suspension point:
// references and pointers to a thread_local used after it, and
// thread_locals accessed both before and after it. After resuming, the
// coroutine may run on another thread. See
// docs/checks/coro-thread-local-across-suspend.md.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_THREADLOCALACROSSSUSPENDCHECK_H
#define COROLINT_CHECKS_THREADLOCALACROSSSUSPENDCHECK_H

#include "CorolintCheck.h"
#include "CoroutineModel.h"
#include "NameList.h"

namespace clang::tidy::corolint {

class ThreadLocalAcrossSuspendCheck : public CorolintCheck {
public:
  ThreadLocalAcrossSuspendCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

  /// A local reference or pointer bound to a thread_local and used after a
  /// suspension point.
  struct HeldAddress {
    const VarDecl *Alias;
    const VarDecl *ThreadLocal;
    SourceLocation BoundAt;
    const Expr *Suspension;
    const Expr *Use;
  };
  /// A thread_local accessed before a suspension point and again after it.
  struct Reaccess {
    const VarDecl *ThreadLocal;
    const Expr *First;
    const Expr *Suspension;
    const Expr *Again;
  };

private:
  bool isIgnored(const VarDecl &ThreadLocal) const;
  void analyze(const FunctionDecl &Coroutine, ASTContext &Context);
  void report(const HeldAddress &Found);
  void report(const Reaccess &Found);

  NameList IgnoredThreadLocals, NonSuspendingAwaitables, ViewTypes;
  bool ReportReaccess;
  llvm::DenseSet<const FunctionDecl *> Analyzed;
  ReportOnce Reported;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_CHECKS_THREADLOCALACROSSSUSPENDCHECK_H
