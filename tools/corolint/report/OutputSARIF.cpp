//===--- OutputSARIF.cpp - the SARIF 2.1.0 report -------------------------===//
//
// One run; paths relative to %SRCROOT% (the project root, given in
// originalUriBaseIds) so that code-scanning services can map them to the
// repository; columns in UTF-16 code units; fingerprints that do not depend
// on line numbers; rules whose help is the check's summary, how to fix its
// findings and the guide section (lib/Checks.def and docs/checks/<check>.md).
// Valid against the official schema with its formats checked
// (test/scanner/sarif-schema.test).
//
//===----------------------------------------------------------------------===//

#include "CheckDocs.h"
#include "CheckInfo.h"
#include "Output.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

namespace corolint::scanner {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

constexpr llvm::StringLiteral RootId = "%SRCROOT%";

using clang::tidy::corolint::uriEncodePath;

/// Whether \p Uri is an absolute URI (a scheme, then only characters a URI
/// may hold): what the schema's `format: uri` of helpUri and informationUri
/// accepts. "docs/guide.md#s3.2" is relative.
static bool isAbsoluteUri(llvm::StringRef Uri) {
  size_t Colon = Uri.find(':');
  if (Colon == llvm::StringRef::npos || Colon == 0 || !llvm::isAlpha(Uri[0]))
    return false;
  auto InScheme = [](char C) {
    return llvm::isAlnum(C) || llvm::StringRef("+-.").contains(C);
  };
  auto InUri = [](char C) {
    return llvm::isAlnum(C) ||
           llvm::StringRef("-._~:/?#[]@!$&'()*+,;=%").contains(C);
  };
  return llvm::all_of(Uri.take_front(Colon), InScheme) &&
         llvm::all_of(Uri.drop_front(Colon + 1), InUri);
}

static std::string rootUri(llvm::StringRef Root) {
  std::string Uri = "file://" + uriEncodePath(Root);
  return llvm::StringRef(Uri).ends_with("/") ? Uri : Uri + "/";
}

static Value artifactLocation(llvm::StringRef File, llvm::StringRef Root) {
  std::string Relative = relativePath(File, Root);
  if (Relative == File) // Outside the project: an absolute URI.
    return Object{{"uri", "file://" + uriEncodePath(File)}};
  return Object{{"uri", uriEncodePath(Relative)}, {"uriBaseId", RootId}};
}

static Value physicalLocation(const Message &M, llvm::StringRef Root) {
  Object Region{{"startLine", M.Loc.Pos.Line},
                {"startColumn", M.Loc.Pos.Utf16Column}};
  if (!M.LineText.empty())
    Region["snippet"] = Object{{"text", M.LineText}};
  return Object{{"artifactLocation", artifactLocation(M.Loc.File, Root)},
                {"region", std::move(Region)}};
}

static Value fix(llvm::StringRef Description,
                 const std::vector<Replacement> &Edits, llvm::StringRef Root) {
  llvm::StringMap<Array> ByFile;
  std::vector<std::string> Order;
  for (const Replacement &R : Edits) {
    if (!ByFile.count(R.File))
      Order.push_back(R.File);
    ByFile[R.File].push_back(
        Object{{"deletedRegion", Object{{"startLine", R.Begin.Line},
                                        {"startColumn", R.Begin.Utf16Column},
                                        {"endLine", R.End.Line},
                                        {"endColumn", R.End.Utf16Column}}},
               {"insertedContent", Object{{"text", R.Text}}}});
  }
  Array Changes;
  for (const std::string &File : Order)
    Changes.push_back(Object{{"artifactLocation", artifactLocation(File, Root)},
                             {"replacements", std::move(ByFile[File])}});
  return Object{{"description", Object{{"text", Description}}},
                {"artifactChanges", std::move(Changes)}};
}

namespace {

struct Rule {
  std::string Id;
  std::string Section;
  std::string
      GuideLink; ///< The guide section, maybe relative to the repository.
};

/// The rule's help: the check's summary, how to fix its findings, and its
/// guide section (a Markdown link when the guide's URL is absolute).
static Object ruleHelp(llvm::StringRef Summary, const CheckDoc *Doc,
                       const Rule &R) {
  std::string Text = Summary.str(), Markdown = Summary.str();
  if (Doc && !Doc->HowToFix.empty()) {
    Text += "\n\nHow to fix: " + Doc->HowToFix.str();
    Markdown += "\n\n**How to fix.** " + Doc->HowToFixMarkdown.str();
  }
  if (!R.Section.empty()) {
    std::string Name = "guide §" + R.Section;
    Text += "\n\nThe rule: " + Name + " (" + R.GuideLink + ").";
    Markdown += "\n\nThe rule: " + (isAbsoluteUri(R.GuideLink)
                                        ? "[" + Name + "](" + R.GuideLink + ")."
                                        : Name + " (`" + R.GuideLink + "`).");
  }
  return Object{{"text", std::move(Text)}, {"markdown", std::move(Markdown)}};
}

/// SARIF's rule properties: GitHub shows the tags and ranks by precision.
static Object ruleProperties(const clang::tidy::corolint::CheckInfo &Info) {
  Array Tags;
  llvm::SmallVector<llvm::StringRef> Split;
  Info.Tags.split(Split, ';', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Tag : Split)
    Tags.push_back(Tag);
  return Object{{"guideSection", Info.GuideSection},
                {"tags", std::move(Tags)},
                {"precision", Info.Precision}};
}

/// Rules for every enabled check and every check that reported.
class RuleTable {
public:
  RuleTable(const ScanReport &Report) : Report(Report) {
    for (const std::string &Check : Report.EnabledChecks)
      indexOf(Check, nullptr);
    for (const Finding &F : Report.Findings)
      indexOf(F.Check, &F);
  }

