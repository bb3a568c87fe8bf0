//===--- UnboundedChannelCheck.cpp - coro-unbounded-channel ---------------===//

#include "UnboundedChannelCheck.h"
#include "ASTHelpers.h"
#include "ChannelCapacity.h"
#include "HomeMadeQueue.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <optional>

using namespace clang::ast_matchers;

namespace clang::tidy::corolint {
namespace {

// Defaults come from the libraries people use; each is a CheckOptions entry.
// Aliases (folly's UMPMCQueue family, SmallUnboundedQueue where it is one)
// are found through the class they name.
constexpr llvm::StringLiteral DefaultUnboundedQueueTypes =
    "::folly::coro::UnboundedQueue;::folly::coro::SmallUnboundedQueue;"
    "::folly::UnboundedQueue;::coro::queue";
constexpr llvm::StringLiteral DefaultUnboundedFactories =
    "::folly::coro::AsyncPipe::create";
constexpr llvm::StringLiteral DefaultBoundedChannelTypes =
    "::asio::experimental::basic_channel;"
    "::asio::experimental::basic_concurrent_channel;"
    "::boost::asio::experimental::basic_channel;"
    "::boost::asio::experimental::basic_concurrent_channel";
constexpr llvm::StringLiteral DefaultMakeFunctions =
    "::std::make_shared;::std::make_unique;::std::allocate_shared;"
    "::boost::make_shared;::boost::allocate_shared;::boost::make_unique";
constexpr llvm::StringLiteral DefaultTrySendFunctions =
    "::asio::experimental::basic_channel::try_send;"
    "::asio::experimental::basic_channel::try_send_n;"
    "::asio::experimental::basic_concurrent_channel::try_send;"
    "::asio::experimental::basic_concurrent_channel::try_send_n;"
    "::boost::asio::experimental::basic_channel::try_send;"
    "::boost::asio::experimental::basic_channel::try_send_n;"
    "::boost::asio::experimental::basic_concurrent_channel::try_send;"
    "::boost::asio::experimental::basic_concurrent_channel::try_send_n;"
    "::folly::coro::BoundedQueue::try_enqueue;"
    "::folly::coro::BoundedAsyncPipe::try_write";
// A data member of these used as a queue between coroutines (guide §3.3).
constexpr llvm::StringLiteral DefaultQueueContainers =
    "::std::deque;::std::queue;::std::list";
constexpr llvm::StringLiteral DefaultQueuePushMethods =
    "push_back;emplace_back;push;emplace";
constexpr llvm::StringLiteral DefaultQueuePopMethods = "pop_front;pop";
// Asio timers and channels, std and async condition variables, events.
constexpr llvm::StringLiteral DefaultWakeUpMethods =
    "cancel;cancel_one;expires_at;async_send;try_send;notify_one;notify_all;"
    "set";
// 2^20 messages: far beyond any capacity chosen for backpressure, far below
// the "no limit" constants (SIZE_MAX, numeric_limits<>::max(), -1).
constexpr uint64_t DefaultMaxCapacity = 1048576;
// What the fix-its write; the comment tells the user to choose the number.
constexpr uint64_t SuggestedCapacity = 1024;

/// What each library offers instead of its unbounded queue or factory, keyed
/// by the qualified name of the unbounded class or factory function.
struct BoundedTwin {
  llvm::StringLiteral Unbounded;
  llvm::StringLiteral Advice;
};
constexpr BoundedTwin BoundedTwins[] = {
    {"folly::coro::UnboundedQueue",
     "use 'folly::coro::BoundedQueue' with a capacity sized for the expected "
     "load; 'co_await enqueue()' then waits while it is full"},
    {"folly::coro::SmallUnboundedQueue",
     "use 'folly::coro::BoundedQueue' with a capacity sized for the expected "
     "load; 'co_await enqueue()' then waits while it is full"},
    {"folly::UnboundedQueue",
     "use 'folly::DynamicBoundedQueue' (e.g. 'folly::DMPMCQueue') with a "
     "capacity sized for the expected load; 'enqueue()' then waits while it "
     "is full"},
    {"coro::queue",
     "use 'coro::ring_buffer<T, N>' with N sized for the expected load; "
     "'co_await produce()' then waits while it is full"},
    {"folly::coro::AsyncPipe::create",
     "use 'folly::coro::BoundedAsyncPipe<T>::create(capacity)'; "
     "'co_await write()' then waits while the pipe is full"},
};

/// How a declaration `Template<Args> name;` becomes its bounded twin, keyed
/// by the template as spelled: the twin takes the same template arguments.
enum class CapacityGoes { InBraceInitializer, InLastTemplateArgument };
struct TemplateRewrite {
  llvm::StringLiteral SpelledTemplate;
  llvm::StringLiteral BoundedName;
  CapacityGoes Capacity;
};
constexpr TemplateRewrite TemplateRewrites[] = {
    {"folly::coro::UnboundedQueue", "BoundedQueue",
     CapacityGoes::InBraceInitializer},
    {"folly::coro::SmallUnboundedQueue", "BoundedQueue",
     CapacityGoes::InBraceInitializer},
    {"coro::queue", "ring_buffer", CapacityGoes::InLastTemplateArgument},
};

const BoundedTwin *findTwin(const NamedDecl *Unbounded) {
  if (!Unbounded)
    return nullptr;
  std::string Name = qualifiedName(*Unbounded);
  for (const BoundedTwin &Twin : BoundedTwins)
    if (Twin.Unbounded == Name)
      return &Twin;
  return nullptr;
}

const TemplateRewrite *findRewrite(const TemplateDecl *Spelled) {
  if (!Spelled)
    return nullptr;
  std::string Name = qualifiedName(*Spelled);
  for (const TemplateRewrite &Rewrite : TemplateRewrites)
    if (Rewrite.SpelledTemplate == Name)
      return &Rewrite;
  return nullptr;
}

/// The class of \p Type, or of its elements: an array of queues is as
/// unbounded as one queue.
const CXXRecordDecl *classOrElementClass(QualType Type,
                                         const ASTContext &Context) {
  if (Type.isNull())
    return nullptr;
  return Context.getBaseElementType(Type)->getAsCXXRecordDecl();
}

AST_MATCHER_P(QualType, isListedClassOrArrayOf, const NameList *, Names) {
  return Names->contains(classOrElementClass(Node, Finder->getASTContext()));
}

AST_MATCHER_P(CXXNewExpr, allocatesListedClass, const NameList *, Names) {
  return Names->contains(
      classOrElementClass(Node.getAllocatedType(), Finder->getASTContext()));
}

AST_MATCHER_P(CXXConstructExpr, constructsListedClass, const NameList *,
              Names) {
  return Names->contains(Node.getConstructor()->getParent());
}

AST_MATCHER_P(CallExpr, callsListedFunction, const NameList *, Names) {
  return Names->contains(Node.getDirectCallee());
}

/// \p E when it calls a listed method, named either by the class declaring
/// the method or by the class it is called on: Asio declares `try_send` in a
/// detail base class of `basic_channel`.
const CXXMemberCallExpr *asListedMethodCall(const Expr &E,
                                            const NameList &Names) {
  const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(E.IgnoreParenImpCasts());
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier())
    return nullptr;
  if (Names.contains(Method))
    return Call;
  const CXXRecordDecl *Object =
      calledOnClass(*Call->getImplicitObjectArgument());
  return Object && Names.containsMember(*Object, Method->getName()) ? Call
                                                                    : nullptr;
}

AST_MATCHER_P(CompoundStmt, discardsListedMethodCall, const NameList *, Names) {
  bool Found = false;
  forEachDiscardedExpression(Node, [&](const Expr &E) {
    Found = Found || asListedMethodCall(E, *Names);
  });
  return Found;
}

/// True when the rewrite of \p Object's declaration touches nothing but it:
/// `Type name;`, one declarator, no initializer, no constructor initializing
/// it elsewhere.
bool isLoneDeclarationWithoutInitializer(const DeclaratorDecl &Object,
                                         TypeLoc WrittenType,
                                         const SourceManager &SM,
                                         const LangOptions &LangOpts) {
  SourceLocation Name = Object.getLocation();
  if (Name.isMacroID())
    return false;
  // The name follows the type directly (not `T a, name;`) and ends it.
  std::optional<Token> AfterType =
      Lexer::findNextToken(WrittenType.getEndLoc(), SM, LangOpts);
  std::optional<Token> AfterName = Lexer::findNextToken(Name, SM, LangOpts);
  if (!AfterType || AfterType->getLocation() != Name || !AfterName ||
      !AfterName->is(tok::semi))
    return false;
  const auto *Field = llvm::dyn_cast<FieldDecl>(&Object);
  if (!Field)
    return true;
  const auto *Record = llvm::dyn_cast<CXXRecordDecl>(Field->getParent());
  if (!Record)
    return true;
  for (const CXXConstructorDecl *Ctor : Record->ctors()) {
    const FunctionDecl *Definition = nullptr;
    if (!Ctor->isDefined(Definition)) {
      if (Ctor->isUserProvided())
        return false; // Its unseen definition may initialize the field.
      continue;
    }
    for (const CXXCtorInitializer *Init :
         llvm::cast<CXXConstructorDecl>(Definition)->inits())
      if (Init->isWritten() && Init->getMember() == Field)
        return false;
  }
  return true;
}

} // namespace

