//===--- AwaitInsertion.h - where a fix-it may add co_await ----*- C++ -*-===//
//
// The one answer to "can a fix-it write `co_await` before this expression":
// not inside a catch handler (the language forbids it), not in a macro
// expansion, not in an unevaluated operand (nothing there runs), and in
// parentheses where the expression is the operand of a postfix expression.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_AWAITINSERTION_H
#define COROLINT_AWAITINSERTION_H

#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::corolint {

/// What one function body says about inserting `co_await`. Feed it the
/// body's statements parents first (as forEachOwnStmt() visits them); a
/// question about an expression is complete once the expression is reached.
class AwaitInsertionContext {
public:
  explicit AwaitInsertionContext(const SourceManager &SM) : SM(SM) {}

  void observe(const Stmt &S);

  /// True inside an unevaluated operand (sizeof, decltype, noexcept,
  /// requires, typeid of a non-polymorphic type). Asked of every statement,
  /// so \p S's location is found only when the body has such an operand.
  bool isUnevaluated(const Stmt &S) const {
    return !Unevaluated.empty() && isWithinAny(S.getBeginLoc(), Unevaluated);
  }
  /// True when `co_await` may be written at \p Loc.
  bool canInsertAwaitAt(SourceLocation Loc) const {
    return !Loc.isMacroID() && !isWithinAny(Loc, Handlers);
  }
  /// True when `co_await E` needs parentheses: \p E is the operand of a
  /// postfix expression (a member access, a call, a subscript).
  bool needsParens(const Expr &E) const { return PostfixOperands.contains(&E); }

private:
  bool isWithinAny(SourceLocation Loc,
                   llvm::ArrayRef<SourceRange> Ranges) const;

  const SourceManager &SM;
  llvm::SmallPtrSet<const Expr *, 4> PostfixOperands;
  llvm::SmallVector<SourceRange, 2> Handlers;
  llvm::SmallVector<SourceRange, 2> Unevaluated;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_AWAITINSERTION_H
