//===--- ProgramFacts.cpp - what one TU tells the whole-program pass ------===//

#include "ProgramFacts.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::corolint {

// Process-wide, like SkippedBodies: the scanner's workers analyse one unit at
// a time and read the facts once it is done.
static bool Collecting = false;
static TranslationUnitFacts Current;

void collectProgramFacts(bool On) { Collecting = On; }
bool collectingProgramFacts() { return Collecting; }
TranslationUnitFacts &programFacts() { return Current; }
TranslationUnitFacts takeProgramFacts() { return std::exchange(Current, {}); }

std::optional<std::string> usrOf(const Decl &D) {
  llvm::SmallString<128> USR;
  if (index::generateUSRForDecl(D.getCanonicalDecl(), USR))
    return std::nullopt;
  return std::string(USR);
}

FactSite factSite(SourceLocation Loc, const SourceManager &SM) {
  FactSite Site;
  Loc = SM.getExpansionLoc(Loc);
  if (OptionalFileEntryRef File = SM.getFileEntryRefForID(SM.getFileID(Loc)))
    Site.File = File->getName().str();
  Site.Offset = SM.getFileOffset(Loc);
  return Site;
}

FunctionFacts *factsOf(TranslationUnitFacts &Unit, const FunctionDecl &FD,
                       llvm::StringRef Name) {
  std::optional<std::string> USR = usrOf(FD);
  if (!USR)
    return nullptr;
  FunctionFacts &Facts = Unit.Functions[*USR];
  if (Facts.USR.empty()) {
    Facts.USR = *USR;
    Facts.Name = Name.str();
  }
  return &Facts;
}

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

/// Names are absolute, so no real one starts with the prefix.
constexpr llvm::StringLiteral HexPathPrefix = "hex:";

llvm::json::Value pathToJSON(llvm::StringRef Path) {
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

static Value toJSON(const FactSite &S) {
  return Object{{"file", pathToJSON(S.File)},
                {"offset", S.Offset},
                {"line", S.Line},
                {"column", S.Column},
                {"utf16Column", S.Utf16Column},
                {"lineText", S.LineText}};
}

Value toJSON(const FunctionFacts &F) {
  Array Calls;
  for (const CallFact &C : F.Calls)
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

Value toJSON(const TranslationUnitFacts &T) {
  Array Functions, Calls, Spawns;
  for (const auto &Entry : T.Functions)
    Functions.push_back(toJSON(Entry.second));
  for (const CoroutineCallFact &C : T.CoroutineCalls)
    Calls.push_back(Object{{"callee", C.Callee},
                           {"site", toJSON(C.Site)},
                           {"generator", C.Generator},
                           {"offloadAdvice", C.OffloadAdvice},
                           {"function", C.Function}});
  for (const UnseenSpawnFact &S : T.UnseenSpawns)
    Spawns.push_back(Object{{"spawned", S.Spawned}, {"site", toJSON(S.Site)}});
  return Object{{"functions", std::move(Functions)},
                {"coroutineCalls", std::move(Calls)},
                {"unseenSpawns", std::move(Spawns)},
                {"maxCallDepth", T.MaxCallDepth},
                {"blockingCitation", T.BlockingCitation},
                {"blockingLevel", T.BlockingLevel},
                {"blockingGuideURL", T.BlockingGuideURL}};
}

static bool fromJSON(const Value &V, FactSite &S, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("file", S.File) && decodePath(S.File) &&
         O.map("offset", S.Offset) && O.map("line", S.Line) &&
         O.map("column", S.Column) && O.map("utf16Column", S.Utf16Column) &&
         O.map("lineText", S.LineText);
}

static bool fromJSON(const Value &V, CallFact &C, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("callee", C.Callee) && O.map("site", C.Site);
}

bool fromJSON(const Value &V, FunctionFacts &F, llvm::json::Path Path) {
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

bool fromJSON(const Value &V, TranslationUnitFacts &T, llvm::json::Path Path) {
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
