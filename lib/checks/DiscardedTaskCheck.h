//===--- DiscardedTaskCheck.h - coro-discarded-task -------------*- C++ -*-===//
//
// Finds task objects (coroutine return objects, futures of std::async) that
// an expression statement creates and immediately destroys.
// See docs/checks/coro-discarded-task.md.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_DISCARDEDTASKCHECK_H
#define COROLINT_CHECKS_DISCARDEDTASKCHECK_H

#include "AwaitInsertion.h"
#include "CorolintCheck.h"
#include "CoroutineModel.h"
#include "NameList.h"
#include "TaskModel.h"

namespace clang::tidy::corolint {

class DiscardedTaskCheck : public CorolintCheck {
public:
  DiscardedTaskCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// One function body being scanned, with what a finding needs to know
  /// about its surroundings.
  struct Scope {
    const FunctionDecl &Function;
    const CoroutineBodyStmt *Coroutine;
    ASTContext &Context;
    AwaitInsertionContext Await;
    /// Compound statements of GNU statement expressions: their last
    /// statement is the value of the expression, not discarded.
    llvm::SmallVector<const Stmt *, 1> ValueBlocks;
  };

  void checkFunction(const FunctionDecl &Function, ASTContext &Context);
  void checkDiscarded(const Expr *E, Scope &Where);
  bool compilerAlreadyWarns(const CallExpr &Call, ASTContext &Context) const;
  bool isLeftToSpawnCheck(const FunctionDecl *Callee) const;
  void report(const CallExpr &Call, TaskKind Kind, Scope &Where);
  bool offerAwait(const CallExpr &Call, TaskKind Kind, Scope &Where);

  ClangTidyContext *TidyContext;
  TaskTypes Tasks;
  /// coro-unchecked-spawn's ResultReturningSpawns: a dropped result of one
  /// of them is that check's finding, not this one's.
  NameList SpawnResults;
  bool AllowVoidCast;
  bool ReportWhenCompilerWarns;
  llvm::DenseSet<const FunctionDecl *> Analyzed;
  ReportOnce Reported;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_CHECKS_DISCARDEDTASKCHECK_H
