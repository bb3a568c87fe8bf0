//===--- UncheckedSpawnFacts.cpp - coro-unchecked-spawn's program facts ---===//

#include "UncheckedSpawnFacts.h"
#include "ASTHelpers.h"
#include "CoroutineModel.h"
#include "ProgramFacts.h"

using namespace clang::ast_matchers;

namespace clang::tidy::corolint {

void UncheckedSpawnFacts::registerMatchers(MatchFinder *Finder) {
  if (!collectingProgramFacts())
    return;
  Finder->addMatcher(
      functionDecl(isDefinition(), isExpansionInMainFile()).bind("function"),
      this);
}

void UncheckedSpawnFacts::run(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  // Only a coroutine that another unit can name can be spawned unseen.
  if (!Function || Function->isDependentContext() ||
      Function->isInvalidDecl() || !Function->isExternallyVisible() ||
      !coroutineBody(*Function))
    return;
  if (!Analysis || &Analysis->context() != Result.Context)
    Analysis = std::make_unique<ThrowEscapeAnalysis>(Model, *Result.Context);
  if (FunctionFacts *Facts =
          factsOf(programFacts(), *Function, describeFunction(*Function))) {
    Facts->Coroutine = true;
    std::optional<EscapingThrow> Escape = Analysis->firstEscaping(*Function);
    Facts->FailureMayEscape = Escape.has_value();
    if (Escape && Escape->Origin) {
      Facts->EscapeWhat = Escape->describe();
      Facts->EscapeSite = factSite(Escape->Origin->getExprLoc(),
                                   Result.Context->getSourceManager());
    }
  }
}

void UncheckedSpawnFacts::noteUnseenSpawn(SourceLocation Loc,
                                          const FunctionDecl &Spawned) {
  if (!collectingProgramFacts())
    return;
  if (std::optional<std::string> USR = usrOf(Spawned))
    programFacts().UnseenSpawns.push_back(
        {*USR, factSite(Loc, Spawned.getASTContext().getSourceManager())});
}

} // namespace clang::tidy::corolint
