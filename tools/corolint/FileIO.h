//===--- FileIO.h - reading inputs and writing outputs safely -------------===//
//
// Every file the scanner reads (databases, configurations, baselines, cache
// entries, sources it hashes or patches) goes through readInputFile: only
// regular files, and only up to a size limit, so that a link to /dev/zero or
// a FIFO is an error instead of a hang. Every file it writes (reports,
// baselines, fixed sources) goes through writeFileAtomically: a temporary file
// in the same folder, renamed over the target only once it is complete.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SCANNER_FILEIO_H
#define COROLINT_SCANNER_FILEIO_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>

namespace corolint::scanner {

/// Largest file the scanner reads: far above any source or report.
constexpr uint64_t MaxInputBytes = uint64_t(1) << 30;
/// Deepest JSON nesting accepted; llvm::json's parser recurses per level.
constexpr unsigned MaxJSONDepth = 256;

/// The content of \p Path if it is (or links to) a regular file of at most
/// MaxInputBytes; otherwise an error naming it. Never blocks on a FIFO.
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
readInputFile(const llvm::Twine &Path);

/// llvm::json::parse, refusing nesting deeper than MaxJSONDepth.
llvm::Expected<llvm::json::Value> parseJSON(llvm::StringRef Text);

/// Writes \p Path with \p Write through a temporary file renamed over it, so
/// that a failure, a signal or a full disk leaves the previous content whole;
/// an existing file keeps its permissions. A target that is not a regular
/// file (a device, a FIFO) is written directly. Write errors are returned
/// with \p What ("report", "baseline", ...) and the path.
llvm::Error
writeFileAtomically(llvm::StringRef Path, llvm::StringRef What,
                    llvm::function_ref<void(llvm::raw_ostream &)> Write);

/// An error if \p Path cannot become an output file (missing or unwritable
/// folder, a directory in its place): checked before a scan starts.
llvm::Error checkWritable(llvm::StringRef Path, llvm::StringRef What);

/// The current directory, or an error saying it cannot be read (it was
/// removed): relative paths cannot be resolved then.
llvm::Expected<std::string> currentDirectory();

/// Flushes \p OS and turns a write error into an llvm::Error naming \p What;
/// clears it, so that LLVM does not abort with "IO failure on output stream".
llvm::Error takeStreamError(llvm::raw_fd_ostream &OS, const llvm::Twine &What);

/// The canonical (symlink-free) name of \p Path, relative to \p Directory;
/// absolutePath() when it does not exist.
std::string canonicalPath(llvm::StringRef Directory, llvm::StringRef Path);

/// \p Path made absolute against \p Directory, without "." components
/// (".." stays: it may climb out of a symbolic link).
std::string absolutePath(llvm::StringRef Directory, llvm::StringRef Path);

} // namespace corolint::scanner

#endif
