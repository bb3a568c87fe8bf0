//===--- LockSetAnalysis.cpp - locks that may be held at suspensions ------===//
//
// Locks are identified by a key: the guard variable that owns them, the
// temporary guard (its CXXBindTemporaryExpr), or, for manual locking, the
// mutex expression. The state maps keys to the acquisition sites they may
// hold; moving a guard transfers its sites to the new owner, releasing a key
// drops them. Keeping sites (not just keys) lets one warning name the place
// where the lock was taken even after the guard changed hands.
//
//===----------------------------------------------------------------------===//

#include "LockSetAnalysis.h"
#include "CoroutineModel.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include <algorithm>
#include <functional>
#include <optional>
#include <queue>

namespace clang::tidy::corolint {
namespace {

using KeyId = unsigned;
using SiteId = unsigned;

/// The locks that may be held: sorted, unique (key, acquisition site) pairs.
class LockState {
public:
  bool operator==(const LockState &Other) const { return Held == Other.Held; }

  void acquire(KeyId Key, SiteId Site) { insert({Key, Site}); }

  void release(KeyId Key) {
    llvm::erase_if(Held, [Key](const Entry &E) { return E.first == Key; });
  }

  bool holds(KeyId Key) const {
    return llvm::any_of(Held, [Key](const Entry &E) { return E.first == Key; });
  }

  /// Moves everything \p From holds to \p To (what `To = std::move(From)` does).
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

const Expr *ignoreMove(const Expr *E);

/// `Token t = make();` is built in place, but clang still marks the call's
/// result as a temporary to destroy: that marker, or null.
const CXXBindTemporaryExpr *initialisingCall(const VarDecl *Var) {
  const Expr *Init = Var->getInit();
  if (const auto *Cleanups = llvm::dyn_cast_or_null<ExprWithCleanups>(Init))
    Init = Cleanups->getSubExpr();
  return Init ? llvm::dyn_cast<CXXBindTemporaryExpr>(Init->IgnoreParens())
              : nullptr;
}

/// Strips what does not change which object an expression denotes.
const Expr *denotedObject(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(E))
    if (Unary->getOpcode() == UO_AddrOf || Unary->getOpcode() == UO_Deref)
      return denotedObject(Unary->getSubExpr());
  return E;
}

/// `std::move(X)` or `static_cast<T&&>(X)` → X; anything else → null.
const Expr *ignoreMove(const Expr *E) {
  E = E->IgnoreImplicit()->IgnoreParens();
  if (const auto *Call = llvm::dyn_cast<CallExpr>(E))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      if (Call->getNumArgs() == 1 && Callee->getIdentifier() &&
          Callee->getName() == "move" && Callee->isInStdNamespace())
        return Call->getArg(0)->IgnoreParenImpCasts();
  if (const auto *Cast = llvm::dyn_cast<CXXStaticCastExpr>(E))
    if (Cast->getTypeAsWritten()->isRValueReferenceType())
      return Cast->getSubExpr()->IgnoreParenImpCasts();
  return nullptr;
}

const CXXRecordDecl *recordOf(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *Pointer = T->getAs<PointerType>())
    T = Pointer->getPointeeType();
  return T->getAsCXXRecordDecl();
}

/// Each reachable block's position in reverse post-order. Taking blocks in
/// this order, every block of a loop-free graph is visited once, after all its
/// predecessors; in first-in first-out order a block is revisited whenever one
/// more predecessor is done, which made a long switch cubic.
std::vector<unsigned> reversePostOrderRanks(const CFG &Graph) {
  std::vector<const CFGBlock *> PostOrder;
  llvm::BitVector Seen(Graph.getNumBlockIDs());
  // Depth-first, without recursion: a coroutine's CFG can be deep.
  llvm::SmallVector<std::pair<const CFGBlock *, CFGBlock::const_succ_iterator>,
                    32>
      Stack;
  const CFGBlock &Entry = Graph.getEntry();
  Seen.set(Entry.getBlockID());
  Stack.push_back({&Entry, Entry.succ_begin()});
  while (!Stack.empty()) {
    const CFGBlock *Block = Stack.back().first;
    CFGBlock::const_succ_iterator &Next = Stack.back().second;
    if (Next == Block->succ_end()) {
      PostOrder.push_back(Block);
      Stack.pop_back();
      continue;
    }
    const CFGBlock *Succ = (Next++)->getReachableBlock();
    if (Succ && !Seen.test(Succ->getBlockID())) {
      Seen.set(Succ->getBlockID());
      Stack.push_back({Succ, Succ->succ_begin()});
    }
  }
  std::vector<unsigned> Ranks(Graph.getNumBlockIDs(), 0);
  for (unsigned I = 0, E = PostOrder.size(); I != E; ++I)
    Ranks[PostOrder[I]->getBlockID()] = E - 1 - I;
  return Ranks;
}

class Analysis {
public:
  Analysis(const FunctionDecl &Coroutine, ASTContext &Context,
           const LockVocabulary &Vocabulary)
      : Coroutine(Coroutine), Context(Context), Vocabulary(Vocabulary) {}

