//===--- BlockingCallFacts.cpp - coro-blocking-call's program facts -------===//

#include "BlockingCallFacts.h"
#include "ASTHelpers.h"
#include "Annotations.h"
#include "CoroutineModel.h"
#include "NameList.h"
#include "ProgramFacts.h"
#include "RuntimeAdvice.h"
#include "llvm/ADT/SmallPtrSet.h"

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

/// Whether only a library defines \p Callee, whose body this unit does not
/// have: it is declared in system headers only, or in namespace std. No unit
/// of the project has its body, so no other unit's facts tell more of it.
static bool onlyLibrariesDefine(const FunctionDecl &Callee,
                                const SourceManager &SM) {
  for (const DeclContext *DC =
           Callee.getDeclContext()->getEnclosingNamespaceContext();
       DC; DC = DC->getParent())
    if (DC->isStdNamespace())
      return true;
  return llvm::all_of(Callee.redecls(), [&](const FunctionDecl *D) {
    return SM.isInSystemHeader(D->getLocation());
  });
}

/// The calls of \p Own to functions without a body here that another unit
/// of the project may define.
static llvm::SmallVector<CallPathSummary::Hop, 4>
projectUnseenCalls(const CallPathSummary::HelperFacts &Own,
                   const SourceManager &SM) {
  llvm::SmallVector<CallPathSummary::Hop, 4> Calls;
  for (const CallPathSummary::Hop &Call : Own.UnseenCalls)
    if (!onlyLibrariesDefine(*Call.Callee, SM))
      Calls.push_back(Call);
  return Calls;
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
  llvm::SmallVector<CallPathSummary::Hop, 4> Unseen;
  // What reads its own facts (a check in the editor) must find every
  // function whose body it has: an entry with nothing in it hides the
  // index's, which may be older than the body.
  bool EveryFunction = !collectingProgramFacts();
  // A caller in another unit holds what it returns across its awaits.
  bool MustNotSuspend = returnsMustNotSuspend(Function);
  if (!Coroutine && !Annotation) {
    Own = &Helpers.factsOf(Function, Context);
    Unseen = projectUnseenCalls(*Own, SM);
    if (!Own->Target && Own->Calls.empty() && Unseen.empty() &&
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
  for (const CallPathSummary::Hop &Call :
       llvm::concat<const CallPathSummary::Hop>(Own->Calls, Unseen))
    if (std::optional<std::string> USR = usrOf(*Call.Callee))
      Facts->Calls.push_back({*USR, factSite(Call.Site->getBeginLoc(), SM)});
  for (const CallPathSummary::Hop &Call : Own->Calls)
    summarize(*Call.Callee, Context);
}

bool BlockingCallFacts::mayLeaveUnit(const FunctionDecl &Helper,
                                     const ASTContext &Context) {
  // Breadth first, as the whole-program search goes: a function's calls
  // count only while the path is shorter than MaxCallDepth helpers.
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen{&Helper};
  llvm::SmallVector<const FunctionDecl *, 8> Level{&Helper};
  for (unsigned Depth = 1; Depth < sink().MaxCallDepth && !Level.empty();
       ++Depth) {
    llvm::SmallVector<const FunctionDecl *, 8> Next;
    for (const FunctionDecl *Function : Level) {
      const CallPathSummary::HelperFacts &Own =
          Helpers.factsOf(*Function, Context);
      if (!projectUnseenCalls(Own, Context.getSourceManager()).empty())
        return true;
      for (const CallPathSummary::Hop &Call : Own.Calls)
        if (Seen.insert(Call.Callee).second)
          Next.push_back(Call.Callee);
    }
    Level = std::move(Next);
  }
  return false;
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
  if (!Callee || (Helper ? !mayLeaveUnit(*Helper, Context)
                         : onlyLibrariesDefine(*Callee, SM)))
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
