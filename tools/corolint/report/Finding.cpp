//===--- Finding.cpp - what the analysis of one translation unit yields ---===//

#include "Finding.h"
#include "CheckInfo.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/xxhash.h"

namespace corolint::scanner {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

static constexpr llvm::StringLiteral StatusNames[] = {
    "analysed",  "compile-error", "crashed",
    "timed-out", "not-analysed",  "skipped"};

llvm::StringRef statusName(TUStatus S) {
  return StatusNames[static_cast<unsigned>(S)];
}

static Value toJSON(const Position &P) {
  return Object{
      {"line", P.Line}, {"column", P.Column}, {"utf16Column", P.Utf16Column}};
}

static Value toJSON(const Replacement &R) {
  return Object{{"file", pathToJSON(R.File)}, {"offset", R.Offset},
                {"length", R.Length},         {"text", R.Text},
                {"begin", toJSON(R.Begin)},   {"end", toJSON(R.End)}};
}

static Value toJSON(const Message &M) {
  Array Fixes;
  for (const Replacement &R : M.Fixes)
    Fixes.push_back(toJSON(R));
  return Object{{"text", M.Text},
                {"file", pathToJSON(M.Loc.File)},
                {"offset", M.Loc.Offset},
                {"line", M.Loc.Pos.Line},
                {"column", M.Loc.Pos.Column},
                {"utf16Column", M.Loc.Pos.Utf16Column},
                {"lineText", M.LineText},
                {"fixes", std::move(Fixes)}};
}

Value toJSON(const Finding &F) {
  Array Notes;
  for (const Message &N : F.Notes)
    Notes.push_back(toJSON(N));
  return Object{{"check", F.Check},       {"level", F.Level},
                {"main", toJSON(F.Main)}, {"notes", std::move(Notes)},
                {"function", F.Function}, {"snippet", F.Snippet},
                {"guideURL", F.GuideURL}};
}

Value toJSON(const TUResult &R) {
  Array Findings, Errors, Deps;
  for (const Finding &F : R.Findings)
    Findings.push_back(toJSON(F));
  for (const Finding &F : R.CompileErrors)
    Errors.push_back(toJSON(F));
  for (const Dependency &D : R.Dependencies)
    Deps.push_back(Array{pathToJSON(D.Path), D.Hash});
  Array Absent;
  for (const std::string &Path : R.Absent)
    Absent.push_back(pathToJSON(Path));
  return Object{{"file", pathToJSON(R.File)},
                {"status", statusName(R.Status)},
                {"findings", std::move(Findings)},
                {"compileErrors", std::move(Errors)},
                {"detail", R.Detail},
                {"dependencies", std::move(Deps)},
                {"absent", std::move(Absent)},
                {"facts", toJSON(R.Facts)},
                {"seconds", R.Seconds}};
}

static bool fromJSON(const Value &V, Position &P, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("line", P.Line) && O.map("column", P.Column) &&
         O.map("utf16Column", P.Utf16Column);
}

static bool fromJSON(const Value &V, Replacement &R, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("file", R.File) && decodePath(R.File) &&
         O.map("offset", R.Offset) && O.map("length", R.Length) &&
         O.map("text", R.Text) && O.map("begin", R.Begin) &&
         O.map("end", R.End);
}

static bool fromJSON(const Value &V, Message &M, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("text", M.Text) && O.map("file", M.Loc.File) &&
         decodePath(M.Loc.File) && O.map("offset", M.Loc.Offset) &&
         O.map("line", M.Loc.Pos.Line) && O.map("column", M.Loc.Pos.Column) &&
         O.map("utf16Column", M.Loc.Pos.Utf16Column) &&
         O.map("lineText", M.LineText) && O.map("fixes", M.Fixes);
}

bool fromJSON(const Value &V, Finding &F, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("check", F.Check) && O.map("level", F.Level) &&
         O.map("main", F.Main) && O.map("notes", F.Notes) &&
         O.map("function", F.Function) && O.map("snippet", F.Snippet) &&
         O.mapOptional("guideURL", F.GuideURL);
}

static bool fromJSON(const Value &V, Dependency &D, llvm::json::Path Path) {
  const Array *Pair = V.getAsArray();
  std::optional<llvm::StringRef> File, Hash;
  if (Pair && Pair->size() == 2) {
    File = (*Pair)[0].getAsString();
    Hash = (*Pair)[1].getAsString();
  }
  if (!File || !Hash) {
    Path.report("expected [path, hash]");
    return false;
  }
  D.Path = File->str();
  D.Hash = Hash->str();
  return decodePath(D.Path);
}

static bool fromJSON(const Value &V, TUStatus &S, llvm::json::Path Path) {
  std::optional<llvm::StringRef> Name = V.getAsString();
  for (unsigned I = 0; Name && I < std::size(StatusNames); ++I)
    if (*Name == StatusNames[I]) {
      S = static_cast<TUStatus>(I);
      return true;
    }
  Path.report("unknown status");
  return false;
}

} // namespace corolint::scanner

namespace corolint::scanner {

bool fromJSON(const Value &V, TUResult &R, llvm::json::Path Path) {
  // "absent" is optional: shard results leave it out (ShardResult.cpp).
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("file", R.File) && decodePath(R.File) &&
         O.map("status", R.Status) && O.map("findings", R.Findings) &&
         O.map("compileErrors", R.CompileErrors) && O.map("detail", R.Detail) &&
         O.map("dependencies", R.Dependencies) &&
         O.mapOptional("absent", R.Absent) &&
         llvm::all_of(R.Absent, decodePath) && O.map("facts", R.Facts) &&
         O.map("seconds", R.Seconds);
}

std::string hashHex(llvm::StringRef Data) {
  llvm::XXH128_hash_t H =
      llvm::xxh3_128bits(llvm::ArrayRef(Data.bytes_begin(), Data.size()));
  return llvm::utohexstr(H.high64, /*LowerCase=*/true, 16) +
         llvm::utohexstr(H.low64, /*LowerCase=*/true, 16);
}

llvm::StringRef guideSectionOf(llvm::StringRef Check) {
  const clang::tidy::corolint::CheckInfo *Info =
      clang::tidy::corolint::findCheck(Check);
  return Info ? llvm::StringRef(Info->GuideSection) : llvm::StringRef();
}

std::string guideSectionURL(const Finding &F, llvm::StringRef DefaultGuideURL) {
  return clang::tidy::corolint::guideSectionURL(
      F.GuideURL.empty() ? DefaultGuideURL : llvm::StringRef(F.GuideURL),
      guideSectionOf(F.Check));
}

std::string collapseWhitespace(llvm::StringRef Text) {
  std::string Result;
  bool PendingSpace = false;
  for (char C : Text.trim()) {
    if (llvm::isSpace(C)) {
      PendingSpace = true;
      continue;
    }
    if (PendingSpace)
      Result += ' ';
    PendingSpace = false;
    Result += C;
  }
  return Result;
}

} // namespace corolint::scanner
