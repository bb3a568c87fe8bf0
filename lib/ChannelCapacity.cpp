//===--- ChannelCapacity.cpp - what a channel's capacity is ---------------===//

#include "ChannelCapacity.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>

namespace clang::tidy::corolint {
namespace {

/// A capacity is a count: an integer, not a flag or an enumerator.
bool isCountType(QualType Type) {
  Type = Type.getNonReferenceType().getCanonicalType();
  return Type->isIntegerType() && !Type->isBooleanType() &&
         !Type->isEnumeralType();
}

/// The local channel \p TrySend is called on, if that channel was built
/// with a constant capacity of at least 1.
const VarDecl *localChannelWithRoom(const CXXMemberCallExpr &TrySend,
                                    const NameList &ChannelTypes,
                                    ASTContext &Context) {
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(
      TrySend.getImplicitObjectArgument()->IgnoreParenImpCasts());
  const auto *Channel = Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Channel || !Channel->isLocalVarDecl() || !Channel->hasLocalStorage() ||
      Channel->getType()->isReferenceType() || !Channel->getInit())
    return nullptr;
  const auto *Construct =
      llvm::dyn_cast<CXXConstructExpr>(Channel->getInit()->IgnoreImplicit());
  if (!Construct ||
      !ChannelTypes.contains(Construct->getConstructor()->getParent()))
    return nullptr;
  const Expr *Capacity = capacityArgument(*Construct);
  std::optional<llvm::APSInt> Value =
      Capacity ? constantCapacity(*Capacity, Context) : std::nullopt;
  return Value && !Value->isZero() ? Channel : nullptr;
}

/// Walks a function body in source order up to the try_send, looking for
/// anything that may have sent on the channel, and for a loop around it.
class EarlierUses {
public:
  EarlierUses(const VarDecl &Channel, const CXXMemberCallExpr &TrySend)
      : Channel(Channel), TrySend(TrySend) {}

  /// True when the walk reached the try_send outside any loop and saw no
  /// earlier use that may have sent.
  bool leaveRoom(const Stmt *Body) {
    walk(Body, /*InLoop=*/false);
    return Reached && !MaySend;
  }

private:
  void walk(const Stmt *S, bool InLoop) {
    if (!S || Reached)
      return;
    if (S == &TrySend) {
      Reached = true;
      MaySend = MaySend || InLoop;
      return;
    }
    InLoop =
        InLoop || llvm::isa<WhileStmt, ForStmt, DoStmt, CXXForRangeStmt>(S);
    if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(S);
        Call && refersToChannel(Call->getImplicitObjectArgument())) {
      const CXXMethodDecl *Method = Call->getMethodDecl();
      MaySend = MaySend || !Method || !Method->getIdentifier() ||
                Method->getName().contains("send");
      for (const Expr *Arg : Call->arguments())
        walk(Arg, InLoop);
      return;
    }
    if (refersToChannel(llvm::dyn_cast<Expr>(S))) {
      MaySend = true; // Passed on, captured, aliased: it may be sent on.
      return;
    }
    for (const Stmt *Child : S->children())
      walk(Child, InLoop);
  }

  bool refersToChannel(const Expr *E) const {
    const auto *Ref =
        llvm::dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : E);
    return Ref && Ref->getDecl() == &Channel;
  }

  const VarDecl &Channel;
  const CXXMemberCallExpr &TrySend;
  bool Reached = false;
  bool MaySend = false;
};

} // namespace

const Expr *capacityArgument(const CXXConstructExpr &Construct) {
  const CXXConstructorDecl *Ctor = Construct.getConstructor();
  unsigned Count = std::min(Ctor->getNumParams(), Construct.getNumArgs());
  for (unsigned I = 0; I < Count; ++I)
    if (isCountType(Ctor->getParamDecl(I)->getType()))
      return Construct.getArg(I);
  return nullptr;
}

const Expr *forwardedCapacityArgument(const CallExpr &Make) {
  for (const Expr *Arg : Make.arguments())
    if (isCountType(Arg->getType()))
      return Arg;
  return nullptr;
}

std::optional<llvm::APSInt> constantCapacity(const Expr &E,
                                             ASTContext &Context) {
  if (E.isValueDependent() || E.containsErrors())
    return std::nullopt;
  Expr::EvalResult Result;
  if (!E.EvaluateAsInt(Result, Context))
    return std::nullopt;
  llvm::APSInt Value = Result.Val.getInt();
  if (Value.isSigned() && Value.isNegative()) {
    Value = Value.extOrTrunc(64);
    Value.setIsUnsigned(true);
  }
  return Value;
}

bool isFirstSendOnFreshChannel(const CXXMemberCallExpr &TrySend,
                               const NameList &ChannelTypes,
                               ASTContext &Context) {
  const CXXMethodDecl *Method = TrySend.getMethodDecl();
  if (!Method || !Method->getIdentifier() || Method->getName() != "try_send")
    return false;
  const VarDecl *Channel = localChannelWithRoom(TrySend, ChannelTypes, Context);
  const auto *Function =
      Channel ? llvm::dyn_cast<FunctionDecl>(Channel->getDeclContext())
              : nullptr;
  return Function &&
         EarlierUses(*Channel, TrySend).leaveRoom(Function->getBody());
}

} // namespace clang::tidy::corolint
