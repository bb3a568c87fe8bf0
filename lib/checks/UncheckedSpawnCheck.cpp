//===--- UncheckedSpawnCheck.cpp - coro-unchecked-spawn -------------------===//

#include "UncheckedSpawnCheck.h"
#include "ASTHelpers.h"
#include "MayThrow.h"
#include "SkippedBodies.h"
#include "SpawnedWork.h"
#include "TaskModel.h"
#include "clang/AST/DeclTemplate.h"

using namespace clang::ast_matchers;

namespace clang::tidy::corolint {
namespace {

// Defaults come from the libraries people use; each is a CheckOptions entry.
constexpr llvm::StringLiteral DefaultSpawnFunctions =
    "::asio::co_spawn;::boost::asio::co_spawn;::boost::asio::spawn";
constexpr llvm::StringLiteral DefaultDetachedTokenTypes =
    "::asio::detached_t;::boost::asio::detached_t";
constexpr llvm::StringLiteral DefaultTokenWrapperTypes =
    "::asio::executor_binder;::asio::allocator_binder;"
    "::asio::cancellation_slot_binder;::asio::as_tuple_t;"
    "::asio::experimental::as_tuple_t;::asio::experimental::as_single_t;"
    "::boost::asio::executor_binder;::boost::asio::allocator_binder;"
    "::boost::asio::cancellation_slot_binder;::boost::asio::as_tuple_t;"
    "::boost::asio::experimental::as_single_t";
constexpr llvm::StringLiteral DefaultCatchAllExceptionTypes =
    "::std::exception";
// An argument of one of these types takes an operation's error as a value
// (Asio's `error_code&` overloads, boost::json::parse(text, ec)).
constexpr llvm::StringLiteral DefaultErrorValueTypes =
    "::std::error_code;::boost::system::error_code";
constexpr llvm::StringLiteral DefaultDetachFunctions =
    "::std::thread::detach;::std::jthread::detach;::boost::thread::detach";
constexpr llvm::StringLiteral DefaultFireAndForgetMethods =
    "::concurrencpp::executor::post;::concurrencpp::executor::bulk_post;"
    "::concurrencpp::derivable_executor::post;"
    "::concurrencpp::derivable_executor::bulk_post";
constexpr llvm::StringLiteral DefaultDetachedStartFunctions =
    "::stdexec::start_detached;::exec::start_detached";
constexpr llvm::StringLiteral DefaultCallbackStartFunctions =
    "::async_simple::coro::Lazy::start;"
    "::async_simple::coro::Lazy::directlyStart;"
    "::async_simple::coro::RescheduleLazy::start";

// What the fix-it puts in place of `detached`: the failure then propagates
// out of the executor's run(), where it cannot go unnoticed. A coroutine that
// produces a value completes with (exception_ptr, value).
constexpr llvm::StringLiteral RethrowingHandler =
    "[](std::exception_ptr e) { if (e) std::rethrow_exception(e); }";
constexpr llvm::StringLiteral RethrowingValueHandler =
    "[](std::exception_ptr e, auto) { if (e) std::rethrow_exception(e); }";

/// Declarations named like an entry of \p Lists, by identifier only: a cheap
/// filter, confirmed with NameList::contains(). (hasName() would spell a
/// member of a class template specialization with the template arguments,
/// which the names in the options do not have.)
internal::Matcher<NamedDecl>
hasListedIdentifier(std::initializer_list<const NameList *> Lists) {
  std::vector<llvm::StringRef> Identifiers;
  for (const NameList *List : Lists)
    for (const std::string &Name : List->names())
      Identifiers.push_back(lastComponent(Name));
  return hasAnyName(Identifiers);
}

/// A call to a function (not through a pointer) named one of \p Identifiers:
/// one hash lookup per call, where hasAnyName() compares every listed name.
AST_MATCHER_P(CallExpr, callsFunctionNamed, const llvm::StringSet<> *,
              Identifiers) {
  const FunctionDecl *Callee = Node.getDirectCallee();
  return Callee && Callee->getIdentifier() &&
         Identifiers->contains(Callee->getName());
}

/// Inside the token argument of a spawn, the expression that spells the
/// detached token (`asio::detached`, possibly inside bind_executor(...)), so
/// that a fix-it can replace exactly that.
const Expr *spelledDetachedToken(const Expr *E, const NameList &TokenTypes) {
  if (!E || llvm::isa<CXXDefaultArgExpr>(E))
    return nullptr;
  E = ignoreImplicitCopies(E);
  if (TokenTypes.contains(E->getType()->getAsCXXRecordDecl()))
    return E;
  for (const Stmt *Child : E->children())
    if (const Expr *Found = spelledDetachedToken(
            llvm::dyn_cast_or_null<Expr>(Child), TokenTypes))
      return Found;
  return nullptr;
}

/// A lambda completion handler whose first parameter, a std::exception_ptr
/// (or `auto`), is unnamed or unused. (A lambda taking nothing is the spawned
/// work, not a handler.)
bool ignoresExceptionPtr(const Expr &Handler) {
  const CXXRecordDecl *Closure =
      ignoreImplicitCopies(&Handler)->getType()->getAsCXXRecordDecl();
  if (!Closure || !Closure->isLambda() || !ignoresOutcome(Handler))
    return false;
  const CXXMethodDecl *CallOperator = Closure->getLambdaCallOperator();
  if (CallOperator->getNumParams() == 0)
    return false;
  QualType First =
      CallOperator->getParamDecl(0)->getType().getNonReferenceType();
  const CXXRecordDecl *Record = First->getAsCXXRecordDecl();
  return First->isDependentType() || First->isUndeducedType() ||
         (Record && Record->getIdentifier() &&
          Record->getName() == "exception_ptr");
}

std::string describeToken(const Expr *Spelled) {
  if (!Spelled)
    return "a detached completion token";
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Spelled))
    return "'" + Ref->getDecl()->getNameAsString() + "'";
  return "'" + qualifiedName(*Spelled->getType()->getAsCXXRecordDecl()) + "'";
}

} // namespace

