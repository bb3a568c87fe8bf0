//===--- DiscardedTaskCheck.cpp - coro-discarded-task ---------------------===//

#include "DiscardedTaskCheck.h"
#include "UncheckedSpawnCheck.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/DiagnosticSema.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::corolint {
namespace {

// Defaults come from the libraries people use; each is a CheckOptions entry.
constexpr llvm::StringLiteral DefaultLazyTaskTypes =
    "::asio::awaitable;::boost::asio::awaitable;::asio::experimental::coro;"
    "::boost::asio::experimental::coro;::cppcoro::task;::cppcoro::shared_task;"
    "::folly::coro::Task;::folly::coro::TaskWithExecutor;::coro::task;"
    "::concurrencpp::lazy_result;::async_simple::coro::Lazy;"
    "::async_simple::coro::RescheduleLazy";
constexpr llvm::StringLiteral DefaultEagerTaskTypes =
    "::concurrencpp::result;::QCoro::Task;::seastar::future";
constexpr llvm::StringLiteral DefaultCancelOnDestroyTypes =
    "::asio::experimental::promise;::boost::asio::experimental::promise";
constexpr llvm::StringLiteral DefaultLazyTaskFunctions =
    "::folly::coro::Task::semi";
constexpr llvm::StringLiteral DefaultBlockingFutureFunctions = "::std::async";
constexpr llvm::StringLiteral DefaultIgnoredTypes = "";
constexpr llvm::StringLiteral DefaultLazyInitialSuspendTypes =
    "::std::suspend_always";
constexpr llvm::StringLiteral DefaultEagerInitialSuspendTypes =
    "::std::suspend_never";

using TaskKind = DiscardedTaskCheck::TaskKind;

/// Strips what clang wraps around a discarded value (cleanups, temporaries,
/// implicit conversions) and the parentheses the user wrote.
const Expr *ignoreWrappers(const Expr *E) {
  const Expr *Previous = nullptr;
  while (E && E != Previous) {
    Previous = E;
    E = E->IgnoreImplicit()->IgnoreParens();
  }
  return E;
}

bool isVoidCast(const Expr &E) {
  const auto *Cast = llvm::dyn_cast<ExplicitCastExpr>(&E);
  return Cast && Cast->getCastKind() == CK_ToVoid;
}

/// The primary template's definition for a specialization that nothing has
/// instantiated yet (a promise named by a `using promise_type = ...` that no
/// coroutine used), unless a partial specialization might be chosen instead.
const CXXRecordDecl *
uninstantiatedPattern(const ClassTemplateSpecializationDecl &Specialization) {
  if (Specialization.isExplicitSpecialization())
    return nullptr;
  ClassTemplateDecl *Template = Specialization.getSpecializedTemplate();
  llvm::SmallVector<ClassTemplatePartialSpecializationDecl *, 1> Partials;
  Template->getPartialSpecializations(Partials);
  if (!Partials.empty())
    return nullptr;
  return Template->getTemplatedDecl()->getDefinition();
}

/// A record's definition, or where it was not instantiated yet, the
/// template pattern it would be instantiated from.
const CXXRecordDecl *definitionOf(const CXXRecordDecl *Record) {
  if (!Record)
    return nullptr;
  if (const CXXRecordDecl *Definition = Record->getDefinition())
    return Definition;
  if (const CXXRecordDecl *Pattern = Record->getTemplateInstantiationPattern())
    return Pattern;
  if (const auto *Specialization =
          llvm::dyn_cast<ClassTemplateSpecializationDecl>(Record))
    return uninstantiatedPattern(*Specialization);
  return nullptr;
}

/// \p Type, read from the template pattern of \p Record because \p Record
/// was never instantiated, as \p Record would declare it: a parameter of the
/// pattern becomes \p Record's template argument.
QualType inSpecialization(QualType Type, const CXXRecordDecl &Record) {
  const auto *Parameter = Type->getAs<TemplateTypeParmType>();
  const auto *Specialization =
      llvm::dyn_cast<ClassTemplateSpecializationDecl>(&Record);
  if (!Parameter || !Specialization || Specialization->getDefinition() ||
      Specialization->getSpecializedTemplate()
              ->getTemplateParameters()
              ->getDepth() != Parameter->getDepth())
    return Type;
  const TemplateArgumentList &Arguments = Specialization->getTemplateArgs();
  if (Parameter->getIndex() >= Arguments.size() ||
      Arguments[Parameter->getIndex()].getKind() != TemplateArgument::Type)
    return Type;
  return Arguments[Parameter->getIndex()].getAsType();
}

/// The member \p Name of \p Record or of one of its bases, as a use of
/// `Record::Name` would find it (a derived member hides a base's).
const NamedDecl *findMember(const CXXRecordDecl *Record, DeclarationName Name,
                            unsigned Depth = 0) {
  Record = definitionOf(Record);
  if (!Record || Depth > 16)
    return nullptr;
  DeclContextLookupResult Found = Record->lookup(Name);
  if (!Found.empty())
    return Found.front();
  for (const CXXBaseSpecifier &Base : Record->bases())
    if (const NamedDecl *Member =
            findMember(Base.getType()->getAsCXXRecordDecl(), Name, Depth + 1))
      return Member;
  return nullptr;
}

const NamedDecl *findMember(const CXXRecordDecl *Record, StringRef Name,
                            ASTContext &Context) {
  return findMember(Record, DeclarationName(&Context.Idents.get(Name)));
}

/// The class `promise_type` names inside \p Task.
const CXXRecordDecl *nestedPromise(const CXXRecordDecl &Task,
                                   ASTContext &Context) {
  const NamedDecl *Promise = findMember(&Task, "promise_type", Context);
  if (const auto *Alias = llvm::dyn_cast_or_null<TypedefNameDecl>(Promise))
    return Alias->getUnderlyingType()->getAsCXXRecordDecl();
  return llvm::dyn_cast_or_null<CXXRecordDecl>(Promise);
}

/// True when `co_await` works on \p Task without help from a promise's
/// await_transform.
bool isAwaitableByMembers(const CXXRecordDecl &Task, ASTContext &Context) {
  return findMember(&Task, "await_ready", Context) ||
         findMember(&Task,
                    Context.DeclarationNames.getCXXOperatorName(OO_Coawait));
}

/// The type a function returns, looking at its `return` statement when the
/// declared type is an `auto` not deduced yet: a member of a class template
/// specialization that nothing has instantiated is only known by its pattern,
/// where `auto` stands for a dependent type.
QualType returnedType(const FunctionDecl &Function) {
  QualType Declared = Function.getReturnType();
  bool Deduced = !Declared->isUndeducedType() && !Declared->isDependentType();
  if (!Declared->getContainedAutoType() || Deduced)
    return Declared;
  const FunctionDecl *Pattern = Function.getTemplateInstantiationPattern();
  const FunctionDecl &Source = Pattern ? *Pattern : Function;
  QualType Returned;
  forEachOwnStmt(Source.getBody(), [&Returned](const Stmt &S) {
    const auto *Return = llvm::dyn_cast<ReturnStmt>(&S);
    if (Returned.isNull() && Return && Return->getRetValue() &&
        !Return->getRetValue()->isTypeDependent())
      Returned = Return->getRetValue()->getType();
  });
  return Returned;
}

/// The awaiter type `promise.initial_suspend()` returns.
const CXXRecordDecl *initialSuspendType(const CXXRecordDecl &Promise,
                                        ASTContext &Context) {
  const NamedDecl *Member = findMember(&Promise, "initial_suspend", Context);
  const auto *Function = llvm::dyn_cast_or_null<FunctionDecl>(Member);
  if (const auto *Template =
          llvm::dyn_cast_or_null<FunctionTemplateDecl>(Member))
    Function = Template->getTemplatedDecl();
  if (!Function)
    return nullptr;
  QualType Type = returnedType(*Function);
  if (Type.isNull())
    return nullptr;
  if (Function->getDeclContext() == definitionOf(&Promise))
    Type = inSpecialization(Type, Promise);
  return Type->getAsCXXRecordDecl();
}

bool isSameClassOrTemplate(const CXXRecordDecl *A, const CXXRecordDecl *B) {
  if (!A || !B)
    return false;
  if (A->getCanonicalDecl() == B->getCanonicalDecl())
    return true;
  const auto *SpecA = llvm::dyn_cast<ClassTemplateSpecializationDecl>(A);
  const auto *SpecB = llvm::dyn_cast<ClassTemplateSpecializationDecl>(B);
  return SpecA && SpecB &&
         SpecA->getSpecializedTemplate()->getCanonicalDecl() ==
             SpecB->getSpecializedTemplate()->getCanonicalDecl();
}

/// Whether inserting `co_await` before a \p Task in \p Coroutine compiles:
/// a coroutine awaits tasks of its own kind; another awaitable type works
/// unless the promise filters what may be awaited through await_transform.
bool canAwaitIn(const CoroutineBodyStmt &Coroutine,
                const FunctionDecl &Function, const CXXRecordDecl &Task,
                ASTContext &Context) {
  if (isSameClassOrTemplate(&Task,
                            Function.getReturnType()->getAsCXXRecordDecl()))
    return true;
  const VarDecl *Promise = Coroutine.getPromiseDecl();
  return isAwaitableByMembers(Task, Context) && Promise &&
         !findMember(Promise->getType()->getAsCXXRecordDecl(),
                     "await_transform", Context);
}

/// How the diagnostic names the function that produced the task.
std::string describeCallee(const CallExpr &Call) {
  const Decl *Callee = Call.getCalleeDecl();
  if (const auto *Method = llvm::dyn_cast_or_null<CXXMethodDecl>(Callee))
    if (Method->getParent()->isLambda())
      return "a lambda";
  if (const auto *Named = llvm::dyn_cast_or_null<NamedDecl>(Callee))
    return "'" + Named->getNameAsString() + "'";
  return "this call";
}

/// Where the call's source text starts and ends. CallExpr::getBeginLoc()
/// names an overloaded operator call by its operator token; the dispatching
/// Stmt::getSourceRange() covers the whole call (`lambda(args)`, `a && b`).
SourceRange spelledRange(const CallExpr &Call) {
  return static_cast<const Stmt &>(Call).getSourceRange();
}

std::string printedType(QualType Type, const ASTContext &Context) {
  return Type.getCanonicalType().getUnqualifiedType().getAsString(
      Context.getPrintingPolicy());
}

/// What dropping a task of \p Kind costs: the end of the warning.
StringRef consequenceOf(TaskKind Kind) {
  switch (Kind) {
  case TaskKind::Lazy:
    return "a lazy coroutine never runs unless awaited";
  case TaskKind::Eager:
    return "the coroutine runs eagerly and any exception it throws is lost";
  case TaskKind::CancelOnDestroy:
    return "destroying it cancels the operation it started";
  case TaskKind::UnknownStart:
    return "nothing awaits it, so the coroutine may never run and any "
           "exception it throws is lost";
  case TaskKind::Awaitable:
    return "the operation it stands for happens only when it is awaited "
           "(a forgotten co_await)";
  case TaskKind::None:
  case TaskKind::BlockingFuture:
    break;
  }
  llvm_unreachable("not a task with a coroutine");
}

/// The note for when no `co_await` can be offered: who can own the task.
StringRef alternativesTo(TaskKind Kind) {
  switch (Kind) {
  case TaskKind::BlockingFuture:
    return "keep the future so the work runs concurrently, and wait for it "
           "where its result is needed";
  case TaskKind::CancelOnDestroy:
    return "keep the promise until the operation completes, and wait for it "
           "with async_wait";
  case TaskKind::Eager:
    return "keep the task and observe its result: co_await it from a "
           "coroutine, attach a continuation, or store it and check it later";
  case TaskKind::Lazy:
  case TaskKind::UnknownStart:
    return "run the task: co_await it from a coroutine, hand it to a runner "
           "such as co_spawn or sync_wait, or store it and await it later";
  case TaskKind::Awaitable:
    return "co_await it where the operation should happen";
  case TaskKind::None:
    break;
  }
  llvm_unreachable("not a task");
}

} // namespace

