//===--- ProgramFacts.cpp - what one TU tells the whole-program pass ------===//

#include "ProgramFacts.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"

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

FunctionFacts *factsOf(const FunctionDecl &FD, llvm::StringRef Name) {
  std::optional<std::string> USR = usrOf(FD);
  if (!USR)
    return nullptr;
  FunctionFacts &Facts = Current.Functions[*USR];
  if (Facts.USR.empty()) {
    Facts.USR = *USR;
    Facts.Name = Name.str();
  }
  return &Facts;
}

} // namespace clang::tidy::corolint
