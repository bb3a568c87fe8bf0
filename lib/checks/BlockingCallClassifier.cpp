//===--- BlockingCallClassifier.cpp - which calls block a thread ----------===//

#include "BlockingCallClassifier.h"
#include "ASTHelpers.h"
#include "Annotations.h"
#include "CoroutineModel.h"
#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Token.h"

namespace clang::tidy::corolint {
namespace {

/// \p Record or the first of its bases whose name \p IsListed accepts.
const CXXRecordDecl *
findListedRecordOrBase(const CXXRecordDecl *Record,
                       llvm::function_ref<bool(StringRef)> IsListed) {
  if (!Record)
    return nullptr;
  if (IsListed(qualifiedName(*Record)))
    return Record;
  Record = Record->getDefinition();
  if (!Record)
    return nullptr;
  const CXXRecordDecl *Found = nullptr;
  Record->forallBases([&](const CXXRecordDecl *Base) {
    if (IsListed(qualifiedName(*Base)))
      Found = Base;
    return !Found;
  });
  return Found;
}

const CXXRecordDecl *findListedRecordOrBase(const CXXRecordDecl *Record,
                                            const NameList &Listed) {
  return findListedRecordOrBase(
      Record, [&Listed](StringRef Name) { return Listed.contains(Name); });
}

/// What the guide's annotations (§6.1) say about a function: a declaration
/// marked [[clang::annotate("corolint::blocking")]] blocks whatever its name,
/// one marked "corolint::nonblocking" never does.
enum class Annotation { None, Blocking, NonBlocking };

Annotation annotationOf(const FunctionDecl &Callee) {
  std::optional<CorolintAnnotation> Found = findCorolintAnnotation(
      Callee, {annotation::Blocking, annotation::NonBlocking});
  if (!Found)
    return Annotation::None;
  return Found->Name == annotation::Blocking ? Annotation::Blocking
                                             : Annotation::NonBlocking;
}

/// True for a duration that is zero at compile time (`0s`,
/// `std::chrono::seconds(0)`, `{}`, a constexpr constant).
bool isZeroDuration(const Expr &Duration, const ASTContext &Context) {
  const Expr *E = Duration.IgnoreImplicit();
  Expr::EvalResult Result;
  if (E->isValueDependent() || !E->EvaluateAsRValue(Result, Context))
    return false;
  // std::chrono::duration holds nothing but its count.
  const APValue &Value = Result.Val;
  if (!Value.isStruct() || Value.getStructNumBases() != 0 ||
      Value.getStructNumFields() != 1)
    return false;
  const APValue &Count = Value.getStructField(0);
  return (Count.isInt() && Count.getInt().isZero()) ||
         (Count.isFloat() && Count.getFloat().isZero());
}

/// True when a timed wait (`wait_for`, `try_acquire_for`) is given a zero
/// timeout: `fut.wait_for(0s) == std::future_status::ready` is a poll.
bool pollsWithZeroTimeout(const CallExpr &Call, StringRef CalleeName,
                          const ASTContext &Context) {
  if (!CalleeName.ends_with("_for"))
    return false;
  return llvm::any_of(Call.arguments(), [&Context](const Expr *Arg) {
    const CXXRecordDecl *Type = Arg->getType()->getAsCXXRecordDecl();
    return Type && qualifiedName(*Type) == "std::chrono::duration" &&
           isZeroDuration(*Arg, Context);
  });
}

/// Records the macros that tell non-blocking descriptor use apart, where
/// they are expanded outside system headers.
class NonBlockingMacros : public PPCallbacks {
public:
  NonBlockingMacros(const SourceManager &SM,
                    std::shared_ptr<NonBlockingEvidence> Into)
      : SM(SM), Into(std::move(Into)) {}

