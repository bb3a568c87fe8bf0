//===--- UncheckedSpawnCheck.cpp - coro-unchecked-spawn -------------------===//

#include "UncheckedSpawnCheck.h"
#include "ASTHelpers.h"
#include "MayThrow.h"
#include "SkippedBodies.h"
#include "SpawnedWork.h"
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
constexpr llvm::StringLiteral DefaultAwaitableTypes =
    "::asio::awaitable;::boost::asio::awaitable";
constexpr llvm::StringLiteral DefaultCatchAllExceptionTypes =
    "::std::exception";
// What an Asio operation completes with under as_tuple/as_single/
// redirect_error: its error arrives as a value instead of an exception.
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

bool isRethrowCall(const Stmt &S) {
  const auto *Call = llvm::dyn_cast<CallExpr>(&S);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee && Callee->getIdentifier() &&
         Callee->getName() == "rethrow_exception" &&
         qualifiedName(*Callee) == "std::rethrow_exception";
}

/// True when the handler block can let the caught exception (or another)
/// escape again: it throws or rethrows.
bool rethrows(const Stmt *HandlerBlock) {
  bool Rethrows = false;
  forEachOwnStmt(HandlerBlock, [&Rethrows](const Stmt &S) {
    Rethrows |= llvm::isa<CXXThrowExpr>(S) || isRethrowCall(S);
  });
  return Rethrows;
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

/// The type of the work a fire-and-forget call was given: the callee's first
/// template argument (`post(F&&)`, `bulk_post(std::span<F>)`).
const CXXRecordDecl *postedCallable(const FunctionDecl &Callee) {
  const TemplateArgumentList *Args = Callee.getTemplateSpecializationArgs();
  if (!Args || Args->size() == 0 ||
      (*Args)[0].getKind() != TemplateArgument::Type)
    return nullptr;
  return (*Args)[0].getAsType().getNonReferenceType()->getAsCXXRecordDecl();
}

/// True when calling \p Callable cannot throw: its call operator is
/// noexcept, or it is a lambda with an empty body.
bool cannotThrowWhenCalled(const CXXRecordDecl *Callable) {
  if (!Callable || !Callable->hasDefinition())
    return false;
  const CXXMethodDecl *CallOperator = nullptr;
  for (const CXXMethodDecl *Method : Callable->methods())
    if (Method->getOverloadedOperator() == OO_Call)
      CallOperator = Method;
  if (Callable->isLambda())
    CallOperator = Callable->getLambdaCallOperator();
  if (!CallOperator)
    return false;
  if (isNothrow(*CallOperator))
    return true;
  const auto *Body =
      llvm::dyn_cast_or_null<CompoundStmt>(CallOperator->getBody());
  return Callable->isLambda() && Body && Body->body_empty();
}

/// The parameter of the enclosing function that \p Work forwards
/// (`std::forward<F>(f)`, `f`), if it is one.
const ParmVarDecl *forwardedParameter(const Expr &Work) {
  const Expr *E = ignoreImplicitAndParens(&Work);
  if (const auto *Call = llvm::dyn_cast<CallExpr>(E);
      Call && Call->getNumArgs() == 1 && Call->getDirectCallee() &&
      (Call->isCallToStdMove() ||
       qualifiedName(*Call->getDirectCallee()) == "std::forward"))
    E = ignoreImplicitAndParens(Call->getArg(0));
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E);
  return Ref ? llvm::dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
}

