//===--- UncheckedSpawnFacts.h - coro-unchecked-spawn's program facts -*- C++
//-*-===//
//
// What coro-unchecked-spawn exports for the whole-program pass
// (lib/ProgramFacts.h): for each coroutine of the main file that other units
// can spawn, whether an operation that throws on an ordinary failure can
// escape it; and each detached spawn reported only because the spawned
// coroutine's body is not in this unit. Nothing is recorded unless the front
// end collects facts.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UNCHECKEDSPAWNFACTS_H
#define COROLINT_CHECKS_UNCHECKEDSPAWNFACTS_H

#include "MayThrow.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <memory>

namespace clang::tidy::corolint {

class UncheckedSpawnFacts : public ast_matchers::MatchFinder::MatchCallback {
public:
  explicit UncheckedSpawnFacts(const ThrowModel &Model) : Model(Model) {}

  /// Matches the main file's function definitions, if facts are collected.
  void registerMatchers(ast_matchers::MatchFinder *Finder);
  void run(const ast_matchers::MatchFinder::MatchResult &Result) override;

  /// The spawn at \p Loc was reported because \p Spawned's body is not here.
  void noteUnseenSpawn(SourceLocation Loc, const FunctionDecl &Spawned);

private:
  const ThrowModel &Model;
  std::unique_ptr<ThrowEscapeAnalysis> Analysis;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_CHECKS_UNCHECKEDSPAWNFACTS_H
