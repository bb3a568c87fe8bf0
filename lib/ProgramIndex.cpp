//===--- ProgramIndex.cpp - every unit's facts, and what follows from them ===//

#include "ProgramIndex.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <deque>
#include <mutex>

namespace clang::tidy::corolint {

// Raised when what the index holds changes meaning.
constexpr int IndexVersion = 1;

void ProgramIndex::addUnit(const TranslationUnitFacts &Unit) {
  for (const auto &[USR, Function] : Unit.Functions)
    Functions.try_emplace(USR, Function);
}

const FunctionFacts *ProgramIndex::lookup(llvm::StringRef USR) const {
  auto It = Functions.find(USR);
  return It == Functions.end() ? nullptr : &It->second;
}

llvm::json::Value ProgramIndex::toJSON() const {
  llvm::json::Array List;
  for (const auto &Entry : Functions)
    List.push_back(corolint::toJSON(Entry.second));
  return llvm::json::Object{{"tool", "corolint"},
                            {"version", IndexVersion},
                            {"functions", std::move(List)}};
}

llvm::Expected<ProgramIndex> ProgramIndex::parse(llvm::StringRef Text) {
  llvm::Expected<llvm::json::Value> Value = llvm::json::parse(Text);
  if (!Value)
    return Value.takeError();
  llvm::json::Path::Root Root("index");
  llvm::json::ObjectMapper O(*Value, Root);
  std::string Tool;
  int Version = 0;
  std::vector<FunctionFacts> List;
  if (!O || !O.map("tool", Tool) || Tool != "corolint" ||
      !O.map("version", Version))
    return llvm::createStringError("not a corolint program index");
  if (Version != IndexVersion)
    return llvm::createStringError(
        "program index version " + std::to_string(Version) + ", expected " +
        std::to_string(IndexVersion) + ": scan again to rewrite it");
  if (!O.map("functions", List))
    return Root.getError();
  ProgramIndex Index;
  for (FunctionFacts &F : List) {
    std::string USR = F.USR;
    Index.Functions.try_emplace(std::move(USR), std::move(F));
  }
  return Index;
}

std::vector<BlockingPathStep>
blockingPath(FactsLookup Lookup, llvm::StringRef Start, unsigned MaxHelpers) {
  struct Visit {
    const FunctionFacts *Function;
    unsigned Depth;
    size_t Parent; // Index in Visits; -1 for the start.
    const CallFact *Via;
  };
  std::vector<Visit> Visits;
  llvm::StringSet<> Seen{Start};
  std::deque<size_t> Queue;
  if (const FunctionFacts *First = Lookup(Start)) {
    Visits.push_back({First, 1, size_t(-1), nullptr});
    Queue.push_back(0);
  }
  // Breadth first, so the path is a shortest one; each function is visited
  // once, so cycles end. Coroutines are not followed: calling one only
  // creates its task.
  while (!Queue.empty()) {
    size_t Current = Queue.front();
    Queue.pop_front();
    const Visit V = Visits[Current];
    if (V.Function->Coroutine)
      continue;
    if (V.Function->BlocksWith) {
      std::vector<BlockingPathStep> Path{{V.Function, nullptr}};
      for (size_t I = Current; Visits[I].Parent != size_t(-1);
           I = Visits[I].Parent)
        Path.insert(Path.begin(),
                    {Visits[Visits[I].Parent].Function, Visits[I].Via});
      return Path;
    }
    if (V.Depth >= MaxHelpers)
      continue;
    for (const CallFact &Call : V.Function->Calls) {
      const FunctionFacts *Callee = Lookup(Call.Callee);
      if (!Callee || !Seen.insert(Call.Callee).second)
        continue;
      Visits.push_back({Callee, V.Depth + 1, Current, &Call});
      Queue.push_back(Visits.size() - 1);
    }
  }
  return {};
}

std::optional<FactFinding> crossUnitBlocking(const TranslationUnitFacts &Unit,
                                             const CoroutineCallFact &Call,
                                             FactsLookup Lookup) {
  std::vector<BlockingPathStep> Path =
      blockingPath(Lookup, Call.Callee, Unit.MaxCallDepth);
  // A path through bodies this unit has was the unit's own to report.
  bool Elsewhere = llvm::any_of(Path, [&](const BlockingPathStep &Step) {
    return !Unit.Functions.count(Step.Function->USR);
  });
  if (Path.empty() || !Elsewhere)
    return std::nullopt;
  const std::string &Helper = Path.front().Function->Name;
  const std::optional<std::string> &BlocksWith =
      Path.back().Function->BlocksWith;
  if (!BlocksWith)
    llvm_unreachable("a blocking path ends at a function that blocks");
  const std::string &What = *BlocksWith;
  FactFinding F;
  F.Main = {
      Call.Generator
          ? Helper +
                " may block the thread that iterates this synchronous "
                "generator: " +
                What +
                " blocks within it; its consumer waits until it "
                "returns " +
                Unit.BlockingCitation
          : Helper + " may block the thread that runs this coroutine: " + What +
                " blocks within it; every coroutine on its executor "
                "stalls until it returns " +
                Unit.BlockingCitation,
      Call.Site};
  // One note per hop, into whichever file holds it, then the blocking call.
  for (size_t I = 0; I + 1 < Path.size(); ++I)
    F.Notes.push_back({Path[I].Function->Name + " calls " +
                           Path[I + 1].Function->Name + " here",
                       Path[I].Call->Site});
  F.Notes.push_back(
      {What + " blocks here", Path.back().Function->BlockingSite});
  F.Notes.push_back(
      {Call.Generator
           ? "a synchronous generator cannot await: do the blocking work "
             "before iterating it, or make it an asynchronous generator"
           : "make " + Helper + " asynchronous and await it; if it must " +
                 "block, " + Call.OffloadAdvice,
       Call.Site});
  return F;
}

SpawnRevision reviseUnseenSpawn(const FunctionFacts *Spawned) {
  SpawnRevision Revision;
  if (!Spawned || !Spawned->FailureMayEscape)
    return Revision;
  if (!*Spawned->FailureMayEscape)
    Revision.Withdraw = true;
  else if (!Spawned->EscapeWhat.empty())
    Revision.EscapeNote =
        FactMessage{Spawned->EscapeWhat + ", in " + Spawned->Name +
                        " (another translation unit)",
                    Spawned->EscapeSite};
  return Revision;
}

SourceLocation placeFactSite(const FactSite &Site, SourceManager &SM) {
  llvm::Expected<FileEntryRef> File = SM.getFileManager().getFileRef(Site.File);
  if (!File) {
    llvm::consumeError(File.takeError());
    return {};
  }
  FileID ID = SM.translateFile(*File);
  if (ID.isInvalid())
    ID = SM.createFileID(*File, SourceLocation(), SrcMgr::C_User);
  std::optional<llvm::MemoryBufferRef> Buffer = SM.getBufferOrNone(ID);
  if (!Buffer || Site.Offset > Buffer->getBufferSize())
    return {};
  return SM.getComposedLoc(ID, Site.Offset);
}

namespace {

// Set once by the front end's main(), before any thread analyses a file.
bool Allowed = true;
bool Discovering = false;
std::string DiscoveryFolder;

/// The index beside the compilation database clangd would pick for
/// \p MainFile: the first folder, up from the file's, holding
/// compile_commands.json or build/compile_commands.json; none when a
/// compile_flags.txt is found first. A database that is a link (to the build
/// folder's, as CMake users make it) is followed.
std::optional<std::string> discoveredIndex(llvm::StringRef MainFile) {
  auto Existing = [](llvm::StringRef Folder) -> std::optional<std::string> {
    llvm::SmallString<256> Path(Folder);
    llvm::sys::path::append(Path, ProgramIndexFileName);
    if (llvm::sys::fs::exists(Path))
      return std::string(Path);
    return std::nullopt;
  };
  if (!DiscoveryFolder.empty())
    return Existing(DiscoveryFolder);
  // clangd's order within a folder: compile_commands.json, then
  // build/compile_commands.json, then compile_flags.txt.
  for (llvm::StringRef Dir = llvm::sys::path::parent_path(MainFile);
       !Dir.empty(); Dir = llvm::sys::path::parent_path(Dir)) {
    for (llvm::StringRef Sub : {"", "build"}) {
      llvm::SmallString<256> Folder(Dir);
      llvm::sys::path::append(Folder, Sub);
      llvm::SmallString<256> Database(Folder);
      llvm::sys::path::append(Database, "compile_commands.json");
      if (!llvm::sys::fs::exists(Database))
        continue;
      if (std::optional<std::string> Index = Existing(Folder))
        return Index;
      llvm::SmallString<256> Real;
      if (llvm::sys::fs::real_path(Database, Real))
        return std::nullopt;
      return Existing(llvm::sys::path::parent_path(Real));
    }
    llvm::SmallString<256> Flags(Dir);
    llvm::sys::path::append(Flags, "compile_flags.txt");
    if (llvm::sys::fs::exists(Flags))
      return std::nullopt;
  }
  return std::nullopt;
}

struct LoadedIndex {
  llvm::sys::TimePoint<> Modified;
  uint64_t Size = 0;
  std::shared_ptr<const ProgramIndex> Index;
};

llvm::Expected<std::shared_ptr<const ProgramIndex>>
loadIndex(llvm::StringRef Path) {
  static std::mutex Mutex;
  static llvm::StringMap<LoadedIndex> Loaded;
  auto Failure = [&](const llvm::Twine &Why) {
    return llvm::createStringError("cannot read the program index '" + Path +
                                   "': " + Why);
  };
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status))
    return Failure(EC.message());
  std::lock_guard<std::mutex> Lock(Mutex);
  LoadedIndex &Entry = Loaded[Path];
  if (Entry.Index && Entry.Modified == Status.getLastModificationTime() &&
      Entry.Size == Status.getSize())
    return Entry.Index;
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Text =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Text)
    return Failure(Text.getError().message());
  llvm::Expected<ProgramIndex> Index =
      ProgramIndex::parse((*Text)->getBuffer());
  if (!Index)
    return Failure(llvm::toString(Index.takeError()));
  Entry = {Status.getLastModificationTime(), Status.getSize(),
           std::make_shared<const ProgramIndex>(std::move(*Index))};
  return Entry.Index;
}

} // namespace