/// True when a lambda callback never looks at its first parameter (the
/// Try<T> that carries the outcome).
bool ignoresOutcome(const Expr &Callback) {
  const CXXRecordDecl *Closure =
      ignoreImplicitCopies(&Callback)->getType()->getAsCXXRecordDecl();
  if (!Closure || !Closure->isLambda())
    return false;
  const FunctionDecl *CallOperator = Closure->getLambdaCallOperator();
  if (const FunctionTemplateDecl *Generic =
          Closure->getDependentLambdaCallOperator())
    CallOperator = Generic->getTemplatedDecl();
  if (CallOperator->getNumParams() == 0)
    return true;
  const ParmVarDecl *Outcome = CallOperator->getParamDecl(0);
  return !Outcome->getIdentifier() || !Outcome->isReferenced();
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
      TokenWrapperTypes(
          nameListOption("TokenWrapperTypes", DefaultTokenWrapperTypes)),
      AwaitableTypes(nameListOption("AwaitableTypes", DefaultAwaitableTypes)),
      CatchAllExceptionTypes(nameListOption("CatchAllExceptionTypes",
                                            DefaultCatchAllExceptionTypes)),
      ErrorValueTypes(
          nameListOption("ErrorValueTypes", DefaultErrorValueTypes)),
      DetachFunctions(
          nameListOption("DetachFunctions", DefaultDetachFunctions)),
      FireAndForgetMethods(
          nameListOption("FireAndForgetMethods", DefaultFireAndForgetMethods)),
      DetachedStartFunctions(nameListOption("DetachedStartFunctions",
                                            DefaultDetachedStartFunctions)),
      ResultReturningSpawns(nameListOption("ResultReturningSpawns",
                                           DefaultResultReturningSpawns)),
      CallbackStartFunctions(nameListOption("CallbackStartFunctions",
                                            DefaultCallbackStartFunctions)) {
  for (const NameList *List :
       {&SpawnFunctions, &DetachFunctions, &FireAndForgetMethods,
        &DetachedStartFunctions, &CallbackStartFunctions})
    for (llvm::StringRef Name : List->names())
      CalledIdentifiers.insert(lastComponent(Name));
}

void UncheckedSpawnCheck::registerMatchers(MatchFinder *Finder) {
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
  if (cannotThrowWhenCalled(postedCallable(Callee)))
    return;
  // derivable_executor<T>::post forwarding its work to executor::post: the
  // finding is at the call that names the work.
  if (Call.getNumArgs() > 0)
    if (const ParmVarDecl *Parameter = forwardedParameter(*Call.getArg(0)))
      if (const auto *Forwarder =
              llvm::dyn_cast<FunctionDecl>(Parameter->getDeclContext());
          Forwarder && FireAndForgetMethods.contains(Forwarder))
        return;
  SourceLocation Loc = Call.getExprLoc();
  if (Reported.first(Loc))
    diag(Loc, "'%0' discards any exception the posted work throws: the "
              "failure is never observed %1")
        << qualifiedName(Callee) << citation();
}

void UncheckedSpawnCheck::checkCallbackStart(const CallExpr &Call,
                                             const FunctionDecl &Callee) {
  if (Call.getNumArgs() == 0 || !ignoresOutcome(*Call.getArg(0)))
    return;
  SourceLocation Loc = Call.getArg(0)->getBeginLoc();
  if (Reported.first(Loc))
    diag(Loc, "the callback given to '%0' ignores the 'Try' it receives: a "
              "failure of the lazy task ends unobserved, as with 'detached' "
              "%1")
        << qualifiedName(Callee) << citation();
}

void UncheckedSpawnCheck::checkDetachedSpawn(const CallExpr &Spawn,
                                             const FunctionDecl &Callee) {
  // The token is the first argument of a detached type; the spawned work is
  // the argument before it (co_spawn(ex, work, token), spawn(ex, f, token)).
  unsigned TokenIndex = 1;
  while (TokenIndex < Spawn.getNumArgs() &&
         !isDetachedToken(Spawn.getArg(TokenIndex)->getType()))
    ++TokenIndex;
  if (TokenIndex >= Spawn.getNumArgs())
    return;
  const Expr &Work = *Spawn.getArg(TokenIndex - 1);
  const FunctionDecl *Spawned = spawnedFunction(Work);
  if (Spawned && handlesItsOwnFailures(*Spawned))
    return;
  SourceLocation Loc = Spawn.getExprLoc();
  if (!Reported.first(Loc))
    return;

  const Expr *Token =
      spelledDetachedToken(Spawn.getArg(TokenIndex), DetachedTokenTypes);
  bool Named = Spawned && Spawned->getIdentifier();
  std::string Coroutine =
      Named ? "the coroutine '" + Spawned->getName().str() + "'"
            : std::string("the spawned coroutine");
  diag(Loc, "'%0' with %1 swallows any exception %2 throws: the failure is "
            "never observed %3")
      << qualifiedName(Callee) << describeToken(Token) << Coroutine
      << citation();

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
  if (Named && Spawned->isDefined())
    diag(Spawned->getDefinition()->getLocation(),
         "or let '%0' handle its own failures: wrap its whole body in "
         "'try { ... } catch (...) { ... }'",
         DiagnosticIDs::Note)
        << Spawned->getName();
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
    // A wrapper (bind_executor(strand, detached)) passes the completion on
    // to the token it wraps, its first template argument.
    const auto *Wrapper =
        llvm::dyn_cast<ClassTemplateSpecializationDecl>(Record);
    if (!Wrapper || !TokenWrapperTypes.contains(Wrapper))
      return false;
    const TemplateArgumentList &Args = Wrapper->getTemplateArgs();
    if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type)
      return false;
    Record = Args[0].getAsType()->getAsCXXRecordDecl();
  }
  return false;
}