UncheckedSpawnCheck::UncheckedSpawnCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : CorolintCheck(Name, Context),
      SpawnFunctions(nameListOption("SpawnFunctions", DefaultSpawnFunctions)),
      DetachedTokenTypes(
          nameListOption("DetachedTokenTypes", DefaultDetachedTokenTypes)),
      DetachFunctions(
          nameListOption("DetachFunctions", DefaultDetachFunctions)),
      FireAndForgetMethods(
          nameListOption("FireAndForgetMethods", DefaultFireAndForgetMethods)),
      DetachedStartFunctions(nameListOption("DetachedStartFunctions",
                                            DefaultDetachedStartFunctions)),
      ResultReturningSpawns(nameListOption("ResultReturningSpawns",
                                           DefaultResultReturningSpawns)),
      CallbackStartFunctions(nameListOption("CallbackStartFunctions",
                                            DefaultCallbackStartFunctions)),
      Index(sharedStringOption("ProgramIndex", ""), Context->getCurrentFile()) {
  Throws.TokenWrapperTypes =
      nameListOption("TokenWrapperTypes", DefaultTokenWrapperTypes);
  Throws.AwaitableTypes =
      nameListOption("AwaitableTypes", DefaultAsioAwaitableTypes);
  Throws.CatchAllExceptionTypes =
      nameListOption("CatchAllExceptionTypes", DefaultCatchAllExceptionTypes);
  Throws.ErrorValueTypes =
      nameListOption("ErrorValueTypes", DefaultErrorValueTypes);
  Throws.IoNamespaces =
      nameListOption("IoLibraryNamespaces", DefaultIoLibraryNamespaces);
  Throws.ThrowingTokenTypes =
      nameListOption("ThrowingTokenTypes", DefaultThrowingTokenTypes);
  Throws.YieldTokenTypes =
      nameListOption("YieldTokenTypes", DefaultYieldTokenTypes);
  Throws.ErrorValueTokenTypes =
      nameListOption("ErrorValueTokenTypes", DefaultErrorValueTokenTypes);
  Throws.NonFailingOperations =
      nameListOption("NonFailingOperations", DefaultNonFailingOperations);
  Throws.ThrowingFunctions =
      nameListOption("ThrowingFunctions", DefaultThrowingFunctions);
  Throws.IoErrorTypes = nameListOption("IoErrorTypes", DefaultIoErrorTypes);
  for (const std::string &Macro : splitNameList(
           stringOption("TestAssertionMacros", DefaultTestAssertionMacros)))
    Throws.TestAssertionMacros.insert(Macro);
  Throws.TestAssertionFunctions = splitNameList(
      stringOption("TestAssertionFunctions", DefaultTestAssertionFunctions));
  for (const NameList *List :
       {&SpawnFunctions, &DetachFunctions, &FireAndForgetMethods,
        &DetachedStartFunctions, &CallbackStartFunctions})
    for (llvm::StringRef Name : List->names())
      CalledIdentifiers.insert(lastComponent(Name));
}