DiscardedTaskCheck::DiscardedTaskCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : CorolintCheck(Name, Context, "4.1"), TidyContext(Context),
      Text{
          Options.get("LazyTaskTypes", DefaultLazyTaskTypes).str(),
          Options.get("EagerTaskTypes", DefaultEagerTaskTypes).str(),
          Options.get("CancelOnDestroyTypes", DefaultCancelOnDestroyTypes)
              .str(),
          Options.get("LazyTaskFunctions", DefaultLazyTaskFunctions).str(),
          Options.get("BlockingFutureFunctions", DefaultBlockingFutureFunctions)
              .str(),
          Options.get("IgnoredTypes", DefaultIgnoredTypes).str(),
          Options.get("LazyInitialSuspendTypes", DefaultLazyInitialSuspendTypes)
              .str(),
          Options
              .get("EagerInitialSuspendTypes", DefaultEagerInitialSuspendTypes)
              .str()},
      LazyTaskTypes(Text.LazyTaskTypes), EagerTaskTypes(Text.EagerTaskTypes),
      CancelOnDestroyTypes(Text.CancelOnDestroyTypes),
      LazyTaskFunctions(Text.LazyTaskFunctions),
      BlockingFutureFunctions(Text.BlockingFutureFunctions),
      IgnoredTypes(Text.IgnoredTypes),
      LazyInitialSuspendTypes(Text.LazyInitialSuspendTypes),
      EagerInitialSuspendTypes(Text.EagerInitialSuspendTypes),
      SpawnResults([Context] {
        const ClangTidyOptions::OptionMap &All =
            Context->getOptions().CheckOptions;
        auto It = All.find("coro-unchecked-spawn.ResultReturningSpawns");
        return It == All.end() ? DefaultResultReturningSpawns.str()
                               : It->second.Value;
      }()),
      AllowVoidCast(Options.get("AllowVoidCast", true)),
      ReportWhenCompilerWarns(Options.get("ReportWhenCompilerWarns", false)) {}

void DiscardedTaskCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  CorolintCheck::storeOptions(Opts);
  Options.store(Opts, "LazyTaskTypes", Text.LazyTaskTypes);
  Options.store(Opts, "EagerTaskTypes", Text.EagerTaskTypes);
  Options.store(Opts, "CancelOnDestroyTypes", Text.CancelOnDestroyTypes);
  Options.store(Opts, "LazyTaskFunctions", Text.LazyTaskFunctions);
  Options.store(Opts, "BlockingFutureFunctions", Text.BlockingFutureFunctions);
  Options.store(Opts, "IgnoredTypes", Text.IgnoredTypes);
  Options.store(Opts, "LazyInitialSuspendTypes", Text.LazyInitialSuspendTypes);
  Options.store(Opts, "EagerInitialSuspendTypes",
                Text.EagerInitialSuspendTypes);
  Options.store(Opts, "AllowVoidCast", AllowVoidCast);
  Options.store(Opts, "ReportWhenCompilerWarns", ReportWhenCompilerWarns);
}

void DiscardedTaskCheck::registerMatchers(MatchFinder *Finder) {
  // Every function body is scanned once, walking its own statements: that
  // tells each finding whether it sits in a coroutine without the parent
  // map. System headers are skipped: nothing would be shown for them.
  Finder->addMatcher(functionDecl(isDefinition(), unless(isImplicit()),
                                  unless(isExpansionInSystemHeader()))
                         .bind("function"),
                     this);
  Finder->addMatcher(
      lambdaExpr(unless(isExpansionInSystemHeader())).bind("lambda"), this);
}

