//===--- CoroutineModel.cpp - what corolint calls a coroutine -------------===//

#include "CoroutineModel.h"
#include "ThreadLocalAliases.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseMap.h"
#include <mutex>

using namespace clang::ast_matchers;

namespace clang::tidy::corolint {

const CoroutineBodyStmt *coroutineBody(const FunctionDecl &FD) {
  if (!FD.doesThisDeclarationHaveABody())
    return nullptr;
  return llvm::dyn_cast_or_null<CoroutineBodyStmt>(FD.getBody());
}

bool isAnalysableCoroutine(const FunctionDecl &FD) {
  if (FD.isDependentContext() || FD.isInvalidDecl() || !coroutineBody(FD))
    return false;
  return !coroutineFacts(FD).HasErrors;
}

const Expr *asSuspensionPoint(const Stmt *S) {
  if (const auto *Await = llvm::dyn_cast_or_null<CoawaitExpr>(S))
    return Await->isImplicit() ? nullptr : Await;
  if (const auto *Yield = llvm::dyn_cast_or_null<CoyieldExpr>(S))
    return Yield;
  return nullptr;
}

const Expr *awaitedOperand(const Expr &SuspensionPoint) {
  if (const auto *Suspend =
          llvm::dyn_cast<CoroutineSuspendExpr>(&SuspensionPoint))
    if (const Expr *Operand = Suspend->getOperand())
      return Operand->IgnoreImplicit();
  return &SuspensionPoint;
}

bool awaitsNonSuspending(const Expr &SuspensionPoint,
                         const NameList &Awaitables) {
  const Expr *Operand = awaitedOperand(SuspensionPoint);
  if (Awaitables.contains(Operand->getType()->getAsCXXRecordDecl()))
    return true;
  const auto *Call = llvm::dyn_cast<CallExpr>(Operand->IgnoreImplicit());
  return Call && Awaitables.contains(Call->getDirectCallee());
}

static void visitOwnStmts(const Stmt *S,
                          llvm::function_ref<void(const Stmt &)> Visit) {
  if (!S)
    return;
  Visit(*S);
  if (const auto *Lambda = llvm::dyn_cast<LambdaExpr>(S)) {
    for (const Expr *Init : Lambda->capture_inits())
      visitOwnStmts(Init, Visit);
    return;
  }
  if (llvm::isa<BlockExpr>(S))
    return;
  // The awaiter calls and the promise's return_value() that clang builds around
  // an operand are not user code, and would visit the operand a second time.
  if (const auto *Suspend = llvm::dyn_cast<CoroutineSuspendExpr>(S)) {
    visitOwnStmts(Suspend->getOperand(), Visit);
    return;
  }
  if (const auto *Return = llvm::dyn_cast<CoreturnStmt>(S)) {
    visitOwnStmts(Return->getOperand(), Visit);
    return;
  }
  if (const auto *Decls = llvm::dyn_cast<DeclStmt>(S)) {
    // Local classes and functions are other functions; variables are ours.
    for (const Decl *D : Decls->decls())
      if (const auto *Var = llvm::dyn_cast<VarDecl>(D))
        visitOwnStmts(Var->getInit(), Visit);
    return;
  }
  for (const Stmt *Child : S->children())
    visitOwnStmts(Child, Visit);
}

void forEachOwnStmt(const Stmt *Root,
                    llvm::function_ref<void(const Stmt &)> Visit) {
  if (const auto *Coroutine = llvm::dyn_cast_or_null<CoroutineBodyStmt>(Root))
    Root = Coroutine->getBody(); // Skip the promise and implicit suspends.
  visitOwnStmts(Root, Visit);
}

static CoroutineFacts walkCoroutine(const CoroutineBodyStmt &Body) {
  CoroutineFacts Facts;
  forEachOwnStmt(&Body, [&Facts](const Stmt &S) {
    if (const auto *E = llvm::dyn_cast<Expr>(&S))
      Facts.HasErrors |= E->containsErrors();
    if (const Expr *Suspend = asSuspensionPoint(&S)) {
      Facts.Yields |= llvm::isa<CoyieldExpr>(Suspend);
      Facts.Awaits |= llvm::isa<CoawaitExpr>(Suspend);
    }
    Facts.NamesThreadLocal |= namedThreadLocal(S) != nullptr;
  });
  return Facts;
}

namespace {
/// The facts of every AST's coroutines, by ASTContext. An AST's entry is
/// dropped when its ASTContext is destroyed, so that an AST built later at the
/// same address (clangd rebuilds them) never sees it. One mutex guards it all:
/// clangd analyses ASTs on several threads, and a walk is short.
class CoroutineFactsCache {
public:
  /// Never destroyed: an ASTContext may outlive static destructors.
  static CoroutineFactsCache &instance() {
    static auto *Cache = new CoroutineFactsCache;
    return *Cache;
  }

