//===--- LockAcrossSuspendCheck.cpp - coro-lock-across-suspend ------------===//

#include "LockAcrossSuspendCheck.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::corolint {
namespace {

// Defaults come from the libraries people use; each is a CheckOptions entry.
constexpr llvm::StringLiteral DefaultGuardTypes =
    "::std::lock_guard;::std::scoped_lock;::std::unique_lock;"
    "::std::shared_lock;::boost::lock_guard;::boost::unique_lock;"
    "::boost::shared_lock;::boost::upgrade_lock;"
    "::boost::interprocess::scoped_lock;::boost::interprocess::sharable_lock;"
    "::absl::MutexLock;::absl::ReaderMutexLock;::absl::WriterMutexLock;"
    "::QMutexLocker;::QReadLocker;::QWriteLocker";
constexpr llvm::StringLiteral DefaultBlockingMutexTypes =
    "::std::mutex;::std::recursive_mutex;::std::timed_mutex;"
    "::std::recursive_timed_mutex;::std::shared_mutex;"
    "::std::shared_timed_mutex;::boost::mutex;::boost::recursive_mutex;"
    "::boost::timed_mutex;::boost::recursive_timed_mutex;::boost::shared_mutex;"
    "::boost::upgrade_mutex;::boost::interprocess::interprocess_mutex;"
    "::folly::SharedMutexImpl;::folly::SpinLock;::folly::MicroSpinLock;"
    "::folly::DistributedMutex;::absl::Mutex;::QMutex;::QRecursiveMutex;"
    "::QReadWriteLock;::async_simple::coro::SpinLock";
constexpr llvm::StringLiteral DefaultAsyncSafeTypes =
    "::folly::coro::Mutex;::folly::coro::SharedMutex;"
    "::folly::coro::SharedMutexFair;::cppcoro::async_mutex;"
    "::cppcoro::async_mutex_lock;::coro::mutex;::coro::scoped_lock;"
    "::coro::shared_mutex;::concurrencpp::async_lock;"
    "::concurrencpp::scoped_async_lock;::async_simple::coro::Mutex";
constexpr llvm::StringLiteral DefaultLockFunctions =
    "lock;lock_shared;lock_upgrade";
constexpr llvm::StringLiteral DefaultTryLockFunctions =
    "try_lock;try_lock_shared;try_lock_for;try_lock_until;"
    "try_lock_shared_for;try_lock_shared_until";
constexpr llvm::StringLiteral DefaultUnlockFunctions =
    "unlock;unlock_shared;unlock_upgrade";
constexpr llvm::StringLiteral DefaultFreeLockFunctions =
    "::pthread_mutex_lock;::pthread_rwlock_rdlock;::pthread_rwlock_wrlock;"
    "::pthread_spin_lock";
constexpr llvm::StringLiteral DefaultFreeUnlockFunctions =
    "::pthread_mutex_unlock;::pthread_rwlock_unlock;::pthread_spin_unlock";
constexpr llvm::StringLiteral DefaultNonSuspendingAwaitables =
    "::std::suspend_never";
// RAII scopes that push onto a thread-local context stack and pop in their
// destructor: across a suspension, the destructor may run on another thread
// and other coroutines see the context meanwhile (guide §3.4). folly's
// RequestContextScopeGuard is not listed: folly::coro saves and restores the
// request context around each co_await.
constexpr llvm::StringLiteral DefaultMustNotSuspendTypes =
    "::opentelemetry::trace::Scope";

/// Finds the compound statement that declares \p Guard.
class DeclaringBlockFinder : public RecursiveASTVisitor<DeclaringBlockFinder> {
public:
  explicit DeclaringBlockFinder(const VarDecl *Guard) : Guard(Guard) {}
  bool VisitCompoundStmt(CompoundStmt *Block) {
    for (const Stmt *Child : Block->body())
      if (const auto *Decls = llvm::dyn_cast<DeclStmt>(Child))
        for (const Decl *D : Decls->decls())
          if (D == Guard)
            Found = Block;
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    Uses += Ref->getDecl() == Guard;
    return true;
  }
  const CompoundStmt *Found = nullptr;
  unsigned Uses = 0;

private:
  const VarDecl *Guard;
};

} // namespace

LockAcrossSuspendCheck::LockAcrossSuspendCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : CorolintCheck(Name, Context),
      Vocabulary{
          nameListOption("GuardTypes", DefaultGuardTypes),
          nameListOption("BlockingMutexTypes", DefaultBlockingMutexTypes),
          nameListOption("AsyncSafeTypes", DefaultAsyncSafeTypes),
          nameListOption("LockFunctions", DefaultLockFunctions),
          nameListOption("TryLockFunctions", DefaultTryLockFunctions),
          nameListOption("UnlockFunctions", DefaultUnlockFunctions),
          nameListOption("FreeLockFunctions", DefaultFreeLockFunctions),
          nameListOption("FreeUnlockFunctions", DefaultFreeUnlockFunctions),
          nameListOption("NonSuspendingAwaitables",
                         DefaultNonSuspendingAwaitables),
          nameListOption("MustNotSuspendTypes", DefaultMustNotSuspendTypes)} {}