  std::vector<HeldLock> run();

private:
  // --- Vocabulary ---
  bool isGuardType(const CXXRecordDecl *Record) const;
  bool isBlockingMutexType(QualType T) const;
  /// The blocking mutex type a guard of type \p Guard locks, if any.
  std::optional<QualType> blockingMutexOfGuard(const CXXRecordDecl *Guard,
                                               const CXXConstructExpr *Construct) const;
  bool isGuardVariable(const Expr *E) const;
  /// Why \p Record's objects must not live across a suspension point ("" for
  /// no reason given), or nothing if they may.
  std::optional<std::string>
  mustNotSuspendReason(const CXXRecordDecl *Record) const;

  // --- Keys and sites ---
  KeyId keyOf(const void *Object);
  KeyId keyOf(const Expr *LockObject);
  SiteId siteFor(const Stmt *Where, SourceLocation Loc, const VarDecl *Guard,
                 QualType GuardType, const Expr *Mutex, QualType MutexType);
  /// A site where lock()/try_lock() is called on \p Object, a guard or a mutex.
  SiteId siteForLockCall(const CXXMemberCallExpr *Call, QualType MutexType);
  std::string sourceText(const Expr *E) const;

  // --- Transfer functions ---
  void recordConstructOwners();
  void transfer(const CFGElement &Element, LockState &State);
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
  void markMustNotSuspend(SiteId Site, const std::string &Reason);
  void transferGuardInitFromCall(const VarDecl *Var, LockState &State);
  void transferMemberCall(const CXXMemberCallExpr *Call, LockState &State);
  void transferFreeCall(const CallExpr *Call, LockState &State);
  void transferGuardAssignment(const CXXOperatorCallExpr *Assign,
                               LockState &State);
  void releaseMovedArguments(const CallExpr *Call, LockState &State);
  void releaseMovedArguments(const CXXConstructExpr *Construct,
                             LockState &State);
  void recordSuspension(const Expr *Suspension, const LockState &State);

  // --- Branches that test a lock ---
  struct LockTest {
    const Expr *Test = nullptr; ///< try_lock() call or guard's bool test.
    bool Negated = false;
  };
  LockTest lockTestOf(const CFGBlock &Block) const;
  bool isTryLockCall(const Expr *E) const;
  void refineOnEdge(const CFGBlock &Block, unsigned SuccIndex, LockState &State);
  void acquireByTryLock(const CXXMemberCallExpr *Call, LockState &State);

  const FunctionDecl &Coroutine;
  ASTContext &Context;
  const LockVocabulary &Vocabulary;

  llvm::DenseMap<const void *, KeyId> ObjectKeys;
  llvm::StringMap<KeyId> MutexKeys;
  KeyId NextKey = 0;

