//===--- HTMLDocPages.cpp - the guide and the check pages -------------===//

#include "CheckInfo.h"
#include "HTMLSite.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

namespace corolint::scanner::html {

namespace path = llvm::sys::path;

namespace {

/// A document the report carries, from docs/ (gen_bundled_docs.py).
struct BundledDoc {
  llvm::StringRef Path; ///< "guide.md", "checks/<check>.md".
  llvm::StringRef Markdown;
};

const BundledDoc BundledDocs[] = {
#include "BundledDocs.inc"
    BundledDoc{"", ""}, // Keeps the array non-empty without any docs.
};

bool isBundled(llvm::StringRef DocPath) {
  return llvm::any_of(BundledDocs, [&](const BundledDoc &D) {
    return !D.Path.empty() && D.Path == DocPath;
  });
}

/// "checks/x.md" -> "checks/x.html".
std::string htmlPathOf(llvm::StringRef DocPath) {
  DocPath.consume_back(".md");
  return (DocPath + ".html").str();
}

} // namespace

llvm::Error Site::writeDocs() {
  for (const BundledDoc &Doc : BundledDocs) {
    if (Doc.Path.empty())
      continue;
    html::RenderedMarkdown Rendered =
        html::renderMarkdown(Doc.Markdown, [&](llvm::StringRef Target) {
          return docHref(Doc.Path, Target);
        });
    if (Doc.Path == "guide.md")
      GuideIds = Rendered.Ids;
    llvm::StringRef Name = path::stem(Doc.Path, path::Style::posix);
    if (Doc.Path.starts_with((ChecksFolder + "/").str()))
      DocumentedChecks.insert(Name);
    std::string PagePath = htmlPathOf(Doc.Path);
    NavItem Nav = Doc.Path == "guide.md" ? NavItem::Guide : NavItem::Checks;
    std::string Page =
        pageShell(Rendered.Title.empty() ? Name.str() : Rendered.Title,
                  prefixOf(PagePath), Nav, Rendered.Body, /*Prose=*/true);
    if (llvm::Error E = emit(PagePath, Page))
      return E;
  }
  return emit("checks/index.html",
              pageShell("Checks", "../", NavItem::Checks, checksIndexBody(),
                        /*Prose=*/true));
}

/// Links between documents keep working in the report when they point at
/// a document it carries (".md" becomes ".html"); others lose their link.
std::optional<std::string> Site::docHref(llvm::StringRef FromDoc,
                                         llvm::StringRef Target) {
  if (Target.starts_with("#") || Target.contains("://") ||
      Target.starts_with("mailto:"))
    return Target.str();
  auto [File, Fragment] = Target.split('#');
  llvm::SmallString<128> Resolved(
      path::parent_path(FromDoc, path::Style::posix));
  path::append(Resolved, path::Style::posix, File);
  path::remove_dots(Resolved, /*remove_dot_dot=*/true, path::Style::posix);
  llvm::StringRef Doc = llvm::StringRef(Resolved).rtrim('/');
  std::string Suffix = Fragment.empty() ? "" : "#" + Fragment.str();
  if (Doc == ChecksFolder)
    return (File.rtrim('/') + "/index.html" + Suffix).str();
  if (isBundled(Doc))
    return htmlPathOf(File) + Suffix;
  return std::nullopt;
}

std::string Site::checksIndexBody() const {
  std::string Body = "<h1>Checks</h1>\n<p>Every corolint check, and the "
                     "section of the <a href=\"../guide.html\">guide</a> "
                     "it enforces.</p>\n<ul>\n";
  for (const BundledDoc &Doc : BundledDocs) {
    if (!Doc.Path.starts_with((ChecksFolder + "/").str()))
      continue;
    llvm::StringRef Name = path::stem(Doc.Path, path::Style::posix);
    const clang::tidy::corolint::CheckInfo *Info =
        clang::tidy::corolint::findCheck(Name);
    Body += "<li><a href=\"" + escape(Name) + ".html\"><code>" + escape(Name) +
            "</code></a>";
    if (Info)
      Body += ": " + escape(Info->Summary) + " " +
              guideLink(Info->GuideSection, "../");
    Body += "</li>\n";
  }
  return Body + "</ul>\n";
}

std::string Site::guideLink(llvm::StringRef Section,
                            llvm::StringRef Prefix) const {
  std::string Anchor = "s" + Section.str();
  std::string Href = Prefix.str() + "guide.html";
  if (GuideIds.count(Anchor))
    Href += "#" + Anchor;
  return "<a class=\"cite\" href=\"" + escape(Href) + "\">guide §" +
         escape(Section) + "</a>";
}

std::string Site::checkLink(llvm::StringRef Check,
                            llvm::StringRef Prefix) const {
  std::string Name = "<code>" + escape(Check) + "</code>";
  if (!DocumentedChecks.contains(Check))
    return Name;
  return "<a class=\"check\" href=\"" + escape(Prefix) + "checks/" +
         escape(Check) + ".html\">" + Name + "</a>";
}

} // namespace corolint::scanner::html
