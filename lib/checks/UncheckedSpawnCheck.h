//===--- UncheckedSpawnCheck.h - coro-unchecked-spawn -----------*- C++ -*-===//
//
// Finds spawned work whose failure nobody can observe: Asio's co_spawn and
// spawn with `detached`, detached threads, fire-and-forget executor calls,
// start_detached, and spawn results (futures, acceptance flags) that are
// thrown away. See docs/checks/coro-unchecked-spawn.md.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UNCHECKEDSPAWNCHECK_H
#define COROLINT_CHECKS_UNCHECKEDSPAWNCHECK_H

#include "CorolintCheck.h"
#include "CoroutineModel.h"
#include "NameList.h"

namespace clang::tidy::corolint {

/// Spawns whose result (a flag, a future, a joinable task) tells how the
/// work went. coro-discarded-task leaves a dropped one to this check.
inline constexpr llvm::StringLiteral DefaultResultReturningSpawns =
    "::folly::coro::TaskWithExecutor::start;"
    "::folly::coro::TaskWithExecutor::startInlineUnsafe;"
    "::coro::thread_pool::spawn_detached;::coro::thread_pool::spawn_joinable;"
    "::coro::scheduler::spawn_detached;::coro::scheduler::spawn_joinable;"
    "::coro::task_group::start;::coro::thread_pool::spawn;"
    "::coro::io_scheduler::spawn;::coro::io_scheduler::spawn_detached;"
    "::async_simple::Executor::schedule;"
    "::concurrencpp::executor::submit;::concurrencpp::executor::bulk_submit;"
    "::concurrencpp::derivable_executor::submit;"
    "::concurrencpp::derivable_executor::bulk_submit";

class UncheckedSpawnCheck : public CorolintCheck {
public:
  UncheckedSpawnCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void checkCall(const CallExpr &Call, const NamedDecl &Callee);
  void checkDetachedSpawn(const CallExpr &Spawn, const FunctionDecl &Callee);
  void checkDiscarded(const Expr &Discarded);
  void reportDiscardedResult(const CallExpr &Call, const FunctionDecl &Callee);
  void checkFireAndForget(const CallExpr &Call, const FunctionDecl &Callee);
  void checkCallbackStart(const CallExpr &Call, const FunctionDecl &Callee);
  bool isResultReturningSpawn(const FunctionDecl &Callee) const;

  bool isDetachedToken(QualType Token) const;
  bool handlesItsOwnFailures(const FunctionDecl &Spawned) const;
  bool catchesEverything(const CXXTryStmt &Try) const;
  /// True when nothing in a coroutine's body can throw and each of its
  /// suspension points delivers its error as a value (as_tuple, as_single).
  bool failsOnlyWithErrorValues(const Stmt &CoroutineBody) const;
  bool awaitsErrorValue(const CoroutineSuspendExpr &Suspend) const;
  bool isErrorValue(QualType Result) const;
  QualType spawnedResultType(const Expr &Work) const;

  NameList SpawnFunctions, DetachedTokenTypes, TokenWrapperTypes,
      AwaitableTypes, CatchAllExceptionTypes, ErrorValueTypes, DetachFunctions,
      FireAndForgetMethods, DetachedStartFunctions, ResultReturningSpawns,
      CallbackStartFunctions;
  /// Unqualified names of the spawn, detach, fire-and-forget and detached
  /// start functions: a cheap first filter for every call in the TU.
  llvm::StringSet<> CalledIdentifiers;
  ReportOnce Reported;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_CHECKS_UNCHECKEDSPAWNCHECK_H
