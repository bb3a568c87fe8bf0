//===--- DanglingReferenceCheck.h - coro-dangling-reference -----*- C++ -*-===//
//
// Finds tasks that outlive what their reference parameters, views or `this`
// point to: a temporary bound to a coroutine whose task is spawned, stored or
// returned; a caller's local whose scope ends before anything waits for the
// escaped task; a capturing lambda coroutine called at once; a member
// coroutine called on a temporary. See docs/checks/coro-dangling-reference.md.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_DANGLINGREFERENCECHECK_H
#define COROLINT_CHECKS_DANGLINGREFERENCECHECK_H

#include "CorolintCheck.h"
#include "CoroutineModel.h"
#include "NameList.h"
#include "TaskEscapes.h"
#include "TaskLifetime.h"

namespace clang::tidy::corolint {

class DanglingReferenceCheck : public CorolintCheck {
public:
  DanglingReferenceCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void checkFunction(const FunctionDecl &Function, const Stmt &Body);
  void checkEscapedTask(const Expr &Task, const TaskEscape &E,
                        const FunctionDecl &Function, const Stmt &Body);
  void checkBinding(const Referent &Bound, const Expr &Arg,
                    const ParmVarDecl *Param, const TaskCall &Call,
                    const TaskEscape &E, const FunctionDecl &Function,
                    const Stmt &Body);
  /// The by-reference captures of a spawned lambda object whose locals die
  /// before anything waits for the task.
  void checkCaptures(const LambdaExpr &Lambda, const TaskEscape &E,
                     const FunctionDecl &Function, const Stmt &Body);
  /// Where the caller's local \p Var dies on some path after the task
  /// escaped as \p E and before anything waits for it.
  std::optional<SourceLocation> deathBeforeWait(const VarDecl &Var,
                                                const TaskEscape &E,
                                                const Stmt &Body) const;
  /// True when what \p Storage holds outlives the caller's local \p Var.
  bool outlives(const ValueDecl *Storage, const VarDecl &Var) const;
  void report(const Expr &Arg, const VarDecl *Local,
              std::optional<SourceLocation> Death, const ParmVarDecl *Param,
              const TaskCall &Call, const TaskEscape &E);
  void reportCapture(const LambdaExpr &Lambda, const LambdaCapture &Capture,
                     const VarDecl &Local, SourceLocation Death,
                     const TaskEscape &E);
  void noteParameter(const ParmVarDecl &Param, const FunctionDecl &Coroutine);
  bool isTaskCoroutine(const FunctionDecl &Callee) const;
  bool isViewType(QualType Type) const;
  const Expr *stripAdaptors(const Expr *Task) const;

  NameList TaskTypes, ViewTypes, SpawnFunctions, AwaitedTokenTypes,
      TaskAdaptors, ContainerInsertFunctions, RunToCompletionFunctions;
  TaskEscapeFinder Escapes;
  llvm::DenseSet<const FunctionDecl *> Seen;
  const SourceManager *SM = nullptr;
  ReportOnce Reported;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_CHECKS_DANGLINGREFERENCECHECK_H
