//===--- DanglingReferenceCheck.cpp - coro-dangling-reference -------------===//

#include "DanglingReferenceCheck.h"
#include "TaskEscapes.h"
#include "TaskLifetime.h"
#include "TaskModel.h"

using namespace clang::ast_matchers;

namespace clang::tidy::corolint {
namespace {

// Defaults come from the libraries people use; each is a CheckOptions entry.
// TaskTypes defaults to the lazy tasks only (TaskModel's list): an eager one
// (concurrencpp::result) may copy what its references point to before it
// first suspends, while they are alive.
constexpr llvm::StringLiteral DefaultViewTypes =
    "::std::basic_string_view;::std::span;::boost::basic_string_view;"
    "::boost::core::basic_string_view";
constexpr llvm::StringLiteral DefaultSpawnFunctions =
    "::asio::co_spawn;::boost::asio::co_spawn;"
    "::folly::coro::TaskWithExecutor::start;"
    "::folly::coro::TaskWithExecutor::startInlineUnsafe;"
    "::coro::thread_pool::spawn;::coro::io_scheduler::spawn;"
    "::coro::io_scheduler::spawn_detached";
// A spawn completing with one of these only starts when it is awaited, in
// practice in the same full-expression.
constexpr llvm::StringLiteral DefaultAwaitedTokenTypes =
    "::asio::use_awaitable_t;::boost::asio::use_awaitable_t;"
    "::asio::deferred_t;::boost::asio::deferred_t";
constexpr llvm::StringLiteral DefaultTaskAdaptors =
    "::folly::coro::Task::scheduleOn;::folly::coro::co_withExecutor;"
    "::folly::coro::co_withCancellation;::folly::coro::co_invoke;"
    "::async_simple::coro::Lazy::via";
constexpr llvm::StringLiteral DefaultContainerInsertFunctions =
    "::std::vector::push_back;::std::vector::emplace_back;"
    "::std::vector::insert;::std::vector::emplace;"
    "::std::deque::push_back;::std::deque::emplace_back;"
    "::std::deque::push_front;::std::deque::emplace_front;"
    "::std::list::push_back;::std::list::emplace_back;"
    "::std::queue::push;::std::queue::emplace;"
    "::std::map::emplace;::std::map::insert_or_assign;"
    "::std::unordered_map::emplace;::std::unordered_map::insert_or_assign";
constexpr llvm::StringLiteral DefaultRunToCompletionFunctions =
    "::asio::io_context::run;::boost::asio::io_context::run;"
    "::asio::thread_pool::join;::asio::thread_pool::wait;"
    "::boost::asio::thread_pool::join;::boost::asio::thread_pool::wait;"
    "::std::thread::join;::std::jthread::join;::cppcoro::sync_wait;"
    "::folly::coro::blockingWait;::coro::sync_wait";

} // namespace

DanglingReferenceCheck::DanglingReferenceCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : CorolintCheck(Name, Context),
      TaskTypes(nameListOption("TaskTypes", DefaultLazyTaskTypes)),
      ViewTypes(nameListOption("ViewTypes", DefaultViewTypes)),
      SpawnFunctions(nameListOption("SpawnFunctions", DefaultSpawnFunctions)),
      AwaitedTokenTypes(
          nameListOption("AwaitedTokenTypes", DefaultAwaitedTokenTypes)),
      TaskAdaptors(nameListOption("TaskAdaptors", DefaultTaskAdaptors)),
      ContainerInsertFunctions(nameListOption("ContainerInsertFunctions",
                                              DefaultContainerInsertFunctions)),
      RunToCompletionFunctions(nameListOption("RunToCompletionFunctions",
                                              DefaultRunToCompletionFunctions)),
      Escapes(SpawnFunctions, ContainerInsertFunctions, AwaitedTokenTypes,
              RunToCompletionFunctions) {}

void DanglingReferenceCheck::registerMatchers(MatchFinder *Finder) {
  if (TaskTypes.empty())
    return;
  // Escapes (spawns, stores, returns) are found by one walk of each function
  // body: the walk knows the enclosing scopes without Clang's parent map.
  matchFunctionBodies(Finder, this);
}

void DanglingReferenceCheck::check(const MatchFinder::MatchResult &Result) {
  SM = Result.SourceManager;
  const FunctionDecl *Function = takeMatchedFunction(Result, Seen);
  if (!Function)
    return;
  const Stmt *Body = Function->getBody();
  if (const auto *Coroutine = llvm::dyn_cast_or_null<CoroutineBodyStmt>(Body)) {
    if (coroutineFacts(*Function).HasErrors)
      return;
    Body = Coroutine->getBody();
  }
  if (Body)
    checkFunction(*Function, *Body);
}

void DanglingReferenceCheck::checkFunction(const FunctionDecl &Function,
                                           const Stmt &Body) {
  llvm::SmallVector<std::pair<const Expr *, TaskEscape>, 4> Found;
  Escapes.find(Body, Found);
  for (const auto &[Task, E] : Found)
    checkEscapedTask(*Task, E, Function, Body);
}

bool DanglingReferenceCheck::isTaskCoroutine(const FunctionDecl &Callee) const {
  if (!TaskTypes.containsRecordOrBase(
          Callee.getReturnType()->getAsCXXRecordDecl()))
    return false;
  // A function that only returns a task (a wrapper) decides itself what its
  // task refers to; only a coroutine keeps the caller's references.
  const FunctionDecl *Definition = nullptr;
  if (Callee.hasBody(Definition))
    return llvm::isa<CoroutineBodyStmt>(Definition->getBody());
  if (const FunctionDecl *Pattern = Callee.getTemplateInstantiationPattern();
      Pattern && Pattern->hasBody(Definition))
    return llvm::isa<CoroutineBodyStmt>(Definition->getBody());
  return true; // Declared only: a function returning a task is a coroutine.
}

bool DanglingReferenceCheck::isViewType(QualType Type) const {
  return ViewTypes.containsRecordOrBase(Type->getAsCXXRecordDecl());
}

const Expr *DanglingReferenceCheck::stripAdaptors(const Expr *Task) const {
  for (unsigned Depth = 0; Task && Depth < 8; ++Depth) {
    Task = Task->IgnoreUnlessSpelledInSource();
    const auto *Call = llvm::dyn_cast<CallExpr>(Task);
    if (!Call)
      return Task;
    if (Call->isCallToStdMove()) {
      Task = Call->getArg(0);
      continue;
    }
    unsigned FirstArg = 0;
    bool IsAdaptor = TaskAdaptors.contains(Call->getDirectCallee());
    if (const auto *Operator = llvm::dyn_cast<CXXOperatorCallExpr>(Call);
        !IsAdaptor && Operator && Operator->getOperator() == OO_Call &&
        Operator->getNumArgs() > 0) {
      // A customization point object (folly::coro::co_invoke) is named by
      // its variable: its operator() has no name of its own.
      const auto *Object = llvm::dyn_cast<DeclRefExpr>(
          Operator->getArg(0)->IgnoreParenImpCasts());
      IsAdaptor = Object && TaskAdaptors.contains(Object->getDecl());
      FirstArg = 1;
    }
    if (!IsAdaptor)
      return Task;
    if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(Call)) {
      Task = Member->getImplicitObjectArgument();
      continue;
    }
    // The adapted task, or the callable that makes it (co_invoke).
    const Expr *Adapted = nullptr;
    for (const Expr *Arg : llvm::drop_begin(Call->arguments(), FirstArg))
      if (TaskTypes.containsRecordOrBase(
              Arg->getType().getNonReferenceType()->getAsCXXRecordDecl()) ||
          closureObject(*Arg))
        Adapted = Arg;
    Task = Adapted;
  }
  return Task;
}

