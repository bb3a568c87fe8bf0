//===--- ThreadLocalAliases.cpp - what points into a thread_local --------===//

#include "ThreadLocalAliases.h"
#include "clang/Basic/Builtins.h"

namespace clang::tidy::corolint {
namespace {

/// Strips parentheses and the conversions that keep designating the same
/// object (but not the reading of its value).
const Expr *sameObject(const Expr *E) {
  for (;;) {
    E = E->IgnoreParens();
    const auto *Cast = llvm::dyn_cast<ImplicitCastExpr>(E);
    if (!Cast || (Cast->getCastKind() != CK_NoOp &&
                  Cast->getCastKind() != CK_DerivedToBase &&
                  Cast->getCastKind() != CK_UncheckedDerivedToBase &&
                  Cast->getCastKind() != CK_ArrayToPointerDecay))
      return E;
    E = Cast->getSubExpr();
  }
}

/// The thread_local whose storage the glvalue \p E designates: the variable
/// itself, one of its members or one of its elements.
const VarDecl *designatedThreadLocal(const Expr *E) {
  for (;;) {
    E = sameObject(E);
    if (const VarDecl *Var = namedThreadLocal(*E))
      return Var;
    if (const auto *Member = llvm::dyn_cast<MemberExpr>(E);
        Member && !Member->isArrow()) {
      E = Member->getBase();
    } else if (const auto *Element = llvm::dyn_cast<ArraySubscriptExpr>(E)) {
      E = Element->getBase();
    } else {
      return nullptr;
    }
  }
}

/// An iterator: a class that says so the way std::iterator_traits asks.
bool isIterator(QualType Type) {
  const CXXRecordDecl *Record =
      Type.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return false;
  bool Found = false;
  auto HasCategory = [&Found](const CXXRecordDecl *R) {
    for (const Decl *D : R->decls())
      if (const auto *Named = llvm::dyn_cast<NamedDecl>(D);
          Named && Named->getIdentifier() &&
          Named->getName() == "iterator_category")
        Found = true;
    return !Found;
  };
  if (HasCategory(Record))
    Record->forallBases(HasCategory);
  return Found;
}

/// `std::pair<iterator, bool>`, what try_emplace and insert return.
bool isPairOfIterators(QualType Type) {
  const auto *Pair = llvm::dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Type->getAsCXXRecordDecl());
  return Pair && Pair->getTemplateArgs().size() > 0 &&
         Pair->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
         isIterator(Pair->getTemplateArgs()[0].getAsType());
}

} // namespace

const VarDecl *namedThreadLocal(const Stmt &S) {
  const ValueDecl *D = nullptr;
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(&S))
    D = Ref->getDecl();
  else if (const auto *Member = llvm::dyn_cast<MemberExpr>(&S))
    D = Member->getMemberDecl();
  const auto *Var = llvm::dyn_cast_or_null<VarDecl>(D);
  return Var && Var->getTLSKind() != VarDecl::TLS_None ? Var : nullptr;
}

const VarDecl *threadLocalAddressedBy(const Expr *E, QualType Target) {
  if (Target->isReferenceType())
    return designatedThreadLocal(E);
  if (!Target->isPointerType())
    return nullptr;
  E = sameObject(E);
  if (const auto *AddressOf = llvm::dyn_cast<UnaryOperator>(E);
      AddressOf && AddressOf->getOpcode() == UO_AddrOf)
    return designatedThreadLocal(AddressOf->getSubExpr());
  if (const auto *Call = llvm::dyn_cast<CallExpr>(E);
      Call && Call->getBuiltinCallee() == Builtin::BIaddressof)
    return designatedThreadLocal(Call->getArg(0));
  // A decayed array: sameObject() stopped at the array itself.
  if (E->getType()->isArrayType())
    return designatedThreadLocal(E);
  return nullptr;
}

const VarDecl *ThreadLocalDerivation::source(const Expr *E) const {
  for (unsigned Depth = 0; E && Depth < 16; ++Depth) {
    E = E->IgnoreParens();
    if (const auto *Full = llvm::dyn_cast<FullExpr>(E)) {
      E = Full->getSubExpr();
    } else if (const auto *Temporary =
                   llvm::dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = Temporary->getSubExpr();
    } else if (const auto *Bind = llvm::dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = Bind->getSubExpr();
    } else if (const auto *Cast = llvm::dyn_cast<ImplicitCastExpr>(E)) {
      E = Cast->getSubExpr();
    } else if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(E)) {
      return constructed(*Construct);
    } else if (const auto *Member = llvm::dyn_cast<MemberExpr>(E);
               Member && !Member->isArrow() && refers(Member->getType())) {
      E = Member->getBase(); // try_emplace(k).first
    } else if (const auto *AddressOf = llvm::dyn_cast<UnaryOperator>(E);
               AddressOf && AddressOf->getOpcode() == UO_AddrOf) {
      E = AddressOf->getSubExpr(); // &t_vec[0]
    } else if (const auto *Call = llvm::dyn_cast<CallExpr>(E)) {
      return called(*Call);
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

bool ThreadLocalDerivation::refers(QualType Type) const {
  return Type->isReferenceType() || Type->isPointerType() || isIterator(Type) ||
         isView(Type);
}

bool ThreadLocalDerivation::isView(QualType Type) const {
  return ViewTypes.containsRecordOrBase(
      Type.getNonReferenceType()->getAsCXXRecordDecl());
}

const VarDecl *ThreadLocalDerivation::object(const Expr *E) const {
  if (const VarDecl *Var = designatedThreadLocal(E))
    return Var;
  return refers(E->getType()) ? source(E) : nullptr;
}

const VarDecl *
ThreadLocalDerivation::constructed(const CXXConstructExpr &Construct) const {
  if (Construct.getNumArgs() == 0)
    return nullptr;
  const CXXConstructorDecl *Ctor = Construct.getConstructor();
  // A copy of an iterator or a view points where the original does.
  if (Ctor->isCopyOrMoveConstructor())
    return refers(Construct.getType()) ? source(Construct.getArg(0)) : nullptr;
  if (!isView(Construct.getType()) || Ctor->getNumParams() == 0 ||
      !Ctor->getParamDecl(0)->getType()->isReferenceType())
    return nullptr;
  return object(Construct.getArg(0)); // std::span s(t_vec)
}

const VarDecl *ThreadLocalDerivation::called(const CallExpr &Call) const {
  // A glvalue call returns a reference.
  if (!Call.isGLValue() && !refers(Call.getType()) &&
      !isPairOfIterators(Call.getType()))
    return nullptr;
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(&Call))
    return object(Member->getImplicitObjectArgument());
  // t_vec[i], *it, it->second: an operator of a thread_local or of a
  // value derived from one.
  if (const auto *Operator = llvm::dyn_cast<CXXOperatorCallExpr>(&Call);
      Operator && Operator->getNumArgs() > 0 &&
      llvm::isa<CXXMethodDecl>(Operator->getDirectCallee()))
    return object(Operator->getArg(0));
  return nullptr;
}

} // namespace clang::tidy::corolint
