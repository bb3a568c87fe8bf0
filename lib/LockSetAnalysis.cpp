//===--- LockSetAnalysis.cpp - locks that may be held at suspensions ------===//
//
// Locks are identified by a LockKey: the guard variable that owns them, the
// temporary guard (its CXXBindTemporaryExpr), or, for manual locking, the
// path to the mutex. The state maps keys to the acquisition sites they may
// hold; moving a guard transfers its sites to the new owner, releasing a key
// drops them. Keeping sites (not just keys) lets one warning name the place
// where the lock was taken even after the guard changed hands.
//
//===----------------------------------------------------------------------===//

#include "LockSetAnalysis.h"
#include "CoroutineModel.h"
#include "ForwardDataflow.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <map>
#include <optional>

namespace clang::tidy::corolint {
namespace {

using KeyId = unsigned;
using SiteId = unsigned;

/// The locks that may be held: sorted, unique (key, acquisition site) pairs.
class LockState {
public:
  bool operator==(const LockState &Other) const { return Held == Other.Held; }

  void acquire(KeyId Key, SiteId Id) { insert({Key, Id}); }

  void release(KeyId Key) {
    llvm::erase_if(Held, [Key](const Entry &E) { return E.first == Key; });
  }

  bool holds(KeyId Key) const {
    return llvm::any_of(Held, [Key](const Entry &E) { return E.first == Key; });
  }

  /// Moves everything \p From holds to \p To (what `To = std::move(From)`
  /// does).
  void transfer(KeyId From, KeyId To) {
    if (From == To)
      return;
    release(To);
    for (Entry &E : Held)
      if (E.first == From)
        E.first = To;
    llvm::sort(Held);
  }

  void swap(KeyId A, KeyId B) {
    for (Entry &E : Held)
      E.first = E.first == A ? B : E.first == B ? A : E.first;
    llvm::sort(Held);
  }

  void join(const LockState &Other) {
    for (const Entry &E : Other.Held)
      insert(E);
  }

  template <typename Fn> void forEachSite(Fn Visit) const {
    for (const Entry &E : Held)
      Visit(E.second);
  }

private:
  using Entry = std::pair<KeyId, SiteId>;

  void insert(Entry E) {
    auto It = llvm::lower_bound(Held, E);
    if (It == Held.end() || *It != E)
      Held.insert(It, E);
  }

  llvm::SmallVector<Entry, 4> Held;
};

/// `Token t = make();` is built in place, but clang still marks the call's
/// result as a temporary to destroy: that marker, or null.
const CXXBindTemporaryExpr *initializingCall(const VarDecl *Var) {
  const Expr *Init = Var->getInit();
  if (const auto *Cleanups = llvm::dyn_cast_or_null<ExprWithCleanups>(Init))
    Init = Cleanups->getSubExpr();
  return Init ? llvm::dyn_cast<CXXBindTemporaryExpr>(Init->IgnoreParens())
              : nullptr;
}

/// `std::move(X)` or `static_cast<T&&>(X)` → X; anything else → null.
const Expr *movedFrom(const Expr *E) {
  E = E->IgnoreImplicit()->IgnoreParens();
  if (const auto *Call = llvm::dyn_cast<CallExpr>(E);
      Call && Call->isCallToStdMove())
    return Call->getArg(0)->IgnoreParenImpCasts();
  if (const auto *Cast = llvm::dyn_cast<CXXStaticCastExpr>(E))
    if (Cast->getTypeAsWritten()->isRValueReferenceType())
      return Cast->getSubExpr()->IgnoreParenImpCasts();
  return nullptr;
}

/// True when \p S, or an expression inside it, moves from \p Param.
bool movesFrom(const Stmt *S, const ParmVarDecl &Param) {
  if (!S)
    return false;
  if (const auto *E = llvm::dyn_cast<Expr>(S))
    if (const auto *Ref = llvm::dyn_cast_or_null<DeclRefExpr>(movedFrom(E));
        Ref && Ref->getDecl() == &Param)
      return true;
  return llvm::any_of(S->children(), [&Param](const Stmt *Child) {
    return movesFrom(Child, Param);
  });
}

/// True when the visible definition of \p Ctor moves from its non-const
/// lvalue reference parameter \p Param, in a member initializer or its body.
bool constructorMovesFrom(const CXXConstructorDecl &Ctor,
                          const ParmVarDecl &Param) {
  QualType Type = Param.getType();
  if (!Type->isLValueReferenceType() ||
      Type.getNonReferenceType().isConstQualified())
    return false;
  const FunctionDecl *Definition = nullptr;
  if (!Ctor.hasBody(Definition))
    return false;
  const auto *Defined = llvm::cast<CXXConstructorDecl>(Definition);
  const ParmVarDecl *Same =
      Defined->getParamDecl(Param.getFunctionScopeIndex());
  return llvm::any_of(Defined->inits(),
                      [Same](const CXXCtorInitializer *Init) {
                        return movesFrom(Init->getInit(), *Same);
                      }) ||
         movesFrom(Defined->getBody(), *Same);
}

/// One place where a lock is taken or a must-not-suspend object is made.
struct Site {
  SourceLocation Loc;
  const VarDecl *Owner = nullptr; ///< The guard or object variable, if any.
  std::string OwnerName;          ///< The owner as written.
  std::string OwnerTypeName;
  std::string MutexName;
  std::string MutexTypeName;
  /// Set for a must-not-suspend object: why it must not suspend.
  std::optional<std::string> MustNotSuspendReason;
  llvm::SmallVector<const Expr *, 4> SuspensionPoints;
};

class Analysis {
public:
  using State = LockState;

