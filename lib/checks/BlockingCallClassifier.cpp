//===--- BlockingCallClassifier.cpp - which calls block a thread ----------===//

#include "BlockingCallClassifier.h"
#include "ASTHelpers.h"
#include "Annotations.h"

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
enum class Annotation : std::uint8_t { None, Blocking, NonBlocking };

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
      NonBlockingFunctions(Lists.NonBlockingFunctions) {
  fill(BlockingMethods, Lists.BlockingMethods);
  fill(EventLoopMethods, Lists.EventLoopMethods);
  fillNames(StreamOperations, Lists.BlockingStreamOperations);
  // "Class::method" entries are members, bare names free functions; both
  // are relative to every Asio namespace.
  for (const std::string &Namespace : splitNameList(Lists.AsioNamespaces)) {
    for (const std::string &Operation :
         splitNameList(Lists.SyncAsioOperations)) {
      std::string Qualified = Namespace;
      Qualified += "::";
      Qualified += Operation;
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
         NonBlockingFunctions.contains(&Callee);
}

std::optional<BlockingCall>
BlockingCallClassifier::classify(const Stmt &S,
                                 const ASTContext &Context) const {
  if (const auto *Call = llvm::dyn_cast<CallExpr>(&S))
    return classifyCall(*Call, Context);
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(&S))
    return classifyConstruction(*Construct);
  return std::nullopt;
}

std::optional<BlockingCall>
BlockingCallClassifier::classifyCall(const CallExpr &Call,
                                     const ASTContext &Context) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return std::nullopt;
  if (NonBlockingFunctions.contains(Callee))
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
      Found = classifyMethodCall(Call, *Method, *Object);
  } else {
    Found = classifyFreeCall(Call, *Callee);
  }
  if (Found && pollsWithZeroTimeout(Call, listedName(*Callee), Context))
    return std::nullopt;
  return Found;
}

std::optional<BlockingCall>
BlockingCallClassifier::classifyMethodCall(const CallExpr &Call,
                                           const CXXMethodDecl &Method,
                                           const Expr &Object) const {
  std::string Name = listedName(Method);
  if (Name.empty())
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
                                         const FunctionDecl &Callee) const {
  auto Named = [&Callee] { return "'" + qualifiedName(Callee) + "'"; };
  if (SleepFunctions.contains(&Callee))
    return BlockingCall{BlockingFamily::Sleep, &Call, Named()};
  if (EventLoopFunctions.contains(&Callee))
    return BlockingCall{BlockingFamily::EventLoop, &Call, Named()};
  if (SyncAsioFunctions.contains(&Callee))
    return BlockingCall{BlockingFamily::SyncAsio, &Call,
                        "synchronous " + Named()};
  if (BlockingFunctions.contains(&Callee))
    return BlockingCall{BlockingFamily::Blocking, &Call, Named()};
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

std::optional<BlockingCall> BlockingCallClassifier::classifyConstruction(
    const CXXConstructExpr &Construct) const {
  // Only a constructor given a file name opens one; default, copy and move
  // construction do not touch the file system.
  const CXXConstructorDecl *Constructor = Construct.getConstructor();
  if (!Constructor || Constructor->isCopyOrMoveConstructor() ||
      Construct.getNumArgs() == 0 ||
      llvm::isa<CXXDefaultArgExpr>(Construct.getArg(0)))
    return std::nullopt;
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
