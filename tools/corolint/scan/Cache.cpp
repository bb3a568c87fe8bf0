//===--- Cache.cpp - results of unchanged translation units ---------------===//

#include "Cache.h"
#include "FileIO.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace corolint::scanner {

namespace fs = llvm::sys::fs;

constexpr unsigned CacheFormat = 3;

std::string toolIdentity(llvm::StringRef Executable) {
  std::string Identity =
      llvm::formatv("corolint {0} llvm {1} format {2}", COROLINT_VERSION,
                    COROLINT_LLVM_VERSION, CacheFormat);
  // A rebuilt corolint (new checks, fixed bugs) must not reuse old results.
  fs::file_status Status;
  if (!fs::status(Executable, Status))
    Identity += llvm::formatv(
        " {0} {1}", Status.getSize(),
        Status.getLastModificationTime().time_since_epoch().count());
  return Identity;
}

ResultCache::ResultCache(std::string Folder, std::string ToolIdentity)
    : Folder(std::move(Folder)), ToolIdentity(std::move(ToolIdentity)) {}

std::string ResultCache::keyFor(const Job &J) const {
  llvm::json::Array Arguments;
  for (const std::string &Arg : J.Arguments)
    Arguments.push_back(Arg);
  // Skipping bodies never changes findings, but a cache must not be the
  // reason a comparison of the two modes agrees.
  llvm::json::Value Key = llvm::json::Array{
      ToolIdentity, J.File,       J.Directory,   std::move(Arguments),
      J.Config,     J.SkipBodies, J.SkipBodiesIn};
  return hashHex(llvm::formatv("{0}", Key).str());
}

std::string ResultCache::entryPath(const std::string &Key) const {
  llvm::SmallString<256> Path(Folder);
  llvm::sys::path::append(Path, Key.substr(0, 2), Key + ".json");
  return std::string(Path);
}

const std::string &ResultCache::contentHash(const std::string &Path) {
  auto [It, Inserted] = Hashes.try_emplace(Path);
  if (!Inserted)
    return It->second;
  if (auto Buffer = readInputFile(Path)) {
    It->second = hashHex((*Buffer)->getBuffer());
  } else {
    std::string Why = llvm::toString(Buffer.takeError());
    // A file that is gone just makes entries stale; one that cannot be read
    // (a device, a FIFO, too large) fails the TUs that depend on it.
    if (llvm::sys::fs::exists(Path))
      Unreadable[Path] = std::move(Why);
  }
  return It->second; // Empty when unreadable: matches no hash.
}

/// Every place an entry names (findings, notes, fix-its) must be a file the
/// TU read: an entry is data, and a forged one must not point a report or
/// --fix at other files.
bool locationsWithinInputs(const TUResult &Result) {
  llvm::StringSet<> Inputs;
  for (const Dependency &D : Result.Dependencies)
    Inputs.insert(D.Path);
  auto Known = [&](const Message &M) {
    if (!M.Loc.File.empty() && !Inputs.contains(M.Loc.File))
      return false;
    return llvm::all_of(
        M.Fixes, [&](const Replacement &R) { return Inputs.contains(R.File); });
  };
  for (const std::vector<Finding> *List :
       {&Result.Findings, &Result.CompileErrors})
    for (const Finding &F : *List)
      if (!Known(F.Main) || !llvm::all_of(F.Notes, Known))
        return false;
  // The whole-program facts become findings' places too.
  auto KnownSite = [&](const clang::tidy::corolint::FactSite &Site) {
    return Site.File.empty() || Inputs.contains(Site.File);
  };
  const clang::tidy::corolint::TranslationUnitFacts &Facts = Result.Facts;
  for (const auto &Entry : Facts.Functions)
    if (!KnownSite(Entry.second.BlockingSite) ||
        !KnownSite(Entry.second.EscapeSite) ||
        !llvm::all_of(Entry.second.Calls,
                      [&](const auto &Call) { return KnownSite(Call.Site); }))
      return false;
  return llvm::all_of(Facts.CoroutineCalls,
                      [&](const auto &Call) { return KnownSite(Call.Site); }) &&
         llvm::all_of(Facts.UnseenSpawns,
                      [&](const auto &Spawn) { return KnownSite(Spawn.Site); });
}

CacheLookup ResultCache::lookup(const Job &J, const std::string &Key) {
  CacheLookup Found;
  auto Buffer = readInputFile(entryPath(Key));
  if (!Buffer) {
    llvm::consumeError(Buffer.takeError());
    return Found;
  }
  // A damaged, forged or foreign entry is a miss; the next store replaces it.
  llvm::Expected<llvm::json::Value> Entry = parseJSON((*Buffer)->getBuffer());
  if (!Entry) {
    llvm::consumeError(Entry.takeError());
    return Found;
  }
  const llvm::json::Object *O = Entry->getAsObject();
  const llvm::json::Value *Payload = O ? O->get("result") : nullptr;
  if (!Payload || O->getString("key") != Key)
    return Found;
  TUResult Result;
  llvm::json::Path::Root Root;
  if (!fromJSON(*Payload, Result, Root)) {
    llvm::consumeError(Root.getError());
    return Found;
  }
  if (Result.File != J.File || !locationsWithinInputs(Result))
    return Found;
  Found.PreviousSeconds = Result.Seconds;
  if (Result.Dependencies.empty())
    return Found;
  for (const Dependency &D : Result.Dependencies)
    if (contentHash(D.Path) != D.Hash) {
      auto Why = Unreadable.find(D.Path);
      if (Why != Unreadable.end())
        Found.Problem =
            "cannot read an input of the translation unit: " + Why->second;
      return Found;
    }
  for (const std::string &Path : Result.Absent)
    if (llvm::sys::fs::exists(Path))
      return Found;
  Result.FromCache = true;
  Found.Hit = std::move(Result);
  return Found;
}

std::optional<std::string> ResultCache::store(const std::string &Key,
                                              const TUResult &Result) {
  if (StoreFailed || Result.failed())
    return std::nullopt;
  // The hashes the worker saw become this run's view of those files too.
  for (const Dependency &D : Result.Dependencies)
    Hashes.try_emplace(D.Path, D.Hash);
  std::string Path = entryPath(Key);
  auto Fail = [&](const llvm::Twine &Why) -> std::optional<std::string> {
    StoreFailed = true;
    return llvm::formatv("cannot write the cache in '{0}': {1}; continuing "
                         "without storing results",
                         Folder, Why.str())
        .str();
  };
  if (std::error_code EC =
          fs::create_directories(llvm::sys::path::parent_path(Path)))
    return Fail(EC.message());
  // Written aside and renamed, so concurrent scans never read half an entry.
  llvm::json::Value Payload = toJSON(Result);
  llvm::json::Value Entry =
      llvm::json::Object{{"key", Key}, {"result", std::move(Payload)}};
  if (llvm::Error E = writeFileAtomically(
          Path, "a cache entry", [&](llvm::raw_ostream &OS) { OS << Entry; }))
    return Fail(llvm::toString(std::move(E)));
  return std::nullopt;
}

} // namespace corolint::scanner
