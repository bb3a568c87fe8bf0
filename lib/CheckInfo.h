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

/// The guide URL that the citation in \p Message carries, "" when it carries
/// none: the inverse of guideCitation(), for corolint-clangd, whose LSP
/// diagnostics keep only the check's name and the message.
std::string guideURLOfCitation(llvm::StringRef Message);

/// Where \p Check's page is: "checks/<check>" beside the guide at
/// \p GuideURL, with the guide's extension (".md" when it has none), as
/// docs/ and the HTML report lay them out.
std::string checkPageURL(llvm::StringRef GuideURL, llvm::StringRef Check);

/// \p Path with every byte but unreserved characters and '/' percent-encoded:
/// the path of a file:// URI.
std::string uriEncodePath(llvm::StringRef Path);

} // namespace clang::tidy::corolint

#endif // COROLINT_CHECKINFO_H
