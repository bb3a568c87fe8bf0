//===--- TaskEscapes.cpp - where a task outlives its expression ----------===//

#include "TaskEscapes.h"
#include "CoroutineModel.h"
#include "TaskLifetime.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/ErrorHandling.h"

namespace clang::tidy::corolint {
namespace {

/// The local object a spawn runs its work on (`io`, or `io.get_executor()`):
/// when it dies before a caller's local, the work dies unrun with it.
const VarDecl *localExecutor(const CallExpr &Spawn) {
  const Expr *Executor = nullptr;
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(&Spawn))
    Executor = Member->getImplicitObjectArgument();
  else if (Spawn.getNumArgs() > 0)
    Executor = Spawn.getArg(0);
  if (!Executor)
    return nullptr;
  Executor = Executor->IgnoreUnlessSpelledInSource();
  if (const auto *Get = llvm::dyn_cast<CXXMemberCallExpr>(Executor))
    Executor = Get->getImplicitObjectArgument()->IgnoreUnlessSpelledInSource();
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Executor);
  const auto *Var = Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType())
    return nullptr;
  // An Asio executor (`auto ex = co_await this_coro::executor`) is a handle:
  // only an execution context (io_context, thread_pool) owns the work.
  const CXXRecordDecl *Record = Var->getType()->getAsCXXRecordDecl();
  if (llvm::isa<CXXMemberCallExpr>(Spawn) || !Record ||
      !Record->hasDefinition())
    return Var;
  bool IsContext = Record->getName() == "execution_context";
  Record->forallBases([&IsContext](const CXXRecordDecl *Base) {
    IsContext |= Base->getName() == "execution_context";
    return true;
  });
  return IsContext ? Var : nullptr;
}

/// A completion handler that captures by reference usually tells the caller
/// that the work ended; the caller may wait for that.
bool handlerSignalsCaller(const Expr &Handler) {
  const auto *Lambda =
      llvm::dyn_cast<LambdaExpr>(Handler.IgnoreUnlessSpelledInSource());
  return Lambda && llvm::any_of(Lambda->captures(), [](const LambdaCapture &C) {
           return C.capturesThis() || C.getCaptureKind() == LCK_ByRef;
         });
}

} // namespace

const char *describeEscape(EscapeKind Kind) {
  switch (Kind) {
  case EscapeKind::Spawned:
    return "spawned";
  case EscapeKind::Stored:
    return "stored";
  case EscapeKind::Contained:
    return "put in a container";
  case EscapeKind::Returned:
    return "returned";
  }
  llvm_unreachable("unknown escape");
}

TaskEscapeFinder::TaskEscapeFinder(const NameList &SpawnFunctions,
                                   const NameList &ContainerInsertFunctions,
                                   const NameList &AwaitedTokenTypes,
                                   const NameList &RunToCompletionFunctions)
    : SpawnFunctions(SpawnFunctions),
      ContainerInsertFunctions(ContainerInsertFunctions),
      AwaitedTokenTypes(AwaitedTokenTypes),
      RunToCompletionFunctions(RunToCompletionFunctions) {
  for (const NameList *List : {&SpawnFunctions, &ContainerInsertFunctions})
    for (llvm::StringRef Name : List->names())
      CalledIdentifiers.insert(lastComponent(Name));
}

void TaskEscapeFinder::find(
    const Stmt &Body,
    llvm::SmallVectorImpl<std::pair<const Expr *, TaskEscape>> &Found) const {
  // Spawns whose result is consumed in the same full-expression (awaited,
  // waited for, or .get()): statements are visited parents first, so they
  // are known before the spawn itself is reached.
  llvm::SmallPtrSet<const Expr *, 4> WaitedAtOnce;
  auto WaitedFor = [&](const Expr *E) {
    if (E)
      WaitedAtOnce.insert(E->IgnoreUnlessSpelledInSource());
  };
  forEachOwnStmt(&Body, [&](const Stmt &S) {
    if (const auto *Await = llvm::dyn_cast<CoroutineSuspendExpr>(&S))
      WaitedFor(Await->getOperand());
    if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(&S))
      WaitedFor(Member->getImplicitObjectArgument());
    if (const auto *Return = llvm::dyn_cast<ReturnStmt>(&S)) {
      if (const Expr *Value = Return->getRetValue())
        Found.push_back({Value, TaskEscape{EscapeKind::Returned, &S}});
      return;
    }
    if (const auto *Decls = llvm::dyn_cast<DeclStmt>(&S)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = llvm::dyn_cast<VarDecl>(D);
            Var && !Var->isImplicit() && Var->getInit() && Var->isReferenced())
          Found.push_back(
              {Var->getInit(), TaskEscape{EscapeKind::Stored, &S, Var}});
      return;
    }
    if (const auto *Assign = llvm::dyn_cast<BinaryOperator>(&S);
        Assign && Assign->getOpcode() == BO_Assign) {
      Found.push_back(
          {Assign->getRHS(),
           TaskEscape{EscapeKind::Stored, &S, storageRoot(*Assign->getLHS())}});
      return;
    }
    const auto *Call = llvm::dyn_cast<CallExpr>(&S);
    if (!Call || Call->containsErrors())
      return;
    if (const auto *Operator = llvm::dyn_cast<CXXOperatorCallExpr>(Call);
        Operator && Operator->getOperator() == OO_Equal &&
        Operator->getNumArgs() == 2) {
      Found.push_back(
          {Operator->getArg(1), TaskEscape{EscapeKind::Stored, &S,
                                           storageRoot(*Operator->getArg(0))}});
      return;
    }
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (RunToCompletionFunctions.contains(Callee))
      for (const Expr *Arg : Call->arguments())
        WaitedFor(Arg);
    if (!Callee || !Callee->getIdentifier() ||
        !CalledIdentifiers.contains(Callee->getName()))
      return;
    llvm::SmallVector<const Expr *, 4> Operands(Call->arguments());
    const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(Call);
    if (Member)
      Operands.push_back(Member->getImplicitObjectArgument());
    TaskEscape E{EscapeKind::Spawned, &S};
    if (ContainerInsertFunctions.contains(Callee)) {
      if (!Member)
        return;
      E = TaskEscape{EscapeKind::Contained, &S,
                     storageRoot(*Member->getImplicitObjectArgument())};
    } else if (!SpawnFunctions.contains(Callee) ||
               WaitedAtOnce.contains(Call)) {
      return;
    } else if (Call->getNumArgs() > 0) {
      const Expr *Token = Call->getArg(Call->getNumArgs() - 1);
      if (isAwaitedToken(Token->getType()))
        return;
      E.HandlerSignalsCaller = handlerSignalsCaller(*Token);
      E.Executor = localExecutor(*Call);
    }
    for (const Expr *Operand : Operands)
      Found.push_back({Operand, E});
  });
}

bool TaskEscapeFinder::isAwaitedToken(QualType Token) const {
  const CXXRecordDecl *Record =
      Token.getNonReferenceType()->getAsCXXRecordDecl();
  // Adapters (as_tuple(use_awaitable)) name the token they adapt first.
  for (unsigned Depth = 0; Record && Depth < 4; ++Depth) {
    if (AwaitedTokenTypes.contains(Record))
      return true;
    const auto *Adapter =
        llvm::dyn_cast<ClassTemplateSpecializationDecl>(Record);
    if (!Adapter || Adapter->getTemplateArgs().size() == 0 ||
        Adapter->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
      return false;
    Record = Adapter->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  }
  return false;
}

} // namespace clang::tidy::corolint
