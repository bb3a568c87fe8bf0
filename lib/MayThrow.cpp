//===--- MayThrow.cpp - which failure can escape a function ---------------===//

#include "MayThrow.h"
#include "ASTHelpers.h"
#include "SkippedBodies.h"
#include "SpawnedWork.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::corolint {

bool isNothrow(const FunctionDecl &Callee) {
  const auto *Proto = Callee.getType()->getAs<FunctionProtoType>();
  return Proto && Proto->isNothrow();
}

namespace {

const CXXRecordDecl *recordOf(QualType T) {
  return T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
}

bool isRethrowCall(const Stmt &S) {
  const auto *Call = llvm::dyn_cast<CallExpr>(&S);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee && Callee->getIdentifier() &&
         Callee->getName() == "rethrow_exception" &&
         qualifiedName(*Callee) == "std::rethrow_exception";
}

/// True when a handler block lets what it caught escape again (`throw;`,
/// std::rethrow_exception): such a handler covers nothing.
bool rethrows(const Stmt *S) {
  if (!S || llvm::isa<LambdaExpr>(S))
    return false;
  if (const auto *Throw = llvm::dyn_cast<CXXThrowExpr>(S);
      Throw && !Throw->getSubExpr())
    return true;
  if (isRethrowCall(*S))
    return true;
  return llvm::any_of(S->children(), rethrows);
}

/// The outermost namespace \p D is declared in ("std", "nlohmann").
const NamespaceDecl *outermostNamespace(const Decl &D) {
  const NamespaceDecl *Outermost = nullptr;
  for (const DeclContext *DC = D.getDeclContext(); DC; DC = DC->getParent())
    if (const auto *NS = llvm::dyn_cast<NamespaceDecl>(DC);
        NS && !NS->isInline() && !NS->isAnonymousNamespace())
      Outermost = NS;
  return Outermost;
}

bool isCoroutineDefinition(const FunctionDecl &F) {
  const FunctionDecl *Definition = nullptr;
  return F.hasBody(Definition) &&
         llvm::isa<CoroutineBodyStmt>(Definition->getBody());
}

} // namespace

const CXXRecordDecl *wrappedToken(const CXXRecordDecl &Token,
                                  const NameList &Wrappers) {
  const auto *Wrapper = llvm::dyn_cast<ClassTemplateSpecializationDecl>(&Token);
  if (!Wrapper || !Wrappers.contains(Wrapper))
    return nullptr;
  const TemplateArgumentList &Args = Wrapper->getTemplateArgs();
  if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type)
    return nullptr;
  return recordOf(Args[0].getAsType());
}

std::string EscapingThrow::calledName() const {
  if (const auto *Method = llvm::dyn_cast_or_null<CXXMethodDecl>(Called);
      Method && Method->getParent()->isLambda())
    return "the lambda";
  return Called ? "'" + Called->getNameAsString() + "'" : "";
}

std::string EscapingThrow::describe() const {
  std::string Name = Operation ? "'" + qualifiedName(*Operation) + "'" : "";
  switch (Kind) {
  case IoAwait:
    return std::string(llvm::isa<CoroutineSuspendExpr>(Origin)
                           ? "this await"
                           : "this operation") +
           " throws on an I/O error because its completion token reports "
           "errors as exceptions ('as_tuple' or 'redirect_error' would not)";
  case IoCall:
    if (const auto *Constructor =
            llvm::dyn_cast_or_null<CXXConstructorDecl>(Operation))
      return "constructing '" + qualifiedName(*Constructor->getParent()) +
             "' opens it and throws on an I/O error ('open' and 'bind' "
             "taking an 'error_code&' do not)";
    return Name + " throws on an I/O error (its overload taking an "
                  "'error_code&' does not)";
  case IoYield:
    return Name + " throws on an I/O error because 'yield' reports errors "
                  "as exceptions ('yield[ec]' would not)";
  case Throw:
    return Thrown.isNull()
               ? std::string("this rethrows a stored exception")
               : "this throws '" + Thrown.getUnqualifiedType().getAsString() +
                     "'";
  case ThrowingFunction:
    return Name + " throws on invalid input";
  case Unseen:
    return "";
  }
  llvm_unreachable("unknown EscapingThrow kind");
}

/// One pass over one function's body, in source order, with the try
/// statements that enclose the statement being looked at.
class ThrowEscapeAnalysis::Scan {
public:
  Scan(ThrowEscapeAnalysis &Analysis, bool IsCoroutine)
      : Analysis(Analysis), Model(Analysis.Model), IsCoroutine(IsCoroutine) {}

