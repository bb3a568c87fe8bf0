//===--- UncheckedSpawnCheck.h - coro-unchecked-spawn -----------*- C++ -*-===//
//
// Finds spawned work whose failure nobody can observe: Asio's co_spawn and
// spawn with `detached` (or a handler that ignores the exception_ptr),
// fire-and-forget executor calls and callbacks that ignore the outcome, when
// an operation that throws on an ordinary failure can escape the work;
// detached threads, start_detached, and spawn results (futures, acceptance
// flags) that are thrown away. See docs/checks/coro-unchecked-spawn.md.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UNCHECKEDSPAWNCHECK_H
#define COROLINT_CHECKS_UNCHECKEDSPAWNCHECK_H

#include "CorolintCheck.h"
#include "CoroutineModel.h"
#include "MayThrow.h"
#include "NameList.h"
#include "ProgramIndex.h"
#include "UncheckedSpawnFacts.h"

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
  void onEndOfTranslationUnit() override { Index.clear(); }

private:
  void checkCall(const CallExpr &Call, const NamedDecl &Callee);
  void checkDetachedSpawn(const CallExpr &Spawn, const FunctionDecl &Callee);
  void checkDiscarded(const Expr &Discarded);
  void reportDiscardedResult(const CallExpr &Call, const FunctionDecl &Callee);
  void checkFireAndForget(const CallExpr &Call, const FunctionDecl &Callee);
  void checkCallbackStart(const CallExpr &Call, const FunctionDecl &Callee);
  bool isResultReturningSpawn(const FunctionDecl &Callee) const;
  /// The token argument of a spawn that nobody observes the failure through
  /// (`detached`, a handler ignoring its exception_ptr), or 0.
  unsigned unobservedTokenIndex(const CallExpr &Spawn) const;
  bool isDetachedToken(QualType Token) const;
  QualType spawnedResultType(const Expr &Work) const;
  /// What lets an exception out of \p Work, or none.
  std::optional<EscapingThrow> escapingFrom(const FunctionDecl *Work);
  /// The notes at the escaping operation: \p How names what swallows it,
  /// \p Ends what it ends.
  void noteEscape(const EscapingThrow &Escape, StringRef How, StringRef Ends);
  /// What the program index knows of \p Spawned, whose body is unseen.
  SpawnRevision indexRevision(const FunctionDecl &Spawned);

  NameList SpawnFunctions, DetachedTokenTypes, DetachFunctions,
      FireAndForgetMethods, DetachedStartFunctions, ResultReturningSpawns,
      CallbackStartFunctions;
  ThrowModel Throws;
  std::unique_ptr<ThrowEscapeAnalysis> Analysis;
  /// What other translation units may need to know (lib/ProgramFacts.h).
  UncheckedSpawnFacts Facts{Throws};
  /// What they know (option ProgramIndex; discovered by corolint-clangd).
  ProgramIndexAccess Index;
  /// Unqualified names of the spawn, detach, fire-and-forget and detached
  /// start functions: a cheap first filter for every call in the TU.
  llvm::StringSet<> CalledIdentifiers;
  ReportOnce Reported;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_CHECKS_UNCHECKEDSPAWNCHECK_H
