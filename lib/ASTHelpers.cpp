//===--- ASTHelpers.cpp - AST questions every check asks ------------------===//

#include "ASTHelpers.h"
#include "NameList.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/IgnoreExpr.h"

namespace clang::tidy::corolint {

const Expr *ignoreImplicitAndParens(const Expr *E) {
  if (!E)
    return nullptr;
  return IgnoreExprNodes(E, IgnoreImplicitSingleStep, IgnoreParensSingleStep);
}

const CXXRecordDecl *calledOnClass(const Expr &ObjectArgument) {
  QualType Type = ObjectArgument.IgnoreParenImpCasts()->getType();
  if (Type->isPointerType())
    Type = Type->getPointeeType();
  return Type->getAsCXXRecordDecl();
}

const Expr *objectArgument(const CallExpr &Call) {
  if (const auto *MemberCall = llvm::dyn_cast<CXXMemberCallExpr>(&Call))
    return MemberCall->getImplicitObjectArgument();
  if (llvm::isa<CXXOperatorCallExpr>(Call) && Call.getNumArgs() > 0)
    return Call.getArg(0);
  return nullptr;
}

void forEachStatementPositionChild(const Stmt &S,
                                   llvm::function_ref<void(const Stmt &)> Visit,
                                   bool LastIsValue) {
  auto Child = [&Visit](const Stmt *C) {
    if (C)
      Visit(*C);
  };
  if (const auto *Block = llvm::dyn_cast<CompoundStmt>(&S)) {
    for (const Stmt *C : Block->body())
      if (!LastIsValue || C != Block->body_back())
        Child(C);
  } else if (const auto *If = llvm::dyn_cast<IfStmt>(&S)) {
    Child(If->getInit());
    Child(If->getThen());
    Child(If->getElse());
  } else if (const auto *For = llvm::dyn_cast<ForStmt>(&S)) {
    Child(For->getInit());
    Child(For->getInc());
    Child(For->getBody());
  } else if (const auto *Range = llvm::dyn_cast<CXXForRangeStmt>(&S)) {
    Child(Range->getInit());
    Child(Range->getBody());
  } else if (const auto *While = llvm::dyn_cast<WhileStmt>(&S)) {
    Child(While->getBody());
  } else if (const auto *Do = llvm::dyn_cast<DoStmt>(&S)) {
    Child(Do->getBody());
  } else if (const auto *Switch = llvm::dyn_cast<SwitchStmt>(&S)) {
    Child(Switch->getInit());
    Child(Switch->getBody());
  } else if (const auto *Case = llvm::dyn_cast<SwitchCase>(&S)) {
    Child(Case->getSubStmt());
  } else if (const auto *Label = llvm::dyn_cast<LabelStmt>(&S)) {
    Child(Label->getSubStmt());
  } else if (const auto *Attributed = llvm::dyn_cast<AttributedStmt>(&S)) {
    Child(Attributed->getSubStmt());
  }
}

static void visitDiscarded(const Stmt &S,
                           llvm::function_ref<void(const Expr &)> Visit) {
  if (llvm::isa<CompoundStmt>(S))
    return; // A braced block is one of its own.
  if (const auto *E = llvm::dyn_cast<Expr>(&S))
    return Visit(*E);
  forEachStatementPositionChild(
      S, [&Visit](const Stmt &Child) { visitDiscarded(Child, Visit); });
}

void forEachDiscardedExpression(const CompoundStmt &Block,
                                llvm::function_ref<void(const Expr &)> Visit) {
  forEachStatementPositionChild(
      Block, [&Visit](const Stmt &Child) { visitDiscarded(Child, Visit); });
}

std::string describeFunction(const FunctionDecl &FD) {
  if (const auto *Method = llvm::dyn_cast<CXXMethodDecl>(&FD)) {
    const CXXRecordDecl *Class = Method->getParent();
    if (Class->isLambda())
      return "the lambda";
    if (llvm::isa<CXXConstructorDecl>(Method))
      return "'" + qualifiedName(*Class) + "::" + Class->getNameAsString() +
             "'";
  }
  return "'" + qualifiedName(FD) + "'";
}

} // namespace clang::tidy::corolint
