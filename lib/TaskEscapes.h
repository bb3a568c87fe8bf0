//===--- TaskEscapes.h - where a task outlives its expression ---*- C++ -*-===//
//
// coro-dangling-reference asks where a task gets beyond the full-expression
// that created it: spawned (Asio's co_spawn, folly's start()), stored in a
// variable or member, put in a container, or returned. A spawn whose result
// is awaited or waited for in the same full-expression does not escape.
// The spawn, insert and wait functions come from the check's options.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TASKESCAPES_H
#define COROLINT_TASKESCAPES_H

#include "NameList.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::corolint {

/// How a task gets beyond the full-expression that created it.
enum class EscapeKind { Spawned, Stored, Contained, Returned };

/// "spawned", "stored", "put in a container" or "returned".
const char *describeEscape(EscapeKind Kind);

struct TaskEscape {
  EscapeKind Kind;
  const Stmt *At;
  /// The variable or member that keeps a stored task (null otherwise).
  const ValueDecl *Storage = nullptr;
  /// The spawn's completion handler may tell the caller when it is done.
  bool HandlerSignalsCaller = false;
  /// The local object that runs the spawned work (an io_context).
  const VarDecl *Executor = nullptr;
};

/// Finds the escapes of one function body.
class TaskEscapeFinder {
public:
  /// The lists are the check's options; they must outlive the finder.
  TaskEscapeFinder(const NameList &SpawnFunctions,
                   const NameList &ContainerInsertFunctions,
                   const NameList &AwaitedTokenTypes,
                   const NameList &RunToCompletionFunctions);

  /// Each expression of \p Body that may make a task escape, with how: the
  /// operands of a spawn or an insert, what is stored or returned.
  void
  find(const Stmt &Body,
       llvm::SmallVectorImpl<std::pair<const Expr *, TaskEscape>> &Found) const;

private:
  /// A completion token that makes the spawn an awaitable
  /// (`use_awaitable`, `deferred`), adapted or not.
  bool isAwaitedToken(QualType Token) const;

  const NameList &SpawnFunctions, &ContainerInsertFunctions, &AwaitedTokenTypes,
      &RunToCompletionFunctions;
  /// Unqualified names of the spawn and insert functions: a cheap first
  /// filter for every call.
  llvm::StringSet<> CalledIdentifiers;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_TASKESCAPES_H