void DanglingReferenceCheck::checkEscapedTask(const Expr &Task,
                                              const TaskEscape &E,
                                              const FunctionDecl &Function,
                                              const Stmt &Body) {
  const Expr *Stripped = stripAdaptors(&Task);
  if (const LambdaExpr *Lambda =
          Stripped ? closureObject(*Stripped) : nullptr) {
    checkCaptures(*Lambda, E, Function, Body);
    return;
  }
  std::optional<TaskCall> Call =
      Stripped ? asTaskCall(*Stripped) : std::nullopt;
  if (!Call || !isTaskCoroutine(*Call->Coroutine))
    return;
  if (Call->Object)
    checkBinding(classifyObject(*Call->Object), *Call->Object, nullptr, *Call,
                 E, Function, Body);
  unsigned Params = Call->Coroutine->getNumParams();
  for (unsigned I = 0; I < Call->Args.size() && I < Params; ++I) {
    const ParmVarDecl *Param = Call->Coroutine->getParamDecl(I);
    const Expr *Arg = Call->Args[I];
    // A default argument is not the caller's; a task handed to a combinator
    // (when_all, collectAll) is moved into it.
    if (llvm::isa<CXXDefaultArgExpr>(Arg) ||
        TaskTypes.containsRecordOrBase(
            Arg->getType().getNonReferenceType()->getAsCXXRecordDecl()))
      continue;
    if (Param->getType()->isReferenceType())
      checkBinding(classifyObject(*Arg), *Arg, Param, *Call, E, Function, Body);
    else if (isViewType(Param->getType()))
      checkBinding(classifyView(*Arg), *Arg, Param, *Call, E, Function, Body);
  }
}

