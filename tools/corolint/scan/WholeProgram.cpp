//===--- WholeProgram.cpp - the reduce phase over all TUs' results --------===//

#include "WholeProgram.h"

namespace corolint::scanner {

// Cross-TU findings (issue 19, items 1-2) are added here.
void applyWholeProgramIndex(std::vector<TUResult> &Results) {}

} // namespace corolint::scanner
