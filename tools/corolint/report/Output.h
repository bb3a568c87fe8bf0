//===--- Output.h - the report formats ------------------------------------===//

#ifndef COROLINT_SCANNER_OUTPUT_H
#define COROLINT_SCANNER_OUTPUT_H

#include "Report.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace corolint::scanner {

/// \p Text with what a terminal or a browser would not show as written made
/// visible, as clang shows it: control characters and Unicode bidirectional
/// controls as "<U+001B>", "<U+202E>"; bytes that are not UTF-8 as "<E9>".
/// Tabs stay.
std::string visibleText(llvm::StringRef Text);

/// clang's diagnostic format: "file:line:col: warning: text [check]", the
/// source line and a caret, then the notes. Colours when \p OS has them on.
void writeText(llvm::raw_ostream &OS, const ScanReport &Report);

/// The JSON document described in docs/scanner.md.
void writeJSON(llvm::raw_ostream &OS, const ScanReport &Report);

/// A SARIF 2.1.0 log with one run.
void writeSARIF(llvm::raw_ostream &OS, const ScanReport &Report);

/// Checks, before the scan, that \p Folder can take an HTML report: it is
/// created when missing; an existing one must be empty or hold an earlier
/// report (whose pages are then replaced), never be a file.
llvm::Error prepareHTMLFolder(llvm::StringRef Folder);

/// The HTML report: a static site in \p Folder (index.html, files/,
/// guide.html, checks/), described in docs/scanner.md.
llvm::Error writeHTML(llvm::StringRef Folder, const ScanReport &Report);

} // namespace corolint::scanner

#endif