UnboundedChannelCheck::UnboundedChannelCheck(StringRef Name,
                                             ClangTidyContext *Context)
    : CorolintCheck(Name, Context),
      MaxCapacity(integerOption<uint64_t>("MaxCapacity", DefaultMaxCapacity)),
      UnboundedQueueTypes(
          nameListOption("UnboundedQueueTypes", DefaultUnboundedQueueTypes)),
      UnboundedFactories(
          nameListOption("UnboundedFactories", DefaultUnboundedFactories)),
      BoundedChannelTypes(
          nameListOption("BoundedChannelTypes", DefaultBoundedChannelTypes)),
      MakeFunctions(nameListOption("MakeFunctions", DefaultMakeFunctions)),
      TrySendFunctions(
          nameListOption("TrySendFunctions", DefaultTrySendFunctions)),
      QueueContainers(
          nameListOption("QueueContainers", DefaultQueueContainers)),
      QueueWords(stringOption("QueuePushMethods", DefaultQueuePushMethods),
                 stringOption("QueuePopMethods", DefaultQueuePopMethods),
                 stringOption("WakeUpMethods", DefaultWakeUpMethods)) {}

void UnboundedChannelCheck::registerMatchers(MatchFinder *Finder) {
  // The check runs on every translation unit, so there are few matchers, each
  // a node kind plus one predicate that rejects by unqualified name first;
  // none needs the parent map.
  auto UnboundedQueue = isListedClassOrArrayOf(&UnboundedQueueTypes);
  // A member is reported at its declaration, not in every constructor.
  Finder->addMatcher(
      varDecl(isDefinition(), unless(parmVarDecl()), hasType(UnboundedQueue))
          .bind("object"),
      this);
  Finder->addMatcher(
      fieldDecl(unless(isImplicit()), hasType(UnboundedQueue)).bind("object"),
      this);
  Finder->addMatcher(
      fieldDecl(unless(isImplicit()),
                hasType(isListedClassOrArrayOf(&QueueContainers)))
          .bind("queue"),
      this);
  Finder->addMatcher(
      cxxNewExpr(allocatesListedClass(&UnboundedQueueTypes)).bind("new"), this);
  Finder->addMatcher(callExpr(anyOf(callsListedFunction(&MakeFunctions),
                                    callsListedFunction(&UnboundedFactories)))
                         .bind("call"),
                     this);
  Finder->addMatcher(
      cxxConstructExpr(constructsListedClass(&BoundedChannelTypes))
          .bind("channel"),
      this);
  Finder->addMatcher(
      compoundStmt(discardsListedMethodCall(&TrySendFunctions)).bind("block"),
      this);
}

void UnboundedChannelCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Context = *Result.Context;
  const BoundNodes &Nodes = Result.Nodes;
  if (const auto *Queue = Nodes.getNodeAs<FieldDecl>("queue"))
    reportHomeMadeQueue(*Queue, Context);
  else if (const auto *Object = Nodes.getNodeAs<DeclaratorDecl>("object"))
    reportUnboundedObject(*Object, Context);
  else if (const auto *New = Nodes.getNodeAs<CXXNewExpr>("new"))
    reportUnboundedAllocation(*New, New->getAllocatedType(), Context);
  else if (const auto *Call = Nodes.getNodeAs<CallExpr>("call"))
    checkCall(*Call, Context);
  else if (const auto *Construct = Nodes.getNodeAs<CXXConstructExpr>("channel"))
    checkChannelCapacity(Construct->getLocation(), Construct->getType(),
                         capacityArgument(*Construct), Context);
  else if (const auto *Block = Nodes.getNodeAs<CompoundStmt>("block"))
    reportIgnoredSends(*Block, Context);
}

static constexpr llvm::StringLiteral GrowsWithoutLimit =
    "a producer faster than its consumer grows memory without limit";

void UnboundedChannelCheck::reportUnboundedObject(const DeclaratorDecl &Object,
                                                  ASTContext &Context) {
  QualType Type = Object.getType();
  if (Object.isInvalidDecl() || Type->containsErrors() ||
      !Reported.first(Object.getLocation()))
    return;
  diag(Object.getLocation(), "unbounded queue %0 has no backpressure: %1 %2")
      << Type << GrowsWithoutLimit << citation();
  if (!suggestBoundedTemplate(Object, Context))
    nameBoundedTwin(Object.getLocation(), classOrElementClass(Type, Context));
}

