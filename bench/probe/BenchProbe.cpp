//===--- BenchProbe.cpp - marks clang-tidy's matching phase for callgrind -===//
//
// A clang-tidy plugin for the benchmark only (never installed): its check
// `bench-probe` tells callgrind where the AST matching phase starts and ends,
// so that instruction counts can be split into "parse" and "checks" without
// instrumenting the parse:
//
//  * at the start of matching it dumps the counters so far (the parse, when
//    callgrind instruments from the start) and switches instrumentation on
//    (for runs started with --instr-atstart=no);
//  * at the end of matching it dumps the matching phase's counters.
//
// Outside valgrind the client requests are a few no-op instructions.
//
//===----------------------------------------------------------------------===//

#include "ClangTidyCheck.h"
#include "ClangTidyModule.h"
#include <valgrind/callgrind.h>

namespace clang::tidy::bench {

class ProbeCheck : public ClangTidyCheck {
public:
  using ClangTidyCheck::ClangTidyCheck;

  void registerMatchers(ast_matchers::MatchFinder *Finder) override {
    // MatchFinder only calls back checks that registered a matcher; the
    // translation unit is a single node, so this costs nothing measurable.
    Finder->addMatcher(ast_matchers::translationUnitDecl(), this);
  }
  void check(const ast_matchers::MatchFinder::MatchResult &) override {}

  void onStartOfTranslationUnit() override {
    CALLGRIND_DUMP_STATS_AT("before-matching");
    CALLGRIND_START_INSTRUMENTATION;
  }
  void onEndOfTranslationUnit() override {
    CALLGRIND_DUMP_STATS_AT("matching");
  }
};

class ProbeModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<ProbeCheck>("bench-probe");
  }
};

static ClangTidyModuleRegistry::Add<ProbeModule>
    Registration("bench-probe-module", "Marks the matching phase for callgrind.");

} // namespace clang::tidy::bench