  /// The rule of \p Check; its help links the guide section under the guide
  /// URL that \p Reported (a finding of it, if any) was configured with.
  unsigned indexOf(llvm::StringRef Check, const Finding *Reported) {
    auto [It, Inserted] = Index.try_emplace(Check, Rules.size());
    if (Inserted)
      Rules.push_back({Check.str(), guideSectionOf(Check).str(), ""});
    Rule &R = Rules[It->second];
    if (Reported)
      R.GuideLink = guideSectionURL(*Reported, Report.GuideURL);
    else if (R.GuideLink.empty())
      R.GuideLink =
          clang::tidy::corolint::guideSectionURL(Report.GuideURL, R.Section);
    return It->second;
  }

  Array toSARIF() const {
    Array Out;
    for (const Rule &R : Rules) {
      const CheckDoc *Doc = findCheckDoc(R.Id);
      const clang::tidy::corolint::CheckInfo *Info =
          clang::tidy::corolint::findCheck(R.Id);
      std::string Summary =
          Info ? Info->Summary.str()
               : "corolint check " + R.Id + ": see the guide section linked.";
      std::string Description =
          Doc && !Doc->Description.empty() ? Doc->Description.str() : Summary;
      Object Entry{{"id", R.Id},
                   {"name", R.Id},
                   {"shortDescription", Object{{"text", Summary}}},
                   {"fullDescription", Object{{"text", Description}}},
                   {"help", ruleHelp(Summary, Doc, R)},
                   {"defaultConfiguration", Object{{"level", "warning"}}}};
      // The schema wants an absolute URI; the default guide URL is a path
      // in the repository, which the help names instead.
      if (isAbsoluteUri(R.GuideLink))
        Entry["helpUri"] = R.GuideLink;
      // Only corolint's checks run, so every rule is in Checks.def.
      if (Info)
        Entry["properties"] = ruleProperties(*Info);
      Out.push_back(std::move(Entry));
    }
    return Out;
  }

private:
  const ScanReport &Report;
  llvm::StringMap<unsigned> Index;
  std::vector<Rule> Rules;
};

} // namespace

static Value result(const Finding &F, unsigned RuleIndex,
                    llvm::StringRef Fingerprint, llvm::StringRef Root) {
  Object Location{{"physicalLocation", physicalLocation(F.Main, Root)}};
  if (!F.Function.empty())
    Location["logicalLocations"] =
        Array{Object{{"fullyQualifiedName", F.Function}, {"kind", "function"}}};
  Array Related, Fixes;
  for (size_t I = 0; I < F.Notes.size(); ++I) {
    const Message &Note = F.Notes[I];
    Object R{{"id", I + 1}, {"message", Object{{"text", Note.Text}}}};
    if (!Note.Loc.File.empty())
      R["physicalLocation"] = physicalLocation(Note, Root);
    Related.push_back(std::move(R));
  }
  if (!F.Main.Fixes.empty())
    Fixes.push_back(
        fix("Apply the fix-it of this finding", F.Main.Fixes, Root));
  for (const Message &Note : F.Notes)
    if (!Note.Fixes.empty())
      Fixes.push_back(fix(Note.Text, Note.Fixes, Root));
  Object Out{{"ruleId", F.Check},
             {"ruleIndex", RuleIndex},
             {"level", F.Level == "error" ? "error" : "warning"},
             {"message", Object{{"text", F.Main.Text}}},
             {"locations", Array{std::move(Location)}},
             {"partialFingerprints", Object{{"corolint/v1", Fingerprint}}}};
  if (!Related.empty())
    Out["relatedLocations"] = std::move(Related);
  if (!Fixes.empty())
    Out["fixes"] = std::move(Fixes);
  return Out;
}

static Value notification(const Failure &F, llvm::StringRef Root) {
  std::string Text = llvm::formatv("{0}: {1}", relativePath(F.File, Root),
                                   statusName(F.Status));
  if (!F.CompileErrors.empty())
    Text += ": " + F.CompileErrors.front().Main.Text;
  else if (!F.Detail.empty())
    Text += ": " + F.Detail;
  return Object{
      {"level", "error"},
      {"message", Object{{"text", Text}}},
      {"locations", Array{Object{{"physicalLocation",
                                  Object{{"artifactLocation",
                                          artifactLocation(F.File, Root)}}}}}}};
}

void writeSARIF(llvm::raw_ostream &OS, const ScanReport &Report) {
  RuleTable Rules(Report);
  Array Results;
  for (size_t I = 0; I < Report.Findings.size(); ++I) {
    const Finding &F = Report.Findings[I];
    Results.push_back(result(F, Rules.indexOf(F.Check, &F),
                             Report.Fingerprints[I], Report.ProjectRoot));
  }
  Array Notifications;
  for (const Failure &F : Report.Failures)
    Notifications.push_back(notification(F, Report.ProjectRoot));
  Object Invocation{{"executionSuccessful", Report.Failures.empty()},
                    {"toolExecutionNotifications", std::move(Notifications)}};
  if (!Report.CommandLine.empty()) {
    Array Arguments;
    for (const std::string &Arg : Report.CommandLine)
      Arguments.push_back(Arg);
    Invocation["arguments"] = std::move(Arguments);
  }
  Object Driver{{"name", "corolint"},
                {"version", COROLINT_VERSION},
                {"semanticVersion", COROLINT_VERSION},
                {"rules", Rules.toSARIF()}};
  if (isAbsoluteUri(Report.GuideURL))
    Driver["informationUri"] = Report.GuideURL;
  Value Log = Object{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       Array{Object{
           {"tool", Object{{"driver", std::move(Driver)}}},
           {"originalUriBaseIds",
            Object{{RootId, Object{{"uri", rootUri(Report.ProjectRoot)}}}}},
           // Columns count UTF-16 code units, as GitHub code scanning reads
           // them.
           {"columnKind", "utf16CodeUnits"},
           {"results", std::move(Results)},
           {"invocations", Array{std::move(Invocation)}}}}}};
  OS << llvm::formatv("{0:2}", Log) << "\n";
}

} // namespace corolint::scanner
