//===--- ThreadLocalAcrossSuspendCheck.cpp --------------------------------===//
//
// A forward may-analysis over the Clang CFG of one coroutine body (solved by
// ForwardDataflow.h; what points into a thread_local comes from
// ThreadLocalAliases.h). Its state says which thread_locals may have been
// accessed, and which local references or pointers may be bound to one, and
// since which suspension point (if any) that has been so. An access, or a use
// of such a local, after a suspension point is a finding.
//
//===----------------------------------------------------------------------===//

#include "ThreadLocalAcrossSuspendCheck.h"
#include "ForwardDataflow.h"
#include "ThreadLocalAliases.h"
#include "clang/Analysis/CFG.h"
#include <map>

using namespace clang::ast_matchers;

namespace clang::tidy::corolint {
namespace {

// Defaults come from the libraries people use; each is a CheckOptions entry.
constexpr llvm::StringLiteral DefaultNonSuspendingAwaitables =
    "::std::suspend_never";
constexpr llvm::StringLiteral DefaultViewTypes =
    "::std::basic_string_view;::std::span";

/// A local variable of the coroutine that may hold an address.
bool isLocalAlias(const VarDecl &Var) {
  return Var.hasLocalStorage() && !llvm::isa<ParmVarDecl>(Var);
}

/// What the analysis knows at one program point.
struct State {
  /// Where a thread_local was first accessed, and the first suspension
  /// point after that access (null while there was none).
  struct Access {
    const Expr *First;
    const Expr *Suspension;
    bool operator==(const Access &Other) const {
      return First == Other.First && Suspension == Other.Suspension;
    }
  };
  /// What a local reference or pointer is bound to, and the first
  /// suspension point after the binding.
  struct Binding {
    const VarDecl *ThreadLocal;
    SourceLocation BoundAt;
    const Expr *Suspension;
    bool operator==(const Binding &Other) const {
      return ThreadLocal == Other.ThreadLocal && BoundAt == Other.BoundAt &&
             Suspension == Other.Suspension;
    }
  };
  std::map<const VarDecl *, Access> Accessed;
  std::map<const VarDecl *, Binding> Aliases;

  bool operator==(const State &Other) const {
    return Accessed == Other.Accessed && Aliases == Other.Aliases;
  }

  void suspend(const Expr &Suspension) {
    for (auto &[Var, Entry] : Accessed)
      if (!Entry.Suspension)
        Entry.Suspension = &Suspension;
    for (auto &[Var, Entry] : Aliases)
      if (!Entry.Suspension)
        Entry.Suspension = &Suspension;
  }
};

class Analysis {
public:
  using Check = ThreadLocalAcrossSuspendCheck;
  using State = corolint::State;

  Analysis(llvm::function_ref<bool(const VarDecl &)> IsIgnored,
           llvm::function_ref<bool(const Expr &)> IsNonSuspending,
           const ThreadLocalDerivation &Derived, const SourceManager &SM)
      : IsIgnored(IsIgnored), IsNonSuspending(IsNonSuspending),
        Derived(Derived), SM(SM) {}

  void run(const FunctionDecl &Coroutine, ASTContext &Context);

  std::map<const VarDecl *, Check::HeldAddress> HeldAddresses;
  std::map<const VarDecl *, Check::Reaccess> Reaccesses;

  // The solver's interface (ForwardDataflow.h).
  State initialState() const { return State(); }
  void transfer(const CFGElement &Element, State &Now) {
    if (std::optional<CFGStmt> S = Element.getAs<CFGStmt>())
      transfer(*S->getStmt(), Now);
  }
  void transferEdge(const CFGBlock &, unsigned, State &) {}
  void join(State &Into, const State &From) const;

private:
  void transfer(const Stmt &S, State &Now);
  bool before(const Expr *A, const Expr *B) const {
    return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
  }
  bool preferred(const State::Access &A, const State::Access &B) const;
  bool preferred(const State::Binding &A, const State::Binding &B) const;
  void bind(const VarDecl &Alias, const Expr *Init, SourceLocation At,
            State &Now);
  /// The thread_local a lambda \p Init holds an address of, through a
  /// capture of a local bound to one (`[&it]`, `[p]`, `[&r = t_var]`).
  const VarDecl *capturedThreadLocal(const Expr &Init, const State &Now) const;

