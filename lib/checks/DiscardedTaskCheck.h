//===--- DiscardedTaskCheck.h - coro-discarded-task -------------*- C++ -*-===//
//
// Finds task objects (coroutine return objects, futures of std::async) that
// an expression statement creates and immediately destroys.
// See docs/checks/coro-discarded-task.md.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_DISCARDEDTASKCHECK_H
#define COROLINT_CHECKS_DISCARDEDTASKCHECK_H

#include "CorolintCheck.h"
#include "CoroutineModel.h"
#include "NameList.h"

namespace clang::tidy::corolint {

class DiscardedTaskCheck : public CorolintCheck {
public:
  DiscardedTaskCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

  /// What destroying the discarded object means.
  enum class TaskKind {
    None,            ///< Not a task: nothing to report.
    Lazy,            ///< The coroutine has not started and never will.
    Eager,           ///< It runs, but its result and exceptions are lost.
    UnknownStart,    ///< A coroutine whose start policy we cannot tell.
    CancelOnDestroy, ///< Destroying the handle cancels the operation.
    BlockingFuture,  ///< The future's destructor waits for the work.
    Awaitable,       ///< Not a task: an operation that only an await runs.
  };

private:
  /// One function body being scanned, with what a finding needs to know
  /// about its surroundings.
  struct Scope {
    const FunctionDecl &Function;
    const CoroutineBodyStmt *Coroutine;
    ASTContext &Context;
    /// Catch handlers of the function: `co_await` is not allowed there.
    llvm::SmallVector<const Stmt *, 2> Handlers;
    /// Compound statements of GNU statement expressions: their last
    /// statement is the value of the expression, not discarded.
    llvm::SmallVector<const Stmt *, 1> ValueBlocks;
  };

  void checkFunction(const FunctionDecl &Function, ASTContext &Context);
  void checkStatementPositions(const Stmt &S, Scope &Where);
  void checkDiscarded(const Expr *E, Scope &Where);
  TaskKind classify(const CallExpr &Call, bool InCoroutine,
                    ASTContext &Context) const;
  bool isLeftToSpawnCheck(const FunctionDecl *Callee) const;
  TaskKind classifyByPromise(const CXXRecordDecl &Task,
                             ASTContext &Context) const;
  bool compilerAlreadyWarns(const CallExpr &Call, ASTContext &Context) const;
  void report(const CallExpr &Call, TaskKind Kind, Scope &Where);
  bool offerAwait(const CallExpr &Call, TaskKind Kind, Scope &Where);

  ClangTidyContext *TidyContext;
  struct OptionText {
    std::string LazyTaskTypes, EagerTaskTypes, CancelOnDestroyTypes,
        LazyTaskFunctions, BlockingFutureFunctions, IgnoredTypes,
        LazyInitialSuspendTypes, EagerInitialSuspendTypes;
  } Text;
  NameList LazyTaskTypes, EagerTaskTypes, CancelOnDestroyTypes,
      LazyTaskFunctions, BlockingFutureFunctions, IgnoredTypes,
      LazyInitialSuspendTypes, EagerInitialSuspendTypes;
  /// coro-unchecked-spawn's ResultReturningSpawns: a dropped result of one
  /// of them is that check's finding, not this one's.
  NameList SpawnResults;
  bool AllowVoidCast;
  bool ReportWhenCompilerWarns;
  llvm::DenseSet<const FunctionDecl *> Analysed;
  ReportOnce Reported;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_CHECKS_DISCARDEDTASKCHECK_H
