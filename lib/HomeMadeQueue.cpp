//===--- HomeMadeQueue.cpp - a container member used as a queue -----------===//

#include "HomeMadeQueue.h"
#include "NameList.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include <optional>

namespace clang::tidy::corolint {
namespace {

StringRef methodName(const CXXMemberCallExpr &Call) {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  return Method && Method->getIdentifier() ? Method->getName() : StringRef();
}

/// The data member a member function is called on (`q.f()`, `this->q.f()`,
/// `self->q.f()`), or null.
const ValueDecl *calledOnMember(const CXXMemberCallExpr &Call) {
  const Expr *Object = Call.getImplicitObjectArgument();
  const auto *Member = llvm::dyn_cast_or_null<MemberExpr>(
      Object ? Object->IgnoreParenImpCasts() : nullptr);
  return Member ? Member->getMemberDecl() : nullptr;
}

bool isCallOn(const Stmt *S, const ValueDecl &Member, StringRef Name) {
  const auto *Call = llvm::dyn_cast_or_null<CXXMemberCallExpr>(S);
  return Call && calledOnMember(*Call) == &Member && methodName(*Call) == Name;
}

/// True when \p S mentions a declaration named `min`: a timer set to
/// `time_point::min()` has expired, which wakes its waiter like cancel().
bool mentionsMin(const Stmt *S) {
  if (!S)
    return false;
  const NamedDecl *Named = nullptr;
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(S))
    Named = Ref->getDecl();
  else if (const auto *Member = llvm::dyn_cast<MemberExpr>(S))
    Named = Member->getMemberDecl();
  if (Named && Named->getIdentifier() && Named->getName() == "min")
    return true;
  return llvm::any_of(S->children(), mentionsMin);
}

/// True when \p S contains a member call on \p Member, outside lambdas.
bool callsOn(const Stmt *S, const ValueDecl *Member) {
  if (!S || llvm::isa<LambdaExpr>(S))
    return false;
  if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(S);
      Call && Member && calledOnMember(*Call) == Member)
    return true;
  return llvm::any_of(S->children(),
                      [&](const Stmt *C) { return callsOn(C, Member); });
}

/// Walks the member functions of the queue's class once, collecting what
/// the shape needs. Each function body (a method, a lambda in it) is a scope
/// of its own: the push and its wake-up must share one.
class ClassScan {
public:
  ClassScan(const FieldDecl &Queue, const QueueVocabulary &Words,
            ASTContext &Context)
      : Queue(Queue), Words(Words), Context(Context) {}

  void scanFunction(const FunctionDecl &F) {
    const Stmt *Body = F.getBody();
    if (const auto *Coroutine = llvm::dyn_cast_or_null<CoroutineBodyStmt>(Body))
      Body = Coroutine->getBody();
    scan(Body, NextScope++);
  }

  std::vector<UnboundedPush> result() const {
    std::vector<UnboundedPush> Found;
    if (Bounded || !Consumer.Await)
      return Found;
    for (const auto &[Push, Scope] : Pushes)
      for (const auto &[WakeUp, WakeScope] : WakeUps)
        if (Scope == WakeScope) {
          Found.push_back({Push, WakeUp, chooseAwait(*WakeUp)});
          break;
        }
    return Found;
  }

private:
  struct Loop {
    const CXXMemberCallExpr *Pop = nullptr;
    std::vector<const CoawaitExpr *> Awaits;
    const CoawaitExpr *Await = nullptr;
  };