  void MacroExpands(const Token &Name, const MacroDefinition &,
                    SourceRange Range, const MacroArgs *) override {
    const IdentifierInfo *Id = Name.getIdentifierInfo();
    if (!Id)
      return;
    SourceLocation Loc = SM.getExpansionLoc(Range.getBegin());
    if (SM.isInSystemHeader(Loc))
      return;
    StringRef Macro = Id->getName();
    if (Macro == "O_NONBLOCK" || Macro == "SOCK_NONBLOCK")
      Into->NonBlockingDescriptors = true;
    else if (Macro == "EAGAIN" || Macro == "EWOULDBLOCK" ||
             Macro == "EINPROGRESS")
      Into->WouldBlock.push_back(Loc);
    else if (Macro == "MSG_DONTWAIT")
      Into->DontWait.push_back(Loc);
    else if (Macro == "SOCK_DGRAM")
      Into->Datagram.push_back(Loc);
  }

private:
  const SourceManager &SM;
  std::shared_ptr<NonBlockingEvidence> Into;
};

bool anyWithin(llvm::ArrayRef<SourceLocation> Locations, SourceRange Range,
               const SourceManager &SM) {
  SourceLocation Begin = SM.getExpansionLoc(Range.getBegin());
  SourceLocation End = SM.getExpansionLoc(Range.getEnd());
  return llvm::any_of(Locations, [&](SourceLocation Loc) {
    return SM.isPointWithin(Loc, Begin, End);
  });
}

/// The bodies of the functions (lambdas included) in which one of
/// \p Locations lies.
std::vector<SourceRange>
bodiesContaining(llvm::ArrayRef<SourceLocation> Locations,
                 const ASTContext &Context) {
  struct Collector : DynamicRecursiveASTVisitor {
    llvm::ArrayRef<SourceLocation> Locations;
    const SourceManager &SM;
    std::vector<SourceRange> Bodies;
    Collector(llvm::ArrayRef<SourceLocation> Locations, const SourceManager &SM)
        : Locations(Locations), SM(SM) {
      ShouldVisitTemplateInstantiations = false;
      ShouldVisitLambdaBody = true;
    }
    bool VisitFunctionDecl(FunctionDecl *FD) override {
      if (FD->doesThisDeclarationHaveABody() &&
          anyWithin(Locations, FD->getBody()->getSourceRange(), SM))
        Bodies.push_back(FD->getBody()->getSourceRange());
      return true;
    }
  } Visitor(Locations, Context.getSourceManager());
  Visitor.TraverseAST(const_cast<ASTContext &>(Context));
  return std::move(Visitor.Bodies);
}

/// The variable \p E names, looking through parentheses, conversions and
/// std::move (`std::move(fut).get()`).
const VarDecl *namedVariable(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *Call = llvm::dyn_cast<CallExpr>(E);
      Call && Call->isCallToStdMove())
    E = Call->getArg(0)->IgnoreParenImpCasts();
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E);
  return Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

/// Every variable named inside \p S.
void collectNamedVariables(const Stmt *S, ReadyVariables &Into) {
  if (!S)
    return;
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(S))
    if (const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl()))
      Into.insert(Var);
  for (const Stmt *Child : S->children())
    collectNamedVariables(Child, Into);
}

/// True for the calls that return at once on a result known to be ready.
bool isResultAccess(StringRef Method) {
  return Method == "get" || Method == "getTry" || Method == "wait";
}

/// True when \p Callee only inspects a `file_status` it is given
/// (`std::filesystem::exists(status)`), without touching the disk.
bool inspectsFileStatus(const FunctionDecl &Callee) {
  if (Callee.getNumParams() == 0)
    return false;
  const CXXRecordDecl *First = Callee.getParamDecl(0)
                                   ->getType()
                                   .getNonReferenceType()
                                   ->getAsCXXRecordDecl();
  return First && First->getIdentifier() && First->getName() == "file_status";
}

template <typename Table> void fill(Table &Names, StringRef Option) {
  for (const std::string &Name : splitNameList(Option))
    Names.add(Name);
}

void fillNames(llvm::StringSet<> &Set, StringRef Option) {
  for (const std::string &Name : splitNameList(Option))
    Set.insert(Name);
}

} // namespace

/// The name a call's callee is listed under: its identifier, or
/// "operator>>" and the like for overloaded operators.
std::string listedName(const FunctionDecl &Callee) {
  if (const IdentifierInfo *Id = Callee.getIdentifier())
    return Id->getName().str();
  if (Callee.isOverloadedOperator())
    return Callee.getNameAsString();
  return "";
}

