//===--- OutputJSON.cpp - the JSON report ---------------------------------===//
//
// The schema is documented in docs/scanner.md; bump Version on any change
// that is not a pure addition.
//
//===----------------------------------------------------------------------===//

#include "Output.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

namespace corolint::scanner {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

constexpr int Version = 2;

/// "file" and "path" of \p File. JSON strings are UTF-8: a name that is not
/// keeps its exact bytes in "fileURI", a percent-encoded file: URI (RFC 8089),
/// while "file" and "path" show it with U+FFFD.
static Object withPath(llvm::StringRef File, llvm::StringRef Root,
                       Object Rest) {
  auto Text = [](llvm::StringRef S) {
    return llvm::json::isUTF8(S) ? S.str() : llvm::json::fixUTF8(S);
  };
  Rest["file"] = Text(File);
  Rest["path"] = Text(relativePath(File, Root));
  if (!llvm::json::isUTF8(File)) {
    std::string URI = "file://";
    for (unsigned char C : File)
      URI += llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C)
                 ? std::string(1, C)
                 : "%" + llvm::utohexstr(C, /*LowerCase=*/false, 2);
    Rest["fileURI"] = std::move(URI);
  }
  return Rest;
}

static Value position(const Position &P) {
  return Object{{"line", P.Line}, {"column", P.Column}};
}

static Value fixes(const std::vector<Replacement> &Edits,
                   llvm::StringRef Root) {
  Array Out;
  for (const Replacement &R : Edits)
    Out.push_back(withPath(R.File, Root,
                           Object{{"offset", R.Offset},
                                  {"length", R.Length},
                                  {"replacement", R.Text},
                                  {"begin", position(R.Begin)},
                                  {"end", position(R.End)}}));
  return Out;
}

static Object message(const Message &M, llvm::StringRef Root) {
  return withPath(M.Loc.File, Root,
                  Object{{"message", M.Text},
                         {"line", M.Loc.Pos.Line},
                         {"column", M.Loc.Pos.Column},
                         {"offset", M.Loc.Offset},
                         {"fixes", fixes(M.Fixes, Root)}});
}

static Value finding(const Finding &F, llvm::StringRef Fingerprint,
                     llvm::StringRef Root) {
  Object Out = message(F.Main, Root);
  Out["check"] = F.Check;
  Out["level"] = F.Level;
  Out["function"] = F.Function;
  Out["guideSection"] = guideSectionOf(F.Check);
  Out["fingerprint"] = Fingerprint;
  Array Notes;
  for (const Message &N : F.Notes)
    Notes.push_back(message(N, Root));
  Out["notes"] = std::move(Notes);
  return Out;
}

static Value failure(const Failure &F, llvm::StringRef Root) {
  Array Errors;
  for (const Finding &E : F.CompileErrors)
    Errors.push_back(message(E.Main, Root));
  return withPath(F.File, Root,
                  Object{{"reason", statusName(F.Status)},
                         {"detail", F.Detail},
                         {"errors", std::move(Errors)},
                         {"partialFindings", F.PartialFindings}});
}

void writeJSON(llvm::raw_ostream &OS, const ScanReport &Report) {
  Array Findings, Failures;
  for (size_t I = 0; I < Report.Findings.size(); ++I)
    Findings.push_back(finding(Report.Findings[I], Report.Fingerprints[I],
                               Report.ProjectRoot));
  for (const Failure &F : Report.Failures)
    Failures.push_back(failure(F, Report.ProjectRoot));
  Object PerCheck;
  for (const auto &[Check, Count] : Report.findingsPerCheck())
    PerCheck[Check] = Count;
  unsigned Failed = Report.Failures.size();
  Object Summary{{"translationUnits", Report.TranslationUnits},
                 {"analysed", Report.TranslationUnits - Failed},
                 {"failed", Failed},
                 {"findings", Report.Findings.size()},
                 {"findingsPerCheck", std::move(PerCheck)},
                 {"suppressedByBaseline", Report.SuppressedByBaseline}};
  Value Document = Object{
      {"version", Version},
      {"tool", Object{{"name", "corolint"}, {"version", COROLINT_VERSION}}},
      {"projectRoot", Report.ProjectRoot},
      {"findings", std::move(Findings)},
      {"failures", std::move(Failures)},
      {"summary", std::move(Summary)}};
  OS << llvm::formatv("{0:2}", Document) << "\n";
}

} // namespace corolint::scanner
