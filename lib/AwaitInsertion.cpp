//===--- AwaitInsertion.cpp - where a fix-it may add co_await -------------===//

#include "AwaitInsertion.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::corolint {

void AwaitInsertionContext::observe(const Stmt &S) {
  auto Postfix = [this](const Expr *Operand) {
    if (Operand)
      PostfixOperands.insert(Operand->IgnoreImplicit());
  };
  if (const auto *Member = llvm::dyn_cast<MemberExpr>(&S)) {
    Postfix(Member->getBase());
  } else if (const auto *Subscript = llvm::dyn_cast<ArraySubscriptExpr>(&S)) {
    Postfix(Subscript->getLHS());
  } else if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(&S)) {
    OverloadedOperatorKind Kind = Op->getOperator();
    bool PostfixIncDec =
        (Kind == OO_PlusPlus || Kind == OO_MinusMinus) && Op->getNumArgs() == 2;
    if (Kind == OO_Subscript || Kind == OO_Call || Kind == OO_Arrow ||
        PostfixIncDec)
      Postfix(Op->getArg(0));
  } else if (const auto *Call = llvm::dyn_cast<CallExpr>(&S)) {
    Postfix(Call->getCallee());
  } else if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(&S)) {
    if (Unary->isPostfix())
      Postfix(Unary->getSubExpr());
  } else if (const auto *Catch = llvm::dyn_cast<CXXCatchStmt>(&S)) {
    Handlers.push_back(Catch->getHandlerBlock()->getSourceRange());
  } else if (const auto *TypeId = llvm::dyn_cast<CXXTypeidExpr>(&S)) {
    if (!TypeId->isPotentiallyEvaluated())
      Unevaluated.push_back(S.getSourceRange());
  } else if (llvm::isa<UnaryExprOrTypeTraitExpr, CXXNoexceptExpr, RequiresExpr>(
                 &S)) {
    Unevaluated.push_back(S.getSourceRange());
  }
}

bool AwaitInsertionContext::isWithinAny(
    SourceLocation Loc, llvm::ArrayRef<SourceRange> Ranges) const {
  return llvm::any_of(Ranges, [&](SourceRange Range) {
    return SM.isPointWithin(Loc, Range.getBegin(), Range.getEnd());
  });
}

} // namespace clang::tidy::corolint
