//===--- HTMLSite.h - the pages of the HTML report ------------------------===//
//
// The HTML report is one Site: the bundled documents (HTMLDocPages.cpp), a
// page per file with its findings inline (HTMLFilePages.cpp), the index
// (HTMLIndexPage.cpp), written into a folder it guards (HTMLFolder.cpp) by
// OutputHTML.cpp. HTMLPage.cpp holds what every page shares.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SCANNER_HTMLSITE_H
#define COROLINT_SCANNER_HTMLSITE_H

#include "HTML.h"
#include "Report.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace corolint::scanner::html {

inline constexpr llvm::StringLiteral Generator = "corolint " COROLINT_VERSION;
inline constexpr llvm::StringLiteral FilesFolder = "files";
inline constexpr llvm::StringLiteral ChecksFolder = "checks";

/// Lists, one relative path a line, the files a report wrote in its folder:
/// the next report removes those and nothing else.
inline constexpr llvm::StringLiteral ManifestName = ".corolint-report-files";

//===--- What every page shares (HTMLPage.cpp) ----------------------------===//

/// "../" for every folder between \p PagePath and the report's root.
std::string prefixOf(llvm::StringRef PagePath);

enum class NavItem { Report, Guide, Checks, None };

/// The page around \p Body: head with the inlined style, navigation, skip
/// link, main landmark, footer and the inlined script.
std::string pageShell(llvm::StringRef Title, llvm::StringRef Prefix,
                      NavItem Current, llvm::StringRef Body,
                      bool Prose = false);

/// \p F's message without the citation that ends it (CheckInfo.h), and the
/// section it cites ("" when it has none).
std::pair<llvm::StringRef, llvm::StringRef> splitCitation(const Finding &F);

/// \p F's message with its citation linked to the bundled guide's section
/// (or to the guide, when it has no such anchor).
std::string messageHTML(const Finding &F, llvm::StringRef Prefix,
                        const std::set<std::string> &GuideIds);

/// "applies" when --fix applies a fix-it of \p F (one on the warning),
/// "suggested" when only its notes carry one (the editor offers those), or "".
llvm::StringRef fixKind(const Finding &F);

/// The marker of a fixKind(), or "".
std::string fixBadge(llvm::StringRef Kind);

/// What step 1 of a finding says: its message up to the first "; " or ": "
/// (the what, not the why), without the citation.
std::string firstClause(const Finding &F);

/// A file name for the page of \p Relative (a path): readable, unique in
/// \p Used, and safe in any file system and URL.
std::string pageNameFor(llvm::StringRef Relative, llvm::StringSet<> &Used);

/// A path as HTML that may wrap after each '/'.
std::string wrappablePath(llvm::StringRef Path);

/// Pieces of one side of a diff: text, and whether the fix-it changes it.
using DiffSide = std::vector<std::pair<std::string, bool>>;

/// One side of a diff, a <div> per line; changed text in <del> or <ins>.
std::string diffLines(const DiffSide &Side, bool Removed);

//===--- The report's folder (HTMLFolder.cpp) -----------------------------===//

/// Writes \p Content to \p Path.
llvm::Error writeFile(llvm::StringRef Path, llvm::StringRef Content);

std::string joinPath(llvm::StringRef A, llvm::StringRef B);

/// An error unless \p Path, below \p Folder, reaches no symbolic link on
/// the way (a symlinked subfolder would take the report out of its folder).
llvm::Error checkNoLinks(llvm::StringRef Folder, llvm::StringRef Relative);

/// Removes the files the previous report in \p Folder listed in its
/// manifest; files it did not write stay.
llvm::Error removePreviousReport(llvm::StringRef Folder);

/// The HTML report of one scan.
class Site {
public:
  Site(const ScanReport &Report, llvm::StringRef Folder)
      : Report(Report), Folder(Folder.str()) {}
  llvm::Error write();

private:
  //===--- The bundled documents (HTMLDocPages.cpp) -----------------===//

  llvm::Error writeDocs();

  /// Links between documents keep working in the report when they point at
  /// a document it carries (".md" becomes ".html"); others lose their link.
  static std::optional<std::string> docHref(llvm::StringRef FromDoc,
                                            llvm::StringRef Target);