  Analysis(const FunctionDecl &Coroutine, ASTContext &Context,
           const LockVocabulary &Vocabulary)
      : Coroutine(Coroutine), Context(Context), Vocabulary(Vocabulary) {}

  SuspensionHazards run();

  // The solver's interface (ForwardDataflow.h).
  State initialState() const { return State(); }
  void transfer(const CFGElement &Element, LockState &State);
  void transferEdge(const CFGBlock &Block, unsigned SuccIndex,
                    LockState &State);
  void join(LockState &Into, const LockState &From) const { Into.join(From); }

private:
  // Keys and sites.
  KeyId keyOf(const LockKey &Key);
  KeyId keyOf(const Expr *LockObject) {
    return keyOf(LockKey::forObject(LockObject));
  }
  SiteId siteFor(const Stmt *Where, SourceLocation Loc, const VarDecl *Owner,
                 QualType OwnerType, const Expr *Mutex, QualType MutexType);
  /// A site where lock()/try_lock() is called on \p Object, a guard or a mutex.
  SiteId siteForLockCall(const CXXMemberCallExpr *Call, QualType MutexType);
  std::string sourceText(const Expr *E) const;

  // Transfer functions.
  void recordConstructOwners();
  void transferStmt(const Stmt *S, LockState &State);
  void transferGuardConstruction(const CXXConstructExpr *Construct,
                                 LockState &State);
  void transferConstructedFrom(const CXXConstructExpr *Construct,
                               LockState &State);
  void transferMustNotSuspendConstruction(const CXXConstructExpr *Construct,
                                          const std::string &Reason,
                                          LockState &State);
  void transferMustNotSuspendInit(const VarDecl *Var, const std::string &Reason,
                                  LockState &State);
  void transferMustNotSuspendTemporary(const CXXBindTemporaryExpr *Bind,
                                       LockState &State);
  void markMustNotSuspend(SiteId Id, const std::string &Reason);
  void transferGuardInitFromCall(const VarDecl *Var, LockState &State);
  void transferMemberCall(const CXXMemberCallExpr *Call, LockState &State);
  void transferFreeCall(const CallExpr *Call, LockState &State);
  void transferGuardAssignment(const CXXOperatorCallExpr *Assign,
                               LockState &State);
  void releaseMovedArguments(const CallExpr *Call, LockState &State);
  void releaseMovedArguments(const CXXConstructExpr *Construct,
                             LockState &State);
  void recordSuspension(const Expr *Suspension, const LockState &State);

  // Branches that test a lock.
  struct LockTest {
    const Expr *Test = nullptr; ///< try_lock() call or guard's bool test.
    bool Negated = false;
  };
  LockTest lockTestOf(const CFGBlock &Block) const;
  bool isTryLockCall(const Expr *E) const;
  void acquireByTryLock(const CXXMemberCallExpr *Call, LockState &State);

  SuspensionHazards collectHazards();

  const FunctionDecl &Coroutine;
  ASTContext &Context;
  const LockVocabulary &Vocabulary;

  std::map<LockKey, KeyId> Keys;