void MethodTable::add(StringRef ClassAndMethod) {
  auto [Class, Method] = ClassAndMethod.rsplit("::");
  if (!Method.empty())
    ClassesByMethod[Method].insert(Class);
}

const CXXRecordDecl *MethodTable::findClass(StringRef Method,
                                            const CXXRecordDecl *Object) const {
  auto It = ClassesByMethod.find(Method);
  if (It == ClassesByMethod.end())
    return nullptr;
  const llvm::StringSet<> &Classes = It->second;
  return findListedRecordOrBase(
      Object, [&Classes](StringRef Name) { return Classes.contains(Name); });
}

BlockingCallClassifier::BlockingCallClassifier(const BlockingCallLists &Lists)
    : SleepFunctions(Lists.SleepFunctions),
      BlockingFunctions(Lists.BlockingFunctions),
      EventLoopFunctions(Lists.EventLoopFunctions),
      StreamObjects(Lists.BlockingStreamObjects),
      StreamTypes(Lists.BlockingStreamTypes),
      NonBlockingFunctions(Lists.NonBlockingFunctions),
      DirectoryIteratorTypes(Lists.DirectoryIteratorTypes),
      DescriptorFunctions(Lists.DescriptorFunctions) {
  fill(BlockingMethods, Lists.BlockingMethods);
  fill(EventLoopMethods, Lists.EventLoopMethods);
  fillNames(StreamOperations, Lists.BlockingStreamOperations);
  // "Class::method" entries are members, bare names free functions; both
  // are relative to every Asio namespace.
  for (const std::string &Namespace : splitNameList(Lists.AsioNamespaces)) {
    for (const std::string &Operation :
         splitNameList(Lists.SyncAsioOperations)) {
      std::string Qualified = (llvm::Twine(Namespace) + "::" + Operation).str();
      if (StringRef(Operation).contains("::"))
        SyncAsioMethods.add(Qualified);
      else
        SyncAsioFunctions.add(Qualified);
    }
  }
}

bool BlockingCallClassifier::isAnnotated(const FunctionDecl &Callee) const {
  return annotationOf(Callee) != Annotation::None;
}

bool BlockingCallClassifier::isDeclaredNonBlocking(
    const FunctionDecl &Callee) const {
  return annotationOf(Callee) == Annotation::NonBlocking ||
         (!NonBlockingFunctions.empty() &&
          NonBlockingFunctions.contains(&Callee));
}

std::unique_ptr<PPCallbacks>
BlockingCallClassifier::evidenceCollector(const SourceManager &SM) {
  return std::make_unique<NonBlockingMacros>(SM, Evidence);
}

void BlockingCallClassifier::noteReadiness(const Stmt &S, ReadyVariables &Ready,
                                           const ASTContext &Context) const {
  if (const Expr *Suspend = asSuspensionPoint(&S)) {
    collectNamedVariables(awaitedOperand(*Suspend), Ready);
    return;
  }
  const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(&S);
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier())
    return;
  StringRef Name = Method->getName();
  if (pollsWithZeroTimeout(*Call, Name, Context) || Name == "is_ready" ||
      Name == "status" || Name == "hasResult")
    if (const VarDecl *Var = namedVariable(Call->getImplicitObjectArgument()))
      Ready.insert(Var);
}

std::optional<BlockingCall>
BlockingCallClassifier::classify(const Stmt &S, const ASTContext &Context,
                                 const ReadyVariables *Ready) const {
  if (const auto *Call = llvm::dyn_cast<CallExpr>(&S))
    return classifyCall(*Call, Context, Ready);
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(&S))
    return classifyConstruction(*Construct);
  return std::nullopt;
}

