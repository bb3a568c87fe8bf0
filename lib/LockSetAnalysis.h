//===--- LockSetAnalysis.h - locks that may be held at suspensions -*- C++ -*-===//
//
// A forward may-analysis over the Clang CFG of one coroutine body, in the
// spirit of clang's thread-safety analysis: the state at each program point is
// the set of lock acquisitions that may still be held, and every acquisition
// that reaches a user-written co_await or co_yield is reported with the
// suspension points it reaches. Objects of must-not-suspend types are
// tracked the same way, alive from construction to destruction. What a lock
// is comes from LockModel.h; the solver from ForwardDataflow.h.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_LOCKSETANALYSIS_H
#define COROLINT_LOCKSETANALYSIS_H

#include "LockModel.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/SmallVector.h"
#include <string>
#include <vector>

namespace clang::tidy::corolint {

/// One place where a blocking lock is taken and that may still be held at a
/// suspension point.
struct HeldLock {
  SourceLocation Loc;             ///< Where the lock is taken.
  const VarDecl *Guard = nullptr; ///< The RAII guard variable, if any.
  std::string GuardName;          ///< The guard as written; "" for temporaries.
  std::string GuardTypeName;      ///< E.g. "std::unique_lock<std::mutex>".
  std::string MutexName;          ///< The mutex as written, e.g. "cache_mutex_".
  std::string MutexTypeName;      ///< E.g. "std::mutex".
  /// The suspension points it may be held at, in source order.
  llvm::SmallVector<const Expr *, 4> SuspensionPoints;
};

/// An object of a must-not-suspend type that may be alive at a suspension
/// point.
struct LiveMustNotSuspendObject {
  SourceLocation Loc;              ///< Where it is constructed.
  const VarDecl *Object = nullptr; ///< The variable, if it is one.
  std::string Name;                ///< The variable's name; "" for temporaries.
  std::string TypeName;            ///< E.g. "opentelemetry::trace::Scope".
  std::string Reason;              ///< The annotation's reason text, if any.
  /// The suspension points it may be alive at, in source order.
  llvm::SmallVector<const Expr *, 4> SuspensionPoints;
};

/// What may be held or alive across the suspension points of a coroutine.
struct SuspensionHazards {
  std::vector<HeldLock> Locks;
  std::vector<LiveMustNotSuspendObject> Objects;
};

/// Runs the analysis on \p Coroutine.
SuspensionHazards findHazardsAcrossSuspension(const FunctionDecl &Coroutine,
                                              ASTContext &Context,
                                              const LockVocabulary &Vocabulary);

} // namespace clang::tidy::corolint

#endif // COROLINT_LOCKSETANALYSIS_H