void LockAcrossSuspendCheck::registerMatchers(MatchFinder *Finder) {
  matchCoroutines(Finder, this);
}

void LockAcrossSuspendCheck::check(const MatchFinder::MatchResult &Result) {
  const FunctionDecl *Coroutine = takeMatchedCoroutine(Result, Analyzed);
  if (!Coroutine)
    return;
  SuspensionHazards Found =
      findHazardsAcrossSuspension(*Coroutine, *Result.Context, Vocabulary);
  for (const HeldLock &Lock : Found.Locks)
    report(Lock, *Coroutine, *Result.Context);
  for (const LiveMustNotSuspendObject &Object : Found.Objects)
    report(Object);
}

void LockAcrossSuspendCheck::report(const HeldLock &Lock,
                                    const FunctionDecl &Coroutine,
                                    ASTContext &Context) {
  if (!Reported.first(Lock.Loc))
    return;
  std::string Why = "; threads waiting for it stall the executor, and the "
                    "coroutine may resume and unlock it on another thread " +
                    citation();
  if (!Lock.GuardTypeName.empty()) {
    std::string Owner =
        Lock.GuardName.empty() ? "temporary" : "'" + Lock.GuardName + "'";
    std::string Mutex = Lock.MutexName.empty()
                            ? ""
                            : " on blocking mutex '" + Lock.MutexName + "'";
    diag(Lock.Loc, "lock %0 (%1)%2 may be held across a suspension point%3")
        << Owner << Lock.GuardTypeName << Mutex << Why;
  } else {
    diag(Lock.Loc, "blocking mutex '%0' (%1) locked here may be held across "
                   "a suspension point%2")
        << Lock.MutexName << Lock.MutexTypeName << Why;
  }
  llvm::StringRef Held =
      Lock.MutexName.empty() ? Lock.GuardName : Lock.MutexName;
  for (const Expr *Suspension : Lock.SuspensionPoints)
    diag(Suspension->getBeginLoc(), "suspension point where '%0' may be held",
         DiagnosticIDs::Note)
        << Held << Suspension->getSourceRange();
  suggestUnlock(Lock, Coroutine, Context);
}

void LockAcrossSuspendCheck::report(const LiveMustNotSuspendObject &Object) {
  if (!Reported.first(Object.Loc))
    return;
  std::string What =
      Object.Name.empty() ? "temporary" : "'" + Object.Name + "'";
  std::string Why =
      Object.Reason.empty()
          ? "the coroutine may resume on another thread, and other code runs "
            "on this one while it is suspended"
          : Object.Reason;
  diag(Object.Loc,
       "%0 of type '%1' must not live across a suspension point: %2 %3")
      << What << Object.TypeName << Why << citation();
  for (const Expr *Suspension : Object.SuspensionPoints)
    diag(Suspension->getBeginLoc(), "suspension point where %0 is alive",
         DiagnosticIDs::Note)
        << What << Suspension->getSourceRange();
}

void LockAcrossSuspendCheck::suggestUnlock(const HeldLock &Lock,
                                           const FunctionDecl &Coroutine,
                                           ASTContext &Context) {
  // Mechanical only: a guard that can unlock, that nothing else touches after
  // its declaration, suspending in a statement of the block declaring it.
  // Unlocking it right before that statement is then exactly what the
  // programmer meant; anything else is left to a human.
  const VarDecl *Guard = Lock.Guard;
  if (!Guard || Guard->getName().empty())
    return;
  const CXXRecordDecl *GuardType = Guard->getType()->getAsCXXRecordDecl();
  if (!GuardType || !GuardType->hasDefinition() ||
      llvm::none_of(GuardType->methods(), [](const CXXMethodDecl *M) {
        return M->getIdentifier() && M->getName() == "unlock";
      }))
    return;
  DeclaringBlockFinder Finder(Guard);
  Finder.TraverseStmt(const_cast<Stmt *>(Coroutine.getBody()));
  if (!Finder.Found || Finder.Uses != 0)
    return;
  const SourceManager &SM = Context.getSourceManager();
  SourceLocation FirstSuspension = Lock.SuspensionPoints.front()->getBeginLoc();
  for (const Stmt *Child : Finder.Found->body()) {
    if (!SM.isPointWithin(FirstSuspension, Child->getBeginLoc(),
                          Child->getEndLoc()))
      continue;
    if (llvm::isa<DeclStmt>(Child) &&
        llvm::is_contained(llvm::cast<DeclStmt>(Child)->decls(), Guard))
      return; // Suspends in its own initializer: nothing to insert before.
    SourceLocation Where = Child->getBeginLoc();
    if (Where.isMacroID())
      return;
    std::string Unlock = (Guard->getName() + ".unlock();\n" +
                          Lexer::getIndentationForLine(Where, SM))
                             .str();
    diag(Where, "release the lock before suspending", DiagnosticIDs::Note)
        << FixItHint::CreateInsertion(Where, Unlock);
    return;
  }
}

} // namespace clang::tidy::corolint