void UnboundedChannelCheck::reportHomeMadeQueue(const FieldDecl &Queue,
                                                ASTContext &Context) {
  for (const UnboundedPush &Found :
       findUnboundedPushes(Queue, QueueWords, Context)) {
    if (!Reported.first(Found.Push->getExprLoc()))
      continue;
    diag(Found.Push->getExprLoc(),
         "messages pushed here are never bounded: a slow consumer or a flood "
         "grows %0 without limit %1")
        << &Queue << citation();
    diag(Found.WakeUp->getExprLoc(), "the consumer is woken here",
         DiagnosticIDs::Note);
    diag(Found.ConsumerAwait->getBeginLoc(),
         "and drains the queue one await at a time; compare its size() with "
         "a limit before pushing, and drop, reject or wait when it is full",
         DiagnosticIDs::Note);
  }
}

void UnboundedChannelCheck::reportUnboundedAllocation(const Expr &Allocation,
                                                      QualType Queue,
                                                      ASTContext &Context) {
  if (Allocation.containsErrors() || !Reported.first(Allocation.getBeginLoc()))
    return;
  diag(Allocation.getBeginLoc(),
       "unbounded queue %0 has no backpressure: %1 %2")
      << Queue << GrowsWithoutLimit << citation();
  nameBoundedTwin(Allocation.getBeginLoc(),
                  classOrElementClass(Queue, Context));
}

void UnboundedChannelCheck::reportUnboundedFactory(const CallExpr &Call) {
  const FunctionDecl *Factory = Call.getDirectCallee();
  if (Call.containsErrors() || !Reported.first(Call.getBeginLoc()))
    return;
  diag(Call.getBeginLoc(),
       "%q0 creates an unbounded queue with no backpressure: %1 %2")
      << Factory << GrowsWithoutLimit << citation();
  nameBoundedTwin(Call.getBeginLoc(), Factory);
}

void UnboundedChannelCheck::checkCall(const CallExpr &Call,
                                      ASTContext &Context) {
  if (MakeFunctions.contains(Call.getDirectCallee()))
    checkMakeFunction(Call, Context);
  else
    reportUnboundedFactory(Call);
}

void UnboundedChannelCheck::checkMakeFunction(const CallExpr &Call,
                                              ASTContext &Context) {
  const TemplateArgumentList *Arguments =
      Call.getDirectCallee()->getTemplateSpecializationArgs();
  if (!Arguments || Arguments->size() == 0 ||
      Arguments->get(0).getKind() != TemplateArgument::Type)
    return;
  QualType Made = Arguments->get(0).getAsType();
  const CXXRecordDecl *Record = classOrElementClass(Made, Context);
  if (UnboundedQueueTypes.contains(Record))
    reportUnboundedAllocation(Call, Made, Context);
  else if (BoundedChannelTypes.contains(Record))
    checkChannelCapacity(Call.getBeginLoc(), Made,
                         forwardedCapacityArgument(Call), Context);
}

