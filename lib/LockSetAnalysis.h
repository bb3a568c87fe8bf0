//===--- LockSetAnalysis.h - locks that may be held at suspensions -*- C++ -*-===//
//
// A forward may-analysis over the Clang CFG of one coroutine body, in the
// spirit of clang's thread-safety analysis: the state at each program point is
// the set of lock acquisitions that may still be held, and every acquisition
// that reaches a user-written co_await or co_yield is reported with the
// suspension points it reaches. Objects of must-not-suspend types are
// tracked the same way, as "locks" held from construction to destruction.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_LOCKSETANALYSIS_H
#define COROLINT_LOCKSETANALYSIS_H

#include "NameList.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"
#include <string>
#include <vector>

namespace clang::tidy::corolint {

/// What counts as a lock, as configured by the check's options.
struct LockVocabulary {
  NameList GuardTypes;          ///< RAII guards (scoped_lockable types too).
  NameList BlockingMutexTypes;  ///< Mutexes that block the calling thread.
  NameList AsyncSafeTypes;      ///< Mutexes and guards that suspend instead.
  NameList LockFunctions;       ///< Member functions that acquire.
  NameList TryLockFunctions;    ///< Member functions that may acquire.
  NameList UnlockFunctions;     ///< Member functions that release.
  NameList FreeLockFunctions;   ///< Free functions taking the mutex first.
  NameList FreeUnlockFunctions; ///< Their releasing counterparts.
  NameList NonSuspendingAwaitables; ///< Awaitable types or callees to skip.
  /// Types whose objects must not be alive at a suspension point, besides
  /// those annotated [[clang::annotate("corolint::must_not_suspend")]].
  NameList MustNotSuspendTypes;
};

/// One place where a blocking lock is taken and that may still be held at a
/// suspension point.
struct HeldLock {
  SourceLocation Loc;          ///< Where the lock is taken.
  const VarDecl *Guard = nullptr; ///< The RAII guard variable, if any.
  std::string GuardName;       ///< The guard as written; "" for temporaries.
  std::string GuardTypeName;   ///< E.g. "std::unique_lock<std::mutex>".
  std::string MutexName;       ///< The mutex as written, e.g. "cache_mutex_".
  std::string MutexTypeName;   ///< E.g. "std::mutex".
  /// The suspension points it may be held at, in source order.
  llvm::SmallVector<const Expr *, 4> SuspensionPoints;
  /// Not a lock but an object of a must-not-suspend type, alive from its
  /// construction (Loc) to its destruction or move; Guard* name it.
  bool MustNotSuspend = false;
  std::string Reason; ///< The annotation's reason text, if it gave one.
};

/// Runs the analysis on \p Coroutine and returns every acquisition of a
/// blocking lock that may be held at one of its suspension points.
std::vector<HeldLock> findLocksHeldAcrossSuspension(
    const FunctionDecl &Coroutine, ASTContext &Context,
    const LockVocabulary &Vocabulary);

} // namespace clang::tidy::corolint

#endif // COROLINT_LOCKSETANALYSIS_H
