//===--- ASTHelpers.h - AST questions every check asks ----------*- C++ -*-===//
//
// Small answers shared by the checks, each given once: what an expression is
// once clang's implicit nodes are stripped, the class of the object a member
// is called on, and which expressions a statement discards.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_ASTHELPERS_H
#define COROLINT_ASTHELPERS_H

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::corolint {

/// \p E without the implicit nodes (cleanups, temporaries, conversions) and
/// the parentheses around what was spelled.
const Expr *ignoreImplicitAndParens(const Expr *E);

/// The class of the object a member function or member operator is called
/// on, given the object argument (`obj`, `ptr` of `ptr->f()`): the class it
/// is, before the conversion to the base class that declares the member.
const CXXRecordDecl *calledOnClass(const Expr &ObjectArgument);

/// The object a member function or member operator call is made on, or null
/// for a call of a free or static function.
const Expr *objectArgument(const CallExpr &Call);

/// Calls \p Visit on each child of \p S that is a statement of its own, so
/// that an expression there is evaluated for its effects and its value
/// discarded: the statements of a block, the init statements and branches
/// of `if` and `switch`, the init, increment and body of loops, and what a
/// label, case or attribute applies to. \p LastIsValue says that \p S is
/// the block of a GNU statement expression, whose last statement is its
/// value.
void forEachStatementPositionChild(const Stmt &S,
                                   llvm::function_ref<void(const Stmt &)> Visit,
                                   bool LastIsValue = false);

/// Calls \p Visit on each expression whose value \p Block discards: its
/// statements and, through unbraced branches, loop bodies and labels, those
/// below them (a braced block below is a block of its own). A cast to void
/// is an expression of its own, so it never is one of them.
void forEachDiscardedExpression(const CompoundStmt &Block,
                                llvm::function_ref<void(const Expr &)> Visit);

/// How a note names \p FD: "'load_config'", "'Store::flush'",
/// "'Config::Config'" or "the lambda".
std::string describeFunction(const FunctionDecl &FD);

} // namespace clang::tidy::corolint

#endif // COROLINT_ASTHELPERS_H