  /// Where a guard-typed construction ends up: a variable or a temporary.
  struct GuardOwner {
    const VarDecl *Var = nullptr;
    const CXXBindTemporaryExpr *Temporary = nullptr;
    const void *object() const {
      return Var ? static_cast<const void *>(Var) : Temporary;
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
  std::vector<HeldLock> Sites;
  /// The (site, suspension point) pairs already in Sites: a block is visited
  /// again whenever its entry state grows.
  llvm::DenseSet<std::pair<SiteId, const Expr *>> RecordedSuspensions;
};

// --- Vocabulary -----------------------------------------------------------

bool Analysis::isGuardType(const CXXRecordDecl *Record) const {
  if (!Record || Vocabulary.AsyncSafeTypes.contains(Record))
    return false;
  return Vocabulary.GuardTypes.contains(Record) ||
         Record->hasAttr<ScopedLockableAttr>();
}

bool Analysis::isBlockingMutexType(QualType T) const {
  const CXXRecordDecl *Record = recordOf(T);
  if (!Record || Vocabulary.AsyncSafeTypes.containsRecordOrBase(Record))
    return false;
  return Vocabulary.BlockingMutexTypes.containsRecordOrBase(Record) ||
         Record->hasAttr<CapabilityAttr>();
}

std::optional<QualType>
Analysis::blockingMutexOfGuard(const CXXRecordDecl *Guard,
                               const CXXConstructExpr *Construct) const {
  // The guard's template arguments say what it locks (CTAD and aliases
  // included); a non-template scoped_lockable type says it through its
  // constructor's arguments.
  if (const auto *Spec = llvm::dyn_cast<ClassTemplateSpecializationDecl>(Guard)) {
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
      if (Arg.getKind() == TemplateArgument::Type &&
          isBlockingMutexType(Arg.getAsType()))
        return Arg.getAsType();
      if (Arg.getKind() == TemplateArgument::Pack)
        for (const TemplateArgument &Packed : Arg.pack_elements())
          if (Packed.getKind() == TemplateArgument::Type &&
              isBlockingMutexType(Packed.getAsType()))
            return Packed.getAsType();
    }
    return std::nullopt;
  }
  if (Construct)
    for (const Expr *Arg : Construct->arguments())
      if (isBlockingMutexType(Arg->getType()))
        return Arg->getType().getNonReferenceType();
  return std::nullopt;
}

bool Analysis::isGuardVariable(const Expr *E) const {
  if (!E)
    return false;
  const CXXRecordDecl *Record = recordOf(E->getType());
  return isGuardType(Record) || mustNotSuspendReason(Record);
}

/// The reason of a corolint::must_not_suspend annotation on \p Record or the
/// template it was instantiated from.
static std::optional<std::string>
annotatedMustNotSuspend(const CXXRecordDecl *Record) {
  for (const CXXRecordDecl *Decl :
       {Record->getMostRecentDecl(),
        Record->getTemplateInstantiationPattern()}) {
    if (!Decl || !Decl->hasAttrs())
      continue;
    for (const auto *Attr : Decl->specific_attrs<AnnotateAttr>()) {
      if (Attr->getAnnotation() != "corolint::must_not_suspend")
        continue;
      if (Attr->args_size() > 0)
        if (const auto *Text = llvm::dyn_cast<StringLiteral>(
                (*Attr->args_begin())->IgnoreParenImpCasts()))
          return Text->getString().str();
      return std::string();
    }
  }
  return std::nullopt;
}

std::optional<std::string>
Analysis::mustNotSuspendReason(const CXXRecordDecl *Record) const {
  if (!Record)
    return std::nullopt;
  if (Vocabulary.MustNotSuspendTypes.containsRecordOrBase(Record))
    return std::string();
  if (std::optional<std::string> Reason = annotatedMustNotSuspend(Record))
    return Reason;
  // A class derived from a must-not-suspend type is one.
  const CXXRecordDecl *Definition = Record->getDefinition();
  std::optional<std::string> Reason;
  if (Definition)
    Definition->forallBases([&Reason](const CXXRecordDecl *Base) {
      Reason = annotatedMustNotSuspend(Base);
      return !Reason;
    });
  return Reason;
}

// --- Keys and sites -------------------------------------------------------

KeyId Analysis::keyOf(const void *Object) {
  auto [It, Inserted] = ObjectKeys.try_emplace(Object, NextKey);
  if (Inserted)
    ++NextKey;
  return It->second;
}

/// Builds a name for the object a lock call acts on that is equal for `m`,
/// `this->m` and `(m)`; plain variables are keyed by their declaration.
static void appendObjectPath(const Expr *E, std::string &Path) {
  E = denotedObject(E);
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E)) {
    Path += std::to_string(reinterpret_cast<uintptr_t>(Ref->getDecl()));
  } else if (const auto *Member = llvm::dyn_cast<MemberExpr>(E)) {
    appendObjectPath(Member->getBase(), Path);
    Path += "." + std::to_string(
                      reinterpret_cast<uintptr_t>(Member->getMemberDecl()));
  } else if (llvm::isa<CXXThisExpr>(E)) {
    Path += "this";
  } else {
    Path += "@" + std::to_string(E->getBeginLoc().getRawEncoding());
  }
}

