//===--- OutputSARIF.cpp - the SARIF 2.1.0 report -------------------------===//
//
// One run; paths relative to %SRCROOT% (the project root, given in
// originalUriBaseIds) so that code-scanning services can map them to the
// repository; fingerprints that do not depend on line numbers.
//
//===----------------------------------------------------------------------===//

#include "CheckDocs.h"
#include "Output.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "CheckInfo.h"

namespace corolint::scanner {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

constexpr llvm::StringLiteral RootId = "%SRCROOT%";

/// Percent-encodes everything but unreserved characters and '/'.
static std::string uriEncode(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C))
      Out += C;
    else
      Out += "%" + llvm::utohexstr(C, /*LowerCase=*/false, 2);
  }
  return Out;
}

static std::string rootUri(llvm::StringRef Root) {
  std::string Uri = "file://" + uriEncode(Root);
  return llvm::StringRef(Uri).ends_with("/") ? Uri : Uri + "/";
}

static Value artifactLocation(llvm::StringRef File, llvm::StringRef Root) {
  std::string Relative = relativePath(File, Root);
  if (Relative == File) // Outside the project: an absolute URI.
    return Object{{"uri", "file://" + uriEncode(File)}};
  return Object{{"uri", uriEncode(Relative)}, {"uriBaseId", RootId}};
}

static Value physicalLocation(const Message &M, llvm::StringRef Root) {
  Object Region{{"startLine", M.Loc.Pos.Line},
                {"startColumn", M.Loc.Pos.Column}};
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
    ByFile[R.File].push_back(Object{
        {"deletedRegion", Object{{"startLine", R.Begin.Line},
                                 {"startColumn", R.Begin.Column},
                                 {"endLine", R.End.Line},
                                 {"endColumn", R.End.Column}}},
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
  std::string HelpUri;
};

/// Rules for every enabled check and every check that reported.
class RuleTable {
public:
  RuleTable(const ScanReport &Report) : Report(Report) {
    for (const std::string &Check : Report.EnabledChecks)
      indexOf(Check, nullptr);
    for (const Finding &F : Report.Findings)
      indexOf(F.Check, &F);
  }

  /// The rule of \p Check; its help is the guide section under the guide
  /// URL that \p Reported (a finding of it, if any) was configured with.
  unsigned indexOf(llvm::StringRef Check, const Finding *Reported) {
    auto [It, Inserted] = Index.try_emplace(Check, Rules.size());
    if (Inserted)
      Rules.push_back({Check.str(), guideSectionOf(Check).str(), ""});
    Rule &R = Rules[It->second];
    if (Reported)
      R.HelpUri = guideSectionURL(*Reported, Report.GuideURL);
    else if (R.HelpUri.empty())
      R.HelpUri = clang::tidy::corolint::guideSectionURL(Report.GuideURL,
                                                        R.Section);
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
                   {"helpUri", R.HelpUri},
                   {"defaultConfiguration", Object{{"level", "warning"}}}};
      if (!R.Section.empty())
        Entry["properties"] = Object{{"guideSection", R.Section}};
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
    Fixes.push_back(fix("Apply the fix-it of this finding", F.Main.Fixes, Root));
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
      {"locations",
       Array{Object{{"physicalLocation",
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
  if (llvm::StringRef(Report.GuideURL).contains("://"))
    Driver["informationUri"] = Report.GuideURL; // SARIF wants it absolute.
  Value Log = Object{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       Array{Object{
           {"tool", Object{{"driver", std::move(Driver)}}},
           {"originalUriBaseIds",
            Object{{RootId, Object{{"uri", rootUri(Report.ProjectRoot)}}}}},
           {"columnKind", "unicodeCodePoints"},
           {"results", std::move(Results)},
           {"invocations", Array{std::move(Invocation)}}}}}};
  OS << llvm::formatv("{0:2}", Log) << "\n";
}

} // namespace corolint::scanner
