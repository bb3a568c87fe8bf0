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
#include "TaskLifetime.h"

namespace clang::tidy::corolint {

class DanglingReferenceCheck : public CorolintCheck {
public:
  DanglingReferenceCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

  /// How a task gets beyond the full-expression that created it.
  enum class EscapeKind { Spawned, Stored, Contained, Returned };
  struct Escape {
    EscapeKind Kind;
    const Stmt *At;
    /// The variable or member that keeps a stored task (null otherwise).
    const ValueDecl *Storage = nullptr;
    /// The spawn's completion handler may tell the caller when it is done.
    bool HandlerSignalsCaller = false;
    /// The local object that runs the spawned work (an io_context).
    const VarDecl *Executor = nullptr;
  };

private:
  void checkFunction(const FunctionDecl &Function, const Stmt &Body);
  void findEscapes(
      const Stmt &S,
      llvm::SmallVectorImpl<std::pair<const Expr *, Escape>> &Found) const;
  void checkEscapedTask(const Expr &Task, const Escape &E,
                        const FunctionDecl &Function, const Stmt &Body);
  void checkBinding(const Referent &Bound, const Expr &Arg,
                    const ParmVarDecl *Param, const TaskCall &Call,
                    const Escape &E, const FunctionDecl &Function,
                    const Stmt &Body);
  /// The by-reference captures of a spawned lambda object whose locals die
  /// before anything waits for the task.
  void checkCaptures(const LambdaExpr &Lambda, const Escape &E,
                     const FunctionDecl &Function, const Stmt &Body);
  /// Where the caller's local \p Var dies on some path after the task
  /// escaped as \p E and before anything waits for it.
  std::optional<SourceLocation>
  deathBeforeWait(const VarDecl &Var, const Escape &E, const Stmt &Body) const;
  /// True when what \p Storage holds outlives the caller's local \p Var.
  bool outlives(const ValueDecl *Storage, const VarDecl &Var) const;
  void report(const Expr &Arg, const VarDecl *Local,
              std::optional<SourceLocation> Death, const ParmVarDecl *Param,
              const TaskCall &Call, const Escape &E);
  void reportCapture(const LambdaExpr &Lambda, const LambdaCapture &Capture,
                     const VarDecl &Local, SourceLocation Death,
                     const Escape &E);
  void noteParameter(const ParmVarDecl &Param, const FunctionDecl &Coroutine);
  bool isTaskCoroutine(const FunctionDecl &Callee) const;
  bool isViewType(QualType Type) const;
  bool isAwaitedToken(QualType Token) const;
  const Expr *stripAdaptors(const Expr *Task) const;

  NameList TaskTypes, ViewTypes, SpawnFunctions, AwaitedTokenTypes,
      TaskAdaptors, ContainerInsertFunctions, RunToCompletionFunctions;
  /// Unqualified names of the spawn and insert functions: a cheap first
  /// filter for every call.
  llvm::StringSet<> CalledIdentifiers;
  llvm::DenseSet<const FunctionDecl *> Seen;
  const SourceManager *SM = nullptr;
  ReportOnce Reported;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_CHECKS_DANGLINGREFERENCECHECK_H