void UncheckedSpawnCheck::registerMatchers(MatchFinder *Finder) {
  Facts.registerMatchers(Finder);
  // Spawns and detaches are calls to a few named functions: a narrow matcher
  // finds them wherever they are, in a coroutine or in main().
  if (!CalledIdentifiers.empty())
    Finder->addMatcher(callExpr(callsFunctionNamed(&CalledIdentifiers),
                                callee(functionDecl().bind("callee")))
                           .bind("call"),
                       this);
  // stdexec spells start_detached as a function object.
  if (!DetachedStartFunctions.empty())
    Finder->addMatcher(
        cxxOperatorCallExpr(
            hasOverloadedOperatorName("()"),
            hasArgument(
                0, ignoringParenImpCasts(declRefExpr(to(
                       varDecl(hasListedIdentifier({&DetachedStartFunctions}))
                           .bind("callee"))))))
            .bind("call"),
        this);
  if (ResultReturningSpawns.empty())
    return;
  // A result is discarded when its call is a statement of its own. Blocks
  // are visited directly, with the statements below them that are not blocks
  // of their own, rather than asking every call for its parent, which would
  // build the parent map of the whole TU.
  Finder->addMatcher(compoundStmt().bind("statements"), this);
}

void UncheckedSpawnCheck::check(const MatchFinder::MatchResult &Result) {
  if (!Analysis || &Analysis->context() != Result.Context)
    Analysis = std::make_unique<ThrowEscapeAnalysis>(Throws, *Result.Context);
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call")) {
    checkCall(*Call, *Result.Nodes.getNodeAs<NamedDecl>("callee"));
    return;
  }
  const auto *Block = Result.Nodes.getNodeAs<CompoundStmt>("statements");
  forEachDiscardedExpression(
      *Block, [this](const Expr &Discarded) { checkDiscarded(Discarded); });
}

void UncheckedSpawnCheck::checkCall(const CallExpr &Call,
                                    const NamedDecl &Callee) {
  if (Call.containsErrors())
    return; // Half-typed code: its arguments are not what was meant.
  const auto *Function = llvm::dyn_cast<FunctionDecl>(&Callee);
  if (Function && SpawnFunctions.contains(Function)) {
    checkDetachedSpawn(Call, *Function);
    return;
  }
  SourceLocation Loc = Call.getExprLoc();
  std::string Name = qualifiedName(Callee);
  if (Function && DetachFunctions.contains(Function)) {
    if (Reported.first(Loc))
      diag(Loc, "'%0' leaves no way to observe the thread's end or failure, "
                "or whether it outlives the objects it uses %1")
          << Name << citation();
  } else if (Function && FireAndForgetMethods.contains(Function)) {
    checkFireAndForget(Call, *Function);
  } else if (Function && CallbackStartFunctions.contains(Function)) {
    checkCallbackStart(Call, *Function);
  } else if (DetachedStartFunctions.contains(&Callee)) {
    if (Reported.first(Loc))
      diag(Loc, "'%0' leaves nobody to observe the outcome of the work: an "
                "error terminates the process and a stop goes unnoticed %1")
          << Name << citation();
  }
}