  /// Where a guard-typed construction ends up: a variable or a temporary.
  struct GuardOwner {
    const VarDecl *Var = nullptr;
    const CXXBindTemporaryExpr *Temporary = nullptr;
    std::optional<LockKey> key() const {
      if (Var)
        return LockKey::forDecl(Var);
      if (Temporary)
        return LockKey::forTemporary(Temporary);
      return std::nullopt;
    }
  };
  llvm::DenseMap<const CXXConstructExpr *, GuardOwner> ConstructOwner;
  /// Objects returned by a call that become a variable, or a temporary
  /// bound to a reference variable: they live as long as the variable.
  llvm::DenseMap<const CXXBindTemporaryExpr *, const VarDecl *>
      ExtendedTemporaries;
  /// The try_lock() calls that decide a branch, handled on the edges.
  llvm::DenseSet<const Expr *> BranchingTryLocks;

  llvm::DenseMap<std::pair<const Stmt *, const void *>, SiteId> SiteIds;
  std::vector<Site> Sites;
  /// The (site, suspension point) pairs already in Sites: a block is visited
  /// again whenever its entry state grows.
  llvm::DenseSet<std::pair<SiteId, const Expr *>> RecordedSuspensions;
};

// --- Keys and sites -------------------------------------------------------

KeyId Analysis::keyOf(const LockKey &Key) {
  return Keys.try_emplace(Key, Keys.size()).first->second;
}

std::string Analysis::sourceText(const Expr *E) const {
  const SourceManager &SM = Context.getSourceManager();
  CharSourceRange Range = CharSourceRange::getTokenRange(E->getSourceRange());
  llvm::StringRef Text = Lexer::getSourceText(Range, SM, Context.getLangOpts());
  if (!Text.empty() && Text.size() < 80)
    return Text.str();
  std::string Printed;
  llvm::raw_string_ostream OS(Printed);
  E->printPretty(OS, nullptr, Context.getPrintingPolicy());
  return Printed;
}

SiteId Analysis::siteFor(const Stmt *Where, SourceLocation Loc,
                         const VarDecl *Owner, QualType OwnerType,
                         const Expr *Mutex, QualType MutexType) {
  auto [It, Inserted] =
      SiteIds.try_emplace({Where, static_cast<const void *>(Owner)},
                          static_cast<SiteId>(Sites.size()));
  if (!Inserted)
    return It->second;
  Site New;
  New.Loc = Loc;
  New.Owner = Owner;
  if (Owner)
    New.OwnerName = Owner->getNameAsString();
  PrintingPolicy Policy = Context.getPrintingPolicy();
  Policy.SuppressScope = false;
  if (!OwnerType.isNull())
    New.OwnerTypeName =
        OwnerType.getCanonicalType().getUnqualifiedType().getAsString(Policy);
  if (Mutex)
    New.MutexName = sourceText(denotedObject(Mutex));
  if (!MutexType.isNull())
    New.MutexTypeName =
        MutexType.getNonReferenceType().getUnqualifiedType().getAsString(
            Policy);
  Sites.push_back(std::move(New));
  return It->second;
}

SiteId Analysis::siteForLockCall(const CXXMemberCallExpr *Call,
                                 QualType MutexType) {
  const Expr *Object = Call->getImplicitObjectArgument();
  if (!Vocabulary.isGuardType(recordOf(Object->getType())))
    return siteFor(Call, Call->getExprLoc(), nullptr, QualType(), Object,
                   MutexType);
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(denotedObject(Object));
  const auto *Var = Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  SiteId Id =
      siteFor(Call, Call->getExprLoc(), Var,
              Object->getType().getNonReferenceType(), nullptr, MutexType);
  if (!Var)
    Sites[Id].OwnerName = sourceText(denotedObject(Object));
  return Id;
}

// --- Transfer functions ---------------------------------------------------

void Analysis::recordConstructOwners() {
  forEachOwnStmt(coroutineBody(Coroutine), [this](const Stmt &S) {
    if (const auto *Decls = llvm::dyn_cast<DeclStmt>(&S)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = llvm::dyn_cast<VarDecl>(D))
          if (const Expr *Init = Var->getInit()) {
            if (const auto *Construct =
                    llvm::dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit()))
              ConstructOwner[Construct] = {Var, nullptr};
            else if (const CXXBindTemporaryExpr *Bind = initializingCall(Var))
              ExtendedTemporaries[Bind] = Var;
          }
    } else if (const auto *Bind = llvm::dyn_cast<CXXBindTemporaryExpr>(&S)) {
      if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(
              Bind->getSubExpr()->IgnoreImplicit()))
        ConstructOwner.try_emplace(Construct, GuardOwner{nullptr, Bind});
    } else if (const auto *Temp =
                   llvm::dyn_cast<MaterializeTemporaryExpr>(&S)) {
      // A temporary bound to a reference lives as long as the reference.
      if (const auto *Extending =
              llvm::dyn_cast_or_null<VarDecl>(Temp->getExtendingDecl())) {
        if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(
                Temp->getSubExpr()->IgnoreImplicit()))
          ConstructOwner[Construct] = {Extending, nullptr};
        else if (const auto *Bind = llvm::dyn_cast<CXXBindTemporaryExpr>(
                     Temp->getSubExpr()->IgnoreParenImpCasts()))
          ExtendedTemporaries[Bind] = Extending;
      }
    }
  });
}

