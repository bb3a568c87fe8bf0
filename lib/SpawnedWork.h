//===--- SpawnedWork.h - what a spawn call runs -----------------*- C++ -*-===//
//
// Given the work argument of a spawn (`co_spawn(ex, work, token)`,
// `spawn(ex, f, token)`), which function it runs and what that produces.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SPAWNEDWORK_H
#define COROLINT_SPAWNEDWORK_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::corolint {

/// Like ignoreImplicitAndParens(), and also looks through the copy or move
/// that passing an object by value adds.
const Expr *ignoreImplicitCopies(const Expr *E);

/// The function that the spawned work runs when the spawn names it: the
/// lambda or function passed as a callable (or the coroutine a lambda only
/// forwards to), or the coroutine (a lambda invoked in place included) whose
/// call makes the awaitable.
const FunctionDecl *spawnedFunction(const Expr &Work);

/// What calling the callable \p Callable returns, or a null type when it is
/// not a callable (an awaitable, say).
QualType callableResult(QualType Callable);

/// The type of the work a fire-and-forget call was given: the callee's first
/// template argument (`post(F&&)`, `bulk_post(std::span<F>)`).
const CXXRecordDecl *postedCallable(const FunctionDecl &Callee);

/// The call operator of a callable class: a lambda's, or its only one.
const CXXMethodDecl *callOperator(const CXXRecordDecl &Callable);

/// True when calling \p Callable cannot throw: its call operator is
/// noexcept, or it is a lambda with an empty body.
bool cannotThrowWhenCalled(const CXXRecordDecl *Callable);

/// The coroutine a start()/directlyStart() call runs: `fetch().start(cb)`,
/// `fetch().via(ex).start(cb)`.
const FunctionDecl *startedLazy(const CallExpr &Start);

/// The parameter of the enclosing function that \p Work forwards
/// (`std::forward<F>(f)`, `f`), if it is one.
const ParmVarDecl *forwardedParameter(const Expr &Work);

/// True when a lambda callback never looks at its first parameter (the
/// exception_ptr or Try<T> that carries the outcome).
bool ignoresOutcome(const Expr &Callback);

} // namespace clang::tidy::corolint

#endif // COROLINT_SPAWNEDWORK_H