  std::optional<EscapingThrow> visit(const Stmt *S) {
    if (!S || llvm::isa<BlockExpr>(S))
      return std::nullopt;
    if (const auto *Lambda = llvm::dyn_cast<LambdaExpr>(S))
      return visitAll(Lambda->capture_inits());
    if (const auto *Try = llvm::dyn_cast<CXXTryStmt>(S))
      return visitTry(*Try);
    if (const auto *Decls = llvm::dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = llvm::dyn_cast<VarDecl>(D))
          if (auto Found = visit(Var->getInit()))
            return Found;
      return std::nullopt;
    }
    if (const auto *Return = llvm::dyn_cast<CoreturnStmt>(S))
      return visit(Return->getOperand());
    if (const auto *Suspend = llvm::dyn_cast<CoroutineSuspendExpr>(S))
      return visitAwaited(*Suspend->getOperand(), *Suspend);
    // A function that is not a coroutine and returns a task forwards it:
    // whoever awaits its result awaits what it returns.
    if (const auto *Return = llvm::dyn_cast<ReturnStmt>(S);
        Return && !IsCoroutine && Return->getRetValue())
      return visitAwaited(*Return->getRetValue(), *Return->getRetValue());
    if (const auto *Throw = llvm::dyn_cast<CXXThrowExpr>(S))
      return visitThrow(*Throw);
    if (const auto *Call = llvm::dyn_cast<CallExpr>(S))
      return visitCall(*Call);
    if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(S))
      return visitConstruct(*Construct);
    return visitAll(S->children());
  }