void UnboundedChannelCheck::checkChannelCapacity(SourceLocation Loc,
                                                 QualType Channel,
                                                 const Expr *Capacity,
                                                 ASTContext &Context) {
  if (!Capacity)
    return;
  std::optional<llvm::APSInt> Value = constantCapacity(*Capacity, Context);
  bool Unbounded = Value && (Value->getActiveBits() > 64 ||
                             Value->getZExtValue() > MaxCapacity);
  if (!Unbounded || !Reported.first(Loc))
    return;
  diag(Loc, "channel %0 has capacity %1, more than %2 and effectively "
            "unbounded: %3 %4")
      << Channel << llvm::toString(*Value, 10) << MaxCapacity
      << GrowsWithoutLimit << citation();

  // Replacing the argument is mechanical when it is written at this call,
  // not a default argument and not the parameter of a template.
  const SourceManager &SM = Context.getSourceManager();
  const Expr *Written = Capacity->IgnoreImplicit();
  bool Rewritable = !llvm::isa<CXXDefaultArgExpr>(Written) &&
                    !llvm::isa<SubstNonTypeTemplateParmExpr>(Written);
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Written->getSourceRange()), SM,
      Context.getLangOpts());
  auto Note = diag(Rewritable ? Written->getBeginLoc() : Loc,
                   "choose a capacity sized for the expected load, so that "
                   "sends wait while the channel is full",
                   DiagnosticIDs::Note);
  if (Rewritable && Range.isValid())
    Note << FixItHint::CreateReplacement(Range, capacityPlaceholder());
}

void UnboundedChannelCheck::reportIgnoredSends(const CompoundStmt &Block,
                                               ASTContext &Context) {
  forEachDiscardedExpression(Block, [&](const Expr &E) {
    const CXXMemberCallExpr *Call = asListedMethodCall(E, TrySendFunctions);
    if (!Call || Call->containsErrors() ||
        isFirstSendOnFreshChannel(*Call, BoundedChannelTypes, Context) ||
        !Reported.first(Call->getExprLoc()))
      return;
    diag(Call->getExprLoc(), "result of %0 is ignored: the message is silently "
                             "dropped when the channel or queue is full %1")
        << Call->getMethodDecl()->getDeclName() << citation();
    auto Note = diag(Call->getBeginLoc(),
                     "handle a failed send (reject, retry later, count it), "
                     "or cast the result to 'void' if dropping is intended",
                     DiagnosticIDs::Note);
    if (Call->getBeginLoc().isFileID())
      Note << FixItHint::CreateInsertion(Call->getBeginLoc(), "(void)");
  });
}

bool UnboundedChannelCheck::suggestBoundedTemplate(const DeclaratorDecl &Object,
                                                   ASTContext &Context) {
  const TypeSourceInfo *Written = Object.getTypeSourceInfo();
  if (!Written)
    return false;
  auto Spelled = Written->getTypeLoc()
                     .getUnqualifiedLoc()
                     .getAs<TemplateSpecializationTypeLoc>();
  if (!Spelled)
    return false;
  const TemplateRewrite *Rewrite =
      findRewrite(Spelled.getTypePtr()->getTemplateName().getAsTemplateDecl());
  const BoundedTwin *Twin =
      findTwin(classOrElementClass(Object.getType(), Context));
  const SourceManager &SM = Context.getSourceManager();
  SourceLocation NameLoc = Spelled.getTemplateNameLoc();
  if (!Rewrite || !Twin || NameLoc.isMacroID() ||
      !isLoneDeclarationWithoutInitializer(Object, Written->getTypeLoc(), SM,
                                           Context.getLangOpts()))
    return false;

  FixItHint Capacity;
  if (Rewrite->Capacity == CapacityGoes::InBraceInitializer) {
    SourceLocation AfterName = Lexer::getLocForEndOfToken(
        Object.getLocation(), 0, SM, Context.getLangOpts());
    Capacity = FixItHint::CreateInsertion(AfterName,
                                          "{" + capacityPlaceholder() + "}");
  } else {
    SourceLocation RAngle = Spelled.getRAngleLoc();
    if (Spelled.getNumArgs() != 1 || RAngle.isMacroID())
      return false;
    Capacity = FixItHint::CreateInsertion(RAngle, ", " + capacityPlaceholder());
  }
  diag(NameLoc, Twin->Advice, DiagnosticIDs::Note)
      << FixItHint::CreateReplacement(CharSourceRange::getTokenRange(NameLoc),
                                      Rewrite->BoundedName)
      << Capacity;
  return true;
}

void UnboundedChannelCheck::nameBoundedTwin(SourceLocation Loc,
                                            const NamedDecl *Unbounded) {
  if (const BoundedTwin *Twin = findTwin(Unbounded))
    diag(Loc, Twin->Advice, DiagnosticIDs::Note);
}

std::string UnboundedChannelCheck::capacityPlaceholder() const {
  return "/*capacity=*/" +
         std::to_string(std::min(SuggestedCapacity, MaxCapacity));
}

} // namespace clang::tidy::corolint
