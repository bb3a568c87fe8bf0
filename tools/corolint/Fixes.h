//===--- Fixes.h - exporting and applying fix-its -------------------------===//

#ifndef COROLINT_SCANNER_FIXES_H
#define COROLINT_SCANNER_FIXES_H

#include "Finding.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <vector>

namespace corolint::scanner {

/// Writes the YAML clang-tidy's --export-fixes writes (and
/// clang-apply-replacements reads) for \p Findings: every diagnostic with
/// its notes and the fixes of both.
llvm::Error exportFixes(llvm::StringRef File, const std::vector<Finding> &Findings);

struct FixSummary {
  unsigned Applied = 0;    ///< Findings whose fix was applied.
  unsigned Conflicting = 0; ///< Findings skipped: their edits overlap others.
  unsigned Files = 0;      ///< Files rewritten.
};

/// Applies the fix-its attached to the findings themselves, never those on
/// notes: corolint puts only behaviour-preserving edits on warnings. Each
/// finding's edits apply all together or not at all.
llvm::Expected<FixSummary> applyFixes(const std::vector<Finding> &Findings);

} // namespace corolint::scanner

#endif
