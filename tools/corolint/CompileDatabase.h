//===--- CompileDatabase.h - reading compile_commands.json ----------------===//
//
// The scanner parses the database itself rather than through libTooling so
// that every defect gets an error naming the file and the entry, and so that
// the commands are only ever parsed as compiler arguments, never run.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SCANNER_COMPILEDATABASE_H
#define COROLINT_SCANNER_COMPILEDATABASE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace corolint::scanner {

struct CompileEntry {
  unsigned Index = 0;    ///< 1-based position in the database, for messages.
  std::string File;      ///< Absolute, normalised.
  std::string Directory; ///< Absolute, normalised.
  std::vector<std::string> Arguments; ///< argv[0] first.
};

struct CompileDatabase {
  std::string Path;   ///< The compile_commands.json file.
  std::string Folder; ///< Its folder: relative "directory" fields start here.
  std::vector<CompileEntry> Entries; ///< The C++ ones: see isCxxEntry().
  unsigned NonCxxEntries = 0; ///< C, assembler, ...: nothing to analyse.
};

/// True when \p Entry compiles its file as C++ (or Objective-C++, CUDA):
/// C and other languages have no coroutines, so the scanner skips them
/// without parsing. Decided as the driver does: the last -x before the file,
/// else the extension, a .c file counting as C++ under clang++ or g++.
bool isCxxEntry(const CompileEntry &Entry);

/// Loads \p BuildDirOrFile/compile_commands.json (or the named file itself).
llvm::Expected<CompileDatabase> loadCompileDatabase(llvm::StringRef BuildDirOrFile);

/// Indices of the entries that \p Selectors pick: a selector naming an
/// existing file picks that file's entries, an existing directory the entries
/// below it, anything else is a regular expression searched in the path.
/// No selectors pick every entry. A selector that picks nothing is an error.
llvm::Expected<std::vector<size_t>>
selectEntries(const CompileDatabase &DB, llvm::ArrayRef<std::string> Selectors);

/// The folder paths are reported relative to: the deepest folder holding the
/// database and every source file, or, when that is the filesystem root
/// (out-of-tree builds), the deepest folder holding every source file.
std::string projectRoot(const CompileDatabase &DB);

/// The arguments to analyse an entry with: a compiler launcher (ccache, ...)
/// dropped, plugin-loading flags dropped (the scanner runs nothing from the
/// database), and clang's resource directory added unless one is given.
std::vector<std::string> analysisArguments(llvm::ArrayRef<std::string> Arguments,
                                           llvm::StringRef ResourceDir);

} // namespace corolint::scanner

#endif