bool UncheckedSpawnCheck::handlesItsOwnFailures(
    const FunctionDecl &Spawned) const {
  const FunctionDecl *Definition = definitionWithBody(Spawned);
  if (!Definition)
    return false;
  const Stmt *Body = Definition->getBody();
  if (const auto *Coroutine = llvm::dyn_cast<CoroutineBodyStmt>(Body)) {
    Body = Coroutine->getBody();
    if (failsOnlyWithErrorValues(*Body))
      return true;
  }
  // A function-try-block; a coroutine's arrives as a block holding the try.
  if (const auto *Try = llvm::dyn_cast<CXXTryStmt>(Body))
    return catchesEverything(*Try);
  const auto *Block = llvm::dyn_cast<CompoundStmt>(Body);
  if (!Block || Block->body_empty())
    return false;
  const auto *Try = llvm::dyn_cast<CXXTryStmt>(Block->body_back());
  if (!Try)
    return false;
  // Only declarations may come first (`auto ex = co_await
  // this_coro::executor;`): anything else is work outside the try.
  for (const Stmt *S : Block->body())
    if (S != Try && !llvm::isa<DeclStmt>(S))
      return false;
  return catchesEverything(*Try);
}

bool UncheckedSpawnCheck::failsOnlyWithErrorValues(
    const Stmt &CoroutineBody) const {
  if (ErrorValueTypes.empty())
    return false;
  auto AwaitMayThrow = [this](const CoroutineSuspendExpr &Suspend) {
    return !awaitsErrorValue(Suspend);
  };
  return !mayThrow(&CoroutineBody, AwaitMayThrow);
}

bool UncheckedSpawnCheck::awaitsErrorValue(
    const CoroutineSuspendExpr &Suspend) const {
  if (!isErrorValue(Suspend.getType()))
    return false;
  // The operand must start an operation (a call of a function that is not a
  // coroutine, such as async_read_some): a coroutine returning an error
  // value may still throw from its body. Its arguments are evaluated here,
  // except the completion token (as_tuple(use_awaitable), or the default
  // one), which belongs to the operation.
  const auto *Start = llvm::dyn_cast<CallExpr>(
      ignoreImplicitAndParens(awaitedOperand(Suspend)));
  const FunctionDecl *Callee = Start ? Start->getDirectCallee() : nullptr;
  const FunctionDecl *Definition =
      Callee ? definitionWithBody(*Callee) : nullptr;
  if (!Definition || llvm::isa<CoroutineBodyStmt>(Definition->getBody()))
    return false;
  auto NestedAwaitMayThrow = [](const CoroutineSuspendExpr &) { return true; };
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(Start);
      Member &&
      mayThrow(Member->getImplicitObjectArgument(), NestedAwaitMayThrow))
    return false;
  return llvm::none_of(Start->arguments(), [&](const Expr *Argument) {
    return !llvm::isa<CXXDefaultArgExpr>(Argument) &&
           !TokenWrapperTypes.contains(Argument->getType()
                                           .getNonReferenceType()
                                           ->getAsCXXRecordDecl()) &&
           mayThrow(Argument, NestedAwaitMayThrow);
  });
}

bool UncheckedSpawnCheck::isErrorValue(QualType Result) const {
  const CXXRecordDecl *Record =
      Result.getNonReferenceType()->getAsCXXRecordDecl();
  if (ErrorValueTypes.contains(Record))
    return true;
  // as_tuple: std::tuple<error_code, size_t>, the error first.
  const auto *Tuple =
      llvm::dyn_cast_or_null<ClassTemplateSpecializationDecl>(Record);
  if (!Tuple || qualifiedName(*Tuple) != "std::tuple")
    return false;
  const TemplateArgumentList &Args = Tuple->getTemplateArgs();
  if (Args.size() != 1 || Args[0].getKind() != TemplateArgument::Pack ||
      Args[0].pack_size() == 0)
    return false;
  const TemplateArgument &First = Args[0].pack_elements().front();
  return First.getKind() == TemplateArgument::Type &&
         ErrorValueTypes.contains(First.getAsType()->getAsCXXRecordDecl());
}

bool UncheckedSpawnCheck::catchesEverything(const CXXTryStmt &Try) const {
  bool CatchesAll = false;
  for (unsigned I = 0, E = Try.getNumHandlers(); I != E; ++I) {
    const CXXCatchStmt *Handler = Try.getHandler(I);
    if (rethrows(Handler->getHandlerBlock()))
      return false;
    CatchesAll |= !Handler->getExceptionDecl() ||
                  CatchAllExceptionTypes.contains(Handler->getCaughtType()
                                                      .getNonReferenceType()
                                                      ->getAsCXXRecordDecl());
  }
  return CatchesAll;
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
      Awaitable && AwaitableTypes.contains(Awaitable)) {
    const TemplateArgumentList &Args = Awaitable->getTemplateArgs();
    if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type)
      return QualType();
    return Args[0].getAsType();
  }
  return Produced;
}

} // namespace clang::tidy::corolint
