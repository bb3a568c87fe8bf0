//===--- Annotations.h - the corolint:: annotations of the guide -*- C++ -*-===//
//
// Code tells corolint what a name filter cannot know with
// [[clang::annotate("corolint::NAME")]] or
// [[clang::annotate("corolint::NAME", "reason")]] (guide §6.1): a function
// that blocks or never does, a type whose objects must not live across a
// suspension point. This is the one reader of those annotations.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_ANNOTATIONS_H
#define COROLINT_ANNOTATIONS_H

#include "clang/AST/Decl.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace clang::tidy::corolint {

namespace annotation {
constexpr llvm::StringLiteral Blocking = "corolint::blocking";
constexpr llvm::StringLiteral NonBlocking = "corolint::nonblocking";
constexpr llvm::StringLiteral MustNotSuspend = "corolint::must_not_suspend";
} // namespace annotation

/// One corolint:: annotation found on a declaration.
struct CorolintAnnotation {
  llvm::StringRef Name;  ///< One of the names asked for.
  std::string Argument;  ///< Its string argument ("" when it has none).
};

/// The first annotation named one of \p Names on \p D, on one of its
/// redeclarations, or on the template \p D was instantiated from.
std::optional<CorolintAnnotation>
findCorolintAnnotation(const Decl &D, llvm::ArrayRef<llvm::StringRef> Names);

} // namespace clang::tidy::corolint

#endif // COROLINT_ANNOTATIONS_H