void DanglingReferenceCheck::checkBinding(
    const Referent &Bound, const Expr &Arg, const ParmVarDecl *Param,
    const TaskCall &Call, const TaskEscape &E, const FunctionDecl &Function,
    const Stmt &Body) {
  if (Bound.Kind == Referent::Other)
    return;
  // A lambda without captures has an empty closure: nothing to dangle.
  if (!Param && Call.ClosureCall &&
      Call.Object->getType()->getAsCXXRecordDecl()->field_empty())
    return;
  if (Bound.Kind == Referent::Temporary) {
    report(Arg, nullptr, std::nullopt, Param, Call, E);
    return;
  }
  const VarDecl &Var = *Bound.Var;
  if (Var.getParentFunctionOrMethod() != &Function)
    return;
  if (std::optional<SourceLocation> Death = deathBeforeWait(Var, E, Body))
    report(Arg, &Var, Death, Param, Call, E);
}

void DanglingReferenceCheck::checkCaptures(const LambdaExpr &Lambda,
                                           const TaskEscape &E,
                                           const FunctionDecl &Function,
                                           const Stmt &Body) {
  // The spawner keeps the closure alive as long as the task (Asio's co_spawn
  // moves it into the spawned work, co_invoke into the frame); what its
  // reference captures point to does not live that long.
  if (E.Kind != EscapeKind::Spawned ||
      !TaskTypes.containsRecordOrBase(
          Lambda.getCallOperator()->getReturnType()->getAsCXXRecordDecl()))
    return;
  for (const LambdaCapture &Capture : Lambda.captures()) {
    if (!Capture.capturesVariable())
      continue;
    const auto *Captured = llvm::dyn_cast<VarDecl>(Capture.getCapturedVar());
    if (!Captured)
      continue;
    const VarDecl *Var = nullptr;
    if (Captured->isInitCapture()) {
      // `[&s = sock]` refers to `sock`; `[s = sock]` owns a copy.
      if (Captured->getType()->isReferenceType() && Captured->getInit())
        Var = classifyObject(*Captured->getInit()).Var;
    } else if (Capture.getCaptureKind() == LCK_ByRef &&
               Captured->hasLocalStorage() &&
               !Captured->getType()->isReferenceType()) {
      Var = Captured;
    }
    if (!Var || Var->getParentFunctionOrMethod() != &Function)
      continue;
    if (std::optional<SourceLocation> Death = deathBeforeWait(*Var, E, Body))
      reportCapture(Lambda, Capture, *Var, *Death, E);
  }
}

std::optional<SourceLocation>
DanglingReferenceCheck::deathBeforeWait(const VarDecl &Var, const TaskEscape &E,
                                        const Stmt &Body) const {
  auto Waits = [&](const Stmt &S) {
    if (const auto *Run = llvm::dyn_cast<CallExpr>(&S))
      return RunToCompletionFunctions.contains(Run->getDirectCallee());
    if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(&S))
      return E.Storage && Ref->getDecl() == E.Storage;
    if (const auto *Member = llvm::dyn_cast<MemberExpr>(&S))
      return E.Storage && Member->getMemberDecl() == E.Storage;
    return false;
  };
  switch (E.Kind) {
  case EscapeKind::Returned:
    return E.At->getBeginLoc();
  case EscapeKind::Spawned:
    // An io_context declared after the local is destroyed first, and the
    // work it never ran with it.
    if (E.HandlerSignalsCaller ||
        (E.Executor && SM->isBeforeInTranslationUnit(
                           Var.getLocation(), E.Executor->getLocation())))
      return std::nullopt;
    return corolint::deathBeforeWait(Body, *E.At, Var, Waits);
  case EscapeKind::Stored:
  case EscapeKind::Contained:
    if (!outlives(E.Storage, Var))
      return std::nullopt;
    return corolint::deathBeforeWait(Body, *E.At, Var, Waits);
  }
  llvm_unreachable("unknown escape");
}

bool DanglingReferenceCheck::outlives(const ValueDecl *Storage,
                                      const VarDecl &Var) const {
  if (!Storage || Storage == &Var)
    return false;
  const auto *Holder = llvm::dyn_cast<VarDecl>(Storage);
  if (!Holder || !Holder->hasLocalStorage() ||
      Holder->getType()->isReferenceType())
    return true; // A member, a global, or what a reference refers to.
  return SM->isBeforeInTranslationUnit(Holder->getLocation(),
                                       Var.getLocation());
}

