//===--- SkippedBodies.cpp - function bodies a front end did not parse ----===//

#include "SkippedBodies.h"
#include <atomic>

namespace clang::tidy::corolint {

// Process-wide: the scanner's workers analyse one unit at a time. Atomic
// because clangd, which skips bodies in its preambles too, analyses files on
// several threads (and never reads the flag).
static std::atomic<bool> SkippedBodyNeeded{false};

const FunctionDecl *skippedDefinition(const FunctionDecl &FD) {
  for (const FunctionDecl *Redecl : FD.redecls())
    if (Redecl->hasSkippedBody())
      return Redecl;
  // An instantiation of a template whose body was skipped has none either.
  if (const FunctionDecl *Pattern = FD.getTemplateInstantiationPattern();
      Pattern && Pattern != &FD)
    return skippedDefinition(*Pattern);
  return nullptr;
}

const FunctionDecl *definitionWithBody(const FunctionDecl &FD) {
  const FunctionDecl *Definition = nullptr;
  if (FD.hasBody(Definition))
    return Definition;
  if (skippedDefinition(FD))
    SkippedBodyNeeded = true;
  return nullptr;
}

bool skippedBodyWasNeeded() { return SkippedBodyNeeded.exchange(false); }

} // namespace clang::tidy::corolint