void DiscardedTaskCheck::check(const MatchFinder::MatchResult &Result) {
  const FunctionDecl *Function =
      Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>("lambda"))
    Function = Lambda->getCallOperator();
  if (!Function || !Function->doesThisDeclarationHaveABody() ||
      Function->isDependentContext() || Function->isInvalidDecl() ||
      !Analysed.insert(Function).second)
    return;
  checkFunction(*Function, *Result.Context);
}

void DiscardedTaskCheck::checkFunction(const FunctionDecl &Function,
                                       ASTContext &Context) {
  Scope Where{Function, coroutineBody(Function), Context, {}, {}};
  const Stmt *Body = Function.getBody();
  forEachOwnStmt(Body, [this, &Where](const Stmt &S) {
    if (const auto *Catch = llvm::dyn_cast<CXXCatchStmt>(&S))
      Where.Handlers.push_back(Catch->getHandlerBlock());
    else if (const auto *Value = llvm::dyn_cast<StmtExpr>(&S))
      Where.ValueBlocks.push_back(Value->getSubStmt());
    else if (const auto *Comma = llvm::dyn_cast<BinaryOperator>(&S);
             Comma && Comma->isCommaOp())
      checkDiscarded(Comma->getLHS(), Where);
    checkStatementPositions(S, Where);
  });
}

