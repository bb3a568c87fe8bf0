//===--- HTMLFilePages.cpp - a page per file, its findings inline -----===//

#include "FileIO.h"
#include "HTMLSite.h"
#include "Output.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace corolint::scanner::html {

namespace path = llvm::sys::path;

/// Every file a finding or a step is in gets a page.
void Site::assignPages() {
  llvm::StringSet<> Used;
  auto Assign = [&](const std::string &File) {
    if (!PageOf.count(File))
      PageOf[File] = pageNameFor(relativePath(File, Report.ProjectRoot), Used);
  };
  for (const Finding &F : Report.Findings) {
    Assign(F.Main.Loc.File);
    for (const Message &Note : F.Notes)
      if (!Note.Loc.File.empty())
        Assign(Note.Loc.File);
  }
}

/// The content of \p File, read once; null when it cannot be read or is
/// not a file the scan read (a forged cache entry must not make the report
/// embed other files).
const std::string *Site::source(const std::string &File) {
  auto [It, Inserted] = Sources.try_emplace(File);
  if (Inserted && Report.Inputs.count(File)) {
    if (auto Buffer = readInputFile(File))
      It->second = (*Buffer)->getBuffer().str();
    else
      llvm::consumeError(Buffer.takeError());
  }
  return It->second ? &*It->second : nullptr;
}

/// Bidirectional controls in a name would reorder what a reader sees;
/// they are shown as "<U+202E>".
std::string Site::displayPath(llvm::StringRef File) const {
  return File.empty() ? "(no location)"
                      : visibleText(relativePath(File, Report.ProjectRoot));
}

/// "cache.cpp:10:23", linked to the line on its page. \p FromFile is the
/// file of the page the link is on.
std::string Site::locationLink(const Location &Loc,
                               llvm::StringRef FromFile) const {
  if (Loc.File.empty())
    return "";
  std::string Text = Loc.File == FromFile ? path::filename(Loc.File).str()
                                          : displayPath(Loc.File);
  if (Loc.Pos.Line)
    Text += llvm::formatv(":{0}:{1}", Loc.Pos.Line, Loc.Pos.Column).str();
  std::string Href = Loc.File == FromFile ? "" : PageOf.at(Loc.File);
  if (Loc.Pos.Line)
    Href += "#L" + std::to_string(Loc.Pos.Line);
  return "<a class=\"loc\" href=\"" + escape(Href) + "\">" + escape(Text) +
         "</a>";
}

/// A fix-it as a diff per file: the lines it touches, before and after.
std::string Site::diffHTML(const std::vector<Replacement> &Edits,
                           llvm::StringRef FromFile) {
  std::vector<std::string> Order;
  std::map<std::string, std::vector<const Replacement *>> ByFile;
  for (const Replacement &R : Edits) {
    if (!ByFile.count(R.File))
      Order.push_back(R.File);
    ByFile[R.File].push_back(&R);
  }
  std::string Html;
  for (const std::string &File : Order) {
    std::vector<const Replacement *> &InFile = ByFile[File];
    llvm::sort(InFile, [](const Replacement *A, const Replacement *B) {
      return A->Offset < B->Offset;
    });
    Html += "<div class=\"diff\" role=\"group\" aria-label=\"Change to " +
            escape(displayPath(File)) + "\">";
    if (File != FromFile)
      Html += "<div class=\"file\">" + escape(displayPath(File)) + "</div>";
    Html += diffBody(File, InFile) + "</div>";
  }
  return Html;
}

std::string Site::diffBody(const std::string &File,
                           llvm::ArrayRef<const Replacement *> Edits) {
  const std::string *Text = source(File);
  bool Applicable = Text != nullptr;
  for (size_t I = 0; Applicable && I < Edits.size(); ++I)
    Applicable = Edits[I]->Offset + Edits[I]->Length <= Text->size() &&
                 (I == 0 || Edits[I - 1]->Offset + Edits[I - 1]->Length <=
                                Edits[I]->Offset);
  if (!Applicable)
    return describedEdits(Edits);
  llvm::StringRef Source = *Text;
  unsigned First = Edits.front()->Offset;
  size_t Begin = First == 0 ? 0 : Source.rfind('\n', First - 1) + 1;
  unsigned Last = Edits.back()->Offset + Edits.back()->Length;
  size_t End = std::min(Source.find('\n', Last), Source.size());
  DiffSide Old, New;
  size_t Pos = Begin;
  for (const Replacement *R : Edits) {
    Old.emplace_back(Source.slice(Pos, R->Offset).str(), false);
    New.emplace_back(Source.slice(Pos, R->Offset).str(), false);
    Old.emplace_back(Source.substr(R->Offset, R->Length).str(), true);
    New.emplace_back(R->Text, true);
    Pos = R->Offset + R->Length;
  }
  Old.emplace_back(Source.slice(Pos, End).str(), false);
  New.emplace_back(Source.slice(Pos, End).str(), false);
  return diffLines(Old, /*Removed=*/true) + diffLines(New, /*Removed=*/false);
}

