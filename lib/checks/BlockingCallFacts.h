//===--- BlockingCallFacts.h - coro-blocking-call's program facts -*- C++ -*-//
//
// What coro-blocking-call exports for the whole-program pass
// (lib/ProgramFacts.h): for each function of the main file and each helper it
// reaches, whether its own body blocks and which helpers it calls, with or
// without their bodies here; and each coroutine's helper call that the check
// did not report. Nothing is recorded unless the front end collects facts.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_BLOCKINGCALLFACTS_H
#define COROLINT_CHECKS_BLOCKINGCALLFACTS_H

#include "BlockingCallClassifier.h"
#include "CallPathSummary.h"
#include "ProgramFacts.h"
#include "TaskModel.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::corolint {

class BlockingCallFacts : public ast_matchers::MatchFinder::MatchCallback {
public:
  BlockingCallFacts(const BlockingCallClassifier &Classifier,
                    CallPathSummary &Helpers)
      : Classifier(Classifier), Helpers(Helpers) {}

  /// Matches the main file's function definitions, if facts are collected
  /// (by the scanner) or \p ForIndex (the check reads a program index).
  void registerMatchers(ast_matchers::MatchFinder *Finder,
                        unsigned MaxCallDepth, llvm::StringRef Citation,
                        bool ForIndex);
  void run(const ast_matchers::MatchFinder::MatchResult &Result) override;

  /// \p Call in \p Coroutine calls a helper (\p Helper, whose body is here,
  /// or one whose body is not) and was not reported.
  void noteUnreportedCall(const Stmt &Call, const FunctionDecl &Coroutine,
                          const FunctionDecl *Helper, bool Generator,
                          const Runtime &RT, const ASTContext &Context);

  /// This unit's facts, kept by the check itself when it reads an index.
  const TranslationUnitFacts &unitFacts() const { return Kept; }

  /// Functions point into one translation unit's AST.
  void clear() {
    Summarized.clear();
    Kept.Functions.clear();
    Kept.CoroutineCalls.clear();
  }

private:
  void summarize(const FunctionDecl &Function, const ASTContext &Context);
  /// Whether a path from \p Helper, whose body is here, can reach a function
  /// whose body is not within MaxCallDepth helpers: only then can another
  /// unit's facts make the call block.
  bool mayLeaveUnit(const FunctionDecl &Helper, const ASTContext &Context);
  /// Where facts go: the scanner's collection, or the check's own.
  TranslationUnitFacts &sink() {
    return collectingProgramFacts() ? programFacts() : Kept;
  }

  const BlockingCallClassifier &Classifier;
  CallPathSummary &Helpers;
  llvm::DenseSet<const FunctionDecl *> Summarized;
  bool Enabled = false;
  TranslationUnitFacts Kept;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_CHECKS_BLOCKINGCALLFACTS_H