void Analysis::transfer(const CFGElement &Element, LockState &State) {
  if (auto S = Element.getAs<CFGStmt>()) {
    transferStmt(S->getStmt(), State);
  } else if (auto Dtor = Element.getAs<CFGAutomaticObjDtor>()) {
    State.release(keyOf(LockKey::forDecl(Dtor->getVarDecl())));
  } else if (auto TempDtor = Element.getAs<CFGTemporaryDtor>()) {
    State.release(
        keyOf(LockKey::forTemporary(TempDtor->getBindTemporaryExpr())));
  }
}

void Analysis::transferStmt(const Stmt *S, LockState &State) {
  if (const Expr *Suspension = asSuspensionPoint(S)) {
    if (!awaitsNonSuspending(*Suspension, Vocabulary.NonSuspendingAwaitables))
      recordSuspension(Suspension, State);
    return;
  }
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(S)) {
    const CXXRecordDecl *Type = Construct->getType()->getAsCXXRecordDecl();
    if (Vocabulary.isGuardType(Type))
      transferGuardConstruction(Construct, State);
    else if (std::optional<std::string> Reason =
                 Vocabulary.mustNotSuspendReason(Type))
      transferMustNotSuspendConstruction(Construct, *Reason, State);
    else
      releaseMovedArguments(Construct, State);
    return;
  }
  if (const auto *Decls = llvm::dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : Decls->decls()) {
      const auto *Var = llvm::dyn_cast<VarDecl>(D);
      if (!Var || !Var->getInit() ||
          llvm::isa<CXXConstructExpr>(Var->getInit()->IgnoreImplicit()))
        continue;
      const CXXRecordDecl *Type = Var->getType()->getAsCXXRecordDecl();
      if (Vocabulary.isGuardType(Type))
        transferGuardInitFromCall(Var, State);
      else if (std::optional<std::string> Reason =
                   Vocabulary.mustNotSuspendReason(Type))
        transferMustNotSuspendInit(Var, *Reason, State);
    }
    return;
  }
  if (const auto *Bind = llvm::dyn_cast<CXXBindTemporaryExpr>(S)) {
    transferMustNotSuspendTemporary(Bind, State);
    return;
  }
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(S)) {
    transferMemberCall(Member, State);
    releaseMovedArguments(Member, State);
    return;
  }
  if (const auto *Operator = llvm::dyn_cast<CXXOperatorCallExpr>(S)) {
    if (Operator->getOperator() == OO_Equal && Operator->getNumArgs() == 2 &&
        Vocabulary.isTrackedObject(Operator->getArg(0)))
      transferGuardAssignment(Operator, State);
    else
      releaseMovedArguments(Operator, State);
    return;
  }
  if (const auto *Call = llvm::dyn_cast<CallExpr>(S)) {
    transferFreeCall(Call, State);
    releaseMovedArguments(Call, State);
  }
}

/// The tag argument (defer_lock_t, try_to_lock_t, adopt_lock_t) a guard
/// constructor received, or "".
static llvm::StringRef lockTagOf(const CXXConstructExpr *Construct) {
  for (const Expr *Arg : Construct->arguments())
    if (const CXXRecordDecl *Record = recordOf(Arg->getType()))
      if (const IdentifierInfo *Id = Record->getIdentifier())
        if (Id->getName().ends_with("_lock_t"))
          return Id->getName();
  return "";
}