std::optional<BlockingCall>
BlockingCallClassifier::classifyCall(const CallExpr &Call,
                                     const ASTContext &Context,
                                     const ReadyVariables *Ready) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return std::nullopt;
  if (!NonBlockingFunctions.empty() && NonBlockingFunctions.contains(Callee))
    return std::nullopt;
  switch (annotationOf(*Callee)) {
  case Annotation::NonBlocking:
    return std::nullopt;
  case Annotation::Blocking:
    return BlockingCall{BlockingFamily::Blocking, &Call,
                        "'" + qualifiedName(*Callee) + "'"};
  case Annotation::None:
    break;
  }
  std::optional<BlockingCall> Found;
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Callee);
  if (Method && Method->isInstance()) {
    if (const Expr *Object = objectArgument(Call))
      Found = classifyMethodCall(Call, *Method, *Object, Ready);
  } else {
    Found = classifyFreeCall(Call, *Callee, Context);
  }
  if (Found && pollsWithZeroTimeout(Call, listedName(*Callee), Context))
    return std::nullopt;
  return Found;
}

std::optional<BlockingCall> BlockingCallClassifier::classifyMethodCall(
    const CallExpr &Call, const CXXMethodDecl &Method, const Expr &Object,
    const ReadyVariables *Ready) const {
  std::string Name = listedName(Method);
  if (Name.empty())
    return std::nullopt;
  if (Ready && isResultAccess(Name))
    if (const VarDecl *Var = namedVariable(&Object);
        Var && Ready->contains(Var))
      return std::nullopt;
  const CXXRecordDecl *Record = calledOnClass(Object);
  auto Named = [&Name](const CXXRecordDecl &Class) {
    return "'" + qualifiedName(Class) + "::" + Name + "'";
  };
  if (const CXXRecordDecl *Class = SyncAsioMethods.findClass(Name, Record))
    return BlockingCall{BlockingFamily::SyncAsio, &Call,
                        "synchronous " + Named(*Class)};
  if (const CXXRecordDecl *Class = EventLoopMethods.findClass(Name, Record))
    return BlockingCall{BlockingFamily::EventLoop, &Call, Named(*Class)};
  if (const CXXRecordDecl *Class = BlockingMethods.findClass(Name, Record))
    return BlockingCall{BlockingFamily::Blocking, &Call, Named(*Class)};
  if (StreamOperations.contains(Name)) {
    std::string Stream = describeStream(Object);
    if (!Stream.empty())
      return BlockingCall{BlockingFamily::Blocking, &Call,
                          "'" + Name + "' on " + Stream};
  }
  return std::nullopt;
}

std::optional<BlockingCall>
BlockingCallClassifier::classifyFreeCall(const CallExpr &Call,
                                         const FunctionDecl &Callee,
                                         const ASTContext &Context) const {
  auto Named = [&Callee] { return "'" + qualifiedName(Callee) + "'"; };
  // Calling a coroutine creates a task; it blocks nothing by itself.
  if (const FunctionDecl *Definition = Callee.getDefinition();
      Definition && coroutineBody(*Definition))
    return std::nullopt;
  if (EventLoopFunctions.contains(&Callee))
    return BlockingCall{BlockingFamily::EventLoop, &Call, Named()};
  if (SyncAsioFunctions.contains(&Callee))
    return BlockingCall{BlockingFamily::SyncAsio, &Call,
                        "synchronous " + Named()};
  bool Sleeps = SleepFunctions.contains(&Callee);
  if (Sleeps || BlockingFunctions.contains(&Callee)) {
    if (isLibcHomonym(Callee, Context) ||
        (DescriptorFunctions.contains(&Callee) &&
         usesNonBlockingDescriptor(Call, Callee, Context)) ||
        inspectsFileStatus(Callee))
      return std::nullopt;
    return BlockingCall{Sleeps ? BlockingFamily::Sleep
                               : BlockingFamily::Blocking,
                        &Call, Named()};
  }
  std::string Name = listedName(Callee);
  if (Call.getNumArgs() > 0 && StreamOperations.contains(Name)) {
    // std::getline(std::cin, line), std::cin >> text: the stream comes first.
    std::string Stream = describeStream(*Call.getArg(0));
    if (!Stream.empty())
      return BlockingCall{BlockingFamily::Blocking, &Call,
                          "'" + Name + "' on " + Stream};
  }
  return std::nullopt;
}