  llvm::function_ref<bool(const VarDecl &)> IsIgnored;
  llvm::function_ref<bool(const Expr &)> IsNonSuspending;
  const ThreadLocalDerivation &Derived;
  const SourceManager &SM;
  /// `p` in `p = &other`: rebinding a pointer is no use of its target
  /// (assigning to a reference is).
  llvm::DenseSet<const Expr *> AssignedPointers;
};

/// Of the entries two paths bring for one variable, the one that has crossed
/// a suspension point wins, then the one first in the source: the join does
/// not depend on the order blocks are visited in, and only grows the state.
bool Analysis::preferred(const State::Access &A, const State::Access &B) const {
  if (!A.Suspension != !B.Suspension)
    return A.Suspension;
  if (A.First != B.First)
    return before(A.First, B.First);
  return A.Suspension && A.Suspension != B.Suspension &&
         before(A.Suspension, B.Suspension);
}

bool Analysis::preferred(const State::Binding &A,
                         const State::Binding &B) const {
  if (!A.Suspension != !B.Suspension)
    return A.Suspension;
  if (A.BoundAt != B.BoundAt)
    return SM.isBeforeInTranslationUnit(A.BoundAt, B.BoundAt);
  return A.Suspension && A.Suspension != B.Suspension &&
         before(A.Suspension, B.Suspension);
}

void Analysis::join(State &Into, const State &From) const {
  for (const auto &[Var, Entry] : From.Accessed) {
    auto [It, Inserted] = Into.Accessed.insert({Var, Entry});
    if (!Inserted && preferred(Entry, It->second))
      It->second = Entry;
  }
  for (const auto &[Var, Entry] : From.Aliases) {
    auto [It, Inserted] = Into.Aliases.insert({Var, Entry});
    if (!Inserted && preferred(Entry, It->second))
      It->second = Entry;
  }
}

void Analysis::bind(const VarDecl &Alias, const Expr *Init, SourceLocation At,
                    State &Now) {
  const VarDecl *ThreadLocal =
      Init ? threadLocalAddressedBy(Init, Alias.getType()) : nullptr;
  if (!ThreadLocal && Init && Derived.refers(Alias.getType()))
    ThreadLocal = Derived.source(Init);
  if (!ThreadLocal && Init)
    ThreadLocal = capturedThreadLocal(*Init, Now);
  if (ThreadLocal && !IsIgnored(*ThreadLocal))
    Now.Aliases[&Alias] = {ThreadLocal, At, nullptr};
  else
    Now.Aliases.erase(&Alias);
}

const VarDecl *Analysis::capturedThreadLocal(const Expr &Init,
                                             const State &Now) const {
  const auto *Lambda =
      llvm::dyn_cast<LambdaExpr>(Init.IgnoreUnlessSpelledInSource());
  if (!Lambda)
    return nullptr;
  for (const LambdaCapture &Capture : Lambda->captures()) {
    if (!Capture.capturesVariable())
      continue;
    const auto *Var = llvm::dyn_cast<VarDecl>(Capture.getCapturedVar());
    if (!Var)
      continue;
    if (Var->isInitCapture() && Var->getInit()) {
      const VarDecl *ThreadLocal =
          threadLocalAddressedBy(Var->getInit(), Var->getType());
      if (!ThreadLocal && Derived.refers(Var->getType()))
        ThreadLocal = Derived.source(Var->getInit());
      if (ThreadLocal)
        return ThreadLocal;
      continue;
    }
    auto It = Now.Aliases.find(Var);
    // A copy of a reference copies the object; a copy of a pointer, an
    // iterator or a view still points into the thread_local.
    if (It != Now.Aliases.end() && (Capture.getCaptureKind() == LCK_ByRef ||
                                    !Var->getType()->isReferenceType()))
      return It->second.ThreadLocal;
  }
  return nullptr;
}

void Analysis::transfer(const Stmt &S, State &Now) {
  if (const Expr *Suspension = asSuspensionPoint(&S)) {
    if (!IsNonSuspending(*Suspension))
      Now.suspend(*Suspension);
    return;
  }
  if (const auto *Decls = llvm::dyn_cast<DeclStmt>(&S)) {
    for (const Decl *D : Decls->decls())
      if (const auto *Var = llvm::dyn_cast<VarDecl>(D);
          Var && isLocalAlias(*Var))
        bind(*Var, Var->getInit(), Var->getLocation(), Now);
    return;
  }
  if (const auto *Assign = llvm::dyn_cast<BinaryOperator>(&S);
      Assign && Assign->getOpcode() == BO_Assign) {
    if (const auto *Ref =
            llvm::dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParens()))
      if (const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl());
          Var && isLocalAlias(*Var) && Var->getType()->isPointerType())
        bind(*Var, Assign->getRHS(), Assign->getOperatorLoc(), Now);
    return;
  }
  const auto *E = llvm::dyn_cast<Expr>(&S);
  if (!E)
    return;
  if (const VarDecl *ThreadLocal = namedThreadLocal(S);
      ThreadLocal && !IsIgnored(*ThreadLocal)) {
    auto [It, Inserted] = Now.Accessed.insert({ThreadLocal, {E, nullptr}});
    if (!Inserted && It->second.Suspension)
      Reaccesses.insert(
          {ThreadLocal,
           {ThreadLocal, It->second.First, It->second.Suspension, E}});
    return;
  }
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl());
    auto It = Var ? Now.Aliases.find(Var) : Now.Aliases.end();
    if (It != Now.Aliases.end() && It->second.Suspension &&
        !AssignedPointers.contains(Ref))
      HeldAddresses.insert({Var,
                            {Var, It->second.ThreadLocal, It->second.BoundAt,
                             It->second.Suspension, E}});
  }
}