KeyId Analysis::keyOf(const Expr *LockObject) {
  const Expr *Object = denotedObject(LockObject);
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Object))
    return keyOf(static_cast<const void *>(Ref->getDecl()));
  std::string Path;
  appendObjectPath(Object, Path);
  auto [It, Inserted] = MutexKeys.try_emplace(Path, NextKey);
  if (Inserted)
    ++NextKey;
  return It->second;
}

std::string Analysis::sourceText(const Expr *E) const {
  const SourceManager &SM = Context.getSourceManager();
  CharSourceRange Range = CharSourceRange::getTokenRange(E->getSourceRange());
  llvm::StringRef Text =
      Lexer::getSourceText(Range, SM, Context.getLangOpts());
  if (!Text.empty() && Text.size() < 80)
    return Text.str();
  std::string Printed;
  llvm::raw_string_ostream OS(Printed);
  E->printPretty(OS, nullptr, Context.getPrintingPolicy());
  return Printed;
}

SiteId Analysis::siteFor(const Stmt *Where, SourceLocation Loc,
                         const VarDecl *Guard, QualType GuardType,
                         const Expr *Mutex, QualType MutexType) {
  auto [It, Inserted] =
      SiteIds.try_emplace({Where, static_cast<const void *>(Guard)},
                          static_cast<SiteId>(Sites.size()));
  if (!Inserted)
    return It->second;
  HeldLock Site;
  Site.Loc = Loc;
  Site.Guard = Guard;
  if (Guard)
    Site.GuardName = Guard->getNameAsString();
  PrintingPolicy Policy = Context.getPrintingPolicy();
  Policy.SuppressScope = false;
  if (!GuardType.isNull())
    Site.GuardTypeName =
        GuardType.getCanonicalType().getUnqualifiedType().getAsString(Policy);
  if (Mutex)
    Site.MutexName = sourceText(denotedObject(Mutex));
  if (!MutexType.isNull())
    Site.MutexTypeName =
        MutexType.getNonReferenceType().getUnqualifiedType().getAsString(Policy);
  Sites.push_back(std::move(Site));
  return It->second;
}

