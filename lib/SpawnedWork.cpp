//===--- SpawnedWork.cpp - what a spawn call runs -------------------------===//

#include "SpawnedWork.h"
#include "ASTHelpers.h"
#include "MayThrow.h"
#include "NameList.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::corolint {

/// What a callable that is not itself a coroutine returns when its whole
/// body is `return <expr>;`: `[self = shared_from_this()] { return
/// self->reader(); }` keeps an object alive and runs its coroutine reader().
static const Expr *forwardedAwaitable(const FunctionDecl &Callable) {
  if (!Callable.hasBody() || llvm::isa<CoroutineBodyStmt>(Callable.getBody()))
    return nullptr;
  const auto *Block = llvm::dyn_cast<CompoundStmt>(Callable.getBody());
  if (!Block || Block->size() != 1)
    return nullptr;
  const auto *Return = llvm::dyn_cast<ReturnStmt>(Block->body_front());
  return Return ? Return->getRetValue() : nullptr;
}

const Expr *ignoreImplicitCopies(const Expr *E) {
  for (;;) {
    E = ignoreImplicitAndParens(E);
    const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(E);
    if (!Construct || Construct->getNumArgs() != 1 ||
        !Construct->getConstructor()->isCopyOrMoveConstructor())
      return E;
    E = Construct->getArg(0);
  }
}

const FunctionDecl *spawnedFunction(const Expr &Work) {
  const Expr *E = ignoreImplicitCopies(&Work);
  if (const CXXRecordDecl *Closure = E->getType()->getAsCXXRecordDecl();
      Closure && Closure->isLambda()) {
    const CXXMethodDecl *CallOperator = Closure->getLambdaCallOperator();
    if (const Expr *Forwarded = forwardedAwaitable(*CallOperator))
      if (const FunctionDecl *Coroutine = spawnedFunction(*Forwarded))
        return Coroutine;
    return CallOperator;
  }
  if (const auto *AddressOf = llvm::dyn_cast<UnaryOperator>(E);
      AddressOf && AddressOf->getOpcode() == UO_AddrOf)
    E = ignoreImplicitAndParens(AddressOf->getSubExpr());
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E))
    return llvm::dyn_cast<FunctionDecl>(Ref->getDecl());
  // A call returning a reference (std::move(stored)) hands over an awaitable
  // made elsewhere: its callee is not the coroutine.
  if (const auto *Call = llvm::dyn_cast<CallExpr>(E))
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && !Callee->getReturnType()->isReferenceType())
      return Callee;
  return nullptr;
}

QualType callableResult(QualType Callable) {
  Callable = Callable.getNonReferenceType();
  if (const auto *Pointer = Callable->getAs<PointerType>())
    Callable = Pointer->getPointeeType();
  if (const auto *Function = Callable->getAs<FunctionType>())
    return Function->getReturnType();
  const CXXRecordDecl *Record = Callable->getAsCXXRecordDecl();
  const CXXMethodDecl *CallOperator = Record ? callOperator(*Record) : nullptr;
  return CallOperator ? CallOperator->getReturnType() : QualType();
}

const CXXRecordDecl *postedCallable(const FunctionDecl &Callee) {
  const TemplateArgumentList *Args = Callee.getTemplateSpecializationArgs();
  if (!Args || Args->size() == 0 ||
      (*Args)[0].getKind() != TemplateArgument::Type)
    return nullptr;
  return (*Args)[0].getAsType().getNonReferenceType()->getAsCXXRecordDecl();
}

const CXXMethodDecl *callOperator(const CXXRecordDecl &Callable) {
  if (Callable.isLambda())
    return Callable.getLambdaCallOperator();
  if (!Callable.hasDefinition())
    return nullptr;
  const CXXMethodDecl *CallOperator = nullptr;
  for (const CXXMethodDecl *Method : Callable.methods())
    if (Method->getOverloadedOperator() == OO_Call) {
      if (CallOperator)
        return nullptr; // Overloaded: the arguments pick one.
      CallOperator = Method;
    }
  return CallOperator;
}

bool cannotThrowWhenCalled(const CXXRecordDecl *Callable) {
  const CXXMethodDecl *CallOperator =
      Callable ? callOperator(*Callable) : nullptr;
  if (!CallOperator)
    return false;
  if (isNothrow(*CallOperator))
    return true;
  const auto *Body =
      llvm::dyn_cast_or_null<CompoundStmt>(CallOperator->getBody());
  return Callable->isLambda() && Body && Body->body_empty();
}

const FunctionDecl *startedLazy(const CallExpr &Start) {
  const Expr *Lazy = objectArgument(Start);
  while (Lazy) {
    const auto *Via =
        llvm::dyn_cast<CXXMemberCallExpr>(ignoreImplicitCopies(Lazy));
    if (!Via || !Via->getMethodDecl()->getIdentifier() ||
        Via->getMethodDecl()->getName() != "via")
      break;
    Lazy = Via->getImplicitObjectArgument();
  }
  return Lazy ? spawnedFunction(*Lazy) : nullptr;
}

const ParmVarDecl *forwardedParameter(const Expr &Work) {
  const Expr *E = ignoreImplicitAndParens(&Work);
  if (const auto *Call = llvm::dyn_cast<CallExpr>(E);
      Call && Call->getNumArgs() == 1 && Call->getDirectCallee() &&
      (Call->isCallToStdMove() ||
       qualifiedName(*Call->getDirectCallee()) == "std::forward"))
    E = ignoreImplicitAndParens(Call->getArg(0));
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E);
  return Ref ? llvm::dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
}

bool ignoresOutcome(const Expr &Callback) {
  const CXXRecordDecl *Closure =
      ignoreImplicitCopies(&Callback)->getType()->getAsCXXRecordDecl();
  if (!Closure || !Closure->isLambda())
    return false;
  const FunctionDecl *CallOperator = Closure->getLambdaCallOperator();
  if (const FunctionTemplateDecl *Generic =
          Closure->getDependentLambdaCallOperator())
    CallOperator = Generic->getTemplatedDecl();
  if (CallOperator->getNumParams() == 0)
    return true;
  const ParmVarDecl *Outcome = CallOperator->getParamDecl(0);
  return !Outcome->getIdentifier() || !Outcome->isReferenced();
}

} // namespace clang::tidy::corolint