void Analysis::run(const FunctionDecl &Coroutine, ASTContext &Context) {
  const CoroutineBodyStmt *Body = coroutineBody(Coroutine);
  if (!Body || !Body->getBody())
    return;
  forEachOwnStmt(Body, [this](const Stmt &S) {
    if (const auto *Assign = llvm::dyn_cast<BinaryOperator>(&S);
        Assign && Assign->getOpcode() == BO_Assign &&
        Assign->getLHS()->getType()->isPointerType())
      AssignedPointers.insert(Assign->getLHS()->IgnoreParens());
  });
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(&Coroutine, Body->getBody(), &Context, Options);
  if (!Graph)
    return;

  solveForwardMay(*Graph, *this);
}

} // namespace

ThreadLocalAcrossSuspendCheck::ThreadLocalAcrossSuspendCheck(
    StringRef Name, ClangTidyContext *Context)
    : CorolintCheck(Name, Context),
      IgnoredThreadLocals(nameListOption("IgnoredThreadLocals", "")),
      NonSuspendingAwaitables(nameListOption("NonSuspendingAwaitables",
                                             DefaultNonSuspendingAwaitables)),
      ViewTypes(nameListOption("ViewTypes", DefaultViewTypes)),
      ReportReaccess(boolOption("ReportReaccess", false)) {}

void ThreadLocalAcrossSuspendCheck::registerMatchers(MatchFinder *Finder) {
  matchCoroutines(Finder, this);
}

