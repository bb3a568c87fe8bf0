//===--- CheckDocs.h - what each check is, from its documentation ---------===//
//
// Rule metadata for SARIF and --list-checks, extracted at build time from
// docs/checks/<check>.md, so that the scanner names no check itself.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SCANNER_CHECKDOCS_H
#define COROLINT_SCANNER_CHECKDOCS_H

#include "llvm/ADT/StringRef.h"

namespace corolint::scanner {

struct CheckDoc {
  llvm::StringRef Name;
  llvm::StringRef Summary;     ///< First sentence of the documentation.
  llvm::StringRef Description; ///< First paragraph of the documentation.
  llvm::StringRef GuideSection; ///< "3.2", or empty when the doc cites none.
};

/// The documentation of \p Check, or null when the check has none.
const CheckDoc *findCheckDoc(llvm::StringRef Check);

} // namespace corolint::scanner

#endif
