//===--- BlockingCallFacts.cpp - coro-blocking-call's program facts -------===//

#include "BlockingCallFacts.h"
#include "ASTHelpers.h"
#include "Annotations.h"
#include "CoroutineModel.h"
#include "NameList.h"
#include "ProgramFacts.h"
#include "RuntimeAdvice.h"

using namespace clang::ast_matchers;

namespace clang::tidy::corolint {

void BlockingCallFacts::registerMatchers(MatchFinder *Finder,
                                         unsigned MaxCallDepth,
                                         llvm::StringRef Citation,
                                         bool ForIndex) {
  Enabled = (collectingProgramFacts() || ForIndex) && MaxCallDepth != 0;
  if (!Enabled)
    return;
  sink().MaxCallDepth = MaxCallDepth;
  sink().BlockingCitation = Citation.str();
  // Functions defined in headers are seen by every unit that includes them;
  // those of the main file are what other units call without seeing.
  Finder->addMatcher(
      functionDecl(isDefinition(), isExpansionInMainFile()).bind("function"),
      this);
}

void BlockingCallFacts::run(const MatchFinder::MatchResult &Result) {
  if (const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function"))
    summarize(*Function, *Result.Context);
}

/// Whether \p Function returns an object of a type annotated
/// corolint::must_not_suspend.
static bool returnsMustNotSuspend(const FunctionDecl &Function) {
  const CXXRecordDecl *Returned =
      Function.getReturnType()->getAsCXXRecordDecl();
  return Returned &&
         findCorolintAnnotation(*Returned, {annotation::MustNotSuspend});
}

void BlockingCallFacts::summarize(const FunctionDecl &Function,
                                  const ASTContext &Context) {
  if (Function.isDependentContext() || Function.isInvalidDecl() ||
      !Summarized.insert(&Function).second)
    return;
  const SourceManager &SM = Context.getSourceManager();
  auto Annotation = findCorolintAnnotation(
      Function, {annotation::Blocking, annotation::NonBlocking});
  bool Coroutine = coroutineBody(Function) != nullptr;
  const CallPathSummary::HelperFacts *Own = nullptr;
  // What reads its own facts (a check in the editor) must find every
  // function whose body it has: an entry with nothing in it hides the
  // index's, which may be older than the body.
  bool EveryFunction = !collectingProgramFacts();
  // A caller in another unit holds what it returns across its awaits.
  bool MustNotSuspend = returnsMustNotSuspend(Function);
  if (!Coroutine && !Annotation) {
    Own = &Helpers.factsOf(Function, Context);
    if (!Own->Target && Own->Calls.empty() && Own->UnseenCalls.empty() &&
        !MustNotSuspend && !EveryFunction)
      return; // Nothing another unit would learn.
  } else if (!Coroutine && Annotation->Name != annotation::Blocking &&
             !MustNotSuspend && !EveryFunction) {
    return; // Declared not to block: the callers' lists already say so.
  }
  FunctionFacts *Facts = factsOf(sink(), Function, describeFunction(Function));
  if (!Facts)
    return;
  Facts->Coroutine = Coroutine;
  if (const CXXRecordDecl *Task =
          Function.getReturnType()->getAsCXXRecordDecl();
      Coroutine && Task)
    Facts->ReturnType = qualifiedName(*Task);
  if (MustNotSuspend)
    Facts->Annotations.push_back(annotation::MustNotSuspend.str());
  if (Annotation) {
    Facts->Annotations.push_back(Annotation->Name.str());
    if (Annotation->Name == annotation::Blocking) {
      Facts->BlocksWith = Facts->Name;
      Facts->BlockingSite = factSite(Function.getLocation(), SM);
    }
  }
  if (!Own)
    return;
  if (Own->Target) {
    if (std::optional<BlockingCall> Blocking =
            Classifier.classify(*Own->Target, Context)) {
      Facts->BlocksWith = Blocking->What;
      Facts->BlockingSite = factSite(Own->Target->getBeginLoc(), SM);
    }
    return; // Its own blocking call is the shortest path.
  }
  // The helpers whose bodies are here are summarized too: a path into
  // another unit may pass through them.
  for (const auto *Calls : {&Own->Calls, &Own->UnseenCalls})
    for (const CallPathSummary::Hop &Call : *Calls)
      if (std::optional<std::string> USR = usrOf(*Call.Callee))
        Facts->Calls.push_back({*USR, factSite(Call.Site->getBeginLoc(), SM)});
  for (const CallPathSummary::Hop &Call : Own->Calls)
    summarize(*Call.Callee, Context);
}

void BlockingCallFacts::noteUnreportedCall(const Stmt &Call,
                                           const FunctionDecl &Coroutine,
                                           const FunctionDecl *Helper,
                                           bool Generator, const Runtime &RT,
                                           const ASTContext &Context) {
  if (!Enabled)
    return;
  const SourceManager &SM = Context.getSourceManager();
  const FunctionDecl *Callee =
      Helper ? Helper : Helpers.unseenCallee(Call, Coroutine, SM);
  if (!Callee)
    return;
  std::optional<std::string> USR = usrOf(*Callee);
  if (!USR)
    return;
  if (Helper)
    summarize(*Helper, Context);
  sink().CoroutineCalls.push_back({*USR, factSite(Call.getBeginLoc(), SM),
                                   Generator, offloadAdvice(RT),
                                   /*Function=*/""});
}

} // namespace clang::tidy::corolint
