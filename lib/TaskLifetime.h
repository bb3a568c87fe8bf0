//===--- TaskLifetime.h - what a task's references point to -----*- C++ -*-===//
//
// The questions coro-dangling-reference asks of the AST: which call creates a
// task and what its reference parameters, views and `this` are bound to (a
// temporary, a local of the caller, or something else), and whether a local
// dies on some path after a task escaped and before anything waits for it.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TASKLIFETIME_H
#define COROLINT_TASKLIFETIME_H

#include "clang/AST/ExprCXX.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang::tidy::corolint {

/// What a reference, a view or `this` is bound to.
struct Referent {
  enum KindType { Other, Temporary, Local } Kind = Other;
  /// The caller's local (a by-value parameter included) for Local.
  const VarDecl *Var = nullptr;
};

/// The object a glvalue names, as far as its lifetime goes: a temporary
/// materialized for it, a local variable (or a member of one), or other.
Referent classifyObject(const Expr &E);

/// The object a view argument (std::string_view from a std::string, std::span
/// from a vector) looks at. A view of a literal or a pointer is Other.
Referent classifyView(const Expr &E);

/// The variable or member that holds what is stored through \p Target
/// (`pending_`, `tasks_[i]`, `self->queue`), or null when unknown.
const ValueDecl *storageRoot(const Expr &Target);

/// A call that may create a task, split the way a coroutine sees it.
struct TaskCall {
  const FunctionDecl *Coroutine = nullptr;
  /// The arguments in the order of the callee's parameters.
  llvm::SmallVector<const Expr *, 4> Args;
  /// The implicit object (`this`) of a member coroutine, or the closure of a
  /// lambda coroutine; null for a free function or a call through `->`.
  const Expr *Object = nullptr;
  bool ClosureCall = false;
};

/// \p E as a call of a function, member function or lambda, or nothing.
std::optional<TaskCall> asTaskCall(const Expr &E);

/// The lambda whose closure object \p E is, not called: a lambda expression
/// or a local variable initialized with one (`co_spawn(ex, job, detached)`).
const LambdaExpr *closureObject(const Expr &E);

/// The edits that take \p Param of \p Coroutine by value in every
/// declaration the user wrote (a template's pattern for an instantiation);
/// none when that changes what the coroutine can do (a non-const `T&`), when
/// the type cannot be copied, or when a declaration is in a macro or a system
/// header.
llvm::SmallVector<FixItHint, 2> takeByValueFixes(const ParmVarDecl &Param,
                                                 const FunctionDecl &Coroutine,
                                                 const SourceManager &SM,
                                                 const LangOptions &LangOpts);

/// Where \p Var's lifetime ends on some path after the statement \p EscapeAt
/// (inside \p Body) and before a statement for which \p Waits holds: a return
/// or throw, a break or continue out of its scope, or the end of its scope.
/// Nothing when something may wait first, or when the paths are not clear
/// (a goto, a variable not declared on the way to \p EscapeAt).
std::optional<SourceLocation>
deathBeforeWait(const Stmt &Body, const Stmt &EscapeAt, const VarDecl &Var,
                llvm::function_ref<bool(const Stmt &)> Waits);

} // namespace clang::tidy::corolint

#endif // COROLINT_TASKLIFETIME_H
