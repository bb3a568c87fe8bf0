//===--- OutputHTML.cpp - the HTML report ---------------------------------===//
//
// A static site in a folder: index.html (totals per check and per file, a
// sortable, filterable list of findings), files/<name>.html (the source of
// each file a finding or one of its steps is in, highlighted, with every
// finding inline: its steps numbered and linked, its fix-its as diffs), and
// the guide and check pages rendered from docs/, which the citations link
// into. Every page inlines its style and script and forbids any network
// access, so a report works offline and from file://.
//
//===----------------------------------------------------------------------===//

#include "FileIO.h"
#include "HTMLSite.h"
#include "Output.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"

namespace corolint::scanner {
namespace html {

namespace fs = llvm::sys::fs;

llvm::Error Site::write() {
  if (llvm::Error E = removePreviousReport(Folder))
    return E;
  for (llvm::StringRef Sub : {FilesFolder, ChecksFolder}) {
    if (llvm::Error E = checkNoLinks(Folder, Sub))
      return E;
    std::string Dir = joinPath(Folder, Sub);
    if (std::error_code EC = fs::create_directories(Dir))
      return llvm::createStringError(
          llvm::formatv("cannot create '{0}': {1}", Dir, EC.message()).str());
  }
  if (llvm::Error E = writeDocs())
    return E;
  assignPages();
  for (const auto &[File, Page] : PageOf)
    if (llvm::Error E = writeFilePage(File, Page))
      return E;
  if (llvm::Error E = emit(
          "index.html", pageShell("Report", "", NavItem::Report, indexBody())))
    return E;
  return writeFileAtomically(joinPath(Folder, ManifestName), "the report",
                             [&](llvm::raw_ostream &OS) {
                               for (const std::string &File : Written)
                                 OS << File << "\n";
                             });
}

} // namespace html

llvm::Error writeHTML(llvm::StringRef Folder, const ScanReport &Report) {
  return html::Site(Report, Folder).write();
}

} // namespace corolint::scanner
