//===--- ShardResult.h - one shard of a scan, and merging them ------------===//
//
// `corolint --shard=I/N` analyses the translation units whose file and
// directory hash to shard I of N, and writes a result file: each TU's result
// as the cache stores it (less what only the cache needs), plus what must be
// the same in every shard of one scan (corolint's version, digests of the
// database and of every selected TU's compile command and configuration, the
// analysis options, the project root, the git commit). `corolint merge` reads
// the N files, refuses a set that is not exactly the N shards of one scan, and
// hands the TU results in database order to the same reduce phase and report as
// a full scan.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SCANNER_SHARDRESULT_H
#define COROLINT_SCANNER_SHARDRESULT_H

#include "CompileDatabase.h"
#include "Finding.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace corolint::scanner {

/// --shard=I/N: shard I (1-based) of N.
struct ShardSpec {
  unsigned Index = 1;
  unsigned Count = 1;
};

/// Parses "I/N" with 1 <= I <= N.
llvm::Expected<ShardSpec> parseShardSpec(llvm::StringRef Text);

/// Whether the entry of \p File compiled in \p Directory belongs to \p Shard:
/// a hash of both, so the split depends on nothing but the database, and a TU
/// stays in its shard when others are added (its shard's cache still hits).
bool inShard(const ShardSpec &Shard, llvm::StringRef File,
             llvm::StringRef Directory);

/// A digest of every entry of \p DB (file, directory, arguments).
std::string databaseDigest(const CompileDatabase &DB);

/// What every shard of one scan shares: a merge compares it field by field.
struct ScanIdentity {
  std::string Tool;     ///< corolint and LLVM versions.
  std::string Database; ///< databaseDigest.
  /// Digest of every selected TU's job: its analysis arguments (after
  /// --extra-arg and friends), effective configuration, body skipping.
  std::string Configuration;
  /// The analysis options, as the report shows them (see analysisCommand).
  std::vector<std::string> CommandLine;
  std::string ProjectRoot;
  std::string GitCommit; ///< "" outside a git repository.
  std::vector<std::string> EnabledChecks;
  unsigned TranslationUnits = 0; ///< Selected in the whole scan.
};

/// A TU's result and its position among the scan's selected TUs.
struct ShardUnit {
  unsigned Id = 0;
  TUResult Result;
};

struct ShardResult {
  ShardSpec Shard;
  ScanIdentity Scan;
  std::vector<ShardUnit> Units;
};

/// Writes \p Result to \p Path atomically.
llvm::Error writeShardResult(llvm::StringRef Path, const ShardResult &Result);

/// Reads a file writeShardResult wrote; any other content is an error naming
/// \p Path.
llvm::Expected<ShardResult> readShardResult(llvm::StringRef Path);

struct MergedScan {
  ScanIdentity Scan;
  std::vector<TUResult> Results; ///< One per selected TU, in database order.
};

/// Checks that \p Shards (read from \p Paths) are exactly the N shards of one
/// scan, each once, and collects their TU results.
llvm::Expected<MergedScan> mergeShards(llvm::ArrayRef<std::string> Paths,
                                       std::vector<ShardResult> Shards);

} // namespace corolint::scanner

#endif
