//===--- WholeProgram.cpp - findings that depend on other TUs' facts ------===//

#include "WholeProgram.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/ErrorHandling.h"
#include <deque>

namespace corolint::scanner {
namespace {

namespace facts = clang::tidy::corolint;

constexpr llvm::StringLiteral BlockingCheck = "coro-blocking-call";
constexpr llvm::StringLiteral SpawnCheck = "coro-unchecked-spawn";

/// Every TU's function facts by USR. A function defined in a header is
/// summarized by each TU that reaches it; the first TU by file name wins, so
/// the index does not depend on the order the TUs finished in.
class ProgramIndex {
public:
  explicit ProgramIndex(const std::vector<const TUResult *> &ByFile) {
    for (const TUResult *Result : ByFile)
      for (const auto &[USR, Function] : Result->Facts.Functions)
        Functions.try_emplace(USR, &Function);
  }

  const facts::FunctionFacts *lookup(llvm::StringRef USR) const {
    return Functions.lookup(USR);
  }

private:
  llvm::StringMap<const facts::FunctionFacts *> Functions;
};

/// One step of a blocking path: the function and the call it makes (null
/// for the last one, which blocks itself).
struct PathStep {
  const facts::FunctionFacts *Function;
  const facts::CallFact *Call;
};

/// The shortest path of at most \p MaxHelpers functions from \p Start to a
/// blocking call, breadth first over every TU's facts; cycles end because
/// each function is visited once. Coroutines are not followed: calling one
/// only creates its task.
std::vector<PathStep> blockingPath(const ProgramIndex &Index,
                                   const std::string &Start,
                                   unsigned MaxHelpers) {
  struct Visit {
    const facts::FunctionFacts *Function;
    unsigned Depth;
    size_t Parent; // Index in Visits; -1 for the start.
    const facts::CallFact *Via;
  };
  std::vector<Visit> Visits;
  llvm::StringSet<> Seen{Start};
  std::deque<size_t> Queue;
  if (const facts::FunctionFacts *First = Index.lookup(Start)) {
    Visits.push_back({First, 1, size_t(-1), nullptr});
    Queue.push_back(0);
  }
  while (!Queue.empty()) {
    size_t Current = Queue.front();
    Queue.pop_front();
    const Visit V = Visits[Current];
    if (V.Function->Coroutine)
      continue;
    if (V.Function->BlocksWith) {
      std::vector<PathStep> Path{{V.Function, nullptr}};
      for (size_t I = Current; Visits[I].Parent != size_t(-1);
           I = Visits[I].Parent)
        Path.insert(Path.begin(),
                    {Visits[Visits[I].Parent].Function, Visits[I].Via});
      return Path;
    }
    if (V.Depth >= MaxHelpers)
      continue;
    for (const facts::CallFact &Call : V.Function->Calls) {
      const facts::FunctionFacts *Callee = Index.lookup(Call.Callee);
      if (!Callee || !Seen.insert(Call.Callee).second)
        continue;
      Visits.push_back({Callee, V.Depth + 1, Current, &Call});
      Queue.push_back(Visits.size() - 1);
    }
  }
  return {};
}

Message messageAt(std::string Text, const facts::FactSite &Site) {
  Message M;
  M.Text = std::move(Text);
  M.Loc.File = Site.File;
  M.Loc.Offset = Site.Offset;
  M.Loc.Pos = {Site.Line, Site.Column, Site.Utf16Column};
  M.LineText = Site.LineText;
  return M;
}

bool hasFindingAt(const std::vector<Finding> &Findings, llvm::StringRef Check,
                  const facts::FactSite &Site) {
  return llvm::any_of(Findings, [&](const Finding &F) {
    return F.Check == Check && F.Main.Loc.File == Site.File &&
           F.Main.Loc.Offset == Site.Offset;
  });
}

/// The finding coro-blocking-call makes in a TU that sees the whole path,
/// worded like it.
Finding blockingFinding(const TUResult &Result,
                        const facts::CoroutineCallFact &Call,
                        const std::vector<PathStep> &Path) {
  const facts::TranslationUnitFacts &Facts = Result.Facts;
  const std::string &Helper = Path.front().Function->Name;
  const std::optional<std::string> &BlocksWith =
      Path.back().Function->BlocksWith;
  if (!BlocksWith)
    llvm_unreachable("a blocking path ends at a function that blocks");
  const std::string &What = *BlocksWith;
  Finding F;
  F.Check = BlockingCheck.str();
  F.Level = Facts.BlockingLevel;
  F.GuideURL = Facts.BlockingGuideURL;
  F.Function = Call.Function;
  F.Main = messageAt(
      Call.Generator
          ? Helper +
                " may block the thread that iterates this synchronous "
                "generator: " +
                What +
                " blocks within it; its consumer waits until it returns " +
                Facts.BlockingCitation
          : Helper + " may block the thread that runs this coroutine: " + What +
                " blocks within it; every coroutine on its executor stalls "
                "until it returns " +
                Facts.BlockingCitation,
      Call.Site);
  F.Snippet = collapseWhitespace(F.Main.LineText);
  // One note per hop, into whichever file holds it, then the blocking call.
  for (size_t I = 0; I + 1 < Path.size(); ++I)
    F.Notes.push_back(messageAt(Path[I].Function->Name + " calls " +
                                    Path[I + 1].Function->Name + " here",
                                Path[I].Call->Site));
  F.Notes.push_back(
      messageAt(What + " blocks here", Path.back().Function->BlockingSite));
  F.Notes.push_back(messageAt(
      Call.Generator
          ? "a synchronous generator cannot await: do the blocking work "
            "before iterating it, or make it an asynchronous generator"
          : "make " + Helper +
                " asynchronous and await it; if it must "
                "block, " +
                Call.OffloadAdvice,
      Call.Site));
  return F;
}

/// Adds the findings of \p Result's coroutine calls whose helper blocks
/// through a body that only another TU has.
void addBlockingFindings(TUResult &Result, const ProgramIndex &Index) {
  const facts::TranslationUnitFacts &Facts = Result.Facts;
  std::vector<Finding> Added;
  for (const facts::CoroutineCallFact &Call : Facts.CoroutineCalls) {
    // One finding per call site, as within a TU (a template's call sites
    // come once per instantiation).
    if (hasFindingAt(Result.Findings, BlockingCheck, Call.Site) ||
        hasFindingAt(Added, BlockingCheck, Call.Site))
      continue;
    std::vector<PathStep> Path =
        blockingPath(Index, Call.Callee, Facts.MaxCallDepth);
    // A path through bodies this TU has was the TU's own to report.
    bool Elsewhere = llvm::any_of(Path, [&](const PathStep &Step) {
      return !Facts.Functions.count(Step.Function->USR);
    });
    if (!Path.empty() && Elsewhere)
      Added.push_back(blockingFinding(Result, Call, Path));
  }
  llvm::append_range(Result.Findings, std::move(Added));
}

/// Revisits \p Result's detached-spawn findings made only because the
/// spawned coroutine's body was unseen: withdrawn when the coroutine's own
/// TU proves that no ordinary failure escapes it, given a note at the
/// operation that escapes when one does.
void reviseSpawnFindings(TUResult &Result, const ProgramIndex &Index) {
  for (const facts::UnseenSpawnFact &Spawn : Result.Facts.UnseenSpawns) {
    const facts::FunctionFacts *Spawned = Index.lookup(Spawn.Spawned);
    if (!Spawned || !Spawned->FailureMayEscape)
      continue;
    auto IsSpawn = [&](const Finding &F) {
      return F.Check == SpawnCheck && F.Main.Loc.File == Spawn.Site.File &&
             F.Main.Loc.Offset == Spawn.Site.Offset;
    };
    if (!*Spawned->FailureMayEscape) {
      llvm::erase_if(Result.Findings, IsSpawn);
      continue;
    }
    if (Spawned->EscapeWhat.empty())
      continue;
    for (Finding &F : Result.Findings)
      if (IsSpawn(F))
        F.Notes.push_back(messageAt(Spawned->EscapeWhat + ", in " +
                                        Spawned->Name +
                                        " (another translation unit)",
                                    Spawned->EscapeSite));
  }
}

} // namespace

void applyWholeProgramIndex(std::vector<TUResult> &Results) {
  std::vector<const TUResult *> ByFile;
  ByFile.reserve(Results.size());
  for (const TUResult &Result : Results)
    ByFile.push_back(&Result);
  llvm::sort(ByFile, [](const TUResult *A, const TUResult *B) {
    return A->File < B->File;
  });
  ProgramIndex Index(ByFile);
  for (TUResult &Result : Results) {
    addBlockingFindings(Result, Index);
    reviseSpawnFindings(Result, Index);
  }
}

} // namespace corolint::scanner
