//===--- LockAcrossSuspendCheck.h - coro-lock-across-suspend ----*- C++ -*-===//
//
// Finds blocking mutexes that may still be locked when a coroutine suspends,
// and objects of must-not-suspend types alive when it does.
// See docs/checks/coro-lock-across-suspend.md.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_LOCKACROSSSUSPENDCHECK_H
#define COROLINT_CHECKS_LOCKACROSSSUSPENDCHECK_H

#include "CorolintCheck.h"
#include "CoroutineModel.h"
#include "LockSetAnalysis.h"

namespace clang::tidy::corolint {

class LockAcrossSuspendCheck : public CorolintCheck {
public:
  LockAcrossSuspendCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void report(const HeldLock &Lock, const FunctionDecl &Coroutine,
              ASTContext &Context);
  void report(const LiveMustNotSuspendObject &Object);
  void suggestUnlock(const HeldLock &Lock, const FunctionDecl &Coroutine,
                     ASTContext &Context);

  LockVocabulary Vocabulary;
  llvm::DenseSet<const FunctionDecl *> Analysed;
  ReportOnce Reported;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_CHECKS_LOCKACROSSSUSPENDCHECK_H