/// Looks at the children of \p S that are statements in their own right: an
/// expression there is evaluated for its side effects and its value dropped.
void DiscardedTaskCheck::checkStatementPositions(const Stmt &S, Scope &Where) {
  auto Check = [this, &Where](const Stmt *Child) {
    if (const auto *E = llvm::dyn_cast_or_null<Expr>(Child))
      checkDiscarded(E, Where);
  };
  if (const auto *Block = llvm::dyn_cast<CompoundStmt>(&S)) {
    bool IsValue = llvm::is_contained(Where.ValueBlocks, Block);
    for (const Stmt *Child : Block->body())
      if (!IsValue || Child != Block->body_back())
        Check(Child);
  } else if (const auto *If = llvm::dyn_cast<IfStmt>(&S)) {
    Check(If->getInit());
    Check(If->getThen());
    Check(If->getElse());
  } else if (const auto *For = llvm::dyn_cast<ForStmt>(&S)) {
    Check(For->getInit());
    Check(For->getInc());
    Check(For->getBody());
  } else if (const auto *Range = llvm::dyn_cast<CXXForRangeStmt>(&S)) {
    Check(Range->getInit());
    Check(Range->getBody());
  } else if (const auto *While = llvm::dyn_cast<WhileStmt>(&S)) {
    Check(While->getBody());
  } else if (const auto *Do = llvm::dyn_cast<DoStmt>(&S)) {
    Check(Do->getBody());
  } else if (const auto *Switch = llvm::dyn_cast<SwitchStmt>(&S)) {
    Check(Switch->getInit());
    Check(Switch->getBody());
  } else if (const auto *Case = llvm::dyn_cast<SwitchCase>(&S)) {
    Check(Case->getSubStmt());
  } else if (const auto *Label = llvm::dyn_cast<LabelStmt>(&S)) {
    Check(Label->getSubStmt());
  } else if (const auto *Attributed = llvm::dyn_cast<AttributedStmt>(&S)) {
    Check(Attributed->getSubStmt());
  }
}

