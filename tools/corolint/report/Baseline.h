//===--- Baseline.h - accepting today's findings --------------------------===//
//
// A baseline records findings by check, path relative to the project root,
// enclosing function and a hash of the normalised source line, never by line
// number, so code added above a finding does not make it "new".
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SCANNER_BASELINE_H
#define COROLINT_SCANNER_BASELINE_H

#include "Finding.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace corolint::scanner {

struct BaselineEntry {
  std::string Check;
  std::string Path;
  std::string Function;
  std::string SnippetHash;
  std::string Message; ///< For people reading the file; not matched.
};

llvm::Error writeBaseline(llvm::StringRef File,
                          const std::vector<Finding> &Findings,
                          llvm::StringRef ProjectRoot);

llvm::Expected<std::vector<BaselineEntry>> readBaseline(llvm::StringRef File);

/// Removes from \p Findings those the baseline records (each entry absorbs
/// one finding) and returns the entries that absorbed none.
std::vector<BaselineEntry>
applyBaseline(std::vector<Finding> &Findings,
              const std::vector<BaselineEntry> &Entries,
              llvm::StringRef ProjectRoot);

} // namespace corolint::scanner

#endif