void Analysis::transferGuardConstruction(const CXXConstructExpr *Construct,
                                         LockState &State) {
  const GuardOwner Owner = ConstructOwner.lookup(Construct);
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  if (Ctor && (Ctor->isMoveConstructor() || Ctor->isCopyConstructor()) &&
      Construct->getNumArgs() >= 1) {
    transferConstructedFrom(Construct, State);
    return;
  }
  if (!Owner.key() || Construct->getNumArgs() == 0)
    return; // A default-constructed guard owns nothing.
  llvm::StringRef Tag = lockTagOf(Construct);
  if (Tag == "defer_lock_t")
    return;
  const CXXRecordDecl *GuardType = Construct->getType()->getAsCXXRecordDecl();
  std::optional<QualType> Mutex =
      Vocabulary.blockingMutexOfGuard(GuardType, Construct);
  if (!Mutex)
    return;
  const Expr *MutexArg = Construct->getArg(0);
  if (Tag == "adopt_lock_t")
    State.release(keyOf(MutexArg)); // The guard adopts a manual lock.
  SourceLocation Loc =
      Owner.Var ? Owner.Var->getLocation() : Construct->getBeginLoc();
  State.acquire(keyOf(*Owner.key()),
                siteFor(Construct, Loc, Owner.Var, Construct->getType(),
                        MutexArg, *Mutex));
}

void Analysis::transferConstructedFrom(const CXXConstructExpr *Construct,
                                       LockState &State) {
  // The new object takes over whatever the old one held; the moved-from
  // object holds nothing afterwards.
  const GuardOwner Owner = ConstructOwner.lookup(Construct);
  const Expr *From = Construct->getArg(0);
  if (const Expr *Moved = movedFrom(From))
    From = Moved;
  const Expr *FromObject = From->IgnoreImplicit();
  if (Vocabulary.isTrackedObject(FromObject) &&
      !llvm::isa<CXXConstructExpr, CallExpr>(FromObject)) {
    KeyId FromKey = keyOf(FromObject);
    if (Owner.key())
      State.transfer(FromKey, keyOf(*Owner.key()));
    else
      State.release(FromKey);
  } else if (const auto *Bind =
                 llvm::dyn_cast<CXXBindTemporaryExpr>(From->IgnoreParens())) {
    if (Owner.key())
      State.transfer(keyOf(LockKey::forTemporary(Bind)), keyOf(*Owner.key()));
  }
}

void Analysis::markMustNotSuspend(SiteId Id, const std::string &Reason) {
  Sites[Id].MustNotSuspendReason = Reason;
}

void Analysis::transferMustNotSuspendConstruction(
    const CXXConstructExpr *Construct, const std::string &Reason,
    LockState &State) {
  // Moving hands the object's state over; any other construction, a copy
  // included, makes one more object that must not suspend.
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  if (Ctor && Ctor->isMoveConstructor() && Construct->getNumArgs() >= 1) {
    transferConstructedFrom(Construct, State);
    return;
  }
  releaseMovedArguments(Construct, State);
  const GuardOwner Owner = ConstructOwner.lookup(Construct);
  if (!Owner.key())
    return;
  SourceLocation Loc =
      Owner.Var ? Owner.Var->getLocation() : Construct->getBeginLoc();
  SiteId Id = siteFor(Construct, Loc, Owner.Var, Construct->getType(), nullptr,
                      QualType());
  markMustNotSuspend(Id, Reason);
  State.acquire(keyOf(*Owner.key()), Id);
}

void Analysis::transferMustNotSuspendInit(const VarDecl *Var,
                                          const std::string &Reason,
                                          LockState &State) {
  // `Token t = make_token();` or `Token t = co_await acquire();`: the
  // object is built in place by the call (a destructible one is handled as
  // the temporary clang marks it as).
  if (const Expr *Moved = movedFrom(Var->getInit()->IgnoreImplicit())) {
    State.transfer(keyOf(Moved), keyOf(LockKey::forDecl(Var)));
    return;
  }
  if (initializingCall(Var))
    return;
  SiteId Id = siteFor(Var->getInit(), Var->getLocation(), Var, Var->getType(),
                      nullptr, QualType());
  markMustNotSuspend(Id, Reason);
  State.acquire(keyOf(LockKey::forDecl(Var)), Id);
}