/// Edits whose file is gone or changed, described instead of diffed.
std::string Site::describedEdits(llvm::ArrayRef<const Replacement *> Edits) {
  std::string Html = "<ul>";
  for (const Replacement *R : Edits)
    Html +=
        llvm::formatv("<li>replace {0}:{1} to {2}:{3} by <code>{4}</code></li>",
                      R->Begin.Line, R->Begin.Column, R->End.Line,
                      R->End.Column, escape(R->Text))
            .str();
  return Html + "</ul>";
}

std::string Site::findingId(size_t Index) const {
  return "f" + std::to_string(Index + 1);
}

/// The page a finding is on, as a link target from another file's page.
std::string Site::findingHref(size_t Index, llvm::StringRef FromFile) const {
  const std::string &File = Report.Findings[Index].Main.Loc.File;
  return (File == FromFile ? "" : PageOf.at(File)) + "#" + findingId(Index);
}

std::string Site::findingBox(size_t Index, llvm::StringRef File) {
  const Finding &F = Report.Findings[Index];
  std::string Id = findingId(Index), Number = std::to_string(Index + 1);
  bool IsError = F.Level == "error";
  std::string Html;
  llvm::raw_string_ostream OS(Html);
  OS << "<section class=\"finding" << (IsError ? " error" : "") << "\" id=\""
     << Id << "\" tabindex=\"-1\" data-nav aria-labelledby=\"" << Id
     << "-h\" data-check=\"" << escape(F.Check) << "\">\n<h3 id=\"" << Id
     << "-h\"><span class=\"badge" << (IsError ? " error" : "") << "\">"
     << escape(F.Level) << "</span> <span>Finding " << Number << "</span> "
     << checkLink(F.Check, "../") << "</h3>\n"
     << "<p class=\"msg\">" << messageHTML(F, "../", GuideIds)
     << "</p>\n<p class=\"meta\">" << locationLink(F.Main.Loc, File);
  if (!F.Function.empty())
    OS << " in <code>" << escape(F.Function) << "</code>";
  OS << "</p>\n<ol class=\"steps\" role=\"list\" aria-label=\"Steps of "
        "finding "
     << Number << "\">\n";
  OS << "<li id=\"" << Id << "-s1\">" << locationLink(F.Main.Loc, File) << " "
     << escape(firstClause(F)) << "</li>\n";
  for (size_t I = 0; I < F.Notes.size(); ++I) {
    const Message &Note = F.Notes[I];
    OS << "<li id=\"" << Id << "-s" << I + 2 << "\">"
       << locationLink(Note.Loc, File) << " " << escape(Note.Text);
    if (!Note.Fixes.empty())
      OS << "<div class=\"fix\"><p>Suggested change (it changes behaviour, "
            "so <code>--fix</code> does not apply it; review it):</p>"
         << diffHTML(Note.Fixes, File) << "</div>";
    OS << "</li>\n";
  }
  OS << "</ol>\n";
  if (!F.Main.Fixes.empty())
    OS << "<div class=\"fix\"><h4>Fix-it</h4><p><code>corolint --fix</code> "
          "applies this change.</p>"
       << diffHTML(F.Main.Fixes, File) << "</div>\n";
  OS << "</section>\n";
  return Html;
}

/// The marker after a line where a step of a finding lies.
std::string Site::stepNote(const StepHere &S, llvm::StringRef File) const {
  std::string Number = std::to_string(S.Number);
  std::string Finding = std::to_string(S.Finding + 1);
  std::string Href = findingHref(S.Finding, File);
  return "<div class=\"stepnote\"><a class=\"bubble\" href=\"" + escape(Href) +
         "-s" + Number + "\" aria-label=\"Step " + Number + " of finding " +
         Finding + "\">" + Number + "</a><span>" + escape(S.M->Text) +
         "</span><a href=\"" + escape(Href) + "\">finding " + Finding + ", " +
         escape(Report.Findings[S.Finding].Check) + "</a></div>\n";
}

llvm::Error Site::writeFilePage(const std::string &File,
                                const std::string &Page) {
  std::vector<size_t> Here;    // Findings located in File.
  std::vector<StepHere> Steps; // Steps of any finding in File.
  for (size_t I = 0; I < Report.Findings.size(); ++I) {
    const Finding &F = Report.Findings[I];
    if (F.Main.Loc.File == File)
      Here.push_back(I);
    for (size_t N = 0; N < F.Notes.size(); ++N)
      if (F.Notes[N].Loc.File == File && !File.empty())
        Steps.push_back({I, static_cast<unsigned>(N + 2), &F.Notes[N]});
  }
  std::string Shown = displayPath(File);
  std::string Body = "<h1>" + escape(Shown) + "</h1>\n" +
                     findingsList(Here, Steps, File) +
                     "<h2 id=\"source-h\">Source</h2>\n";
  if (const std::string *Text = source(File))
    Body += sourceListing(*Text, File, Here, Steps);
  else
    Body += unreadableListing(File, Here);
  return emit(FilesFolder.str() + "/" + Page,
              pageShell(Shown, "../", NavItem::None, Body));
}

