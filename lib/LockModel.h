//===--- LockModel.h - what a lock is, and which object holds it -*- C++ -*-===//
//
// The vocabulary of the lock analysis (which types are guards and blocking
// mutexes, which calls lock and unlock, which types must not live across a
// suspension point) and the key that names the object holding a lock. A key
// is structured like the thread-safety analysis's capability expressions: a
// root (a declaration, a temporary, `this`) and the chain of members below
// it, so that `m`, `this->m` and `(m)` are one key.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_LOCKMODEL_H
#define COROLINT_LOCKMODEL_H

#include "NameList.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

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

  bool isGuardType(const CXXRecordDecl *Record) const;
  bool isBlockingMutexType(QualType T) const;
  /// The blocking mutex type a guard of type \p Guard locks, if any; a
  /// non-template guard says it through its constructor's arguments.
  std::optional<QualType>
  blockingMutexOfGuard(const CXXRecordDecl *Guard,
                       const CXXConstructExpr *Construct) const;
  /// Why \p Record's objects must not live across a suspension point ("" for
  /// no reason given), or nothing if they may.
  std::optional<std::string>
  mustNotSuspendReason(const CXXRecordDecl *Record) const;
  /// True when \p E is a guard or a must-not-suspend object: its moves and
  /// swaps carry what it holds.
  bool isTrackedObject(const Expr *E) const;
};

/// The class \p T names, refers or points to.
const CXXRecordDecl *recordOf(QualType T);

/// \p E without what does not change which object it denotes: parentheses,
/// implicit conversions, `&` and `*`.
const Expr *denotedObject(const Expr *E);

/// The object that holds a lock: a variable, a temporary guard, or for
/// manual locking the mutex, named by a path such as `this->shard.mutex`.
class LockKey {
public:
  /// The variable \p Var itself.
  static LockKey forDecl(const ValueDecl *Var);
  /// The temporary \p Temporary (a guard destroyed at the end of its
  /// full-expression).
  static LockKey forTemporary(const CXXBindTemporaryExpr *Temporary);
  /// The object \p E denotes.
  static LockKey forObject(const Expr *E);

  bool operator<(const LockKey &Other) const;
  bool operator==(const LockKey &Other) const;

private:
  enum class RootKind { Declaration, Temporary, This, Unnamed };
  LockKey() = default;
  LockKey(RootKind Kind, const void *Root) : Kind(Kind), Root(Root) {}
  void appendPath(const Expr *E);

  RootKind Kind = RootKind::Unnamed;
  /// The declaration or the CXXBindTemporaryExpr the path starts at.
  const void *Root = nullptr;
  /// Where an unnamed root (a call's result, say) is written: the same
  /// expression text at one place is one object.
  SourceLocation::UIntTy UnnamedLoc = 0;
  llvm::SmallVector<const ValueDecl *, 2> Members;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_LOCKMODEL_H