void Analysis::transferMustNotSuspendTemporary(const CXXBindTemporaryExpr *Bind,
                                               LockState &State) {
  // Temporaries built by a constructor are handled with it; this is one
  // returned by a call, alive until the end of its full-expression.
  const Expr *Sub = Bind->getSubExpr()->IgnoreImplicit();
  if (llvm::isa<CXXConstructExpr>(Sub))
    return;
  std::optional<std::string> Reason =
      Vocabulary.mustNotSuspendReason(Bind->getType()->getAsCXXRecordDecl());
  if (!Reason)
    return;
  const VarDecl *Extending = ExtendedTemporaries.lookup(Bind);
  SiteId Id =
      siteFor(Bind, Extending ? Extending->getLocation() : Bind->getBeginLoc(),
              Extending, Bind->getType(), nullptr, QualType());
  markMustNotSuspend(Id, *Reason);
  State.acquire(Extending ? keyOf(LockKey::forDecl(Extending))
                          : keyOf(LockKey::forTemporary(Bind)),
                Id);
}

void Analysis::transferGuardInitFromCall(const VarDecl *Var, LockState &State) {
  // `auto lk = make_lock(m);` — the guard comes back locked unless we can
  // tell otherwise; its template argument says whether the mutex blocks.
  const CXXRecordDecl *GuardType = Var->getType()->getAsCXXRecordDecl();
  const Expr *Init = Var->getInit()->IgnoreImplicit();
  if (asSuspensionPoint(Init))
    return; // Guards handed out by an awaitable come from an async mutex.
  if (const Expr *Moved = movedFrom(Init)) {
    State.transfer(keyOf(Moved), keyOf(LockKey::forDecl(Var)));
    return;
  }
  std::optional<QualType> Mutex =
      Vocabulary.blockingMutexOfGuard(GuardType, nullptr);
  if (!Mutex)
    return;
  State.acquire(keyOf(LockKey::forDecl(Var)),
                siteFor(Var->getInit(), Var->getLocation(), Var, Var->getType(),
                        nullptr, *Mutex));
}

void Analysis::transferMemberCall(const CXXMemberCallExpr *Call,
                                  LockState &State) {
  const CXXMethodDecl *Method = Call->getMethodDecl();
  const Expr *Object = Call->getImplicitObjectArgument();
  if (!Method || !Object || !Method->getIdentifier())
    return;
  llvm::StringRef Name = Method->getName();
  const CXXRecordDecl *ObjectType = recordOf(Object->getType());
  bool OnGuard = Vocabulary.isGuardType(ObjectType);
  if (!OnGuard && !Vocabulary.isBlockingMutexType(Object->getType()))
    return;
  // A guard's release() gives the mutex up without unlocking it: either way
  // this coroutine no longer holds it.
  bool Releases = Vocabulary.UnlockFunctions.contains(Name) ||
                  (OnGuard && Name == "release");
  if (Releases) {
    State.release(keyOf(Object));
  } else if (OnGuard && Name == "swap" && Call->getNumArgs() == 1) {
    State.swap(keyOf(Object), keyOf(Call->getArg(0)));
  } else if (Vocabulary.LockFunctions.contains(Name)) {
    std::optional<QualType> Mutex =
        OnGuard ? Vocabulary.blockingMutexOfGuard(ObjectType, nullptr)
                : std::optional<QualType>(Object->getType());
    if (!Mutex)
      return;
    State.acquire(keyOf(Object), siteForLockCall(Call, *Mutex));
  } else if (Vocabulary.TryLockFunctions.contains(Name) &&
             !BranchingTryLocks.contains(Call)) {
    // A try_lock whose result is not branched on may have succeeded.
    acquireByTryLock(Call, State);
  }
}

void Analysis::acquireByTryLock(const CXXMemberCallExpr *Call,
                                LockState &State) {
  const Expr *Object = Call->getImplicitObjectArgument();
  const CXXRecordDecl *ObjectType = recordOf(Object->getType());
  bool OnGuard = Vocabulary.isGuardType(ObjectType);
  std::optional<QualType> Mutex =
      OnGuard ? Vocabulary.blockingMutexOfGuard(ObjectType, nullptr)
              : std::optional<QualType>(Object->getType());
  if (!Mutex || (!OnGuard && !Vocabulary.isBlockingMutexType(*Mutex)))
    return;
  State.acquire(keyOf(Object), siteForLockCall(Call, *Mutex));
}

