//===--- ThreadLocalAliases.h - what points into a thread_local -*- C++ -*-===//
//
// coro-thread-local-across-suspend's vocabulary: which thread_local an
// expression names, and which one the value of a reference, pointer,
// iterator or view points into (`&t_stats.count`, `t_buf.data()`,
// `t_map.find(k)`, `std::span(t_vec)`). The check's dataflow asks these
// questions of every statement of a coroutine.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_THREADLOCALALIASES_H
#define COROLINT_THREADLOCALALIASES_H

#include "NameList.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::corolint {

/// The thread_local \p S names: `t_id`, `Registry::t_current`, `obj.t_id`.
const VarDecl *namedThreadLocal(const Stmt &S);

/// The thread_local that a reference or pointer of type \p Target,
/// initialized or assigned from \p E, points into: `t_id`, `&t_stats`,
/// `&t_stats.count`, `std::addressof(t_id)`, `t_buffer` (an array).
const VarDecl *threadLocalAddressedBy(const Expr *E, QualType Target);

/// Follows the values that point into another object's storage (pointers,
/// references, iterators and the view types the check is told about) back
/// to the thread_local they were derived from.
class ThreadLocalDerivation {
public:
  explicit ThreadLocalDerivation(const NameList &ViewTypes)
      : ViewTypes(ViewTypes) {}

  /// The thread_local whose storage the value of \p E points into, when it
  /// is derived from one: `t_buf.data()`, `t_map.find(k)`,
  /// `t_map.try_emplace(k).first`, `std::string_view(t_str)`,
  /// `std::span(t_vec)`, `*t_map.begin()`.
  const VarDecl *source(const Expr *E) const;

  /// True when a value of \p Type may point into another object.
  bool refers(QualType Type) const;

private:
  bool isView(QualType Type) const;
  /// The thread_local an object designates or, through a derived value
  /// (an iterator, a view), points into.
  const VarDecl *object(const Expr *E) const;
  const VarDecl *constructed(const CXXConstructExpr &Construct) const;
  const VarDecl *called(const CallExpr &Call) const;

  const NameList &ViewTypes;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_THREADLOCALALIASES_H
