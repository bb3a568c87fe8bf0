//===--- CallPathSummary.h - what a helper does within N calls --*- C++ -*-===//
//
// Cross-function summaries for one translation unit: does a helper function
// whose body the TU has reach a statement of interest (a blocking call, say)
// within a number of calls, and by which path. Every helper's body is walked
// once; its summary is refined only when a deeper search is asked of it. Only
// calls whose target is known are followed: direct calls, devirtualizable
// virtual calls, lambdas called where they are written or through a local.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CALLPATHSUMMARY_H
#define COROLINT_CALLPATHSUMMARY_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <functional>
#include <memory>
#include <optional>

namespace clang::tidy::corolint {

class CallPathSummary {
public:
  /// True when a statement is itself what the search looks for.
  using IsTarget = std::function<bool(const Stmt &, const ASTContext &)>;
  /// False for a callee whose body must not be looked into (annotated,
  /// say): what it does is known already.
  using MayFollow = std::function<bool(const FunctionDecl &)>;

  CallPathSummary(IsTarget Target, MayFollow Follow)
      : Target(std::move(Target)), Follow(std::move(Follow)) {}

  /// One step of a path: the statement of a helper that calls the next
  /// helper (Callee), or that is the target (Callee null).
  struct Hop {
    const Expr *Site = nullptr;
    const FunctionDecl *Callee = nullptr;
  };

  /// The definition of the helper that \p S (in \p Caller) calls, if the
  /// call is followed.
  const FunctionDecl *followedCallee(const Stmt &S, const FunctionDecl &Caller,
                                     const SourceManager &SM) const;
  /// The function that \p S (in \p Caller) calls when the call would be
  /// followed but this translation unit has no body for it: another unit
  /// may define it (lib/ProgramFacts.h).
  const FunctionDecl *unseenCallee(const Stmt &S, const FunctionDecl &Caller,
                                   const SourceManager &SM) const;
  /// True when \p Helper reaches a target within \p Depth calls (itself
  /// being the first).
  bool reachesWithin(const FunctionDecl &Helper, unsigned Depth,
                     const ASTContext &Context);
  /// The shortest known path from \p Helper, which reachesWithin() said
  /// reaches a target: each helper with its next step, the last step being
  /// the target.
  llvm::SmallVector<std::pair<const FunctionDecl *, Hop>, 4>
  pathFrom(const FunctionDecl &Helper) const;

  /// What one helper's own body does: the first target in it, and the
  /// helpers it calls that may be followed (one call site each), with or
  /// without a body in this unit.
  struct HelperFacts {
    const Expr *Target = nullptr;
    llvm::SmallVector<Hop, 4> Calls;
    llvm::SmallVector<Hop, 4> UnseenCalls;
  };
  const HelperFacts &factsOf(const FunctionDecl &Helper,
                             const ASTContext &Context);

  /// Summaries point into one translation unit's AST.
  void clear() {
    Facts.clear();
    Summaries.clear();
  }

private:
  /// Whether a helper reaches a target within some number of calls: a path
  /// of at most ReachesWithin helpers (0: none found yet) starting with
  /// First, and no path of at most NoneWithin helpers.
  struct HelperSummary {
    unsigned ReachesWithin = 0;
    unsigned NoneWithin = 0;
    Hop First;
  };

  /// The function \p S calls when the call may be followed at all.
  const FunctionDecl *calledFunction(const Stmt &S,
                                     const FunctionDecl &Caller) const;

  IsTarget Target;
  MayFollow Follow;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<HelperFacts>> Facts;
  llvm::DenseMap<const FunctionDecl *, HelperSummary> Summaries;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_CALLPATHSUMMARY_H