void discoverProgramIndex(bool On, std::string CompileCommandsDir) {
  Discovering = On;
  DiscoveryFolder = std::move(CompileCommandsDir);
}

void allowProgramIndex(bool On) { Allowed = On; }

ProgramIndexAccess::ProgramIndexAccess(std::string Option,
                                       llvm::StringRef MainFile) {
  if (!Allowed)
    return;
  if (!Option.empty())
    Path = std::move(Option);
  else if (Discovering)
    Path = discoveredIndex(MainFile).value_or("");
}

const ProgramIndex *
ProgramIndexAccess::get(const SourceManager &SM,
                        llvm::function_ref<void(llvm::StringRef)> Report) {
  if (std::exchange(Tried, true) || Path.empty())
    return Index.get();
  llvm::SmallString<256> Absolute(Path);
  if (llvm::sys::path::is_relative(Absolute))
    if (llvm::ErrorOr<std::string> Dir = SM.getFileManager()
                                             .getVirtualFileSystem()
                                             .getCurrentWorkingDirectory())
      llvm::sys::path::make_absolute(*Dir, Absolute);
  llvm::Expected<std::shared_ptr<const ProgramIndex>> Loaded =
      loadIndex(Absolute);
  if (Loaded)
    Index = std::move(*Loaded);
  else
    Report(llvm::toString(Loaded.takeError()));
  return Index.get();
}

} // namespace clang::tidy::corolint