void Analysis::transferFreeCall(const CallExpr *Call, LockState &State) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || Call->getNumArgs() == 0)
    return;
  if (Callee->getIdentifier() && Callee->getName() == "swap" &&
      Callee->isInStdNamespace() && Call->getNumArgs() == 2 &&
      Vocabulary.isTrackedObject(Call->getArg(0))) {
    State.swap(keyOf(Call->getArg(0)), keyOf(Call->getArg(1)));
    return;
  }
  if (Vocabulary.FreeUnlockFunctions.contains(Callee)) {
    State.release(keyOf(Call->getArg(0)));
  } else if (Vocabulary.FreeLockFunctions.contains(Callee)) {
    const Expr *Mutex = Call->getArg(0);
    State.acquire(keyOf(Mutex),
                  siteFor(Call, Call->getBeginLoc(), nullptr, QualType(), Mutex,
                          Mutex->getType()->getPointeeType()));
  }
}

void Analysis::transferGuardAssignment(const CXXOperatorCallExpr *Assign,
                                       LockState &State) {
  // `lk = std::move(other)` or `lk = std::unique_lock(m)`: the old lock is
  // released, the right-hand side's moves in.
  KeyId To = keyOf(Assign->getArg(0));
  const Expr *From = Assign->getArg(1);
  State.release(To);
  if (const Expr *Moved = movedFrom(From)) {
    State.transfer(keyOf(Moved), To);
    return;
  }
  From = From->IgnoreParenImpCasts();
  if (const auto *Temp = llvm::dyn_cast<MaterializeTemporaryExpr>(From))
    From = Temp->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Bind = llvm::dyn_cast<CXXBindTemporaryExpr>(From))
    State.transfer(keyOf(LockKey::forTemporary(Bind)), To);
}

void Analysis::releaseMovedArguments(const CallExpr *Call, LockState &State) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  unsigned Offset = llvm::isa<CXXOperatorCallExpr>(Call) &&
                            llvm::isa_and_nonnull<CXXMethodDecl>(Callee)
                        ? 1
                        : 0;
  for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
    const Expr *Moved = movedFrom(Call->getArg(I));
    if (!Moved || !Vocabulary.isTrackedObject(Moved))
      continue;
    // Passed by rvalue reference: the callee owns it now. (By value, the
    // argument is a move-constructed temporary, handled as a construction.)
    const ParmVarDecl *Param =
        Callee && I >= Offset && I - Offset < Callee->getNumParams()
            ? Callee->getParamDecl(I - Offset)
            : nullptr;
    if (!Param || Param->getType()->isRValueReferenceType())
      State.release(keyOf(Moved));
  }
}

void Analysis::releaseMovedArguments(const CXXConstructExpr *Construct,
                                     LockState &State) {
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  for (unsigned I = 0; I < Construct->getNumArgs(); ++I) {
    const ParmVarDecl *Param =
        Ctor && I < Ctor->getNumParams() ? Ctor->getParamDecl(I) : nullptr;
    const Expr *Moved = movedFrom(Construct->getArg(I));
    if (!Moved) {
      // `co_await unlock_then_wait{lk}`: an awaiter whose constructor takes
      // the guard by reference and moves it into itself, to release it in
      // await_suspend.
      const Expr *Arg = Construct->getArg(I)->IgnoreParenImpCasts();
      if (Param && Vocabulary.isTrackedObject(Arg) &&
          constructorMovesFrom(*Ctor, *Param))
        State.release(keyOf(Arg));
      continue;
    }
    if (!Vocabulary.isTrackedObject(Moved))
      continue;
    if (!Param || Param->getType()->isRValueReferenceType())
      State.release(keyOf(Moved));
  }
}

void Analysis::recordSuspension(const Expr *Suspension,
                                const LockState &State) {
  State.forEachSite([&](SiteId Id) {
    if (RecordedSuspensions.insert({Id, Suspension}).second)
      Sites[Id].SuspensionPoints.push_back(Suspension);
  });
}

// --- Branches that test a lock ---------------------------------------------

bool Analysis::isTryLockCall(const Expr *E) const {
  const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(E);
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  return Method && Method->getIdentifier() &&
         Vocabulary.TryLockFunctions.contains(Method->getName());
}

