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
  std::vector<CompileEntry> Entries;
};

/// Loads \p BuildDirOrFile/compile_commands.json (or the named file itself).
llvm::Expected<CompileDatabase>
loadCompileDatabase(llvm::StringRef BuildDirOrFile);

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

/// The entry's arguments with @response files expanded, as clang expands
/// them: relative to the entry's "directory", nested files too.
llvm::Expected<std::vector<std::string>>
expandResponseFiles(const CompileEntry &Entry);

/// Compile flags the user adds or removes (--extra-arg, --extra-arg-before,
/// --remove-arg), like clang-tidy's --extra-arg and clangd's
/// CompileFlags: Add/Remove.
struct ArgumentEdits {
  std::vector<std::string> Before; ///< Inserted after the compiler's name.
  std::vector<std::string> After;  ///< Appended.
  /// Removed: an exact argument, or a prefix ending in '*' ("-W*").
  std::vector<std::string> Remove;
};

/// The arguments to analyse an entry with. The database is sanitised: a
/// compiler launcher (ccache, ...) is dropped, and so is every flag that
/// loads code (plugins) or writes a file (-o, dependency files, serialised
/// diagnostics, statistics, time traces, saved temporaries, module caches
/// and outputs, ...), also when passed through -Xclang, so that the scanner
/// neither runs nor writes anything the database names. Then \p Edits apply,
/// and clang's resource directory is added unless one is given.
std::vector<std::string>
analysisArguments(llvm::ArrayRef<std::string> Arguments,
                  llvm::StringRef ResourceDir, const ArgumentEdits &Edits = {});

/// Why an entry is not analysed at all (its language, from -x or its file
/// name, is not C++: C, assembly, CUDA without a CUDA installation, ...), or
/// "" when it is C++.
std::string notCPlusPlus(llvm::ArrayRef<std::string> Arguments,
                         llvm::StringRef File);

} // namespace corolint::scanner

#endif