  std::string checksIndexBody() const;

  std::string guideLink(llvm::StringRef Section, llvm::StringRef Prefix) const;

  std::string checkLink(llvm::StringRef Check, llvm::StringRef Prefix) const;

  //===--- Sources and pages (HTMLFilePages.cpp) --------------------===//

  /// Every file a finding or a step is in gets a page.
  void assignPages();

  /// The content of \p File, read once; null when it cannot be read or is
  /// not a file the scan read (a forged cache entry must not make the report
  /// embed other files).
  const std::string *source(const std::string &File);

  /// Bidirectional controls in a name would reorder what a reader sees;
  /// they are shown as "<U+202E>".
  std::string displayPath(llvm::StringRef File) const;

  /// "cache.cpp:10:23", linked to the line on its page. \p FromFile is the
  /// file of the page the link is on.
  std::string locationLink(const Location &Loc, llvm::StringRef FromFile) const;

  /// A fix-it as a diff per file: the lines it touches, before and after.
  std::string diffHTML(const std::vector<Replacement> &Edits,
                       llvm::StringRef FromFile);

  std::string diffBody(const std::string &File,
                       llvm::ArrayRef<const Replacement *> Edits);

  /// Edits whose file is gone or changed, described instead of diffed.
  static std::string describedEdits(llvm::ArrayRef<const Replacement *> Edits);

  //===--- File pages (HTMLFilePages.cpp) ---------------------------===//

  /// A step of a finding that lies in some file: finding index, step number
  /// (1 is the finding's own location) and the message.
  struct StepHere {
    size_t Finding;
    unsigned Number;
    const Message *M;
  };

  std::string findingId(size_t Index) const;

  /// The page a finding is on, as a link target from another file's page.
  std::string findingHref(size_t Index, llvm::StringRef FromFile) const;

  std::string findingBox(size_t Index, llvm::StringRef File);

  /// The marker after a line where a step of a finding lies.
  std::string stepNote(const StepHere &S, llvm::StringRef File) const;

  llvm::Error writeFilePage(const std::string &File, const std::string &Page);

  std::string findingsList(llvm::ArrayRef<size_t> Here,
                           llvm::ArrayRef<StepHere> Steps,
                           llvm::StringRef File) const;

  /// The highlighted source with each finding's box after its line and a
  /// marker after the line of each step (but the steps on a finding's own
  /// line, which its box lists right there).
  std::string sourceListing(llvm::StringRef Text, llvm::StringRef File,
                            llvm::ArrayRef<size_t> Here,
                            llvm::ArrayRef<StepHere> Steps);

  /// Without the source: each finding after the line it was reported on.
  std::string unreadableListing(llvm::StringRef File,
                                llvm::ArrayRef<size_t> Here);

  //===--- The index (HTMLIndexPage.cpp); the folder (HTMLFolder.cpp) ---===//

  std::string indexBody() const;

  std::string totals() const;

  /// What ran, when, on which code and with which checks.
  std::string scanDetails() const;

  /// With --baseline: what is new since it, and what it records that no
  /// finding matches any more (fixed, or moved beyond recognition).
  std::string baselineChanges() const;

  static std::string sortHeader(llvm::StringRef Label, llvm::StringRef What,
                                bool Numeric);

  std::string checksTable() const;
  std::string rootCausesList() const;

  std::string findingsTable() const;

  std::string filesTable() const;

  std::string failuresList() const;

  /// Writes \p Relative (a posix path below the report folder) and records
  /// it in the manifest. A symbolic link in its place is replaced, never
  /// followed.
  llvm::Error emit(llvm::StringRef Relative, llvm::StringRef Content);

  const ScanReport &Report;

  std::string Folder;

  std::vector<std::string> Written; ///< Relative paths, for the manifest.

  std::set<std::string> GuideIds;

  llvm::StringSet<> DocumentedChecks;

  std::map<std::string, std::string> PageOf; ///< File -> page in files/.

  std::map<std::string, std::optional<std::string>> Sources;
};

} // namespace corolint::scanner::html

#endif