SiteId Analysis::siteForLockCall(const CXXMemberCallExpr *Call,
                                 QualType MutexType) {
  const Expr *Object = Call->getImplicitObjectArgument();
  if (!isGuardType(recordOf(Object->getType())))
    return siteFor(Call, Call->getExprLoc(), nullptr, QualType(), Object,
                   MutexType);
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(denotedObject(Object));
  const auto *Var = Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  SiteId Site = siteFor(Call, Call->getExprLoc(), Var,
                        Object->getType().getNonReferenceType(), nullptr,
                        MutexType);
  if (!Var)
    Sites[Site].GuardName = sourceText(denotedObject(Object));
  return Site;
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
            else if (const CXXBindTemporaryExpr *Bind = initialisingCall(Var))
              ExtendedTemporaries[Bind] = Var;
          }
    } else if (const auto *Bind = llvm::dyn_cast<CXXBindTemporaryExpr>(&S)) {
      if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(
              Bind->getSubExpr()->IgnoreImplicit()))
        ConstructOwner.try_emplace(Construct, GuardOwner{nullptr, Bind});
    } else if (const auto *Temp = llvm::dyn_cast<MaterializeTemporaryExpr>(&S)) {
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
    State.release(keyOf(static_cast<const void *>(Dtor->getVarDecl())));
  } else if (auto TempDtor = Element.getAs<CFGTemporaryDtor>()) {
    State.release(
        keyOf(static_cast<const void *>(TempDtor->getBindTemporaryExpr())));
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
    if (isGuardType(Type))
      transferGuardConstruction(Construct, State);
    else if (std::optional<std::string> Reason = mustNotSuspendReason(Type))
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
      if (isGuardType(Type))
        transferGuardInitFromCall(Var, State);
      else if (std::optional<std::string> Reason = mustNotSuspendReason(Type))
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
        isGuardVariable(Operator->getArg(0)))
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
  if (!Owner.object() || Construct->getNumArgs() == 0)
    return; // A default-constructed guard owns nothing.
  llvm::StringRef Tag = lockTagOf(Construct);
  if (Tag == "defer_lock_t")
    return;
  const CXXRecordDecl *GuardType = Construct->getType()->getAsCXXRecordDecl();
  std::optional<QualType> Mutex = blockingMutexOfGuard(GuardType, Construct);
  if (!Mutex)
    return;
  const Expr *MutexArg = Construct->getArg(0);
  if (Tag == "adopt_lock_t")
    State.release(keyOf(MutexArg)); // The guard adopts a manual lock.
  SourceLocation Loc =
      Owner.Var ? Owner.Var->getLocation() : Construct->getBeginLoc();
  State.acquire(keyOf(Owner.object()),
                siteFor(Construct, Loc, Owner.Var, Construct->getType(),
                        MutexArg, *Mutex));
}

void Analysis::transferConstructedFrom(const CXXConstructExpr *Construct,
                                       LockState &State) {
  // The new object takes over whatever the old one held; the moved-from
  // object holds nothing afterwards.
  const GuardOwner Owner = ConstructOwner.lookup(Construct);
  const Expr *From = Construct->getArg(0);
  if (const Expr *Moved = ignoreMove(From))
    From = Moved;
  const Expr *FromObject = From->IgnoreImplicit();
  if (isGuardVariable(FromObject) &&
      !llvm::isa<CXXConstructExpr, CallExpr>(FromObject)) {
    KeyId FromKey = keyOf(FromObject);
    if (Owner.object())
      State.transfer(FromKey, keyOf(Owner.object()));
    else
      State.release(FromKey);
  } else if (const auto *Bind =
                 llvm::dyn_cast<CXXBindTemporaryExpr>(From->IgnoreParens())) {
    if (Owner.object())
      State.transfer(keyOf(static_cast<const void *>(Bind)),
                     keyOf(Owner.object()));
  }
}

void Analysis::markMustNotSuspend(SiteId Site, const std::string &Reason) {
  Sites[Site].MustNotSuspend = true;
  Sites[Site].Reason = Reason;
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
  if (!Owner.object())
    return;
  SourceLocation Loc =
      Owner.Var ? Owner.Var->getLocation() : Construct->getBeginLoc();
  SiteId Site = siteFor(Construct, Loc, Owner.Var, Construct->getType(),
                        nullptr, QualType());
  markMustNotSuspend(Site, Reason);
  State.acquire(keyOf(Owner.object()), Site);
}

void Analysis::transferMustNotSuspendInit(const VarDecl *Var,
                                          const std::string &Reason,
                                          LockState &State) {
  // `Token t = make_token();` or `Token t = co_await acquire();`: the
  // object is built in place by the call (a destructible one is handled as
  // the temporary clang marks it as).
  if (const Expr *Moved = ignoreMove(Var->getInit()->IgnoreImplicit())) {
    State.transfer(keyOf(Moved), keyOf(static_cast<const void *>(Var)));
    return;
  }
  if (initialisingCall(Var))
    return;
  SiteId Site = siteFor(Var->getInit(), Var->getLocation(), Var, Var->getType(),
                        nullptr, QualType());
  markMustNotSuspend(Site, Reason);
  State.acquire(keyOf(static_cast<const void *>(Var)), Site);
}

