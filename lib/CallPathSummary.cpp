//===--- CallPathSummary.cpp - what a helper does within N calls ----------===//

#include "CallPathSummary.h"
#include "ASTHelpers.h"
#include "AwaitInsertion.h"
#include "CoroutineModel.h"
#include "SkippedBodies.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::corolint {
namespace {

/// True for `obj.Base::f()`, which calls Base::f whatever obj's dynamic type.
bool isQualifiedCall(const CallExpr &Call) {
  const auto *Member =
      llvm::dyn_cast<MemberExpr>(Call.getCallee()->IgnoreParenImpCasts());
  return Member && Member->hasQualifier();
}

/// True when the lambda \p Object is called where it is written (`[]{}()`)
/// or through a local variable of \p Caller: only then is the call known to
/// run on this thread. A lambda that arrives as a parameter may be a job
/// someone hands over to another thread or pool.
bool isCalledInPlace(const Expr &Object, const FunctionDecl &Caller) {
  const Expr *E = ignoreImplicitAndParens(&Object);
  if (llvm::isa<LambdaExpr>(E))
    return true;
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && !llvm::isa<ParmVarDecl>(Var) &&
         Var->getDeclContext() == &Caller;
}

} // namespace

const FunctionDecl *
CallPathSummary::calledFunction(const Stmt &S,
                                const FunctionDecl &Caller) const {
  const FunctionDecl *Callee = nullptr;
  if (const auto *Call = llvm::dyn_cast<CallExpr>(&S)) {
    Callee = Call->getDirectCallee();
    const auto *Method = llvm::dyn_cast_or_null<CXXMethodDecl>(Callee);
    if (Method && Method->isInstance()) {
      const Expr *Object = objectArgument(*Call);
      if (!Object)
        return nullptr;
      if (Method->getParent()->isLambda()) {
        if (!isCalledInPlace(*Object, Caller))
          return nullptr;
      } else if (Method->isVirtual() && !isQualifiedCall(*Call)) {
        // Only a call whose final overrider is known: a final method or
        // class, or an object (not a pointer or reference) of known type.
        Callee = Method->getDevirtualizedMethod(Object, /*IsAppleKext=*/false);
      }
    }
  } else if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(&S)) {
    Callee = Construct->getConstructor();
  }
  if (!Callee || !Follow(*Callee))
    return nullptr;
  return Callee;
}

const FunctionDecl *
CallPathSummary::unseenCallee(const Stmt &S, const FunctionDecl &Caller,
                              const SourceManager &SM) const {
  const FunctionDecl *Callee = calledFunction(S, Caller);
  // Library functions are what the checks' lists classify; a skipped body
  // is in this unit; a function without external linkage cannot be defined
  // in another one.
  if (!Callee || SM.isInSystemHeader(Callee->getLocation()) ||
      skippedDefinition(*Callee) || Callee->hasBody() ||
      Callee->isDependentContext() || !Callee->isExternallyVisible())
    return nullptr;
  return Callee;
}

const FunctionDecl *
CallPathSummary::followedCallee(const Stmt &S, const FunctionDecl &Caller,
                                const SourceManager &SM) const {
  const FunctionDecl *Callee = calledFunction(S, Caller);
  if (!Callee)
    return nullptr;
  // A coroutine's body runs where it is awaited and is analyzed on its own;
  // library internals in system headers are what the checks' lists classify
  // (Asio's asynchronous operations end in non-blocking ::recv calls), so
  // their bodies, which the scanner may skip, are never needed.
  if (const FunctionDecl *Skipped = skippedDefinition(*Callee);
      Skipped && SM.isInSystemHeader(Skipped->getLocation()))
    return nullptr;
  const FunctionDecl *Definition = definitionWithBody(*Callee);
  if (!Definition || Definition->isInvalidDecl() ||
      Definition->isDependentContext() || Definition->isTrivial() ||
      coroutineBody(*Definition) ||
      SM.isInSystemHeader(Definition->getLocation()))
    return nullptr;
  return Definition;
}

