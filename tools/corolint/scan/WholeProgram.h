//===--- WholeProgram.h - the reduce phase over all TUs' results ----------===//
//
// Runs once every translation unit of a scan has its result (analysed,
// replayed from the cache, or read back from shard result files by `corolint
// merge`) and before the report is built: the one place where facts of one TU
// may add or withdraw findings of another. A full scan and a merge of its
// shards both call it on the same results in the same order, so they report
// the same.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SCANNER_WHOLEPROGRAM_H
#define COROLINT_SCANNER_WHOLEPROGRAM_H

#include "Finding.h"
#include <vector>

namespace corolint::scanner {

/// The reduce phase: \p Results holds one result per selected TU, in the
/// order of the compilation database.
void applyWholeProgramIndex(std::vector<TUResult> &Results);

} // namespace corolint::scanner

#endif