void Analysis::transferMustNotSuspendTemporary(const CXXBindTemporaryExpr *Bind,
                                               LockState &State) {
  // Temporaries built by a constructor are handled with it; this is one
  // returned by a call, alive until the end of its full-expression.
  const Expr *Sub = Bind->getSubExpr()->IgnoreImplicit();
  if (llvm::isa<CXXConstructExpr>(Sub))
    return;
  std::optional<std::string> Reason =
      mustNotSuspendReason(Bind->getType()->getAsCXXRecordDecl());
  if (!Reason)
    return;
  const VarDecl *Extending = ExtendedTemporaries.lookup(Bind);
  SiteId Site =
      siteFor(Bind, Extending ? Extending->getLocation() : Bind->getBeginLoc(),
              Extending, Bind->getType(), nullptr, QualType());
  markMustNotSuspend(Site, *Reason);
  State.acquire(Extending ? keyOf(static_cast<const void *>(Extending))
                          : keyOf(static_cast<const void *>(Bind)),
                Site);
}

void Analysis::transferGuardInitFromCall(const VarDecl *Var, LockState &State) {
  // `auto lk = make_lock(m);` — the guard comes back locked unless we can
  // tell otherwise; its template argument says whether the mutex blocks.
  const CXXRecordDecl *GuardType = Var->getType()->getAsCXXRecordDecl();
  const Expr *Init = Var->getInit()->IgnoreImplicit();
  if (asSuspensionPoint(Init))
    return; // Guards handed out by an awaitable come from an async mutex.
  if (const Expr *Moved = ignoreMove(Init)) {
    State.transfer(keyOf(Moved), keyOf(static_cast<const void *>(Var)));
    return;
  }
  std::optional<QualType> Mutex = blockingMutexOfGuard(GuardType, nullptr);
  if (!Mutex)
    return;
  State.acquire(keyOf(static_cast<const void *>(Var)),
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
  bool OnGuard = isGuardType(ObjectType);
  if (!OnGuard && !isBlockingMutexType(Object->getType()))
    return;
  if (OnGuard && (Name == "release" || Vocabulary.UnlockFunctions.contains(Name))) {
    State.release(keyOf(Object));
  } else if (OnGuard && Name == "swap" && Call->getNumArgs() == 1) {
    State.swap(keyOf(Object), keyOf(Call->getArg(0)));
  } else if (Vocabulary.UnlockFunctions.contains(Name)) {
    State.release(keyOf(Object));
  } else if (Vocabulary.LockFunctions.contains(Name)) {
    std::optional<QualType> Mutex =
        OnGuard ? blockingMutexOfGuard(ObjectType, nullptr)
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
  bool OnGuard = isGuardType(ObjectType);
  std::optional<QualType> Mutex =
      OnGuard ? blockingMutexOfGuard(ObjectType, nullptr)
              : std::optional<QualType>(Object->getType());
  if (!Mutex || (!OnGuard && !isBlockingMutexType(*Mutex)))
    return;
  State.acquire(keyOf(Object), siteForLockCall(Call, *Mutex));
}

void Analysis::transferFreeCall(const CallExpr *Call, LockState &State) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || Call->getNumArgs() == 0)
    return;
  if (Callee->getIdentifier() && Callee->getName() == "swap" &&
      Callee->isInStdNamespace() && Call->getNumArgs() == 2 &&
      isGuardVariable(Call->getArg(0))) {
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
  if (const Expr *Moved = ignoreMove(From)) {
    State.transfer(keyOf(Moved), To);
    return;
  }
  From = From->IgnoreParenImpCasts();
  if (const auto *Temp = llvm::dyn_cast<MaterializeTemporaryExpr>(From))
    From = Temp->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Bind = llvm::dyn_cast<CXXBindTemporaryExpr>(From))
    State.transfer(keyOf(static_cast<const void *>(Bind)), To);
}

