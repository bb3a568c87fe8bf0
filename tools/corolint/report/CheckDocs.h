//===--- CheckDocs.h - what each check is, from its documentation ---------===//
//
// The long description of each check and how to fix its findings, for
// SARIF, extracted at build time from docs/checks/<check>.md. Name, guide
// section, summary, precision and tags come from the table of checks
// (lib/Checks.def, CheckInfo.h).
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SCANNER_CHECKDOCS_H
#define COROLINT_SCANNER_CHECKDOCS_H

#include "llvm/ADT/StringRef.h"

namespace corolint::scanner {

struct CheckDoc {
  llvm::StringRef Name;
  llvm::StringRef Description;      ///< First paragraph, whole sentences only.
  llvm::StringRef HowToFix;         ///< Its "How to fix" section, plain text.
  llvm::StringRef HowToFixMarkdown; ///< The same in Markdown.
};

/// The documentation of \p Check, or null when the check has none.
const CheckDoc *findCheckDoc(llvm::StringRef Check);

} // namespace corolint::scanner

#endif