void UncheckedSpawnCheck::checkFireAndForget(const CallExpr &Call,
                                             const FunctionDecl &Callee) {
  // concurrencpp wraps only work that may throw; work that cannot loses
  // nothing.
  const CXXRecordDecl *Posted = postedCallable(Callee);
  if (cannotThrowWhenCalled(Posted) || Call.getNumArgs() == 0)
    return;
  // derivable_executor<T>::post forwarding its work to executor::post: the
  // finding is at the call that names the work.
  if (const ParmVarDecl *Parameter = forwardedParameter(*Call.getArg(0)))
    if (const auto *Forwarder =
            llvm::dyn_cast<FunctionDecl>(Parameter->getDeclContext());
        Forwarder && FireAndForgetMethods.contains(Forwarder))
      return;
  std::optional<EscapingThrow> Escape = escapingFrom(
      Posted ? callOperator(*Posted) : spawnedFunction(*Call.getArg(0)));
  SourceLocation Loc = Call.getExprLoc();
  if (!Escape || !Reported.first(Loc))
    return;
  std::string Name = qualifiedName(Callee);
  diag(Loc, "'%0' discards any exception the posted work throws: the "
            "failure is never observed %1")
      << Name << citation();
  noteEscape(*Escape, "'" + Name + "'", "the posted work");
}

void UncheckedSpawnCheck::checkCallbackStart(const CallExpr &Call,
                                             const FunctionDecl &Callee) {
  if (Call.getNumArgs() == 0 || !ignoresOutcome(*Call.getArg(0)))
    return;
  std::optional<EscapingThrow> Escape = escapingFrom(startedLazy(Call));
  SourceLocation Loc = Call.getArg(0)->getBeginLoc();
  if (!Escape || !Reported.first(Loc))
    return;
  diag(Loc, "the callback given to '%0' ignores the 'Try' it receives: a "
            "failure of the lazy task ends unobserved, as with 'detached' "
            "%1")
      << qualifiedName(Callee) << citation();
  noteEscape(*Escape, "a callback that ignores the 'Try'", "the lazy task");
}

unsigned
UncheckedSpawnCheck::unobservedTokenIndex(const CallExpr &Spawn) const {
  // The token is the first argument of a detached type, or the last one
  // when it is a handler that ignores the exception_ptr; the spawned work
  // is the argument before it (co_spawn(ex, work, token), spawn(ex, f,
  // token)).
  for (unsigned Index = 1; Index < Spawn.getNumArgs(); ++Index)
    if (isDetachedToken(Spawn.getArg(Index)->getType()))
      return Index;
  // Asio's constraint parameters come last, as default arguments.
  unsigned Last = Spawn.getNumArgs();
  while (Last > 0 && llvm::isa<CXXDefaultArgExpr>(Spawn.getArg(Last - 1)))
    --Last;
  return Last > 1 && ignoresExceptionPtr(*Spawn.getArg(Last - 1)) ? Last - 1
                                                                  : 0;
}

