//===--- HTMLIndexPage.cpp - the report's index -----------------------===//

#include "CheckInfo.h"
#include "HTMLSite.h"
#include "Output.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

namespace corolint::scanner::html {

std::string Site::indexBody() const {
  std::string Html = "<h1>corolint report</h1>\n<p class=\"muted\">Project "
                     "root <code>" +
                     escape(Report.ProjectRoot) + "</code></p>\n" + totals() +
                     scanDetails() + baselineChanges() + checksTable() +
                     rootCausesList() + findingsTable() + filesTable() +
                     failuresList();
  return Html;
}

std::string Site::totals() const {
  std::set<std::string> Files;
  for (const Finding &F : Report.Findings)
    Files.insert(F.Main.Loc.File);
  unsigned Failed = Report.Failures.size();
  std::string Html = "<dl class=\"totals\" aria-label=\"Totals\">\n";
  auto Total = [&](llvm::StringRef Name, const std::string &Value) {
    Html += "<div><dt>" + Name.str() + "</dt><dd>" + Value + "</dd></div>\n";
  };
  Total("Findings", std::to_string(Report.Findings.size()));
  Total("Files with findings", std::to_string(Files.size()));
  Total("Translation units analysed",
        llvm::formatv("{0} of {1}", Report.TranslationUnits - Failed,
                      Report.TranslationUnits));
  Total("Failed to analyse", std::to_string(Failed));
  if (Report.SuppressedByBaseline)
    Total("In the baseline", std::to_string(Report.SuppressedByBaseline));
  return Html + "</dl>\n";
}

/// What ran, on which code and with which checks: nothing that differs
/// between a full scan and a merge of its shards (no time, no cache hits).
std::string Site::scanDetails() const {
  std::string Html = "<details class=\"scan\"><summary>Scan details</summary>"
                     "\n<dl class=\"meta\">\n";
  auto Item = [&](llvm::StringRef Name, const std::string &ValueHtml) {
    Html +=
        "<div><dt>" + Name.str() + "</dt><dd>" + ValueHtml + "</dd></div>\n";
  };
  Item("corolint", escape(Generator) + " (LLVM " COROLINT_LLVM_VERSION ")");
  Item("Command line",
       "<code>" + escape(llvm::join(Report.CommandLine, " ")) + "</code>");
  Item("Project root",
       "<code>" + wrappablePath(Report.ProjectRoot) + "</code>");
  if (!Report.GitCommit.empty())
    Item("Git commit", "<code>" + escape(Report.GitCommit) + "</code>");
  std::vector<std::string> Checks;
  Checks.reserve(Report.EnabledChecks.size());
  for (const std::string &Check : Report.EnabledChecks)
    Checks.push_back("<code>" + escape(Check) + "</code>");
  Item("Checks enabled", Checks.empty() ? "none" : llvm::join(Checks, ", "));
  Item("Guide", "<code>" + escape(Report.GuideURL) + "</code>");
  return Html + "</dl></details>\n";
}

/// With --baseline: what is new since it, and what it records that no
/// finding matches any more (fixed, or moved beyond recognition).
std::string Site::baselineChanges() const {
  if (!Report.UsedBaseline)
    return "";
  size_t Fixed = Report.FixedSinceBaseline.size();
  std::string Html = llvm::formatv(
      "<section aria-labelledby=\"baseline-h\"><h2 id=\"baseline-h\">Since "
      "the baseline</h2>\n<p><strong>{0}</strong> new finding{1} (every "
      "finding listed below), <strong>{2}</strong> fixed, {3} unchanged "
      "and not shown.</p>\n",
      Report.Findings.size(), Report.Findings.size() == 1 ? "" : "s", Fixed,
      Report.SuppressedByBaseline);
  if (Fixed) {
    Html += "<ul class=\"fixed\" aria-label=\"Fixed since the baseline\">\n";
    for (const BaselineEntry &E : Report.FixedSinceBaseline)
      Html +=
          "<li><code>" + escape(E.Check) + "</code> in " +
          wrappablePath(E.Path) +
          (E.Function.empty() ? ""
                              : " (<code>" + escape(E.Function) + "</code>)") +
          ": " + escape(E.Message) + "</li>\n";
    Html += "</ul>\n";
  }
  return Html + "</section>\n";
}

std::string Site::sortHeader(llvm::StringRef Label, llvm::StringRef What,
                             bool Numeric) {
  return "<th scope=\"col\" aria-sort=\"none\"" +
         std::string(Numeric ? " class=\"num\" data-type=\"number\"" : "") +
         "><button type=\"button\" aria-label=\"Sort by " + What.str() + "\">" +
         Label.str() + "</button></th>";
}

std::string Site::checksTable() const {
  std::map<std::string, unsigned> PerCheck = Report.findingsPerCheck();
  for (const std::string &Check : Report.EnabledChecks)
    PerCheck.try_emplace(Check, 0);
  std::string Html =
      "<section aria-labelledby=\"checks-h\"><h2 id=\"checks-h\">Findings "
      "per check</h2>\n<div class=\"table-wrap\"><table class=\"sortable "
      "cards\" id=\"checks-table\">\n<thead><tr>" +
      sortHeader("Check", "check", false) + "<th scope=\"col\">Guide</th>" +
      sortHeader("Findings", "number of findings", true) +
      "</tr></thead>\n<tbody>\n";
  for (const auto &[Check, Count] : PerCheck) {
    const clang::tidy::corolint::CheckInfo *Info =
        clang::tidy::corolint::findCheck(Check);
    Html += "<tr><td data-label=\"Check\" data-sort=\"" + escape(Check) +
            "\">" + checkLink(Check, "");
    if (Info)
      Html += "<br><span class=\"muted\">" + escape(Info->Summary) + "</span>";
    Html += "</td><td data-label=\"Guide\">";
    if (Info)
      Html += guideLink(Info->GuideSection, "");
    Html += llvm::formatv("</td><td class=\"num\" data-label=\"Findings\" "
                          "data-sort=\"{0}\">",
                          Count)
                .str();
    if (Count)
      Html += llvm::formatv("<a href=\"#check={0}\" aria-label=\"Show the {1} "
                            "finding{2} of {0}\">{1}</a>",
                            escape(Check), Count, Count == 1 ? "" : "s")
                  .str();
    else
      Html += "0";
    Html += "</td></tr>\n";
  }
  return Html + "</tbody></table></div></section>\n";
}

/// Blocking calls that coro-blocking-call reaches from several call sites,
/// each with links to its findings: one problem to fix, however many
/// findings it has.
std::string Site::rootCausesList() const {
  std::vector<BlockingRootCause> Causes = blockingRootCauses(Report);
  if (Causes.empty())
    return "";
  std::string Html =
      "<section aria-labelledby=\"roots-h\"><h2 id=\"roots-h\">Root "
      "causes</h2>\n<p>Blocking calls that " +
      checkLink("coro-blocking-call", "") +
      " reaches from several call sites. Each is one problem: make it "
      "asynchronous (or move it off the executor) and its findings go "
      "away.</p>\n<ul class=\"root-causes\">\n";
  for (const BlockingRootCause &Cause : Causes) {
    std::vector<std::string> Links;
    for (size_t I : Cause.Findings) {
      const Location &Loc = Report.Findings[I].Main.Loc;
      Links.push_back(llvm::formatv(
          "<a href=\"{0}/{1}#{2}\" aria-label=\"Finding {3} at {4}:{5}\">"
          "#{3}</a>",
          FilesFolder, escape(PageOf.at(Loc.File)), findingId(I), I + 1,
          escape(displayPath(Loc.File)), Loc.Pos.Line));
    }
    Html +=
        llvm::formatv("<li class=\"root-cause\"><code>{0}:{1}</code>: "
                      "{2} blocks, reached from <strong>{3}</strong> call "
                      "sites: {4}</li>\n",
                      wrappablePath(Cause.File), Cause.Line, escape(Cause.What),
                      Cause.Findings.size(), llvm::join(Links, ", "))
            .str();
  }
  return Html + "</ul></section>\n";
}

std::string Site::findingsTable() const {
  std::string Html = "<section id=\"findings\" aria-labelledby=\"findings-h\">"
                     "<h2 id=\"findings-h\">Findings</h2>\n";
  if (Report.Findings.empty())
    return Html + "<p>No findings.</p></section>\n";
  std::map<std::string, unsigned> PerCheck = Report.findingsPerCheck();
  Html += "<div class=\"controls\" id=\"filters\" hidden>\n<label>Check"
          "<select id=\"check-filter\" aria-label=\"Show the findings of one "
          "check\" aria-controls=\"findings-table files-table\">"
          "<option value=\"\">All checks</option>";
  for (const auto &[Check, Count] : PerCheck)
    Html += llvm::formatv("<option value=\"{0}\">{0} ({1})</option>",
                          escape(Check), Count)
                .str();
  Html += "</select></label>\n<label>Severity<select id=\"level-filter\" "
          "aria-label=\"Show the findings of one severity\" "
          "aria-controls=\"findings-table\"><option value=\"\">All</option>"
          "<option value=\"error\">Errors</option><option "
          "value=\"warning\">Warnings</option></select></label>\n"
          "<label>Path<input type=\"search\" id=\"path-filter\" "
          "aria-label=\"Show the findings in paths containing this text\" "
          "placeholder=\"src/net/\"></label>\n<label><input type=\"checkbox\" "
          "id=\"fix-filter\"> With a fix</label>\n"
          "<label>Text<input type=\"search\" "
          "id=\"text-filter\" aria-label=\"Show the findings containing this "
          "text\" placeholder=\"message, file, function\"></label>\n"
          "<output id=\"filter-status\" aria-live=\"polite\"></output>\n"
          "</div>\n<p class=\"hint\">Press <kbd>j</kbd> / <kbd>k</kbd> to "
          "move between findings, <kbd>Enter</kbd> to open one.</p>\n"
          "<div class=\"table-wrap\"><table class=\"sortable cards\" "
          "id=\"findings-table\">\n<caption class=\"sr-only\">Findings, one "
          "per row</caption>\n<thead><tr>" +
          sortHeader("#", "report order", true) +
          sortHeader("Location", "location", false) +
          sortHeader("Check", "check", false) +
          sortHeader("Function", "function", false) +
          "<th scope=\"col\">Message</th>" +
          sortHeader("Steps", "number of steps", true) +
          sortHeader("Fix", "fix", false) + "</tr></thead>\n<tbody>\n";
  for (size_t I = 0; I < Report.Findings.size(); ++I) {
    const Finding &F = Report.Findings[I];
    const Location &Loc = F.Main.Loc;
    std::string Where = displayPath(Loc.File);
    std::string SortKey = llvm::formatv("{0}\t{1,8:0}\t{2,8:0}", Where,
                                        Loc.Pos.Line, Loc.Pos.Column);
    std::string Href =
        FilesFolder.str() + "/" + PageOf.at(Loc.File) + "#" + findingId(I);
    // One tab stop per finding: its location. The check and the guide
    // are linked from the finding's own page and the checks table.
    llvm::StringRef Fix = fixKind(F);
    Html +=
        llvm::formatv(
            "<tr class=\"finding-row\" data-check=\"{0}\" data-level=\"{11}\" "
            "data-path=\"{12}\" data-fix=\"{13}\">"
            "<td class=\"num\" data-label=\"#\" data-sort=\"{1}\">{1}</td>"
            "<td data-label=\"Location\" data-sort=\"{2}\"><a data-nav "
            "href=\"{3}\">{4}:{5}:{6}</a></td>"
            "<td data-label=\"Check\"><code>{7}</code></td>"
            "<td data-label=\"Function\">{8}</td>"
            "<td data-label=\"Message\">{9}</td>"
            "<td class=\"num\" data-label=\"Steps\">{10}</td>"
            "<td data-label=\"Fix\" data-sort=\"{13}\">{14}</td></tr>\n",
            escape(F.Check), I + 1, escape(SortKey), escape(Href),
            wrappablePath(Where), Loc.Pos.Line, Loc.Pos.Column, escape(F.Check),
            F.Function.empty() ? "" : "<code>" + escape(F.Function) + "</code>",
            escape(F.Main.Text), F.Notes.size() + 1, escape(F.Level),
            escape(Where), Fix, fixBadge(Fix))
            .str();
  }
  return Html + "</tbody></table></div></section>\n";
}

std::string Site::filesTable() const {
  std::map<std::string, std::map<std::string, unsigned>> PerFile;
  for (const Finding &F : Report.Findings)
    ++PerFile[F.Main.Loc.File][F.Check];
  if (PerFile.empty())
    return "";
  std::string Html =
      "<section aria-labelledby=\"files-h\"><h2 id=\"files-h\">Files</h2>\n"
      "<div class=\"table-wrap\"><table class=\"sortable cards\" "
      "id=\"files-table\">\n<thead><tr>" +
      sortHeader("File", "file", false) +
      sortHeader("Findings", "number of findings", true) +
      "<th scope=\"col\">Checks</th></tr></thead>\n<tbody>\n";
  for (const auto &[File, Counts] : PerFile) {
    llvm::json::Object CountsJSON;
    unsigned Total = 0;
    std::string Checks;
    for (const auto &[Check, Count] : Counts) {
      CountsJSON[Check] = Count;
      Total += Count;
      Checks += (Checks.empty() ? "" : ", ") + checkLink(Check, "") + " " +
                std::to_string(Count);
    }
    std::string Counted =
        llvm::formatv("{0}", llvm::json::Value(std::move(CountsJSON)));
    std::string Where = displayPath(File);
    Html += llvm::formatv(
                "<tr data-counts=\"{0}\"><td data-label=\"File\" "
                "data-sort=\"{1}\"><a href=\"{2}/{3}\">{1}</a></td>"
                "<td class=\"num count\" data-label=\"Findings\" "
                "data-sort=\"{4}\">{4}</td><td data-label=\"Checks\">{5}</td>"
                "</tr>\n",
                escape(Counted), escape(Where), FilesFolder,
                escape(PageOf.at(File)), Total, Checks)
                .str();
  }
  return Html + "</tbody></table></div></section>\n";
}

std::string Site::failuresList() const {
  if (Report.Failures.empty())
    return "";
  std::string Html = "<section aria-labelledby=\"failures-h\"><h2 "
                     "id=\"failures-h\">Translation units that failed</h2>\n"
                     "<p>Their findings may be incomplete.</p>\n<ul>\n";
  for (const Failure &F : Report.Failures) {
    Html += "<li><code>" + escape(displayPath(F.File)) +
            "</code>: " + escape(statusName(F.Status));
    if (!F.CompileErrors.empty()) {
      Html += "<ul>";
      for (const Finding &E : llvm::ArrayRef(F.CompileErrors).take_front(5))
        Html += llvm::formatv("<li>{0}:{1}:{2}: {3}</li>",
                              escape(displayPath(E.Main.Loc.File)),
                              E.Main.Loc.Pos.Line, E.Main.Loc.Pos.Column,
                              escape(E.Main.Text))
                    .str();
      Html += "</ul>";
    } else if (!F.Detail.empty()) {
      llvm::StringRef Detail = F.Detail;
      Html +=
          ": " + escape(Detail.take_until([](char C) { return C == '\n'; }));
      if (Detail.contains('\n'))
        Html += "<details><summary>Details</summary><pre>" + escape(Detail) +
                "</pre></details>";
    }
    Html += "</li>\n";
  }
  return Html + "</ul></section>\n";
}

} // namespace corolint::scanner::html