/// \p E is evaluated and its value destroyed: report it if it is a task.
void DiscardedTaskCheck::checkDiscarded(const Expr *E, Scope &Where) {
  E = ignoreWrappers(E);
  if (!E || E->containsErrors())
    return;
  if (const auto *Comma = llvm::dyn_cast<BinaryOperator>(E);
      Comma && Comma->isCommaOp()) {
    checkDiscarded(Comma->getRHS(), Where); // The LHS is checked on its own.
    return;
  }
  if (const auto *Conditional =
          llvm::dyn_cast<AbstractConditionalOperator>(E)) {
    checkDiscarded(Conditional->getTrueExpr(), Where);
    checkDiscarded(Conditional->getFalseExpr(), Where);
    return;
  }
  if (isVoidCast(*E)) {
    if (!AllowVoidCast)
      checkDiscarded(llvm::cast<ExplicitCastExpr>(E)->getSubExpr(), Where);
    return;
  }
  const auto *Call = llvm::dyn_cast<CallExpr>(E);
  if (!Call || !Call->isPRValue())
    return;
  TaskKind Kind = classify(*Call, Where.Coroutine != nullptr, Where.Context);
  if (Kind == TaskKind::None || compilerAlreadyWarns(*Call, Where.Context))
    return;
  report(*Call, Kind, Where);
}

DiscardedTaskCheck::TaskKind
DiscardedTaskCheck::classify(const CallExpr &Call, bool InCoroutine,
                             ASTContext &Context) const {
  const CXXRecordDecl *Task = Call.getType()->getAsCXXRecordDecl();
  if (!Task || IgnoredTypes.containsRecordOrBase(Task))
    return TaskKind::None;
  const auto *Callee =
      llvm::dyn_cast_or_null<FunctionDecl>(Call.getCalleeDecl());
  if (isLeftToSpawnCheck(Callee))
    return TaskKind::None;
  if (BlockingFutureFunctions.contains(Callee))
    return TaskKind::BlockingFuture;
  if (LazyTaskFunctions.contains(Callee) ||
      LazyTaskTypes.containsRecordOrBase(Task))
    return TaskKind::Lazy;
  if (EagerTaskTypes.containsRecordOrBase(Task))
    return TaskKind::Eager;
  if (CancelOnDestroyTypes.containsRecordOrBase(Task))
    return TaskKind::CancelOnDestroy;
  TaskKind Kind = classifyByPromise(*Task, Context);
  // In a coroutine, dropping any awaitable is a forgotten co_await.
  if (Kind == TaskKind::None && InCoroutine &&
      !nestedPromise(*Task, Context) && isAwaitableByMembers(*Task, Context))
    return TaskKind::Awaitable;
  return Kind;
}

bool DiscardedTaskCheck::isLeftToSpawnCheck(const FunctionDecl *Callee) const {
  if (!Callee || !TidyContext->isCheckEnabled("coro-unchecked-spawn"))
    return false;
  if (SpawnResults.contains(Callee))
    return true;
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Callee);
  return Method && llvm::any_of(Method->overridden_methods(),
                                [this](const CXXMethodDecl *Overridden) {
                                  return isLeftToSpawnCheck(Overridden);
                                });
}

/// A type with a nested promise_type is what a coroutine returns; its
/// promise's initial_suspend() says whether the body has started.
DiscardedTaskCheck::TaskKind
DiscardedTaskCheck::classifyByPromise(const CXXRecordDecl &Task,
                                      ASTContext &Context) const {
  const CXXRecordDecl *Promise = nestedPromise(Task, Context);
  if (!Promise)
    return TaskKind::None;
  // A generator (its promise yields, it is a range) runs nothing of anyone
  // else's: dropping one only skips its values.
  if (findMember(Promise, "yield_value", Context) &&
      findMember(&Task, "begin", Context))
    return TaskKind::None;
  const CXXRecordDecl *Start = initialSuspendType(*Promise, Context);
  if (LazyInitialSuspendTypes.contains(Start))
    return TaskKind::Lazy;
  // A coroutine type that already runs and cannot be awaited is a
  // fire-and-forget type: dropping it is how it is meant to be used.
  if (!isAwaitableByMembers(Task, Context))
    return TaskKind::None;
  return EagerInitialSuspendTypes.contains(Start) ? TaskKind::Eager
                                                  : TaskKind::UnknownStart;
}