private:
  template <typename Range> std::optional<EscapingThrow> visitAll(Range R) {
    for (const Stmt *Child : R)
      if (auto Found = visit(Child))
        return Found;
    return std::nullopt;
  }

  std::optional<EscapingThrow> visitTry(const CXXTryStmt &Try) {
    Tries.push_back(&Try);
    std::optional<EscapingThrow> Found = visit(Try.getTryBlock());
    Tries.pop_back();
    if (Found)
      return Found;
    ++HandlerDepth;
    for (unsigned I = 0, E = Try.getNumHandlers(); I != E && !Found; ++I)
      Found = visit(Try.getHandler(I)->getHandlerBlock());
    --HandlerDepth;
    return Found;
  }

  std::optional<EscapingThrow> visitThrow(const CXXThrowExpr &Throw) {
    const Expr *Thrown = Throw.getSubExpr();
    if (!Thrown)
      return std::nullopt; // A rethrow: judged with its handler.
    if (auto Found = visit(Thrown))
      return Found;
    EscapingThrow Op;
    Op.Kind = EscapingThrow::Throw;
    Op.Site = Op.Origin = &Throw;
    Op.Thrown = Thrown->getType();
    return escaping(Op);
  }

  /// Constructing an acceptor or socket with an endpoint or protocol opens
  /// (and binds) it, and throws when that fails (a port in use): its class
  /// has an `open` taking an `error_code&`, and it is given more than the
  /// executor.
  std::optional<EscapingThrow>
  visitConstruct(const CXXConstructExpr &Construct) {
    if (auto Found = visitAll(Construct.children()))
      return Found;
    const CXXConstructorDecl *Constructor = Construct.getConstructor();
    unsigned Given = llvm::count_if(Construct.arguments(), [](const Expr *Arg) {
      return !llvm::isa<CXXDefaultArgExpr>(Arg);
    });
    if (Given < 2 || Constructor->isCopyOrMoveConstructor() ||
        !isIoLibraryFunction(*Constructor) ||
        !opensWithErrorCode(*Constructor->getParent()))
      return std::nullopt;
    EscapingThrow Op;
    Op.Kind = EscapingThrow::IoCall;
    Op.Site = Op.Origin = &Construct;
    Op.Operation = Constructor;
    return escaping(Op);
  }

  bool opensWithErrorCode(const CXXRecordDecl &Class) const {
    auto *Open = &Analysis.Context.Idents.get("open");
    for (const NamedDecl *Found : Class.lookup(DeclarationName(Open)))
      if (const FunctionDecl *Overload = Found->getAsFunction();
          Overload && takesErrorCode(*Overload))
        return true;
    return false;
  }

  bool takesErrorCode(const FunctionDecl &Function) const {
    return llvm::any_of(Function.parameters(), [this](
                                                   const ParmVarDecl *Param) {
      const auto *Ref = Param->getType()->getAs<LValueReferenceType>();
      return Ref && !Ref->getPointeeType().isConstQualified() &&
             Model.ErrorValueTypes.contains(recordOf(Ref->getPointeeType()));
    });
  }

  /// A co_await's operand, or what a function that is not a coroutine
  /// returns for its caller to await.
  std::optional<EscapingThrow> visitAwaited(const Expr &Operand,
                                            const Expr &Site) {
    const auto *Call = llvm::dyn_cast<CallExpr>(ignoreImplicitCopies(&Operand));
    if (const Expr *Made = madeInLocal(Operand))
      return visitAwaited(*Made, Site);
    if (const CXXOperatorCallExpr *Both = combinedAwaitables(Call)) {
      for (const Expr *Each : Both->arguments())
        if (auto Found = visitAwaited(*Each, Site))
          return Found;
      return std::nullopt;
    }
    return Call ? visitCall(*Call, &Site) : visit(&Operand);
  }

  /// `a && b` or `a || b` of two awaitables (Asio's awaitable operators):
  /// awaiting it awaits both, and an exception of either comes out of it.
  const CXXOperatorCallExpr *combinedAwaitables(const CallExpr *Call) const {
    const auto *Op = llvm::dyn_cast_or_null<CXXOperatorCallExpr>(Call);
    if (!Op ||
        (Op->getOperator() != OO_AmpAmp && Op->getOperator() != OO_PipePipe))
      return nullptr;
    return Model.AwaitableTypes.contains(recordOf(Op->getType())) ? Op
                                                                  : nullptr;
  }

  /// What initialized the local variable that \p Operand names (`auto t =
  /// child(); co_await std::move(t);`): that task is the one awaited.
  static const Expr *madeInLocal(const Expr &Operand) {
    const Expr *E = ignoreImplicitCopies(&Operand);
    if (const auto *Move = llvm::dyn_cast<CallExpr>(E);
        Move && Move->isCallToStdMove())
      E = ignoreImplicitCopies(Move->getArg(0));
    const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E);
    const auto *Var = Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!Var || !Var->hasLocalStorage() || llvm::isa<ParmVarDecl>(Var))
      return nullptr;
    return Var->getInit();
  }

  /// A call; \p AwaitedAt is the await (or forwarding return) that awaits
  /// what it makes, if any.
  std::optional<EscapingThrow> visitCall(const CallExpr &Call,
                                         const Expr *AwaitedAt = nullptr) {
    if (isTestAssertionCall(Call))
      return std::nullopt;
    if (isRethrowCall(Call) && HandlerDepth > 0)
      return std::nullopt; // Judged with its handler.
    if (auto Found = visitAll(Call.children()))
      return Found;
    const Expr &Site = AwaitedAt ? *AwaitedAt : Call;
    const FunctionDecl *Callee = Call.getDirectCallee();
    std::optional<enum EscapingThrow::Kind> Op;
    if (AwaitedAt && startsThrowingOperation(Call))
      Op = EscapingThrow::IoAwait;
    else if (Callee)
      Op = operationKind(Call, *Callee);
    if (Op) {
      EscapingThrow Found;
      Found.Kind = *Op;
      Found.Site = Found.Origin = &Site;
      Found.Operation = *Op == EscapingThrow::Throw ? nullptr : Callee;
      return escaping(Found);
    }
    // A task made and not awaited here does not fail here.
    if (!Callee || (!AwaitedAt &&
                    (Model.AwaitableTypes.contains(recordOf(Call.getType())) ||
                     isCoroutineDefinition(*Callee))))
      return std::nullopt;
    const FunctionDecl *Followed = followableCallee(Call);
    return Followed ? escapingThrough(*Followed, Site) : std::nullopt;
  }

  /// What kind of throwing operation a call to \p Callee is by itself.
  std::optional<enum EscapingThrow::Kind>
  operationKind(const CallExpr &Call, const FunctionDecl &Callee) const {
    if (isRethrowCall(Call))
      return EscapingThrow::Throw;
    if (passesErrorCode(Call))
      return std::nullopt;
    if (Model.ThrowingFunctions.contains(&Callee) &&
        !disablesExceptions(Call, Callee))
      return EscapingThrow::ThrowingFunction;
    if (!isIoLibraryFunction(Callee) ||
        Model.NonFailingOperations.contains(&Callee))
      return std::nullopt;
    if (llvm::any_of(Call.arguments(), [this](const Expr *Arg) {
          return tokenThrows(*Arg, Model.YieldTokenTypes);
        }))
      return EscapingThrow::IoYield;
    if (hasErrorCodeOverload(Callee))
      return EscapingThrow::IoCall;
    return std::nullopt;
  }

  /// An await of an I/O operation that reports its error as an exception:
  /// it makes an awaitable and is given a throwing completion token (one of
  /// its arguments, or the default one).
  bool startsThrowingOperation(const CallExpr &Call) const {
    if (!Model.AwaitableTypes.contains(recordOf(Call.getType())))
      return false;
    const FunctionDecl *Callee = Call.getDirectCallee();
    if (Callee && Model.NonFailingOperations.contains(Callee))
      return false;
    return llvm::any_of(Call.arguments(), [this](const Expr *Arg) {
      return tokenThrows(*Arg, Model.ThrowingTokenTypes);
    });
  }

  /// True when the completion token \p Token is one of \p Throwing, which
  /// turn errors into exceptions. A variable is judged by what initializes
  /// it (`auto token = yield[ec];`); a subscripted yield_context delivers the
  /// error into ec.
  bool tokenThrows(const Expr &Token, const NameList &Throwing) const {
    const Expr *E = ignoreImplicitCopies(&Token);
    if (const auto *Default = llvm::dyn_cast<CXXDefaultArgExpr>(E))
      return tokenTypeThrows(Default->getType(), Throwing);
    if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == OO_Subscript)
      return false;
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E))
      if (const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl());
          Var && !llvm::isa<ParmVarDecl>(Var) && Var->getInit())
        return tokenThrows(*Var->getInit(), Throwing);
    return tokenTypeThrows(E->getType(), Throwing);
  }

  bool tokenTypeThrows(QualType Type, const NameList &Throwing) const {
    const CXXRecordDecl *Record = recordOf(Type);
    while (Record) {
      if (Model.ErrorValueTokenTypes.contains(Record))
        return false;
      if (Throwing.contains(Record))
        return true;
      Record = wrappedToken(*Record, Model.TokenWrapperTypes);
    }
    return false;
  }

  bool passesErrorCode(const CallExpr &Call) const {
    return llvm::any_of(Call.arguments(), [this](const Expr *Arg) {
      return !llvm::isa<CXXDefaultArgExpr>(Arg) &&
             Model.ErrorValueTypes.contains(recordOf(Arg->getType()));
    });
  }

  /// nlohmann::json::parse(text, nullptr, false): `allow_exceptions` off.
  static bool disablesExceptions(const CallExpr &Call,
                                 const FunctionDecl &Callee) {
    for (unsigned I = 0; I < Call.getNumArgs() && I < Callee.getNumParams();
         ++I) {
      const IdentifierInfo *Id = Callee.getParamDecl(I)->getIdentifier();
      const auto *Value = llvm::dyn_cast<CXXBoolLiteralExpr>(
          ignoreImplicitAndParens(Call.getArg(I)));
      if (Id && Id->getName() == "allow_exceptions" && Value &&
          !Value->getValue())
        return true;
    }
    return false;
  }

  bool isIoLibraryFunction(const FunctionDecl &Callee) const {
    for (const DeclContext *DC = Callee.getDeclContext(); DC;
         DC = DC->getParent())
      if (const auto *NS = llvm::dyn_cast<NamespaceDecl>(DC);
          NS && Model.IoNamespaces.contains(NS))
        return true;
    return false;
  }

  /// True when a sibling overload takes an `error_code&`: then this one
  /// reports the error by throwing (Asio's and Beast's convention).
  bool hasErrorCodeOverload(const FunctionDecl &Callee) const {
    if (!Callee.getDeclName().isIdentifier())
      return false;
    const DeclContext *Scope = Callee.getDeclContext()->getRedeclContext();
    for (const NamedDecl *Found : Scope->lookup(Callee.getDeclName()))
      if (const FunctionDecl *Overload = Found->getAsFunction();
          Overload && takesErrorCode(*Overload))
        return true;
    return false;
  }

  /// The callee whose body decides, when it is visible and belongs to the
  /// project: library bodies are judged by the lists instead.
  const FunctionDecl *followableCallee(const CallExpr &Call) const {
    const FunctionDecl *Callee = Call.getDirectCallee();
    if (!Callee || isIoLibraryFunction(*Callee))
      return nullptr;
    if (const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Callee);
        Method && Method->isVirtual() && !Method->hasAttr<FinalAttr>() &&
        !Method->getParent()->hasAttr<FinalAttr>())
      return nullptr; // Another override may run.
    const SourceManager &SM = Analysis.Context.getSourceManager();
    if (SM.isInSystemHeader(Callee->getLocation()))
      return nullptr;
    return definitionWithBody(*Callee);
  }

  std::optional<EscapingThrow> escapingThrough(const FunctionDecl &Callee,
                                               const Expr &Site) {
    std::optional<EscapingThrow> Inner = Analysis.firstEscaping(Callee);
    if (!Inner)
      return std::nullopt;
    EscapingThrow Op = *Inner;
    Op.Site = &Site;
    Op.Called = &Callee;
    if (!Op.OriginFunction)
      Op.OriginFunction = &Callee;
    return escaping(Op);
  }

  bool isTestAssertionCall(const CallExpr &Call) const {
    const FunctionDecl *Callee = Call.getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      return false;
    return llvm::any_of(Model.TestAssertionFunctions,
                        [Callee](const std::string &Part) {
                          return Callee->getName().contains(Part);
                        });
  }

  bool inTestAssertionMacro(SourceLocation Loc) const {
    const SourceManager &SM = Analysis.Context.getSourceManager();
    const LangOptions &LangOpts = Analysis.Context.getLangOpts();
    while (Loc.isMacroID()) {
      if (Model.TestAssertionMacros.contains(
              Lexer::getImmediateMacroName(Loc, SM, LangOpts)))
        return true;
      Loc = SM.getImmediateExpansionRange(Loc).getBegin();
    }
    return false;
  }

  /// \p Op when no enclosing try covers it and it is not meant to throw.
  std::optional<EscapingThrow> escaping(const EscapingThrow &Op) const {
    if (inTestAssertionMacro(Op.Site->getBeginLoc()))
      return std::nullopt;
    for (const CXXTryStmt *Try : llvm::reverse(Tries))
      for (unsigned I = 0, E = Try->getNumHandlers(); I != E; ++I) {
        const CXXCatchStmt *Handler = Try->getHandler(I);
        if (!catches(*Handler, Op))
          continue;
        if (!rethrows(Handler->getHandlerBlock()))
          return std::nullopt;
        break; // Rethrown to the enclosing try.
      }
    return Op;
  }

  bool catches(const CXXCatchStmt &Handler, const EscapingThrow &Op) const {
    if (!Handler.getExceptionDecl())
      return true;
    QualType Caught = Handler.getCaughtType().getNonReferenceType();
    const CXXRecordDecl *CaughtRecord = recordOf(Caught);
    if (Op.Kind == EscapingThrow::Throw && !Op.Thrown.isNull() &&
        !Op.Thrown->isDependentType()) {
      const CXXRecordDecl *Thrown = recordOf(Op.Thrown);
      if (!Thrown || !CaughtRecord)
        return Analysis.Context.hasSameUnqualifiedType(Caught, Op.Thrown);
      return Thrown->getCanonicalDecl() == CaughtRecord->getCanonicalDecl() ||
             (Thrown->hasDefinition() && Thrown->isDerivedFrom(CaughtRecord));
    }
    if (Model.CatchAllExceptionTypes.contains(CaughtRecord))
      return true;
    switch (Op.Kind) {
    case EscapingThrow::IoAwait:
    case EscapingThrow::IoCall:
    case EscapingThrow::IoYield:
      return Model.IoErrorTypes.contains(CaughtRecord);
    case EscapingThrow::ThrowingFunction:
      // std::stoi throws std::invalid_argument, json::parse its library's
      // parse_error: a handler of that library's exceptions is meant for it.
      return CaughtRecord && Op.Operation &&
             outermostNamespace(*CaughtRecord) ==
                 outermostNamespace(*Op.Operation);
    case EscapingThrow::Throw:
    case EscapingThrow::Unseen:
      return false;
    }
    return false;
  }

  ThrowEscapeAnalysis &Analysis;
  const ThrowModel &Model;
  bool IsCoroutine;
  llvm::SmallVector<const CXXTryStmt *, 4> Tries;
  unsigned HandlerDepth = 0;
};

std::optional<EscapingThrow>
ThrowEscapeAnalysis::firstEscaping(const FunctionDecl &Function) {
  const FunctionDecl *Definition = definitionWithBody(Function);
  if (!Definition)
    return std::nullopt;
  auto [Known, Inserted] = Results.try_emplace(Definition, std::nullopt);
  if (!Inserted)
    return Known->second; // Analysed, or recursion: nothing new escapes.
  const Stmt *Body = Definition->getBody();
  const auto *Coroutine = llvm::dyn_cast<CoroutineBodyStmt>(Body);
  Scan Scanner(*this, Coroutine != nullptr);
  std::optional<EscapingThrow> Found =
      Scanner.visit(Coroutine ? Coroutine->getBody() : Body);
  Results[Definition] = Found;
  return Found;
}

} // namespace clang::tidy::corolint
