//===--- CheckInfo.h - what each check is, from Checks.def ------*- C++ -*-===//
//
// The metadata of corolint's checks, read from the one table Checks.def, and
// the one way a guide section becomes a citation or a link. The plugin and
// corolint-clangd cite through CorolintCheck; the scanner's writers look a
// finding's check up here by name.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKINFO_H
#define COROLINT_CHECKINFO_H

#include "ClangTidyOptions.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang::tidy::corolint {

struct CheckInfo {
  llvm::StringLiteral Name;         ///< "coro-lock-across-suspend".
  llvm::StringLiteral GuideSection; ///< "3.2": what its diagnostics cite.
  bool HasFixIts;                   ///< Whether it offers fix-its at all.
  llvm::StringLiteral Precision;    ///< SARIF's "very-high" ... "low".
  llvm::StringLiteral Tags;         ///< ';'-separated SARIF tags.
  llvm::StringLiteral Summary;      ///< One sentence: what it finds.
};

/// Every check of Checks.def, in its order.
llvm::ArrayRef<CheckInfo> allChecks();

/// The check named \p Name, or null for a check that is not corolint's.
const CheckInfo *findCheck(llvm::StringRef Name);

/// The guide's URL as configured for \p Check: its option `GuideURL`, else
/// the global one, else "". The checks cite with it; the scanner links with
/// it.
std::string configuredGuideURL(const ClangTidyOptions::OptionMap &Options,
                               llvm::StringRef Check);

/// Where section \p Section of the guide at \p GuideURL is: "<URL>#s3.2".
std::string guideSectionURL(llvm::StringRef GuideURL, llvm::StringRef Section);

/// What ends a diagnostic: "[guide §3.2]", or "[guide §3.2 <URL>#s3.2]" when
/// the guide's \p GuideURL is set.
std::string guideCitation(llvm::StringRef Section, llvm::StringRef GuideURL);

/// Remembers that \p Check cites the guide at \p GuideURL in the
/// diagnostics of \p MainFile ("" forgets it). Every check records this as
/// it is created for a file; corolint-clangd, which receives a file's
/// diagnostics as LSP JSON with only the check's name, links each check's
/// page under it. One entry per file and check with a configured URL.
void recordGuideURL(llvm::StringRef MainFile, llvm::StringRef Check,
                    llvm::StringRef GuideURL);

/// The guide URL recorded for \p Check in \p MainFile, "" when none is.
std::string recordedGuideURL(llvm::StringRef MainFile, llvm::StringRef Check);

/// Where \p Check's page is: "checks/<check>" beside the guide at
/// \p GuideURL, with the guide's extension (".md" when it has none), as
/// docs/ and the HTML report lay them out.
std::string checkPageURL(llvm::StringRef GuideURL, llvm::StringRef Check);

/// \p Path with every byte but unreserved characters and '/' percent-encoded:
/// the path of a file:// URI.
std::string uriEncodePath(llvm::StringRef Path);

} // namespace clang::tidy::corolint

#endif // COROLINT_CHECKINFO_H
