//===--- LockModel.cpp - what a lock is, and which object holds it --------===//

#include "LockModel.h"
#include "Annotations.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include <tuple>

namespace clang::tidy::corolint {

const CXXRecordDecl *recordOf(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *Pointer = T->getAs<PointerType>())
    T = Pointer->getPointeeType();
  return T->getAsCXXRecordDecl();
}

const Expr *denotedObject(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(E))
    if (Unary->getOpcode() == UO_AddrOf || Unary->getOpcode() == UO_Deref)
      return denotedObject(Unary->getSubExpr());
  return E;
}

// --- Vocabulary -------------------------------------------------------------

bool LockVocabulary::isGuardType(const CXXRecordDecl *Record) const {
  if (!Record || AsyncSafeTypes.contains(Record))
    return false;
  return GuardTypes.contains(Record) || Record->hasAttr<ScopedLockableAttr>();
}

bool LockVocabulary::isBlockingMutexType(QualType T) const {
  const CXXRecordDecl *Record = recordOf(T);
  if (!Record || AsyncSafeTypes.containsRecordOrBase(Record))
    return false;
  return BlockingMutexTypes.containsRecordOrBase(Record) ||
         Record->hasAttr<CapabilityAttr>();
}

std::optional<QualType>
LockVocabulary::blockingMutexOfGuard(const CXXRecordDecl *Guard,
                                     const CXXConstructExpr *Construct) const {
  // The guard's template arguments say what it locks (CTAD and aliases
  // included); a non-template scoped_lockable type says it through its
  // constructor's arguments.
  if (const auto *Spec = llvm::dyn_cast<ClassTemplateSpecializationDecl>(Guard)) {
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
      if (Arg.getKind() == TemplateArgument::Type &&
          isBlockingMutexType(Arg.getAsType()))
        return Arg.getAsType();
      if (Arg.getKind() == TemplateArgument::Pack)
        for (const TemplateArgument &Packed : Arg.pack_elements())
          if (Packed.getKind() == TemplateArgument::Type &&
              isBlockingMutexType(Packed.getAsType()))
            return Packed.getAsType();
    }
    return std::nullopt;
  }
  if (Construct)
    for (const Expr *Arg : Construct->arguments())
      if (isBlockingMutexType(Arg->getType()))
        return Arg->getType().getNonReferenceType();
  return std::nullopt;
}

static std::optional<std::string>
annotatedMustNotSuspend(const CXXRecordDecl &Record) {
  if (std::optional<CorolintAnnotation> Found =
          findCorolintAnnotation(Record, {annotation::MustNotSuspend}))
    return Found->Argument;
  return std::nullopt;
}

std::optional<std::string>
LockVocabulary::mustNotSuspendReason(const CXXRecordDecl *Record) const {
  if (!Record)
    return std::nullopt;
  if (MustNotSuspendTypes.containsRecordOrBase(Record))
    return std::string();
  if (std::optional<std::string> Reason = annotatedMustNotSuspend(*Record))
    return Reason;
  // A class derived from a must-not-suspend type is one.
  const CXXRecordDecl *Definition = Record->getDefinition();
  std::optional<std::string> Reason;
  if (Definition)
    Definition->forallBases([&Reason](const CXXRecordDecl *Base) {
      Reason = annotatedMustNotSuspend(*Base);
      return !Reason;
    });
  return Reason;
}

bool LockVocabulary::isTrackedObject(const Expr *E) const {
  if (!E)
    return false;
  const CXXRecordDecl *Record = recordOf(E->getType());
  return isGuardType(Record) || mustNotSuspendReason(Record);
}

// --- Keys -------------------------------------------------------------------

LockKey LockKey::forDecl(const ValueDecl *Var) {
  assert(Var && "a key names an object");
  return LockKey(RootKind::Declaration, Var);
}

LockKey LockKey::forTemporary(const CXXBindTemporaryExpr *Temporary) {
  assert(Temporary && "a key names an object");
  return LockKey(RootKind::Temporary, Temporary);
}

LockKey LockKey::forObject(const Expr *E) {
  LockKey Key;
  Key.appendPath(E);
  return Key;
}

void LockKey::appendPath(const Expr *E) {
  E = denotedObject(E);
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E)) {
    Kind = RootKind::Declaration;
    Root = Ref->getDecl();
  } else if (const auto *Member = llvm::dyn_cast<MemberExpr>(E)) {
    appendPath(Member->getBase());
    Members.push_back(Member->getMemberDecl());
  } else if (llvm::isa<CXXThisExpr>(E)) {
    Kind = RootKind::This;
  } else {
    Kind = RootKind::Unnamed;
    UnnamedLoc = E->getBeginLoc().getRawEncoding();
  }
}

bool LockKey::operator<(const LockKey &Other) const {
  return std::tie(Kind, Root, UnnamedLoc, Members) <
         std::tie(Other.Kind, Other.Root, Other.UnnamedLoc, Other.Members);
}

bool LockKey::operator==(const LockKey &Other) const {
  return std::tie(Kind, Root, UnnamedLoc, Members) ==
         std::tie(Other.Kind, Other.Root, Other.UnnamedLoc, Other.Members);
}

} // namespace clang::tidy::corolint
