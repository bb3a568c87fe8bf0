//===--- BlockingCallCheck.h - coro-blocking-call ---------------*- C++ -*-===//
//
// Finds calls that block the thread inside a coroutine: sleeps, blocking
// waits, nested event loops, blocking I/O and synchronous Asio operations,
// made directly or through helpers whose bodies the translation unit has.
// See docs/checks/coro-blocking-call.md.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_BLOCKINGCALLCHECK_H
#define COROLINT_CHECKS_BLOCKINGCALLCHECK_H

#include "AwaitInsertion.h"
#include "BlockingCallClassifier.h"
#include "BlockingCallFacts.h"
#include "CallPathSummary.h"
#include "CorolintCheck.h"
#include "CoroutineModel.h"
#include "ProgramIndex.h"
#include "TaskModel.h"

namespace clang::tidy::corolint {

class BlockingCallCheck : public CorolintCheck {
public:
  BlockingCallCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;

private:
  void reportIndirect(const Stmt &Call, const FunctionDecl &Helper,
                      const Runtime &RT, bool Generator,
                      const ASTContext &Context);
  void report(const BlockingCall &Found, const Runtime &RT, bool Generator,
              const AwaitInsertionContext &Body, ASTContext &Context);
  void adviseSleep(const BlockingCall &Found, const Runtime &RT, bool CanAwait,
                   ASTContext &Context);
  void adviseSyncAsio(const BlockingCall &Found, const Runtime &RT,
                      bool CanAwait, bool NeedsParens, ASTContext &Context);
  void adviseOffload(const BlockingCall &Found, const Runtime &RT);
  void adviseGenerator(SourceLocation Loc);
  /// Reports the unit's coroutine calls of helpers that block through a
  /// body only the program index has, as the scanner does.
  void reportThroughIndex();

  bool FollowCalls;
  unsigned MaxCallDepth;
  /// The program index (option ProgramIndex; discovered by corolint-clangd).
  ProgramIndexAccess Index;
  /// The unit's, for reportThroughIndex().
  SourceManager *Sources = nullptr;

  BlockingCallClassifier Classifier;
  RuntimeModel Runtimes;
  /// Per translation unit: which helpers block within how many calls.
  CallPathSummary Helpers;
  /// What other translation units may need to know (lib/ProgramFacts.h).
  BlockingCallFacts Facts{Classifier, Helpers};

  llvm::DenseSet<const FunctionDecl *> Analyzed;
  ReportOnce Reported;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_CHECKS_BLOCKINGCALLCHECK_H