Analysis::LockTest Analysis::lockTestOf(const CFGBlock &Block) const {
  LockTest Result;
  const Stmt *Cond = Block.getTerminatorCondition();
  const auto *E = llvm::dyn_cast_or_null<Expr>(Cond);
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Not = llvm::dyn_cast<UnaryOperator>(E);
        Not && Not->getOpcode() == UO_LNot) {
      Result.Negated = !Result.Negated;
      E = Not->getSubExpr();
      continue;
    }
    break;
  }
  if (!E)
    return Result;
  if (isTryLockCall(E)) {
    Result.Test = E;
    return Result;
  }
  // `if (lk)` / `if (lk.owns_lock())` on a guard.
  if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(E))
    if (const CXXMethodDecl *Method = Call->getMethodDecl())
      if ((llvm::isa<CXXConversionDecl>(Method) ||
           (Method->getIdentifier() && Method->getName() == "owns_lock")) &&
          Vocabulary.isTrackedObject(Call->getImplicitObjectArgument()))
        Result.Test = E;
  return Result;
}

void Analysis::transferEdge(const CFGBlock &Block, unsigned SuccIndex,
                            LockState &State) {
  LockTest Test = lockTestOf(Block);
  if (!Test.Test || Block.succ_size() != 2)
    return;
  bool TestIsTrue = (SuccIndex == 0) != Test.Negated;
  const auto *Call = llvm::cast<CXXMemberCallExpr>(Test.Test);
  if (isTryLockCall(Call)) {
    if (TestIsTrue)
      acquireByTryLock(Call, State);
  } else if (!TestIsTrue) {
    State.release(keyOf(Call->getImplicitObjectArgument()));
  }
}

/// A CFG whose elements are the statements transferStmt() acts on, besides
/// the full expressions and destructors every CFG has. Leaving out every
/// other subexpression (references, casts, literals) changes nothing the
/// transfer functions see and makes the CFG, most of the check's cost in
/// dense coroutine code, smaller to build and to walk.
static CFG::BuildOptions lockCFGOptions() {
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  Options.AddTemporaryDtors = true;
  auto AddRange = [&Options](Stmt::StmtClass First, Stmt::StmtClass Last) {
    for (unsigned Class = First; Class <= Last; ++Class)
      Options.setAlwaysAdd(static_cast<Stmt::StmtClass>(Class));
  };
  AddRange(Stmt::firstCallExprConstant, Stmt::lastCallExprConstant);
  AddRange(Stmt::firstCXXConstructExprConstant,
           Stmt::lastCXXConstructExprConstant);
  AddRange(Stmt::firstCoroutineSuspendExprConstant,
           Stmt::lastCoroutineSuspendExprConstant);
  Options.setAlwaysAdd(Stmt::CXXBindTemporaryExprClass);
  Options.setAlwaysAdd(Stmt::DeclStmtClass);
  return Options;
}

SuspensionHazards Analysis::run() {
  const CoroutineBodyStmt *Body = coroutineBody(Coroutine);
  if (!Body || !Body->getBody())
    return {};
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(&Coroutine, Body->getBody(), &Context, lockCFGOptions());
  if (!Graph)
    return {};

  recordConstructOwners();
  for (const CFGBlock *Block : *Graph) {
    LockTest Test = lockTestOf(*Block);
    if (Test.Test && isTryLockCall(Test.Test))
      BranchingTryLocks.insert(Test.Test);
  }
  solveForwardMay(*Graph, *this);
  return collectHazards();
}

SuspensionHazards Analysis::collectHazards() {
  SuspensionHazards Found;
  const SourceManager &SM = Context.getSourceManager();
  for (Site &Each : Sites) {
    if (Each.SuspensionPoints.empty())
      continue;
    llvm::sort(Each.SuspensionPoints, [&SM](const Expr *A, const Expr *B) {
      return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
    });
    if (Each.MustNotSuspendReason) {
      Found.Objects.push_back({Each.Loc, Each.Owner, std::move(Each.OwnerName),
                               std::move(Each.OwnerTypeName),
                               std::move(*Each.MustNotSuspendReason),
                               std::move(Each.SuspensionPoints)});
      continue;
    }
    Found.Locks.push_back(
        {Each.Loc, Each.Owner, std::move(Each.OwnerName),
         std::move(Each.OwnerTypeName), std::move(Each.MutexName),
         std::move(Each.MutexTypeName), std::move(Each.SuspensionPoints)});
  }
  return Found;
}

} // namespace

SuspensionHazards
findHazardsAcrossSuspension(const FunctionDecl &Coroutine, ASTContext &Context,
                            const LockVocabulary &Vocabulary) {
  return Analysis(Coroutine, Context, Vocabulary).run();
}

} // namespace clang::tidy::corolint
