//===--- TaskModel.cpp - runtimes and task types
//---------------------------===//

#include "TaskModel.h"
#include "CoroutineModel.h"
#include "clang/AST/DeclTemplate.h"

namespace clang::tidy::corolint {

Runtime RuntimeModel::runtimeOf(const FunctionDecl &Coroutine) const {
  Runtime RT;
  const CXXRecordDecl *Task = Coroutine.getReturnType()->getAsCXXRecordDecl();
  if (!Task)
    return RT;
  if (AsioAwaitableTypes.contains(Task)) {
    RT.Kind = Runtime::Asio;
    std::string Name = qualifiedName(*Task);
    auto [Namespace, Last] = llvm::StringRef(Name).rsplit("::");
    RT.AsioNamespace = Last.empty() ? "" : Namespace.str();
    // use_awaitable and steady_timer speak the default any_io_executor.
    if (const auto *Spec =
            llvm::dyn_cast<ClassTemplateSpecializationDecl>(Task)) {
      const TemplateArgumentList &Args = Spec->getTemplateArgs();
      if (Args.size() >= 2 && Args[1].getKind() == TemplateArgument::Type) {
        const CXXRecordDecl *Executor =
            Args[1].getAsType()->getAsCXXRecordDecl();
        RT.DefaultExecutor =
            Executor &&
            qualifiedName(*Executor) == RT.asioPrefix() + "any_io_executor";
      }
    }
  } else if (FollyTaskTypes.contains(Task)) {
    RT.Kind = Runtime::Folly;
  } else if (CppcoroTaskTypes.contains(Task)) {
    RT.Kind = Runtime::Cppcoro;
  } else if (LibcoroTaskTypes.contains(Task)) {
    RT.Kind = Runtime::Libcoro;
  } else if (ConcurrencppTaskTypes.contains(Task)) {
    RT.Kind = Runtime::Concurrencpp;
  } else if (AsyncSimpleTaskTypes.contains(Task)) {
    RT.Kind = Runtime::AsyncSimple;
  }
  return RT;
}

namespace {

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

} // namespace

bool canAwaitTaskIn(const CoroutineBodyStmt &Coroutine,
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

TaskKind TaskTypes::classify(const CallExpr &Call, ASTContext &Context,
                             bool InCoroutine) const {
  const CXXRecordDecl *Task = Call.getType()->getAsCXXRecordDecl();
  if (!Task || IgnoredTypes.containsRecordOrBase(Task))
    return TaskKind::None;
  const auto *Callee =
      llvm::dyn_cast_or_null<FunctionDecl>(Call.getCalleeDecl());
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
  if (Kind == TaskKind::None && InCoroutine && !nestedPromise(*Task, Context) &&
      isAwaitableByMembers(*Task, Context))
    return TaskKind::Awaitable;
  return Kind;
}

/// A type with a nested promise_type is what a coroutine returns; its
/// promise's initial_suspend() says whether the body has started.
TaskKind TaskTypes::classifyByPromise(const CXXRecordDecl &Task,
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

} // namespace clang::tidy::corolint
