//===--- DiscardedTaskCheck.cpp - coro-discarded-task ---------------------===//

#include "DiscardedTaskCheck.h"
#include "ASTHelpers.h"
#include "UncheckedSpawnCheck.h"
#include "clang/Basic/DiagnosticSema.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::corolint {
namespace {

// Defaults come from the libraries people use; each is a CheckOptions entry.
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

bool isVoidCast(const Expr &E) {
  const auto *Cast = llvm::dyn_cast<ExplicitCastExpr>(&E);
  return Cast && Cast->getCastKind() == CK_ToVoid;
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
    : CorolintCheck(Name, Context), TidyContext(Context),
      Tasks{nameListOption("LazyTaskTypes", DefaultLazyTaskTypes),
            nameListOption("EagerTaskTypes", DefaultEagerTaskTypes),
            nameListOption("CancelOnDestroyTypes", DefaultCancelOnDestroyTypes),
            nameListOption("LazyTaskFunctions", DefaultLazyTaskFunctions),
            nameListOption("BlockingFutureFunctions",
                           DefaultBlockingFutureFunctions),
            nameListOption("IgnoredTypes", DefaultIgnoredTypes),
            nameListOption("LazyInitialSuspendTypes",
                           DefaultLazyInitialSuspendTypes),
            nameListOption("EagerInitialSuspendTypes",
                           DefaultEagerInitialSuspendTypes)},
      SpawnResults([Context] {
        const ClangTidyOptions::OptionMap &All =
            Context->getOptions().CheckOptions;
        auto It = All.find("coro-unchecked-spawn.ResultReturningSpawns");
        return It == All.end() ? DefaultResultReturningSpawns.str()
                               : It->second.Value;
      }()),
      AllowVoidCast(boolOption("AllowVoidCast", true)),
      ReportWhenCompilerWarns(boolOption("ReportWhenCompilerWarns", false)) {}

void DiscardedTaskCheck::registerMatchers(MatchFinder *Finder) {
  // Every function body is scanned once, walking its own statements: that
  // tells each finding whether it sits in a coroutine without the parent
  // map. System headers are skipped: nothing would be shown for them.
  matchFunctionBodies(Finder, this);
}

void DiscardedTaskCheck::check(const MatchFinder::MatchResult &Result) {
  if (const FunctionDecl *Function = takeMatchedFunction(Result, Analyzed))
    checkFunction(*Function, *Result.Context);
}

void DiscardedTaskCheck::checkFunction(const FunctionDecl &Function,
                                       ASTContext &Context) {
  Scope Where{Function,
              coroutineBody(Function),
              Context,
              AwaitInsertionContext(Context.getSourceManager()),
              {}};
  const Stmt *Body = Function.getBody();
  forEachOwnStmt(Body, [this, &Where](const Stmt &S) {
    Where.Await.observe(S);
    if (const auto *Value = llvm::dyn_cast<StmtExpr>(&S))
      Where.ValueBlocks.push_back(Value->getSubStmt());
    else if (const auto *Comma = llvm::dyn_cast<BinaryOperator>(&S);
             Comma && Comma->isCommaOp())
      checkDiscarded(Comma->getLHS(), Where);
    forEachStatementPositionChild(
        S,
        [this, &Where](const Stmt &Child) {
          if (const auto *E = llvm::dyn_cast<Expr>(&Child))
            checkDiscarded(E, Where);
        },
        llvm::is_contained(Where.ValueBlocks, &S));
  });
}

/// \p E is evaluated and its value destroyed: report it if it is a task.
void DiscardedTaskCheck::checkDiscarded(const Expr *E, Scope &Where) {
  E = ignoreImplicitAndParens(E);
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
  if (isLeftToSpawnCheck(
          llvm::dyn_cast_or_null<FunctionDecl>(Call->getCalleeDecl())))
    return;
  TaskKind Kind =
      Tasks.classify(*Call, Where.Context, Where.Coroutine != nullptr);
  if (Kind == TaskKind::None || compilerAlreadyWarns(*Call, Where.Context))
    return;
  report(*Call, Kind, Where);
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
        << consequenceOf(Kind) << citation() << (Kind == TaskKind::Awaitable)
        << spelledRange(Call);
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
  if (!Where.Await.canInsertAwaitAt(Loc) ||
      !canAwaitTaskIn(*Where.Coroutine, Where.Function,
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