void ThreadLocalAcrossSuspendCheck::check(
    const MatchFinder::MatchResult &Result) {
  const FunctionDecl *Coroutine = takeMatchedCoroutine(Result, Analyzed);
  // Most coroutines name no thread_local at all, and need no CFG.
  if (Coroutine && coroutineFacts(*Coroutine).NamesThreadLocal)
    analyze(*Coroutine, *Result.Context);
}

bool ThreadLocalAcrossSuspendCheck::isIgnored(
    const VarDecl &ThreadLocal) const {
  return IgnoredThreadLocals.contains(&ThreadLocal);
}

void ThreadLocalAcrossSuspendCheck::analyze(const FunctionDecl &Coroutine,
                                            ASTContext &Context) {
  auto IsIgnored = [this](const VarDecl &Var) { return isIgnored(Var); };
  auto IsNonSuspending = [this](const Expr &E) {
    return awaitsNonSuspending(E, NonSuspendingAwaitables);
  };
  ThreadLocalDerivation Derived(ViewTypes);
  Analysis Run(IsIgnored, IsNonSuspending, Derived, Context.getSourceManager());
  Run.run(Coroutine, Context);
  // Report in source order, whatever order the CFG was walked in.
  struct Pending {
    SourceLocation Loc;
    const HeldAddress *Held = nullptr;
    const Reaccess *Again = nullptr;
  };
  std::vector<Pending> Findings;
  Findings.reserve(Run.HeldAddresses.size() + Run.Reaccesses.size());
  for (const auto &[Var, Found] : Run.HeldAddresses)
    Findings.push_back({Found.BoundAt, &Found, nullptr});
  // A thread_local named afresh on each side (a per-thread RNG, counter or
  // scratch buffer) is mostly correct code: on request only.
  if (ReportReaccess)
    for (const auto &[Var, Found] : Run.Reaccesses)
      Findings.push_back({Found.First->getBeginLoc(), nullptr, &Found});
  const SourceManager &SM = Context.getSourceManager();
  llvm::sort(Findings, [&SM](const Pending &A, const Pending &B) {
    return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
  });
  for (const Pending &Finding : Findings) {
    if (!Reported.first(Finding.Loc))
      continue;
    if (Finding.Held)
      report(*Finding.Held);
    else
      report(*Finding.Again);
  }
}

void ThreadLocalAcrossSuspendCheck::report(const HeldAddress &Found) {
  diag(Found.BoundAt,
       "'%0' refers to this thread's '%1' and is used after a suspension "
       "point; the coroutine may resume on another thread, where using it "
       "races with the first thread or dangles once that thread exits %2")
      << Found.Alias->getName() << qualifiedName(*Found.ThreadLocal)
      << citation();
  diag(Found.Suspension->getBeginLoc(),
       "suspension point; the coroutine may resume on another thread",
       DiagnosticIDs::Note)
      << Found.Suspension->getSourceRange();
  diag(Found.Use->getBeginLoc(), "'%0' used here after resuming",
       DiagnosticIDs::Note)
      << Found.Alias->getName() << Found.Use->getSourceRange();
}

void ThreadLocalAcrossSuspendCheck::report(const Reaccess &Found) {
  diag(Found.First->getBeginLoc(),
       "thread_local '%0' is accessed before and after a suspension point; "
       "after resuming, the coroutine may run on another thread and see that "
       "thread's variable, which other coroutines may have changed %1")
      << qualifiedName(*Found.ThreadLocal) << citation()
      << Found.First->getSourceRange();
  diag(Found.Suspension->getBeginLoc(),
       "suspension point; the coroutine may resume on another thread",
       DiagnosticIDs::Note)
      << Found.Suspension->getSourceRange();
  diag(Found.Again->getBeginLoc(), "'%0' accessed again here after resuming",
       DiagnosticIDs::Note)
      << qualifiedName(*Found.ThreadLocal) << Found.Again->getSourceRange();
}

} // namespace clang::tidy::corolint