std::string Site::findingsList(llvm::ArrayRef<size_t> Here,
                               llvm::ArrayRef<StepHere> Steps,
                               llvm::StringRef File) const {
  std::string Html;
  if (!Here.empty()) {
    Html += llvm::formatv("<nav aria-labelledby=\"list-h\"><h2 id=\"list-h\">"
                          "{0} finding{1} in this file</h2>\n<ul>\n",
                          Here.size(), Here.size() == 1 ? "" : "s")
                .str();
    for (size_t I : Here) {
      const Finding &F = Report.Findings[I];
      Html += llvm::formatv("<li><a href=\"#{0}\">line {1}</a>: <code>{2}"
                            "</code> {3}</li>\n",
                            findingId(I), F.Main.Loc.Pos.Line, escape(F.Check),
                            escape(firstClause(F)))
                  .str();
    }
    Html += "</ul></nav>\n";
  }
  std::vector<size_t> Elsewhere;
  for (const StepHere &S : Steps)
    if (Report.Findings[S.Finding].Main.Loc.File != File &&
        !llvm::is_contained(Elsewhere, S.Finding))
      Elsewhere.push_back(S.Finding);
  if (!Elsewhere.empty()) {
    Html += "<h2>Steps of findings in other files</h2>\n<ul>\n";
    for (size_t I : Elsewhere) {
      const Finding &F = Report.Findings[I];
      Html += "<li><a href=\"" + escape(findingHref(I, File)) + "\">finding " +
              std::to_string(I + 1) + "</a> in " +
              escape(displayPath(F.Main.Loc.File)) + ": <code>" +
              escape(F.Check) + "</code> " + escape(firstClause(F)) + "</li>\n";
    }
    Html += "</ul>\n";
  }
  if (!Here.empty())
    Html += "<p class=\"hint\">Press <kbd>j</kbd> / <kbd>k</kbd> to go to "
            "the next / previous finding.</p>\n";
  return Html;
}

/// The highlighted source with each finding's box after its line and a
/// marker after the line of each step (but the steps on a finding's own
/// line, which its box lists right there).
std::string Site::sourceListing(llvm::StringRef Text, llvm::StringRef File,
                                llvm::ArrayRef<size_t> Here,
                                llvm::ArrayRef<StepHere> Steps) {
  std::vector<unsigned> Marks;
  std::map<unsigned, std::vector<size_t>> BoxesAt;
  std::map<unsigned, std::vector<StepHere>> StepsAt;
  for (size_t I : Here) {
    const Location &Loc = Report.Findings[I].Main.Loc;
    Marks.push_back(Loc.Offset);
    BoxesAt[Loc.Pos.Line].push_back(I);
  }
  for (const StepHere &S : Steps) {
    Marks.push_back(S.M->Loc.Offset);
    const Location &Main = Report.Findings[S.Finding].Main.Loc;
    if (Main.File != File || Main.Pos.Line != S.M->Loc.Pos.Line)
      StepsAt[S.M->Loc.Pos.Line].push_back(S);
  }
  std::vector<std::string> Lines = html::highlightCpp(Text, Marks);
  std::string Html = "<div class=\"src\" role=\"region\" "
                     "aria-labelledby=\"source-h\">\n";
  auto Decorations = [&](unsigned Line) {
    std::string Out;
    for (size_t I : BoxesAt[Line])
      Out += findingBox(I, File);
    for (const StepHere &S : StepsAt[Line])
      Out += stepNote(S, File);
    return Out;
  };
  for (unsigned N = 1; N <= Lines.size(); ++N) {
    const char *Class = BoxesAt.count(N)   ? " hit"
                        : StepsAt.count(N) ? " step"
                                           : "";
    Html += llvm::formatv("<div class=\"l{0}\" id=\"L{1}\" data-n=\"{1}\">"
                          "<code>{2}</code></div>\n",
                          Class, N, Lines[N - 1])
                .str();
    Html += Decorations(N);
  }
  // Locations past the end (the file changed since it was analysed).
  for (auto &[Line, Boxes] : BoxesAt)
    if (Line == 0 || Line > Lines.size())
      Html += Decorations(Line);
  for (auto &[Line, Notes] : StepsAt)
    if ((Line == 0 || Line > Lines.size()) && !BoxesAt.count(Line))
      Html += Decorations(Line);
  return Html + "</div>\n";
}

/// Without the source: each finding after the line it was reported on.
std::string Site::unreadableListing(llvm::StringRef File,
                                    llvm::ArrayRef<size_t> Here) {
  std::string Html = "<p>The source of this file could not be read; each "
                     "finding follows the line it was reported on.</p>\n"
                     "<div class=\"src\" role=\"region\" "
                     "aria-labelledby=\"source-h\">\n";
  for (size_t I : Here) {
    const Message &M = Report.Findings[I].Main;
    std::vector<std::string> Line = html::highlightCpp(M.LineText);
    Html += llvm::formatv("<div class=\"l hit\" id=\"L{0}\" data-n=\"{0}\">"
                          "<code>{1}</code></div>\n",
                          M.Loc.Pos.Line, Line.empty() ? "" : Line.front())
                .str();
    Html += findingBox(I, File);
  }
  return Html + "</div>\n";
}

} // namespace corolint::scanner::html