  CoroutineFacts get(const FunctionDecl &Coroutine) {
    ASTContext &Context = Coroutine.getASTContext();
    std::lock_guard<std::mutex> Hold(Mutex);
    auto [PerAST, NewAST] = Facts.try_emplace(&Context);
    if (NewAST)
      Context.AddDeallocation(&forgetAST, &Context);
    auto [Entry, NewCoroutine] = PerAST->second.try_emplace(&Coroutine);
    if (NewCoroutine)
      Entry->second = walkCoroutine(*coroutineBody(Coroutine));
    return Entry->second;
  }

private:
  static void forgetAST(void *Context) {
    CoroutineFactsCache &Cache = instance();
    std::lock_guard<std::mutex> Hold(Cache.Mutex);
    Cache.Facts.erase(static_cast<const ASTContext *>(Context));
  }

  std::mutex Mutex;
  llvm::DenseMap<const ASTContext *,
                 llvm::DenseMap<const FunctionDecl *, CoroutineFacts>>
      Facts;
};
} // namespace

CoroutineFacts coroutineFacts(const FunctionDecl &Coroutine) {
  return CoroutineFactsCache::instance().get(Coroutine);
}

namespace {
AST_MATCHER(FunctionDecl, isAnalysableCoroutineDecl) {
  return isAnalysableCoroutine(Node);
}
AST_MATCHER(LambdaExpr, hasAnalysableCoroutineOperator) {
  const CXXMethodDecl *Call = Node.getCallOperator();
  return Call && isAnalysableCoroutine(*Call);
}
} // namespace

void matchCoroutines(MatchFinder *Finder,
                     MatchFinder::MatchCallback *Callback) {
  Finder->addMatcher(
      functionDecl(isAnalysableCoroutineDecl()).bind("coroutine"), Callback);
  Finder->addMatcher(
      lambdaExpr(hasAnalysableCoroutineOperator()).bind("coroutine-lambda"),
      Callback);
}

const FunctionDecl *
takeMatchedCoroutine(const MatchFinder::MatchResult &Result,
                     llvm::DenseSet<const FunctionDecl *> &Seen) {
  const FunctionDecl *FD = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  if (!FD)
    if (const auto *Lambda =
            Result.Nodes.getNodeAs<LambdaExpr>("coroutine-lambda"))
      FD = Lambda->getCallOperator();
  if (!FD || !Seen.insert(FD->getCanonicalDecl()).second)
    return nullptr;
  return FD;
}

void matchFunctionBodies(MatchFinder *Finder,
                         MatchFinder::MatchCallback *Callback) {
  Finder->addMatcher(functionDecl(isDefinition(), unless(isImplicit()),
                                  unless(isExpansionInSystemHeader()))
                         .bind("function"),
                     Callback);
  Finder->addMatcher(
      lambdaExpr(unless(isExpansionInSystemHeader())).bind("lambda"), Callback);
}

const FunctionDecl *
takeMatchedFunction(const MatchFinder::MatchResult &Result,
                    llvm::DenseSet<const FunctionDecl *> &Seen) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>("lambda"))
    Function = Lambda->getCallOperator();
  if (!Function || !Function->doesThisDeclarationHaveABody() ||
      Function->isDependentContext() || Function->isInvalidDecl() ||
      !Seen.insert(Function).second)
    return nullptr;
  return Function;
}

} // namespace clang::tidy::corolint
