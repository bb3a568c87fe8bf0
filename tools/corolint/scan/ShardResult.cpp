//===--- ShardResult.cpp - one shard of a scan, and merging them ----------===//

#include "ShardResult.h"
#include "Cache.h"
#include "FileIO.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/xxhash.h"
#include <map>

namespace corolint::scanner {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

/// The file's format; any change bumps it (a merge refuses other versions).
constexpr int64_t ShardFormat = 2;

llvm::Expected<ShardSpec> parseShardSpec(llvm::StringRef Text) {
  auto [IndexText, CountText] = Text.split('/');
  ShardSpec Spec;
  if (!Text.contains('/') || IndexText.getAsInteger(10, Spec.Index) ||
      CountText.getAsInteger(10, Spec.Count) || Spec.Count == 0 ||
      Spec.Index == 0 || Spec.Index > Spec.Count)
    return llvm::createStringError(
        "invalid --shard '" + Text +
        "': expected I/N with 1 <= I <= N (shards count from 1: --shard=1/4 "
        "... --shard=4/4)");
  return Spec;
}

bool inShard(const ShardSpec &Shard, llvm::StringRef File,
             llvm::StringRef Directory) {
  std::string Key = (File + llvm::Twine('\0') + Directory).str();
  return llvm::xxh3_64bits(Key) % Shard.Count == Shard.Index - 1;
}

std::string databaseDigest(const CompileDatabase &DB) {
  std::string Text;
  for (const CompileEntry &E : DB.Entries) {
    for (const std::string *Part : {&E.File, &E.Directory}) {
      Text += *Part;
      Text += '\0';
    }
    for (const std::string &Arg : E.Arguments) {
      Text += Arg;
      Text += '\0';
    }
    Text += '\n';
  }
  return hashHex(Text);
}

static Value stringsToJSON(llvm::ArrayRef<std::string> Strings) {
  Array A;
  for (const std::string &S : Strings)
    A.push_back(pathToJSON(S));
  return A;
}

static bool decodeStrings(std::vector<std::string> &Strings) {
  return llvm::all_of(Strings, decodePath);
}

static Value toJSON(const ScanIdentity &S) {
  return Object{{"tool", S.Tool},
                {"database", S.Database},
                {"configuration", S.Configuration},
                {"commandLine", stringsToJSON(S.CommandLine)},
                {"projectRoot", pathToJSON(S.ProjectRoot)},
                {"gitCommit", S.GitCommit},
                {"enabledChecks", S.EnabledChecks},
                {"translationUnits", S.TranslationUnits}};
}

static bool fromJSON(const Value &V, ScanIdentity &S, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("tool", S.Tool) && O.map("database", S.Database) &&
         O.map("configuration", S.Configuration) &&
         O.map("commandLine", S.CommandLine) && decodeStrings(S.CommandLine) &&
         O.map("projectRoot", S.ProjectRoot) && decodePath(S.ProjectRoot) &&
         O.map("gitCommit", S.GitCommit) &&
         O.map("enabledChecks", S.EnabledChecks) &&
         O.map("translationUnits", S.TranslationUnits);
}

static bool fromJSON(const Value &V, ShardSpec &S, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("index", S.Index) && O.map("count", S.Count);
}

/// A unit carries its TU's result as the cache stores it, less the places
/// its include directives searched in vain: only a cache lookup reads them
/// (to notice a new header shadowing the one used), and they were 84% of a
/// result's size.
static Value resultForMerge(const TUResult &Result) {
  Value V = toJSON(Result);
  V.getAsObject()->erase("absent");
  return V;
}

static bool fromJSON(const Value &V, ShardUnit &U, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("id", U.Id) && O.map("fromCache", U.Result.FromCache) &&
         O.map("result", U.Result);
}

llvm::Error writeShardResult(llvm::StringRef Path, const ShardResult &Result) {
  Array Units;
  for (const ShardUnit &U : Result.Units)
    Units.push_back(Object{{"id", U.Id},
                           {"fromCache", U.Result.FromCache},
                           {"result", resultForMerge(U.Result)}});
  Value Document = Object{{"corolintShardResult", ShardFormat},
                          {"shard", Object{{"index", Result.Shard.Index},
                                           {"count", Result.Shard.Count}}},
                          {"scan", toJSON(Result.Scan)},
                          {"units", std::move(Units)}};
  return writeFileAtomically(Path, "the shard result",
                             [&](llvm::raw_ostream &OS) { OS << Document; });
}

llvm::Expected<ShardResult> readShardResult(llvm::StringRef Path) {
  auto Bad = [&](const llvm::Twine &Why) {
    return llvm::createStringError("'" + Path +
                                   "' is not a corolint shard result: " + Why);
  };
  auto Buffer = readInputFile(Path);
  if (!Buffer)
    return Buffer.takeError();
  llvm::Expected<Value> Document = parseJSON((*Buffer)->getBuffer());
  if (!Document)
    return Bad(llvm::toString(Document.takeError()));
  const Object *O = Document->getAsObject();
  std::optional<int64_t> Format =
      O ? O->getInteger("corolintShardResult") : std::nullopt;
  if (!Format)
    return Bad("no \"corolintShardResult\" format number");
  if (*Format != ShardFormat)
    return Bad(llvm::formatv("format {0}; this corolint reads format {1}",
                             *Format, ShardFormat));
  ShardResult Result;
  llvm::json::Path::Root Root;
  llvm::json::ObjectMapper M(*Document, Root);
  if (!M.map("shard", Result.Shard) || !M.map("scan", Result.Scan) ||
      !M.map("units", Result.Units)) {
    std::string Why = llvm::toString(Root.getError());
    return Bad(Why.empty() ? "a file name that is not hex-encoded" : Why);
  }
  const ShardSpec &S = Result.Shard;
  if (S.Count == 0 || S.Index == 0 || S.Index > S.Count)
    return Bad(llvm::formatv("shard {0}/{1}", S.Index, S.Count));
  for (const ShardUnit &U : Result.Units) {
    if (U.Id >= Result.Scan.TranslationUnits)
      return Bad(llvm::formatv("unit {0} of a scan of {1} translation units",
                               U.Id, Result.Scan.TranslationUnits));
    // A result file is data: like a cache entry, it may name no file
    // besides those its TU read.
    if (!locationsWithinInputs(U.Result))
      return Bad("the result of '" + U.Result.File +
                 "' names files its translation unit did not read");
  }
  return Result;
}

static std::string shardName(llvm::StringRef Path, const ShardSpec &S) {
  return llvm::formatv("'{0}' (shard {1}/{2})", Path, S.Index, S.Count);
}

/// The first field in which \p B's scan differs from \p A's, or "".
static std::string difference(const ScanIdentity &A, const ScanIdentity &B) {
  if (A.Tool != B.Tool)
    return "corolint version ('" + A.Tool + "' and '" + B.Tool + "')";
  if (A.Database != B.Database)
    return "compilation database";
  if (A.GitCommit != B.GitCommit)
    return "git commit ('" + A.GitCommit + "' and '" + B.GitCommit + "')";
  if (A.CommandLine != B.CommandLine)
    return "options ('" + llvm::join(A.CommandLine, " ") + "' and '" +
           llvm::join(B.CommandLine, " ") + "')";
  if (A.ProjectRoot != B.ProjectRoot)
    return "project root ('" + A.ProjectRoot + "' and '" + B.ProjectRoot + "')";
  if (A.Configuration != B.Configuration ||
      A.EnabledChecks != B.EnabledChecks ||
      A.TranslationUnits != B.TranslationUnits)
    return "configuration (the compile commands or .clang-tidy files "
           "analysed)";
  return "";
}

llvm::Expected<MergedScan> mergeShards(llvm::ArrayRef<std::string> Paths,
                                       std::vector<ShardResult> Shards) {
  if (Shards.empty())
    return llvm::createStringError(
        "merge needs the result files of every shard");
  const ShardResult &First = Shards.front();
  std::map<unsigned, size_t> ByIndex; // Shard index -> position in Paths.
  for (size_t I = 0; I < Shards.size(); ++I) {
    const ShardResult &S = Shards[I];
    if (S.Shard.Count != First.Shard.Count)
      return llvm::createStringError(llvm::formatv(
          "{0} and {1} belong to splits into different numbers of shards",
          shardName(Paths.front(), First.Shard), shardName(Paths[I], S.Shard)));
    if (std::string What = difference(First.Scan, S.Scan); !What.empty())
      return llvm::createStringError(llvm::formatv(
          "{0} and {1} come from different scans: their {2} differ",
          shardName(Paths.front(), First.Shard), shardName(Paths[I], S.Shard),
          What));
    auto [It, New] = ByIndex.try_emplace(S.Shard.Index, I);
    if (!New)
      return llvm::createStringError(
          llvm::formatv("{0} and '{1}' are the same shard",
                        shardName(Paths[It->second], S.Shard), Paths[I]));
  }
  std::vector<std::string> Missing;
  for (unsigned Index = 1; Index <= First.Shard.Count; ++Index)
    if (!ByIndex.count(Index))
      Missing.push_back(llvm::formatv("{0}/{1}", Index, First.Shard.Count));
  if (!Missing.empty())
    return llvm::createStringError(
        llvm::formatv("shard{0} {1} {2} missing: merge needs the result "
                      "files of all {3} shards",
                      Missing.size() == 1 ? "" : "s", llvm::join(Missing, ", "),
                      Missing.size() == 1 ? "is" : "are", First.Shard.Count));

  MergedScan Merged;
  Merged.Scan = First.Scan;
  std::vector<std::optional<TUResult>> ById(First.Scan.TranslationUnits);
  for (size_t I = 0; I < Shards.size(); ++I)
    for (ShardUnit &U : Shards[I].Units) {
      if (ById[U.Id])
        return llvm::createStringError(llvm::formatv(
            "{0} repeats translation unit {1} ('{2}')",
            shardName(Paths[I], Shards[I].Shard), U.Id, U.Result.File));
      ById[U.Id] = std::move(U.Result);
    }
  for (size_t Id = 0; Id < ById.size(); ++Id) {
    std::optional<TUResult> &Unit = ById[Id];
    if (!Unit)
      return llvm::createStringError(llvm::formatv(
          "no shard holds translation unit {0} of {1}: a result file was "
          "edited or truncated",
          Id, ById.size()));
    Merged.Results.push_back(std::move(*Unit));
  }
  return Merged;
}

} // namespace corolint::scanner
