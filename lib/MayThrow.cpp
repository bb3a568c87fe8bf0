//===--- MayThrow.cpp - can evaluating a statement throw? -----------------===//

#include "MayThrow.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::corolint {

bool isNothrow(const FunctionDecl &Callee) {
  const auto *Proto = Callee.getType()->getAs<FunctionProtoType>();
  return Proto && Proto->isNothrow();
}

bool mayThrow(const Stmt *S,
              llvm::function_ref<bool(const CoroutineSuspendExpr &)>
                  AwaitMayThrow) {
  if (!S)
    return false;
  auto ChildMayThrow = [&AwaitMayThrow](const Stmt *Child) {
    return mayThrow(Child, AwaitMayThrow);
  };
  if (const auto *Suspend = llvm::dyn_cast<CoroutineSuspendExpr>(S))
    return AwaitMayThrow(*Suspend);
  // The promise stores co_return's value, converting it inside a template
  // (a std::string made from "text"): only a scalar is known to get there.
  if (const auto *Return = llvm::dyn_cast<CoreturnStmt>(S)) {
    const Expr *Value = Return->getOperand();
    return Value && (!Value->getType()->isScalarType() || ChildMayThrow(Value));
  }
  if (const auto *Lambda = llvm::dyn_cast<LambdaExpr>(S))
    return llvm::any_of(Lambda->capture_inits(), ChildMayThrow);
  if (llvm::isa<CXXThrowExpr>(S) || llvm::isa<CXXTypeidExpr>(S))
    return true;
  if (const auto *Cast = llvm::dyn_cast<CXXDynamicCastExpr>(S);
      Cast && !Cast->getType()->isPointerType())
    return true;
  if (const auto *Call = llvm::dyn_cast<CallExpr>(S)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || !isNothrow(*Callee))
      return true;
  }
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(S);
      Construct && !Construct->getConstructor()->isTrivial() &&
      !isNothrow(*Construct->getConstructor()))
    return true;
  return llvm::any_of(S->children(), ChildMayThrow);
}

} // namespace clang::tidy::corolint