void UncheckedSpawnCheck::checkDetachedSpawn(const CallExpr &Spawn,
                                             const FunctionDecl &Callee) {
  unsigned TokenIndex = unobservedTokenIndex(Spawn);
  if (TokenIndex == 0)
    return;
  const Expr &Work = *Spawn.getArg(TokenIndex - 1);
  const FunctionDecl *Spawned = spawnedFunction(Work);
  std::optional<EscapingThrow> Escape = escapingFrom(Spawned);
  SourceLocation Loc = Spawn.getExprLoc();
  SpawnRevision Revision;
  if (Escape && Escape->Kind == EscapingThrow::Unseen && Spawned)
    Revision = indexRevision(*Spawned);
  if (!Escape || Revision.Withdraw || !Reported.first(Loc))
    return;

  const Expr *Token =
      spelledDetachedToken(Spawn.getArg(TokenIndex), DetachedTokenTypes);
  bool IgnoringHandler = !isDetachedToken(Spawn.getArg(TokenIndex)->getType());
  std::string How = IgnoringHandler ? std::string("a handler that ignores the "
                                                  "'exception_ptr'")
                                    : describeToken(Token);
  bool Named = Spawned && Spawned->getIdentifier();
  std::string Coroutine =
      Named ? "the coroutine '" + Spawned->getName().str() + "'"
            : std::string("the spawned coroutine");
  diag(Loc, "'%0' with %1 swallows any exception %2 throws: the failure is "
            "never observed %3")
      << qualifiedName(Callee) << How << Coroutine << citation();

  if (Token) {
    DiagnosticBuilder Note = diag(Token->getBeginLoc(),
                                  "replace %0 with a completion handler that "
                                  "rethrows the exception",
                                  DiagnosticIDs::Note);
    Note << describeToken(Token);
    QualType Produced = spawnedResultType(Work);
    CharSourceRange Range =
        CharSourceRange::getTokenRange(Token->getSourceRange());
    if (!Produced.isNull() && !Range.getBegin().isMacroID() &&
        !Range.getEnd().isMacroID())
      Note << FixItHint::CreateReplacement(Range, Produced->isVoidType()
                                                      ? RethrowingHandler
                                                      : RethrowingValueHandler);
  }
  if (Named && Escape->Kind != EscapingThrow::Unseen)
    diag(Spawned->getDefinition()->getLocation(),
         "or let '%0' handle its own failures: wrap its whole body in "
         "'try { ... } catch (...) { ... }'",
         DiagnosticIDs::Note)
        << Spawned->getName();
  noteEscape(*Escape, How, "the coroutine");
  if (Revision.EscapeNote) {
    SourceLocation EscapeLoc = placeFactSite(
        Revision.EscapeNote->Site, Spawned->getASTContext().getSourceManager());
    if (EscapeLoc.isValid())
      diag(EscapeLoc, "%0", DiagnosticIDs::Note) << Revision.EscapeNote->Text;
  }
  if (Escape->Kind == EscapingThrow::Unseen && Spawned)
    Facts.noteUnseenSpawn(Loc, *Spawned);
}

SpawnRevision UncheckedSpawnCheck::indexRevision(const FunctionDecl &Spawned) {
  if (!Index.expected())
    return {};
  const ProgramIndex *Program = Index.get(
      Spawned.getASTContext().getSourceManager(), [&](StringRef Error) {
        configurationDiag("%0", DiagnosticIDs::Error) << Error;
      });
  std::optional<std::string> USR = usrOf(Spawned);
  if (!Program || !USR)
    return {};
  return reviseUnseenSpawn(Program->lookup(*USR));
}

std::optional<EscapingThrow>
UncheckedSpawnCheck::escapingFrom(const FunctionDecl *Work) {
  // Work whose body this translation unit does not hold is spawned for what
  // it does there, I/O as a rule: nothing shows it handles its failures.
  if (!Work || !definitionWithBody(*Work)) {
    EscapingThrow Unseen;
    Unseen.Kind = EscapingThrow::Unseen;
    Unseen.OriginFunction = Work;
    return Unseen;
  }
  return Analysis->firstEscaping(*Work);
}