void Analysis::releaseMovedArguments(const CallExpr *Call, LockState &State) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  unsigned Offset = llvm::isa<CXXOperatorCallExpr>(Call) &&
                            llvm::isa_and_nonnull<CXXMethodDecl>(Callee)
                        ? 1
                        : 0;
  for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
    const Expr *Moved = ignoreMove(Call->getArg(I));
    if (!Moved || !isGuardVariable(Moved))
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
    const Expr *Moved = ignoreMove(Construct->getArg(I));
    if (!Moved || !isGuardVariable(Moved))
      continue;
    const ParmVarDecl *Param = Ctor && I < Ctor->getNumParams()
                                   ? Ctor->getParamDecl(I)
                                   : nullptr;
    if (!Param || Param->getType()->isRValueReferenceType())
      State.release(keyOf(Moved));
  }
}

void Analysis::recordSuspension(const Expr *Suspension, const LockState &State) {
  State.forEachSite([&](SiteId Site) {
    if (RecordedSuspensions.insert({Site, Suspension}).second)
      Sites[Site].SuspensionPoints.push_back(Suspension);
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
          isGuardVariable(Call->getImplicitObjectArgument()))
        Result.Test = E;
  return Result;
}

void Analysis::refineOnEdge(const CFGBlock &Block, unsigned SuccIndex,
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

std::vector<HeldLock> Analysis::run() {
  const CoroutineBodyStmt *Body = coroutineBody(Coroutine);
  if (!Body || !Body->getBody())
    return {};
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  Options.AddTemporaryDtors = true;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph = CFG::buildCFG(
      &Coroutine, Body->getBody(), &Context, Options);
  if (!Graph)
    return {};

  recordConstructOwners();
  for (const CFGBlock *Block : *Graph) {
    LockTest Test = lockTestOf(*Block);
    if (Test.Test && isTryLockCall(Test.Test))
      BranchingTryLocks.insert(Test.Test);
  }

  // Forward may-analysis: a block is revisited whenever its entry state grows.
  // The worklist hands out blocks in reverse post-order.
  std::vector<unsigned> Ranks = reversePostOrderRanks(*Graph);
  std::vector<std::optional<LockState>> In(Graph->getNumBlockIDs());
  llvm::BitVector Queued(Graph->getNumBlockIDs());
  using RankedBlock = std::pair<unsigned, const CFGBlock *>;
  std::priority_queue<RankedBlock, std::vector<RankedBlock>, std::greater<>>
      Worklist;
  auto Enqueue = [&](const CFGBlock *Block) {
    if (!Queued.test(Block->getBlockID())) {
      Queued.set(Block->getBlockID());
      Worklist.push({Ranks[Block->getBlockID()], Block});
    }
  };
  In[Graph->getEntry().getBlockID()] = LockState();
  Enqueue(&Graph->getEntry());
  while (!Worklist.empty()) {
    const CFGBlock *Block = Worklist.top().second;
    Worklist.pop();
    Queued.reset(Block->getBlockID());
    LockState State = *In[Block->getBlockID()];
    for (const CFGElement &Element : *Block)
      transfer(Element, State);
    unsigned SuccIndex = 0;
    for (const CFGBlock::AdjacentBlock &Succ : Block->succs()) {
      unsigned Index = SuccIndex++;
      const CFGBlock *Target = Succ.getReachableBlock();
      if (!Target)
        continue;
      LockState Out = State;
      refineOnEdge(*Block, Index, Out);
      std::optional<LockState> &TargetIn = In[Target->getBlockID()];
      if (TargetIn) {
        LockState Joined = *TargetIn;
        Joined.join(Out);
        if (Joined == *TargetIn)
          continue;
        Out = std::move(Joined);
      }
      TargetIn = std::move(Out);
      Enqueue(Target);
    }
  }

  std::vector<HeldLock> Findings;
  const SourceManager &SM = Context.getSourceManager();
  for (HeldLock &Site : Sites) {
    if (Site.SuspensionPoints.empty())
      continue;
    llvm::sort(Site.SuspensionPoints, [&SM](const Expr *A, const Expr *B) {
      return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
    });
    Findings.push_back(std::move(Site));
  }
  return Findings;
}

} // namespace

std::vector<HeldLock>
findLocksHeldAcrossSuspension(const FunctionDecl &Coroutine,
                              ASTContext &Context,
                              const LockVocabulary &Vocabulary) {
  return Analysis(Coroutine, Context, Vocabulary).run();
}

} // namespace clang::tidy::corolint