/// True for a C++ function in the global (or an anonymous) namespace that
/// shares its name with a C library function declared in this translation
/// unit: a test helper `connect(socket&, ...)` is not POSIX `::connect`.
bool BlockingCallClassifier::isLibcHomonym(const FunctionDecl &Callee,
                                           const ASTContext &Context) const {
  if (Callee.isExternC() ||
      !Callee.getDeclContext()->getRedeclContext()->isFileContext() ||
      StringRef(qualifiedName(Callee)).contains("::"))
    return false;
  for (const NamedDecl *Found :
       Context.getTranslationUnitDecl()->lookup(Callee.getDeclName()))
    if (const auto *Function = llvm::dyn_cast<FunctionDecl>(Found);
        Function && Function->isExternC())
      return true;
  return false;
}

/// True when descriptor I/O is evidently non-blocking: the translation unit
/// makes descriptors O_NONBLOCK / SOCK_NONBLOCK, the function handles
/// EAGAIN-like results, the call passes MSG_DONTWAIT, or `connect` is given
/// a datagram socket (which only records the peer address).
bool BlockingCallClassifier::usesNonBlockingDescriptor(
    const CallExpr &Call, const FunctionDecl &Callee,
    const ASTContext &Context) const {
  const SourceManager &SM = Context.getSourceManager();
  if (Evidence->NonBlockingDescriptors ||
      anyWithin(Evidence->DontWait, Call.getSourceRange(), SM))
    return true;
  if (!Evidence->WouldBlock.empty()) {
    if (!Evidence->WouldBlockHandlers)
      Evidence->WouldBlockHandlers =
          bodiesContaining(Evidence->WouldBlock, Context);
    SourceLocation Loc = SM.getExpansionLoc(Call.getBeginLoc());
    if (llvm::any_of(*Evidence->WouldBlockHandlers, [&](SourceRange Body) {
          return SM.isPointWithin(Loc, Body.getBegin(), Body.getEnd());
        }))
      return true;
  }
  if (Callee.getName() != "connect" || Call.getNumArgs() == 0)
    return false;
  const VarDecl *Socket = namedVariable(Call.getArg(0));
  return Socket && Socket->getInit() &&
         anyWithin(Evidence->Datagram, Socket->getInit()->getSourceRange(), SM);
}

std::optional<BlockingCall> BlockingCallClassifier::classifyConstruction(
    const CXXConstructExpr &Construct) const {
  // Only a constructor given a file name opens one; default, copy and move
  // construction do not touch the file system.
  const CXXConstructorDecl *Constructor = Construct.getConstructor();
  if (!Constructor || Constructor->isCopyOrMoveConstructor() ||
      Construct.getNumArgs() == 0 ||
      llvm::isa<CXXDefaultArgExpr>(Construct.getArg(0)))
    return std::nullopt;
  if (const CXXRecordDecl *Iterator = findListedRecordOrBase(
          Constructor->getParent(), DirectoryIteratorTypes))
    return BlockingCall{BlockingFamily::Blocking, &Construct,
                        "opening a directory with '" +
                            qualifiedName(*Iterator) + "'"};
  const CXXRecordDecl *Stream =
      findListedRecordOrBase(Constructor->getParent(), StreamTypes);
  if (!Stream)
    return std::nullopt;
  return BlockingCall{BlockingFamily::Blocking, &Construct,
                      "opening a file with '" + qualifiedName(*Stream) + "'"};
}

/// "'std::cin'" or "a 'std::basic_ifstream'" when \p Stream is a blocking
/// stream, "" otherwise (string streams, std::cout, unrelated classes).
std::string BlockingCallClassifier::describeStream(const Expr &Stream) const {
  const Expr *E = Stream.IgnoreParenImpCasts();
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E))
    if (StreamObjects.contains(Ref->getDecl()))
      return "'" + qualifiedName(*Ref->getDecl()) + "'";
  if (const CXXRecordDecl *Type =
          findListedRecordOrBase(calledOnClass(*E), StreamTypes))
    return "a '" + qualifiedName(*Type) + "'";
  return "";
}

} // namespace clang::tidy::corolint
