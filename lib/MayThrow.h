//===--- MayThrow.h - can evaluating a statement throw? ---------*- C++ -*-===//
//
// A conservative, local answer: a statement may throw unless everything it
// calls or constructs is declared not to throw and it contains no throw,
// typeid or reference dynamic_cast. Suspension points are judged by the
// caller (an Asio operation under as_tuple delivers its error as a value).
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_MAYTHROW_H
#define COROLINT_MAYTHROW_H

#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::corolint {

/// True when \p Callee, called or constructed, is declared not to throw.
bool isNothrow(const FunctionDecl &Callee);

/// True when evaluating \p S may throw by itself, judging each suspension
/// point by \p AwaitMayThrow instead of by what it is made of. Allocation
/// failure (operator new) is not counted: it would count against everything.
bool mayThrow(const Stmt *S,
              llvm::function_ref<bool(const CoroutineSuspendExpr &)>
                  AwaitMayThrow);

} // namespace clang::tidy::corolint

#endif // COROLINT_MAYTHROW_H
