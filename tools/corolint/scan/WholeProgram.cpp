//===--- WholeProgram.cpp - findings that depend on other TUs' facts ------===//

#include "WholeProgram.h"

namespace corolint::scanner {
namespace {

namespace facts = clang::tidy::corolint;

constexpr llvm::StringLiteral BlockingCheck = "coro-blocking-call";
constexpr llvm::StringLiteral SpawnCheck = "coro-unchecked-spawn";

Message messageAt(const facts::FactMessage &Fact) {
  Message M;
  M.Text = Fact.Text;
  M.Loc.File = Fact.Site.File;
  M.Loc.Offset = Fact.Site.Offset;
  M.Loc.Pos = {Fact.Site.Line, Fact.Site.Column, Fact.Site.Utf16Column};
  M.LineText = Fact.Site.LineText;
  return M;
}

/// Whether \p F is a finding of \p Check at \p Site.
bool isFindingAt(const Finding &F, llvm::StringRef Check,
                 const facts::FactSite &Site) {
  return F.Check == Check && F.Main.Loc.File == Site.File &&
         F.Main.Loc.Offset == Site.Offset;
}

bool hasFindingAt(const std::vector<Finding> &Findings, llvm::StringRef Check,
                  const facts::FactSite &Site) {
  return llvm::any_of(
      Findings, [&](const Finding &F) { return isFindingAt(F, Check, Site); });
}

/// The finding coro-blocking-call makes in a TU that sees the whole path.
Finding blockingFinding(const TUResult &Result,
                        const facts::CoroutineCallFact &Call,
                        const facts::FactFinding &Fact) {
  Finding F;
  F.Check = BlockingCheck.str();
  F.Level = Result.Facts.BlockingLevel;
  F.GuideURL = Result.Facts.BlockingGuideURL;
  F.Function = Call.Function;
  F.Main = messageAt(Fact.Main);
  F.Snippet = collapseWhitespace(F.Main.LineText);
  for (const facts::FactMessage &Note : Fact.Notes)
    F.Notes.push_back(messageAt(Note));
  return F;
}

/// Adds the findings of \p Result's coroutine calls whose helper blocks
/// through a body that only another TU has.
void addBlockingFindings(TUResult &Result, const facts::ProgramIndex &Index) {
  const facts::TranslationUnitFacts &Facts = Result.Facts;
  auto Lookup = [&](llvm::StringRef USR) { return Index.lookup(USR); };
  std::vector<Finding> Added;
  for (const facts::CoroutineCallFact &Call : Facts.CoroutineCalls) {
    // One finding per call site, as within a TU (a template's call sites
    // come once per instantiation).
    if (hasFindingAt(Result.Findings, BlockingCheck, Call.Site) ||
        hasFindingAt(Added, BlockingCheck, Call.Site))
      continue;
    if (std::optional<facts::FactFinding> Fact =
            facts::crossUnitBlocking(Facts, Call, Lookup))
      Added.push_back(blockingFinding(Result, Call, *Fact));
  }
  llvm::append_range(Result.Findings, std::move(Added));
}

/// Revisits \p Result's detached-spawn findings made only because the
/// spawned coroutine's body was unseen: withdrawn when the coroutine's own
/// TU proves that no ordinary failure escapes it, given a note at the
/// operation that escapes when one does.
void reviseSpawnFindings(TUResult &Result, const facts::ProgramIndex &Index) {
  for (const facts::UnseenSpawnFact &Spawn : Result.Facts.UnseenSpawns) {
    facts::SpawnRevision Revision =
        facts::reviseUnseenSpawn(Index.lookup(Spawn.Spawned));
    auto IsSpawn = [&](const Finding &F) {
      return isFindingAt(F, SpawnCheck, Spawn.Site);
    };
    if (Revision.Withdraw)
      llvm::erase_if(Result.Findings, IsSpawn);
    else if (Revision.EscapeNote)
      for (Finding &F : Result.Findings)
        if (IsSpawn(F))
          F.Notes.push_back(messageAt(*Revision.EscapeNote));
  }
}

} // namespace

facts::ProgramIndex applyWholeProgramIndex(std::vector<TUResult> &Results) {
  std::vector<const TUResult *> ByFile;
  ByFile.reserve(Results.size());
  for (const TUResult &Result : Results)
    ByFile.push_back(&Result);
  llvm::sort(ByFile, [](const TUResult *A, const TUResult *B) {
    return A->File < B->File;
  });
  // A function defined in a header is summarized by each TU that reaches
  // it; the first TU by file name wins, so the index does not depend on the
  // order the TUs finished in.
  facts::ProgramIndex Index;
  for (const TUResult *Result : ByFile)
    Index.addUnit(Result->Facts);
  for (TUResult &Result : Results) {
    addBlockingFindings(Result, Index);
    reviseSpawnFindings(Result, Index);
  }
  return Index;
}

} // namespace corolint::scanner