const CallPathSummary::HelperFacts &
CallPathSummary::factsOf(const FunctionDecl &Helper,
                         const ASTContext &Context) {
  std::unique_ptr<HelperFacts> &Slot = Facts[&Helper];
  if (Slot)
    return *Slot;
  auto Found = std::make_unique<HelperFacts>();
  const SourceManager &SM = Context.getSourceManager();
  AwaitInsertionContext Body(SM);
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
  bool Errors = false;
  auto Visit = [&](const Stmt &S) {
    if (const auto *E = llvm::dyn_cast<Expr>(&S))
      Errors |= E->containsErrors();
    if (Found->Target)
      return; // A target of its own is the shortest path.
    Body.observe(S);
    if (Body.isUnevaluated(S))
      return;
    if (Target(S, Context)) {
      Found->Target = llvm::cast<Expr>(&S);
      return;
    }
    if (const FunctionDecl *Callee = followedCallee(S, Helper, SM)) {
      if (Seen.insert(Callee).second)
        Found->Calls.push_back({llvm::cast<Expr>(&S), Callee});
    } else if (const FunctionDecl *Unseen = unseenCallee(S, Helper, SM)) {
      if (Seen.insert(Unseen).second)
        Found->UnseenCalls.push_back({llvm::cast<Expr>(&S), Unseen});
    }
  };
  if (const auto *Constructor = llvm::dyn_cast<CXXConstructorDecl>(&Helper))
    for (const CXXCtorInitializer *Init : Constructor->inits())
      forEachOwnStmt(Init->getInit(), Visit);
  forEachOwnStmt(Helper.getBody(), Visit);
  // Like a coroutine that does not compile, a helper that does not is not
  // analyzed: its half-typed body would give nonsense.
  if (Errors)
    Found = std::make_unique<HelperFacts>();
  Slot = std::move(Found);
  return *Slot;
}

bool CallPathSummary::reachesWithin(const FunctionDecl &Helper, unsigned Depth,
                                    const ASTContext &Context) {
  {
    const HelperSummary &Known = Summaries[&Helper];
    if (Known.ReachesWithin && Known.ReachesWithin <= Depth)
      return true;
    if (Depth <= Known.NoneWithin)
      return false;
  }
  // Every call costs one unit of depth, so a recursive helper is asked again
  // with less and the search ends; what a helper still being searched
  // learns about itself on the way only refines its summary.
  const HelperFacts &Own = factsOf(Helper, Context);
  std::optional<Hop> First;
  unsigned Within = 0;
  if (Own.Target) {
    First = Hop{Own.Target, nullptr};
    Within = 1;
  } else if (Depth > 1) {
    for (const Hop &Call : Own.Calls) {
      if (reachesWithin(*Call.Callee, Depth - 1, Context)) {
        First = Call;
        Within = 1 + Summaries[Call.Callee].ReachesWithin;
        break;
      }
    }
  }
  HelperSummary &Known = Summaries[&Helper];
  if (!First) {
    Known.NoneWithin = std::max(Known.NoneWithin, Depth);
    return false;
  }
  if (!Known.ReachesWithin || Within < Known.ReachesWithin) {
    Known.ReachesWithin = Within;
    Known.First = *First;
  }
  return true;
}

llvm::SmallVector<std::pair<const FunctionDecl *, CallPathSummary::Hop>, 4>
CallPathSummary::pathFrom(const FunctionDecl &Helper) const {
  // Summaries shorten along a path, so following them ends at a helper
  // that is the target itself.
  llvm::SmallVector<std::pair<const FunctionDecl *, Hop>, 4> Path;
  const FunctionDecl *Current = &Helper;
  for (;;) {
    Hop Next = Summaries.lookup(Current).First;
    assert(Next.Site && "pathFrom() follows a path reachesWithin() found");
    Path.push_back({Current, Next});
    if (!Next.Callee)
      return Path;
    Current = Next.Callee;
  }
}

} // namespace clang::tidy::corolint
