//===--- TaskModel.h - runtimes and task types ------------------*- C++ -*-===//
//
// The one model of what a coroutine's return type says: which library's
// runtime it runs on (Asio, folly, cppcoro, libcoro, concurrencpp), and, for
// a task object, what destroying it means (a lazy task never runs, an eager
// one loses its result, a std::async future blocks). The type lists come from
// each check's options; the rules are the same everywhere.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TASKMODEL_H
#define COROLINT_TASKMODEL_H

#include "NameList.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include <string>

namespace clang::tidy::corolint {

/// The runtime a coroutine runs on, known from its return type.
struct Runtime {
  enum Kind {
    Unknown,
    Asio,
    Folly,
    Cppcoro,
    Libcoro,
    Concurrencpp,
    AsyncSimple
  } Kind = Unknown;
  /// "asio" or "boost::asio" for Asio awaitables.
  std::string AsioNamespace;
  /// False when an Asio awaitable has a non-default executor, so that
  /// `use_awaitable` and `steady_timer` would not fit it.
  bool DefaultExecutor = true;

  /// "asio::" or "boost::asio::", "" outside Asio.
  std::string asioPrefix() const {
    return AsioNamespace.empty() ? "" : AsioNamespace + "::";
  }
};

/// The lazy task types of the libraries corolint knows, as their current
/// releases spell them: coroutines that start only when awaited or spawned.
/// The one default of every check option that lists lazy tasks
/// (coro-discarded-task's LazyTaskTypes, coro-dangling-reference's
/// TaskTypes).
constexpr llvm::StringLiteral DefaultLazyTaskTypes =
    "::asio::awaitable;::boost::asio::awaitable;::asio::experimental::coro;"
    "::boost::asio::experimental::coro;::cppcoro::task;::cppcoro::shared_task;"
    "::folly::coro::Task;::folly::coro::TaskWithExecutor;::coro::task;"
    "::concurrencpp::lazy_result;::async_simple::coro::Lazy;"
    "::async_simple::coro::RescheduleLazy";

/// Asio's and Boost.Asio's coroutine type: the one default of the options
/// that name it (coro-blocking-call's AsioAwaitableTypes,
/// coro-unchecked-spawn's AwaitableTypes).
constexpr llvm::StringLiteral DefaultAsioAwaitableTypes =
    "::asio::awaitable;::boost::asio::awaitable";

/// Which task types belong to which runtime.
struct RuntimeModel {
  NameList AsioAwaitableTypes, FollyTaskTypes, CppcoroTaskTypes,
      LibcoroTaskTypes, ConcurrencppTaskTypes, AsyncSimpleTaskTypes;

  Runtime runtimeOf(const FunctionDecl &Coroutine) const;
};

/// What destroying a task object means.
enum class TaskKind {
  None,            ///< Not a task: nothing to report.
  Lazy,            ///< The coroutine has not started and never will.
  Eager,           ///< It runs, but its result and exceptions are lost.
  UnknownStart,    ///< A coroutine whose start policy we cannot tell.
  CancelOnDestroy, ///< Destroying the handle cancels the operation.
  BlockingFuture,  ///< The future's destructor waits for the work.
  Awaitable,       ///< Not a task: an operation that only an await runs.
};

/// Which types and functions make tasks of which kind; a type that is none
/// of them is judged by its promise's initial_suspend().
struct TaskTypes {
  NameList LazyTaskTypes, EagerTaskTypes, CancelOnDestroyTypes,
      LazyTaskFunctions, BlockingFutureFunctions, IgnoredTypes,
      LazyInitialSuspendTypes, EagerInitialSuspendTypes;

  /// What the object \p Call returns is. In a coroutine (\p InCoroutine),
  /// an awaitable that is not a task is TaskKind::Awaitable: dropping it
  /// is a forgotten co_await.
  TaskKind classify(const CallExpr &Call, ASTContext &Context,
                    bool InCoroutine = false) const;

private:
  TaskKind classifyByPromise(const CXXRecordDecl &Task,
                             ASTContext &Context) const;
};

/// Whether `co_await` on a \p Task compiles in \p Coroutine (the body of
/// \p Function): a coroutine awaits tasks of its own kind; another awaitable
/// type works unless the promise filters what may be awaited through
/// await_transform.
bool canAwaitTaskIn(const CoroutineBodyStmt &Coroutine,
                    const FunctionDecl &Function, const CXXRecordDecl &Task,
                    ASTContext &Context);

} // namespace clang::tidy::corolint

#endif // COROLINT_TASKMODEL_H
