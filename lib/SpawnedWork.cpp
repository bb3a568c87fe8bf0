//===--- SpawnedWork.cpp - what a spawn call runs -------------------------===//

#include "SpawnedWork.h"
#include "ASTHelpers.h"
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
  if (!Record || !Record->hasDefinition())
    return QualType();
  if (Record->isLambda())
    return Record->getLambdaCallOperator()->getReturnType();
  const CXXMethodDecl *CallOperator = nullptr;
  for (const CXXMethodDecl *Method : Record->methods())
    if (Method->getOverloadedOperator() == OO_Call) {
      if (CallOperator)
        return QualType(); // Overloaded: the result depends on the arguments.
      CallOperator = Method;
    }
  return CallOperator ? CallOperator->getReturnType() : QualType();
}

} // namespace clang::tidy::corolint
