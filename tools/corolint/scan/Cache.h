//===--- Cache.h - results of unchanged translation units -----------------===//
//
// An entry is keyed on everything that decides a TU's findings apart from
// file contents: corolint's identity, the TU's file, directory and compile
// arguments (response files expanded), and its effective check configuration.
// It records the hash of every file the analysis read, and every place where
// an include directive looked for its header before finding it; it is used
// only while all hashes still match and none of those places has gained a
// file, so an edit to any header the TU includes, or a new header shadowing
// one, invalidates it. Only TUs that analysed cleanly are stored. An entry
// is data, not instructions: it carries its key and is used only for that
// key, for that TU's main file, and when every location it names (findings,
// notes, fix-its) is one of the inputs whose hashes it records.
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
  /// Set when an input of the TU exists but cannot be read (not a regular
  /// file, too large): the TU fails with this message instead of running.
  std::string Problem;
};

class ResultCache {
public:
  /// A cache in \p Folder (created on first store); \p ToolIdentity changes
  /// whenever corolint itself changes.
  ResultCache(std::string Folder, std::string ToolIdentity);

  std::string keyFor(const Job &J) const;
  /// The entry of \p Key for \p J, if it is intact, was stored for this
  /// key by this corolint, and every input it names is unchanged.
  CacheLookup lookup(const Job &J, const std::string &Key);
  /// Stores \p Result; returns an error message the first time storing fails.
  std::optional<std::string> store(const std::string &Key,
                                   const TUResult &Result);

private:
  std::string entryPath(const std::string &Key) const;
  const std::string &contentHash(const std::string &Path);

  std::string Folder;
  std::string ToolIdentity;
  llvm::StringMap<std::string> Hashes;     ///< Memo: shared headers hash once.
  llvm::StringMap<std::string> Unreadable; ///< Inputs that exist: why not read.
  bool StoreFailed = false;
};

/// Whether every place \p Result names (findings, notes, fix-its) is one of
/// the inputs whose hashes it records: what a stored result must hold to be
/// used (the cache's entries, shard result files).
bool locationsWithinInputs(const TUResult &Result);

/// Identifies this corolint build: version, LLVM version and the executable.
std::string toolIdentity(llvm::StringRef Executable);

} // namespace corolint::scanner

#endif