  void scan(const Stmt *S, unsigned Scope) {
    if (!S)
      return;
    if (const auto *Lambda = llvm::dyn_cast<LambdaExpr>(S)) {
      scanFunction(*Lambda->getCallOperator());
      return;
    }
    if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(S))
      noteCall(*Call, Scope);
    else if (const auto *Compare = llvm::dyn_cast<BinaryOperator>(S);
             Compare && Compare->isComparisonOp())
      Bounded = Bounded || comparesSizeWithLimit(*Compare);
    if (!Consumer.Await &&
        llvm::isa<WhileStmt, ForStmt, DoStmt, CXXForRangeStmt>(S))
      Consumer = drainingLoop(*S);
    for (const Stmt *Child : S->children())
      scan(Child, Scope);
  }

  void noteCall(const CXXMemberCallExpr &Call, unsigned Scope) {
    StringRef Name = methodName(Call);
    if (calledOnMember(Call) == &Queue && Words.PushMethods.contains(Name))
      Pushes.emplace_back(&Call, Scope);
    else if (Words.WakeUpMethods.contains(Name) &&
             (!Name.starts_with("expires") || mentionsMin(&Call)))
      WakeUps.emplace_back(&Call, Scope);
  }

  /// `q.size() >= limit`, `q.size() < q.max_size()`: any comparison of the
  /// size with something other than zero bounds the queue, wherever it is.
  bool comparesSizeWithLimit(const BinaryOperator &Compare) const {
    const Expr *LHS = Compare.getLHS()->IgnoreParenImpCasts();
    const Expr *RHS = Compare.getRHS()->IgnoreParenImpCasts();
    if (!isCallOn(LHS, Queue, "size"))
      std::swap(LHS, RHS);
    if (!isCallOn(LHS, Queue, "size"))
      return false;
    if (RHS->isValueDependent())
      return true;
    std::optional<llvm::APSInt> Value = RHS->getIntegerConstantExpr(Context);
    return !Value || !Value->isZero();
  }

  /// The loop \p S with its pop of the queue and its awaits, when it has
  /// both.
  Loop drainingLoop(const Stmt &S) const {
    Loop Found;
    collectLoop(&S, Found);
    if (Found.Pop && !Found.Awaits.empty())
      Found.Await = Found.Awaits.front();
    return Found;
  }

  void collectLoop(const Stmt *S, Loop &Found) const {
    if (!S || llvm::isa<LambdaExpr>(S))
      return;
    if (const auto *Await = llvm::dyn_cast<CoawaitExpr>(S);
        Await && !Await->isImplicit())
      Found.Awaits.push_back(Await);
    if (const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(S);
        Call && !Found.Pop && calledOnMember(*Call) == &Queue &&
        Words.PopMethods.contains(methodName(*Call)))
      Found.Pop = Call;
    for (const Stmt *Child : S->children())
      collectLoop(Child, Found);
  }

  /// The await that does the consumer's work: the one nearest the pop that
  /// does not wait on the object the producer wakes (that is the idle wait).
  const CoawaitExpr *chooseAwait(const CXXMemberCallExpr &WakeUp) const {
    const ValueDecl *Signal = calledOnMember(WakeUp);
    const SourceManager &SM = Context.getSourceManager();
    unsigned Pop =
        SM.getFileOffset(SM.getExpansionLoc(Consumer.Pop->getBeginLoc()));
    auto Distance = [&](const CoawaitExpr *Await) {
      unsigned At = SM.getFileOffset(SM.getExpansionLoc(Await->getBeginLoc()));
      return At > Pop ? At - Pop : Pop - At;
    };
    const CoawaitExpr *Best = nullptr;
    for (const CoawaitExpr *Await : Consumer.Awaits)
      if (!callsOn(Await->getOperand(), Signal) &&
          (!Best || Distance(Await) < Distance(Best)))
        Best = Await;
    return Best ? Best : Consumer.Await;
  }

  const FieldDecl &Queue;
  const QueueVocabulary &Words;
  ASTContext &Context;
  unsigned NextScope = 0;
  bool Bounded = false;
  Loop Consumer;
  std::vector<std::pair<const CXXMemberCallExpr *, unsigned>> Pushes, WakeUps;
};

} // namespace

QueueVocabulary::QueueVocabulary(StringRef Push, StringRef Pop,
                                 StringRef WakeUp) {
  for (auto [Option, Set] :
       {std::pair(Push, &PushMethods), std::pair(Pop, &PopMethods),
        std::pair(WakeUp, &WakeUpMethods)})
    for (const std::string &Name : splitNameList(Option))
      Set->insert(Name);
}

std::vector<UnboundedPush> findUnboundedPushes(const FieldDecl &Queue,
                                               const QueueVocabulary &Words,
                                               ASTContext &Context) {
  const auto *Class = llvm::dyn_cast<CXXRecordDecl>(Queue.getParent());
  if (!Class || !Class->hasDefinition())
    return {};
  ClassScan Scan(Queue, Words, Context);
  for (const CXXMethodDecl *Method : Class->methods()) {
    const FunctionDecl *Definition = nullptr;
    if (Method->hasBody(Definition))
      Scan.scanFunction(*Definition);
  }
  return Scan.result();
}

} // namespace clang::tidy::corolint
