//===--- SkippedBodies.h - function bodies a front end did not parse -*- C++
//-*-===//
//
// The scanner parses a translation unit without the bodies of functions in
// system headers (docs/scanner.md, "Skipped function bodies"):
// no check reports there. A check that looks into another function's body
// asks for it here; when that body was skipped, the answer might differ from
// a full parse's, so the front end is told to analyse the unit again with
// every body.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SKIPPEDBODIES_H
#define COROLINT_SKIPPEDBODIES_H

#include "clang/AST/Decl.h"

namespace clang::tidy::corolint {

/// The declaration of \p FD that has a body, or null. A skipped body counts
/// as needed (see skippedBodyWasNeeded()).
const FunctionDecl *definitionWithBody(const FunctionDecl &FD);

/// The definition of \p FD whose body the front end skipped, or null.
const FunctionDecl *skippedDefinition(const FunctionDecl &FD);

/// True when a check asked for a skipped body since the last call; resets.
bool skippedBodyWasNeeded();

} // namespace clang::tidy::corolint

#endif // COROLINT_SKIPPEDBODIES_H
