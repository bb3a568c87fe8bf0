//===--- SpawnedWork.h - what a spawn call runs -----------------*- C++ -*-===//
//
// Given the work argument of a spawn (`co_spawn(ex, work, token)`,
// `spawn(ex, f, token)`), which function it runs and what that produces.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SPAWNEDWORK_H
#define COROLINT_SPAWNEDWORK_H

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

} // namespace clang::tidy::corolint

#endif // COROLINT_SPAWNEDWORK_H
