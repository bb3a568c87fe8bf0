//===--- Cache.cpp - results of unchanged translation units ---------------===//

#include "Cache.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace corolint::scanner {

namespace fs = llvm::sys::fs;

constexpr unsigned CacheFormat = 1;

std::string toolIdentity(llvm::StringRef Executable) {
  std::string Identity = llvm::formatv("corolint {0} llvm {1} format {2}",
                                       COROLINT_VERSION, COROLINT_LLVM_VERSION,
                                       CacheFormat);
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
  llvm::json::Value Key =
      llvm::json::Array{ToolIdentity, J.File,         J.Directory,
                        std::move(Arguments), J.Config, J.SkipBodies,
                        J.SkipBodiesIn};
  return hashHex(llvm::formatv("{0}", Key).str());
}

std::string ResultCache::entryPath(const std::string &Key) const {
  llvm::SmallString<256> Path(Folder);
  llvm::sys::path::append(Path, Key.substr(0, 2), Key + ".json");
  return std::string(Path);
}

const std::string &ResultCache::contentHash(const std::string &Path) {
  auto [It, Inserted] = Hashes.try_emplace(Path);
  if (Inserted)
    if (auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                                  /*RequiresNullTerminator=*/false))
      It->second = hashHex((*Buffer)->getBuffer());
  return It->second; // Empty for a file that is gone: matches no hash.
}

CacheLookup ResultCache::lookup(const std::string &Key) {
  CacheLookup Found;
  auto Buffer = llvm::MemoryBuffer::getFile(entryPath(Key), /*IsText=*/true);
  if (!Buffer)
    return Found;
  llvm::Expected<llvm::json::Value> Entry = llvm::json::parse((*Buffer)->getBuffer());
  if (!Entry) {
    llvm::consumeError(Entry.takeError());
    return Found; // A damaged entry is a miss; the next store replaces it.
  }
  TUResult Result;
  llvm::json::Path::Root Root;
  if (!fromJSON(*Entry, Result, Root)) {
    llvm::consumeError(Root.getError());
    return Found;
  }
  Found.PreviousSeconds = Result.Seconds;
  if (Result.Dependencies.empty())
    return Found;
  for (const Dependency &D : Result.Dependencies)
    if (contentHash(D.Path) != D.Hash)
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
  auto Fail = [&](const std::error_code &EC) -> std::optional<std::string> {
    StoreFailed = true;
    return llvm::formatv("cannot write the cache in '{0}': {1}; continuing "
                         "without storing results", Folder, EC.message()).str();
  };
  if (std::error_code EC = fs::create_directories(llvm::sys::path::parent_path(Path)))
    return Fail(EC);
  // Written aside and renamed, so concurrent scans never read half an entry.
  llvm::SmallString<256> Temporary;
  int Fd;
  if (std::error_code EC = fs::createUniqueFile(Path + ".%%%%%%.tmp", Fd, Temporary))
    return Fail(EC);
  {
    llvm::raw_fd_ostream OS(Fd, /*shouldClose=*/true);
    OS << toJSON(Result);
  }
  if (std::error_code EC = fs::rename(Temporary, Path)) {
    fs::remove(Temporary);
    return Fail(EC);
  }
  return std::nullopt;
}

} // namespace corolint::scanner