/// True when clang's own [[nodiscard]] warning flags the same call in this
/// very clang-tidy run: the warning is enabled at the call and clang-tidy
/// shows it (its clang-diagnostic-* name is an enabled check).
bool DiscardedTaskCheck::compilerAlreadyWarns(const CallExpr &Call,
                                              ASTContext &Context) const {
  if (ReportWhenCompilerWarns)
    return false;
  auto [Marked, Attribute] = Call.getUnusedResultAttr(Context);
  if (!Attribute)
    return false;
  // Clang 22 reports a [[nodiscard]] type under -Wunused-value and a
  // [[nodiscard]] function under -Wunused-result.
  unsigned DiagID = llvm::isa_and_nonnull<TypeDecl>(Marked)
                        ? diag::warn_unused_return_type
                        : diag::warn_unused_result;
  DiagnosticsEngine &Diags = Context.getDiagnostics();
  if (Diags.isIgnored(DiagID, Call.getExprLoc()))
    return false;
  StringRef Flag = Diags.getDiagnosticIDs()->getWarningOptionForDiag(DiagID);
  return TidyContext->isCheckEnabled(("clang-diagnostic-" + Flag).str());
}

void DiscardedTaskCheck::report(const CallExpr &Call, TaskKind Kind,
                                Scope &Where) {
  SourceLocation Loc = spelledRange(Call).getBegin();
  if (!Reported.first(Loc))
    return;
  if (Kind == TaskKind::BlockingFuture)
    diag(Loc, "the %0 returned by %1 is discarded: its destructor blocks "
              "until the task finishes %2")
        << qualifiedName(*Call.getType()->getAsCXXRecordDecl())
        << qualifiedName(*llvm::cast<NamedDecl>(Call.getCalleeDecl()))
        << citation() << spelledRange(Call);
  else
    diag(Loc, "%select{task|awaitable}4 '%0' returned by %1 is discarded: %2 "
              "%3")
        << printedType(Call.getType(), Where.Context) << describeCallee(Call)
        << consequenceOf(Kind) << citation()
        << (Kind == TaskKind::Awaitable) << spelledRange(Call);
  if (!offerAwait(Call, Kind, Where))
    diag(Loc, alternativesTo(Kind), DiagnosticIDs::Note);
}

/// In a coroutine, awaiting the task is the fix. It changes behaviour, so it
/// rides on a note, and only where `co_await` is sure to compile.
bool DiscardedTaskCheck::offerAwait(const CallExpr &Call, TaskKind Kind,
                                    Scope &Where) {
  if (!Where.Coroutine || Kind == TaskKind::BlockingFuture ||
      Kind == TaskKind::CancelOnDestroy)
    return false;
  SourceRange Range = spelledRange(Call);
  SourceLocation Loc = Range.getBegin();
  ASTContext &Context = Where.Context;
  const SourceManager &SM = Context.getSourceManager();
  bool InHandler = llvm::any_of(Where.Handlers, [&](const Stmt *Handler) {
    return SM.isPointWithin(Loc, Handler->getBeginLoc(), Handler->getEndLoc());
  });
  if (InHandler || Loc.isMacroID() ||
      !canAwaitIn(*Where.Coroutine, Where.Function,
                  *Call.getType()->getAsCXXRecordDecl(), Context))
    return false;
  auto Diag = diag(Loc,
                   Kind == TaskKind::Awaitable
                       ? "await it so that the operation happens here"
                       : "await the task so that it runs and its failure "
                         "reaches this coroutine",
                   DiagnosticIDs::Note);
  const auto *Operator = llvm::dyn_cast<CXXOperatorCallExpr>(&Call);
  if (Operator && Operator->isInfixBinaryOp())
    Diag << FixItHint::CreateInsertion(Loc, "co_await (")
         << FixItHint::CreateInsertion(
                Lexer::getLocForEndOfToken(Range.getEnd(), 0, SM,
                                           Context.getLangOpts()),
                ")");
  else
    Diag << FixItHint::CreateInsertion(Loc, "co_await ");
  return true;
}

} // namespace clang::tidy::corolint
