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

/// Names are absolute, so no real one starts with the prefix.
constexpr llvm::StringLiteral HexPathPrefix = "hex:";

Value pathToJSON(llvm::StringRef Path) {
  if (llvm::json::isUTF8(Path) && !Path.starts_with(HexPathPrefix))
    return Path.str();
  return (HexPathPrefix + llvm::toHex(Path, /*LowerCase=*/true)).str();
}

bool decodePath(std::string &Path) {
  llvm::StringRef Text = Path;
  if (!Text.consume_front(HexPathPrefix))
    return true;
  std::string Bytes;
  if (!llvm::tryGetFromHex(Text, Bytes))
    return false;
  Path = std::move(Bytes);
  return true;
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

// The whole-program facts travel with the TU's result (and its cache entry).
namespace facts = clang::tidy::corolint;

static Value toJSON(const facts::FactSite &S) {
  return Object{{"file", pathToJSON(S.File)},
                {"offset", S.Offset},
                {"line", S.Line},
                {"column", S.Column},
                {"utf16Column", S.Utf16Column},
                {"lineText", S.LineText}};
}

static Value toJSON(const facts::FunctionFacts &F) {
  Array Calls;
  for (const facts::CallFact &C : F.Calls)
    Calls.push_back(Object{{"callee", C.Callee}, {"site", toJSON(C.Site)}});
  Object O{{"usr", F.USR},
           {"name", F.Name},
           {"coroutine", F.Coroutine},
           {"returnType", F.ReturnType},
           {"annotations", F.Annotations},
           {"calls", std::move(Calls)}};
  if (F.BlocksWith) {
    O["blocksWith"] = *F.BlocksWith;
    O["blockingSite"] = toJSON(F.BlockingSite);
  }
  if (F.FailureMayEscape)
    O["failureMayEscape"] = *F.FailureMayEscape;
  if (!F.EscapeWhat.empty()) {
    O["escapeWhat"] = F.EscapeWhat;
    O["escapeSite"] = toJSON(F.EscapeSite);
  }
  return O;
}

static Value toJSON(const facts::TranslationUnitFacts &T) {
  Array Functions, Calls, Spawns;
  for (const auto &Entry : T.Functions)
    Functions.push_back(toJSON(Entry.second));
  for (const facts::CoroutineCallFact &C : T.CoroutineCalls)
    Calls.push_back(Object{{"callee", C.Callee},
                           {"site", toJSON(C.Site)},
                           {"generator", C.Generator},
                           {"offloadAdvice", C.OffloadAdvice},
                           {"function", C.Function}});
  for (const facts::UnseenSpawnFact &S : T.UnseenSpawns)
    Spawns.push_back(Object{{"spawned", S.Spawned}, {"site", toJSON(S.Site)}});
  return Object{{"functions", std::move(Functions)},
                {"coroutineCalls", std::move(Calls)},
                {"unseenSpawns", std::move(Spawns)},
                {"maxCallDepth", T.MaxCallDepth},
                {"blockingCitation", T.BlockingCitation},
                {"blockingLevel", T.BlockingLevel},
                {"blockingGuideURL", T.BlockingGuideURL}};
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

namespace clang::tidy::corolint {
// Found by argument-dependent lookup from ObjectMapper::map.
using llvm::json::Value;

static bool fromJSON(const Value &V, FactSite &S, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("file", S.File) &&
         ::corolint::scanner::decodePath(S.File) && O.map("offset", S.Offset) &&
         O.map("line", S.Line) && O.map("column", S.Column) &&
         O.map("utf16Column", S.Utf16Column) && O.map("lineText", S.LineText);
}

static bool fromJSON(const Value &V, CallFact &C, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("callee", C.Callee) && O.map("site", C.Site);
}

static bool fromJSON(const Value &V, FunctionFacts &F, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("usr", F.USR) && O.map("name", F.Name) &&
         O.map("coroutine", F.Coroutine) && O.map("returnType", F.ReturnType) &&
         O.map("annotations", F.Annotations) && O.map("calls", F.Calls) &&
         O.mapOptional("blocksWith", F.BlocksWith) &&
         O.mapOptional("blockingSite", F.BlockingSite) &&
         O.mapOptional("failureMayEscape", F.FailureMayEscape) &&
         O.mapOptional("escapeWhat", F.EscapeWhat) &&
         O.mapOptional("escapeSite", F.EscapeSite);
}

static bool fromJSON(const Value &V, CoroutineCallFact &C,
                     llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("callee", C.Callee) && O.map("site", C.Site) &&
         O.map("generator", C.Generator) &&
         O.map("offloadAdvice", C.OffloadAdvice) &&
         O.map("function", C.Function);
}

static bool fromJSON(const Value &V, UnseenSpawnFact &S,
                     llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("spawned", S.Spawned) && O.map("site", S.Site);
}

static bool fromJSON(const Value &V, TranslationUnitFacts &T,
                     llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  std::vector<FunctionFacts> Functions;
  if (!O || !O.map("functions", Functions) ||
      !O.map("coroutineCalls", T.CoroutineCalls) ||
      !O.map("unseenSpawns", T.UnseenSpawns) ||
      !O.map("maxCallDepth", T.MaxCallDepth) ||
      !O.map("blockingCitation", T.BlockingCitation) ||
      !O.map("blockingLevel", T.BlockingLevel) ||
      !O.map("blockingGuideURL", T.BlockingGuideURL))
    return false;
  for (FunctionFacts &F : Functions)
    T.Functions[F.USR] = std::move(F);
  return true;
}

} // namespace clang::tidy::corolint

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