void UncheckedSpawnCheck::noteEscape(const EscapingThrow &Escape, StringRef How,
                                     StringRef Ends) {
  if (Escape.Kind == EscapingThrow::Unseen) {
    if (Escape.OriginFunction && Escape.OriginFunction->getIdentifier())
      diag(Escape.OriginFunction->getLocation(),
           "the body of '%0' is not in this translation unit: nothing shows "
           "that it handles its failures",
           DiagnosticIDs::Note)
          << Escape.OriginFunction->getName();
    return;
  }
  if (Escape.Site == Escape.Origin) {
    diag(Escape.Site->getExprLoc(), "%0; with %1 it ends %2 silently %3",
         DiagnosticIDs::Note)
        << Escape.describe() << How << Ends << citation();
    return;
  }
  diag(Escape.Site->getExprLoc(),
       "%0 can throw here; with %1 it ends %2 silently %3", DiagnosticIDs::Note)
      << Escape.calledName() << How << Ends << citation();
  diag(Escape.Origin->getExprLoc(), "%0, in '%1'", DiagnosticIDs::Note)
      << Escape.describe() << Escape.OriginFunction->getNameAsString();
}

void UncheckedSpawnCheck::checkDiscarded(const Expr &Discarded) {
  if (Discarded.containsErrors())
    return;
  // `(void)pool.spawn(t);` discards on purpose: it is a cast, not a call.
  const auto *Call =
      llvm::dyn_cast<CallExpr>(ignoreImplicitAndParens(&Discarded));
  if (!Call || Call->getType()->isVoidType())
    return;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getIdentifier() || !isResultReturningSpawn(*Callee))
    return;
  reportDiscardedResult(*Call, *Callee);
}

/// A listed spawn, or an override of one (an async_simple executor's
/// schedule()).
bool UncheckedSpawnCheck::isResultReturningSpawn(
    const FunctionDecl &Callee) const {
  if (ResultReturningSpawns.contains(&Callee))
    return true;
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(&Callee);
  return Method && llvm::any_of(Method->overridden_methods(),
                                [this](const CXXMethodDecl *Overridden) {
                                  return isResultReturningSpawn(*Overridden);
                                });
}

void UncheckedSpawnCheck::reportDiscardedResult(const CallExpr &Call,
                                                const FunctionDecl &Callee) {
  SourceLocation Loc = Call.getExprLoc();
  if (!Reported.first(Loc))
    return;
  QualType Result = Call.getType();
  if (Result->isBooleanType()) {
    diag(Loc, "the bool returned by '%0' is ignored: a task that could not be "
              "scheduled is silently dropped %1")
        << qualifiedName(Callee) << citation();
    return;
  }
  const NamedDecl *ResultDecl = Result->getAsCXXRecordDecl();
  diag(Loc, "the '%0' returned by '%1' is discarded: nobody observes how the "
            "spawned work ends, so its failure is lost %2")
      << (ResultDecl ? ResultDecl->getName() : Result.getAsString())
      << qualifiedName(Callee) << citation();
}

bool UncheckedSpawnCheck::isDetachedToken(QualType Token) const {
  const CXXRecordDecl *Record =
      Token.getNonReferenceType()->getAsCXXRecordDecl();
  while (Record) {
    if (DetachedTokenTypes.contains(Record))
      return true;
    Record = wrappedToken(*Record, Throws.TokenWrapperTypes);
  }
  return false;
}

QualType UncheckedSpawnCheck::spawnedResultType(const Expr &Work) const {
  QualType Produced = callableResult(Work.getType());
  if (Produced.isNull())
    Produced = Work.getType().getNonReferenceType();
  if (Produced->isDependentType() || Produced->isUndeducedType())
    return QualType();
  // co_spawn's work is an awaitable<T>: T is what the coroutine produces.
  if (const auto *Awaitable =
          llvm::dyn_cast_or_null<ClassTemplateSpecializationDecl>(
              Produced->getAsCXXRecordDecl());
      Awaitable && Throws.AwaitableTypes.contains(Awaitable)) {
    const TemplateArgumentList &Args = Awaitable->getTemplateArgs();
    if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type)
      return QualType();
    return Args[0].getAsType();
  }
  return Produced;
}

} // namespace clang::tidy::corolint
