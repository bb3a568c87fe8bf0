//===--- Finding.h - what the analysis of one translation unit yields -----===//
//
// Plain data shared by the worker, the cache and the reporters. Every path is
// absolute and normalised by the worker, so results can be merged across
// translation units and replayed from the cache unchanged.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SCANNER_FINDING_H
#define COROLINT_SCANNER_FINDING_H

#include "ProgramFacts.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace corolint::scanner {

struct Position {
  unsigned Line = 0;   ///< 1-based; 0 when unknown.
  unsigned Column = 0; ///< 1-based, in bytes like clang's columns.
  /// 1-based, in UTF-16 code units: SARIF's utf16CodeUnits (what GitHub
  /// code scanning reads) and LSP's default.
  unsigned Utf16Column = 0;
};

struct Location {
  std::string File; ///< Absolute path; empty for diagnostics without a place.
  unsigned Offset = 0;
  Position Pos;
};

/// One edit of a fix-it: replace [Offset, Offset + Length) by Text.
struct Replacement {
  std::string File;
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Text;
  Position Begin, End; ///< Where the replaced range starts and ends.
};

/// A diagnostic or one of its notes.
struct Message {
  std::string Text;
  Location Loc;
  std::string LineText; ///< The raw source line at Loc, for display.
  std::vector<Replacement> Fixes;
};

struct Finding {
  std::string Check;
  std::string Level =
      "warning"; ///< "warning", or "error" for WarningsAsErrors.
  Message Main;
  std::vector<Message> Notes;
  /// Qualified name of the function around the finding ("" outside any).
  std::string Function;
  /// The finding's source line with whitespace runs collapsed: the part of a
  /// fingerprint that survives edits elsewhere in the file.
  std::string Snippet;
  /// The guide's URL configured for the check ("" when none): what its
  /// citation links to (CheckInfo.h).
  std::string GuideURL;
};

enum class TUStatus {
  Analysed,     ///< Ran to the end; findings are complete.
  CompileError, ///< The TU does not compile; findings may be partial.
  Crashed,      ///< The worker died while analysing it.
  TimedOut,     ///< Exceeded --timeout.
  NotAnalysed,  ///< Could not even start (missing file, bad command, ...).
  Skipped, ///< Not C++ (C, assembly, ...): nothing to analyse; not a failure.
};

llvm::StringRef statusName(TUStatus S);

/// A file the analysis read, with the hash of the content it read.
struct Dependency {
  std::string Path;
  std::string Hash;
};

struct TUResult {
  std::string File;
  TUStatus Status = TUStatus::Analysed;
  std::vector<Finding> Findings;
  std::vector<Finding> CompileErrors; ///< Compiler errors, as "findings".
  std::string Detail; ///< Why it failed, when no compiler error says it.
  std::vector<Dependency> Dependencies;
  /// Places an include directive looked for its header before the one it
  /// used: a file appearing there would change the TU (include shadowing).
  /// Only the result cache needs them; shard results leave them out.
  std::vector<std::string> Absent;
  /// What other TUs may need to know: the whole-program pass's input.
  clang::tidy::corolint::TranslationUnitFacts Facts;
  double Seconds = 0;
  bool FromCache = false;

  bool failed() const {
    return Status != TUStatus::Analysed && Status != TUStatus::Skipped;
  }
};

llvm::json::Value toJSON(const Finding &F);
llvm::json::Value toJSON(const TUResult &R);
bool fromJSON(const llvm::json::Value &V, Finding &F, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, TUResult &R, llvm::json::Path P);

// File names that are not UTF-8 travel hex-encoded (lib/ProgramFacts.h).
using clang::tidy::corolint::decodePath;
using clang::tidy::corolint::pathToJSON;
/// \p Text with whitespace runs collapsed to one space and trimmed: a
/// finding's Snippet.
std::string collapseWhitespace(llvm::StringRef Text);

/// Hex digest of \p Data (xxh3, 128 bits): content hashes and cache keys.
std::string hashHex(llvm::StringRef Data);

/// The guide section ("3.2") that findings of \p Check cite, or empty for a
/// check that is not corolint's.
llvm::StringRef guideSectionOf(llvm::StringRef Check);

/// Where \p F's guide section is: under the guide URL configured for its
/// check, else under \p DefaultGuideURL (--guide-url).
std::string guideSectionURL(const Finding &F, llvm::StringRef DefaultGuideURL);

} // namespace corolint::scanner

#endif
