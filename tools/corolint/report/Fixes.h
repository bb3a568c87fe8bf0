//===--- Fixes.h - exporting and applying fix-its -------------------------===//

#ifndef COROLINT_SCANNER_FIXES_H
#define COROLINT_SCANNER_FIXES_H

#include "Finding.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <vector>

namespace corolint::scanner {

/// Writes the YAML clang-tidy's --export-fixes writes (and
/// clang-apply-replacements reads) for \p Findings: every diagnostic with
/// its notes and the fixes of both.
llvm::Error exportFixes(llvm::StringRef File,
                        const std::vector<Finding> &Findings);

struct FixSummary {
  unsigned Applied = 0;     ///< Findings whose fix was applied.
  unsigned Conflicting = 0; ///< Findings skipped: their edits overlap others.
  std::vector<std::string> Changed; ///< Files rewritten.
  /// Files left alone, with why: edited since the analysis read them, or
  /// not a file the scan analysed below the project root.
  std::vector<std::pair<std::string, std::string>> Refused;
};

/// Applies the fix-its attached to the findings themselves, never those on
/// notes: corolint puts only behaviour-preserving edits on warnings. Each
/// finding's edits apply all together or not at all. Only files in \p
/// Inputs (file -> content hash the analysis read) below \p ProjectRoot are
/// patched, and only while they still have that content; each is replaced
/// through a temporary file. A write error names the files already changed.
llvm::Expected<FixSummary>
applyFixes(const std::vector<Finding> &Findings,
           const std::map<std::string, std::string> &Inputs,
           llvm::StringRef ProjectRoot);

} // namespace corolint::scanner

#endif
