//===--- NameList.h - qualified-name lists from check options ---*- C++ -*-===//
//
// Every type or function list a check knows comes from a CheckOptions string
// ("::std::mutex;boost::mutex"). NameList answers "is this declaration one of
// them" the way hasName() does: inline and anonymous namespaces are skipped,
// so `std::mutex` also names libstdc++'s and libc++'s versioned spellings.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_NAMELIST_H
#define COROLINT_NAMELIST_H

#include "clang/AST/Decl.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <string>
#include <vector>

namespace clang::tidy::corolint {

/// Splits a ';'-separated option value, trimming blanks and a leading "::".
std::vector<std::string> splitNameList(llvm::StringRef Option);

/// The last component of a qualified name: "spawn" for
/// "coro::thread_pool::spawn", "mutex" for "std::mutex".
llvm::StringRef lastComponent(llvm::StringRef QualifiedName);

/// The fully qualified name of \p D as a user writes it ("std::unique_lock"),
/// without inline namespaces, anonymous namespaces or template arguments.
std::string qualifiedName(const NamedDecl &D);

class NameList {
public:
  NameList() = default;
  explicit NameList(llvm::StringRef Option);

  /// Adds one qualified name (without leading "::").
  void add(llvm::StringRef Name);

  /// True if \p D's qualified name is in the list.
  bool contains(const NamedDecl *D) const;
  /// True if \p Name (already qualified, without leading "::") is listed.
  bool contains(llvm::StringRef Name) const { return Names.contains(Name); }
  /// True if "<qualified name of Scope>::Member" is listed.
  bool containsMember(const NamedDecl &Scope, llvm::StringRef Member) const;
  /// True if \p Record or one of its bases is listed.
  bool containsRecordOrBase(const CXXRecordDecl *Record) const;

  /// The names as written, for matchers such as hasAnyName().
  const std::vector<std::string> &names() const { return Ordered; }
  bool empty() const { return Ordered.empty(); }

private:
  std::vector<std::string> Ordered;
  llvm::StringSet<> Names;
  /// The last component of each name ("mutex" for "std::mutex"): most
  /// declarations are ruled out by their own identifier, before their
  /// qualified name is built.
  llvm::StringSet<> LastComponents;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_NAMELIST_H
