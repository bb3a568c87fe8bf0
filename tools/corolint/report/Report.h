//===--- Report.h - the merged result of a scan ---------------------------===//
//
// What every output format and the summary are written from: the findings
// of all translation units, deduplicated (a header's finding is reported
// once, however many TUs include it) and in a stable order, plus the TUs
// that failed.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SCANNER_REPORT_H
#define COROLINT_SCANNER_REPORT_H

#include "Baseline.h"
#include "Finding.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <string>
#include <vector>

namespace corolint::scanner {

struct Failure {
  std::string File;
  TUStatus Status;
  std::string Detail;
  std::vector<Finding> CompileErrors;
  /// Findings the checks made in the TU before it failed: reported, but the
  /// functions that did not compile were not analysed.
  unsigned PartialFindings = 0;
};

struct ScanReport {
  std::string ProjectRoot;
  std::vector<Finding> Findings;         ///< As reported (after --baseline).
  std::vector<std::string> Fingerprints; ///< One per finding.
  std::vector<Failure> Failures;
  std::vector<std::string> EnabledChecks; ///< In any analysed TU.
  unsigned TranslationUnits = 0;          ///< Selected for the scan.
  unsigned FromCache = 0; ///< For the summary; reports leave it out.
  unsigned Skipped = 0;   ///< Entries that are not C++ (C, assembly, ...).
  /// Every file the analysed TUs read, with the hash of the content they
  /// read; empty when TUs saw different contents. --fix patches and the HTML
  /// report embeds only these files, and only while they are unchanged.
  std::map<std::string, std::string> Inputs;
  unsigned SuppressedByBaseline = 0;
  /// Wall time, for the summary. Reports leave out what depends on the run
  /// (time, cache hits), so that a merge of shards writes the same bytes as
  /// a full scan.
  double Seconds = 0;
  double WholeProgramSeconds = 0; ///< The reduce phase, apart from Seconds.
  std::string GuideURL = "docs/guide.md"; ///< Prefix of SARIF helpUri.
  /// The options that decide the findings, as a command line: the same for
  /// a full scan and for its shards.
  std::vector<std::string> CommandLine;
  /// Whether --baseline filtered the findings, and the entries that no
  /// finding matches any more: what was fixed since the baseline.
  bool UsedBaseline = false;
  std::vector<BaselineEntry> FixedSinceBaseline;
  std::string GitCommit; ///< HEAD of the project root's repository, or "".

  std::map<std::string, unsigned> findingsPerCheck() const;
};

/// Collects TU results into a report: findings deduplicated on check, file,
/// offset and message, sorted by file, line, column and check.
class ReportBuilder {
public:
  void add(TUResult Result);
  /// Findings so far, deduplicated and sorted; failures sorted by file.
  void finish(ScanReport &Report);

private:
  std::vector<Finding> Findings;
  std::vector<Failure> Failures;
  std::map<std::string, std::string> Inputs;
  unsigned Skipped = 0;
};

/// A call that blocks, reached by coro-blocking-call findings from several
/// call sites: their path notes end at it ("'fopen' blocks here"), so many
/// reports of one helper read as one problem.
struct BlockingRootCause {
  std::string File; ///< Relative to the project root.
  unsigned Line = 0;
  std::string What;             ///< The call as the note names it: "'fopen'".
  std::vector<size_t> Findings; ///< Indexes into ScanReport::Findings.
};

/// The blocking calls of \p Report reached from at least two call sites,
/// ordered by file and line.
std::vector<BlockingRootCause> blockingRootCauses(const ScanReport &Report);

/// \p Path relative to \p Root when it lies below it, otherwise unchanged.
std::string relativePath(llvm::StringRef Path, llvm::StringRef Root);

/// What identifies a finding across edits that do not touch it: check,
/// relative path, enclosing function and normalised source line.
std::string findingIdentity(const Finding &F, llvm::StringRef Root);

/// A fingerprint per finding: the hash of its identity and how many findings
/// with the same identity precede it.
std::vector<std::string> fingerprints(const std::vector<Finding> &Findings,
                                      llvm::StringRef Root);

} // namespace corolint::scanner

#endif
