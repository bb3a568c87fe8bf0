//===--- Cache.h - results of unchanged translation units -----------------===//
//
// An entry is keyed on everything that decides a TU's findings apart from
// file contents: corolint's identity, the TU's file, directory and compile
// arguments, and its effective check configuration. It records the hash of
// every file the analysis read; it is used only while all still match, so an
// edit to any header the TU includes invalidates it. Only TUs that analysed
// cleanly are stored.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SCANNER_CACHE_H
#define COROLINT_SCANNER_CACHE_H

#include "Finding.h"
#include "Protocol.h"
#include "llvm/ADT/StringMap.h"
#include <optional>
#include <string>

namespace corolint::scanner {

struct CacheLookup {
  /// The stored result, if every file it depends on is unchanged.
  std::optional<TUResult> Hit;
  /// How long the TU took when last analysed, even when the entry is stale:
  /// the scanner starts long TUs first.
  std::optional<double> PreviousSeconds;
};

class ResultCache {
public:
  /// A cache in \p Folder (created on first store); \p ToolIdentity changes
  /// whenever corolint itself changes.
  ResultCache(std::string Folder, std::string ToolIdentity);

  std::string keyFor(const Job &J) const;
  CacheLookup lookup(const std::string &Key);
  /// Stores \p Result; returns an error message the first time storing fails.
  std::optional<std::string> store(const std::string &Key, const TUResult &Result);

private:
  std::string entryPath(const std::string &Key) const;
  const std::string &contentHash(const std::string &Path);

  std::string Folder;
  std::string ToolIdentity;
  llvm::StringMap<std::string> Hashes; ///< Memo: shared headers hash once.
  bool StoreFailed = false;
};

/// Identifies this corolint build: version, LLVM version and the executable.
std::string toolIdentity(llvm::StringRef Executable);

} // namespace corolint::scanner

#endif