void DanglingReferenceCheck::report(const Expr &Arg, const VarDecl *Local,
                                    std::optional<SourceLocation> Death,
                                    const ParmVarDecl *Param,
                                    const TaskCall &Call, const TaskEscape &E) {
  SourceLocation Loc = Arg.getBeginLoc();
  if (Loc.isInvalid() || !Reported.first(Loc))
    return;
  const FunctionDecl &Coroutine = *Call.Coroutine;
  std::string Escaped = describeEscape(E.Kind);
  if (Param) {
    std::string Target = "parameter '" + Param->getName().str() +
                         "' of coroutine '" + Coroutine.getNameAsString() + "'";
    if (Local)
      diag(Loc, "'%0' is bound to %1, but the task is %2 and may run after "
                "'%0' dies: the coroutine will read a dead object %3")
          << Local->getName() << Target << Escaped << citation();
    else
      diag(Loc, "a temporary is bound to %0, but the task is %1 and outlives "
                "the full-expression: the coroutine will read a dead object %2")
          << Target << Escaped << citation();
    noteParameter(*Param, Coroutine);
  } else if (Call.ClosureCall) {
    if (Local)
      diag(Loc, "lambda coroutine '%0' is called, but the task is %1 and may "
                "run after the closure '%0' dies: its captures dangle %2")
          << Local->getName() << Escaped << citation();
    else
      diag(Loc, "a capturing lambda coroutine is called at once, but the task "
                "is %0 and outlives the full-expression: the closure that "
                "holds its captures dies first %1")
          << Escaped << citation();
    if (const auto *Lambda =
            llvm::dyn_cast<LambdaExpr>(Arg.IgnoreUnlessSpelledInSource()))
      diag(Lambda->getBeginLoc(),
           "pass the lambda itself to the spawner instead of calling it, or "
           "capture nothing %0",
           DiagnosticIDs::Note)
          << citation();
  } else {
    std::string Method = Coroutine.getNameAsString();
    if (Local)
      diag(Loc, "member coroutine '%0' is called on '%1', but the task is %2 "
                "and may run after '%1' dies: 'this' will dangle %3")
          << Method << Local->getName() << Escaped << citation();
    else
      diag(Loc, "member coroutine '%0' is called on a temporary object, but "
                "the task is %1 and outlives the full-expression: 'this' will "
                "dangle %2")
          << Method << Escaped << citation();
    diag(Coroutine.getLocation(),
         "'%0' keeps 'this' as a pointer to the object it was called on",
         DiagnosticIDs::Note)
        << Method;
  }
  diag(E.At->getBeginLoc(), "the task is %0 here", DiagnosticIDs::Note)
      << Escaped;
  if (Local && Death)
    diag(*Death, "'%0' dies here, before anything waits for the task",
         DiagnosticIDs::Note)
        << Local->getName();
}

void DanglingReferenceCheck::reportCapture(const LambdaExpr &Lambda,
                                           const LambdaCapture &Capture,
                                           const VarDecl &Local,
                                           SourceLocation Death,
                                           const TaskEscape &E) {
  SourceLocation Loc = Capture.getLocation();
  if (Loc.isInvalid() || !Reported.first(Loc))
    return;
  std::string Escaped = describeEscape(E.Kind);
  diag(Loc, "'%0' is captured by reference by a lambda coroutine whose task "
            "is %1 and may run after '%0' dies: the coroutine will read a "
            "dead object %2")
      << Local.getName() << Escaped << citation();
  // An implicit capture is named at its first use; `[&]` is what captures it.
  diag(Capture.isImplicit() ? Lambda.getCaptureDefaultLoc() : Loc,
       "the closure keeps a reference to '%0', not a copy: capture it by "
       "value, or move it into the closure %1",
       DiagnosticIDs::Note)
      << Local.getName() << citation();
  diag(E.At->getBeginLoc(), "the task is %0 here", DiagnosticIDs::Note)
      << Escaped;
  diag(Death, "'%0' dies here, before anything waits for the task",
       DiagnosticIDs::Note)
      << Local.getName();
}

void DanglingReferenceCheck::noteParameter(const ParmVarDecl &Param,
                                           const FunctionDecl &Coroutine) {
  if (isViewType(Param.getType())) {
    diag(Param.getLocation(),
         "'%0' is a view: the coroutine frame keeps the view, not the object "
         "it looks at",
         DiagnosticIDs::Note)
        << Param.getName();
    return;
  }
  llvm::SmallVector<FixItHint, 2> Fixes =
      takeByValueFixes(Param, Coroutine, *SM, getLangOpts());
  if (Fixes.empty()) {
    diag(Param.getLocation(),
         "'%0' is a reference: the coroutine frame keeps the reference, not "
         "a copy of the object",
         DiagnosticIDs::Note)
        << Param.getName();
    return;
  }
  diag(Param.getLocation(),
       "take '%0' by value: the coroutine frame keeps a reference parameter "
       "as a reference, not as a copy %1",
       DiagnosticIDs::Note)
      << Param.getName() << citation() << Fixes;
}

} // namespace clang::tidy::corolint
