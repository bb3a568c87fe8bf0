//===--- CoroutineModel.h - what corolint calls a coroutine -----*- C++ -*-===//
//
// One model shared by every check:
//  * a function (free, member, lambda call operator, template instantiation)
//    is a coroutine when its body is a CoroutineBodyStmt; a function that only
//    returns a task type is not;
//  * its suspension points are the co_await and co_yield expressions the user
//    wrote, wherever they appear; the implicit initial and final suspends are
//    not suspension points of the user's code;
//  * a nested lambda, block or local class is another function: its
//    statements and suspensions do not belong to the enclosing coroutine.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_COROUTINEMODEL_H
#define COROLINT_COROUTINEMODEL_H

#include "NameList.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::corolint {

/// The coroutine body of \p FD when it is a coroutine definition.
const CoroutineBodyStmt *coroutineBody(const FunctionDecl &FD);

/// True for a coroutine whose analysis sees real types: not the dependent
/// pattern of a template (its instantiations are analyzed instead).
bool isAnalysableCoroutine(const FunctionDecl &FD);

/// What one walk of a coroutine's own statements tells the checks. Several
/// checks ask these questions of every coroutine; the walk is made once per
/// coroutine and AST, not once per check.
struct CoroutineFacts {
  /// An expression clang could not compile: analysing half-typed code would
  /// report nonsense.
  bool HasErrors = false;
  bool Yields = false; ///< A user-written co_yield.
  bool Awaits = false; ///< A user-written co_await.
  /// A thread_local named in the coroutine's own statements.
  bool NamesThreadLocal = false;
};

/// The facts of the coroutine definition \p Coroutine (its body must be a
/// CoroutineBodyStmt), computed on the first question and kept until its
/// ASTContext is destroyed. Safe to call from several threads, each
/// analysing its own AST (clangd).
CoroutineFacts coroutineFacts(const FunctionDecl &Coroutine);

/// The user-written co_await or co_yield that \p S is, or null.
const Expr *asSuspensionPoint(const Stmt *S);

/// The operand a suspension point awaits, before operator co_await and
/// await_transform are applied.
const Expr *awaitedOperand(const Expr &SuspensionPoint);

/// True when \p SuspensionPoint awaits something listed in \p Awaitables (its
/// type, or the function whose call makes it) that never suspends, such as
/// std::suspend_never.
bool awaitsNonSuspending(const Expr &SuspensionPoint,
                         const NameList &Awaitables);

/// Calls \p Visit on \p Root and every statement below it that runs in the
/// same function, in source order; nested lambdas' bodies, blocks and local
/// classes are skipped (a lambda's capture initializers are visited).
void forEachOwnStmt(const Stmt *Root,
                    llvm::function_ref<void(const Stmt &)> Visit);

/// Registers matchers that bind every analysable coroutine as "coroutine",
/// lambdas included.
void matchCoroutines(ast_matchers::MatchFinder *Finder,
                     ast_matchers::MatchFinder::MatchCallback *Callback);

/// The coroutine bound by matchCoroutines(), or null if it was seen before
/// (a lambda can be reached both as a function and as an expression).
const FunctionDecl *
takeMatchedCoroutine(const ast_matchers::MatchFinder::MatchResult &Result,
                     llvm::DenseSet<const FunctionDecl *> &Seen);

/// Registers \p Callback for every function definition and lambda outside
/// system headers: for checks that walk each function body once, coroutine
/// or not (the walk knows the enclosing scopes without Clang's parent map).
void matchFunctionBodies(ast_matchers::MatchFinder *Finder,
                         ast_matchers::MatchFinder::MatchCallback *Callback);

/// The function bound by matchFunctionBodies() (a lambda's call operator),
/// or null when it was seen before, has no body, is a template pattern or
/// is invalid.
const FunctionDecl *
takeMatchedFunction(const ast_matchers::MatchFinder::MatchResult &Result,
                    llvm::DenseSet<const FunctionDecl *> &Seen);

/// Remembers reported locations so that a template instantiated several times
/// reports each source location once.
class ReportOnce {
public:
  bool first(SourceLocation Loc) {
    return Reported.insert(Loc.getRawEncoding()).second;
  }

private:
  llvm::DenseSet<SourceLocation::UIntTy> Reported;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_COROUTINEMODEL_H
