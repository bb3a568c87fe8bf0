//===--- ProgramIndex.h - every unit's facts, and what follows from them -*- C++
//-*-===//
//
// The whole-program index: the function facts of every analysed unit
// (lib/ProgramFacts.h), by USR. The scanner builds it after a scan and
// resolves, against it, the findings that depend on another unit's bodies
// (docs/scanner.md, "Whole-program analysis"); it writes it beside the
// compilation database, where the checks in the editor (and the plugin, when
// told where) read it to answer the same questions for callees whose bodies
// they do not see. Both front ends word those findings with the functions
// below, so the editor agrees with the scanner.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_PROGRAMINDEX_H
#define COROLINT_PROGRAMINDEX_H

#include "ProgramFacts.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"
#include <memory>

namespace clang::tidy::corolint {

/// The file a full scan writes into the folder of compile_commands.json.
constexpr llvm::StringLiteral ProgramIndexFileName = ".corolint-index.json";

class ProgramIndex {
public:
  /// Adds \p Unit's functions. A function defined in a header is summarized
  /// by each unit that includes it; the first one added stays.
  void addUnit(const TranslationUnitFacts &Unit);
  const FunctionFacts *lookup(llvm::StringRef USR) const;

  /// The index file: versioned, functions sorted by USR.
  llvm::json::Value toJSON() const;
  static llvm::Expected<ProgramIndex> parse(llvm::StringRef Text);

private:
  std::map<std::string, FunctionFacts, std::less<>> Functions;
};

/// Finds a function's facts by USR: the index, or a unit's own facts first.
using FactsLookup =
    llvm::function_ref<const FunctionFacts *(llvm::StringRef USR)>;

/// One step of a blocking path: the function and the call it makes (null
/// for the last one, which blocks itself).
struct BlockingPathStep {
  const FunctionFacts *Function;
  const CallFact *Call;
};

/// The shortest path of at most \p MaxHelpers functions from \p Start to a
/// blocking call; empty when there is none.
std::vector<BlockingPathStep>
blockingPath(FactsLookup Lookup, llvm::StringRef Start, unsigned MaxHelpers);

/// A message of a finding made from facts, at a FactSite.
struct FactMessage {
  std::string Text;
  FactSite Site;
};

struct FactFinding {
  FactMessage Main;
  std::vector<FactMessage> Notes;
};

/// coro-blocking-call's finding for \p Call of \p Unit when its helper blocks
/// through a body \p Unit does not have, worded as the check words a path it
/// sees whole, with one note per hop; none otherwise.
std::optional<FactFinding> crossUnitBlocking(const TranslationUnitFacts &Unit,
                                             const CoroutineCallFact &Call,
                                             FactsLookup Lookup);

/// What coro-unchecked-spawn learns of a detached spawn of \p Spawned, whose
/// body is in another unit: withdraw the finding (no ordinary failure
/// escapes it), add a note at the operation that escapes, or nothing known.
struct SpawnRevision {
  bool Withdraw = false;
  std::optional<FactMessage> EscapeNote;
};
SpawnRevision reviseUnseenSpawn(const FunctionFacts *Spawned);

/// \p Site in \p SM, whose unit may not include its file (it is loaded then);
/// invalid when the file cannot be read or is shorter than the offset (it
/// changed since the scan that wrote the index).
SourceLocation placeFactSite(const FactSite &Site, SourceManager &SM);

/// Whether checks look for a scan's index beside the compilation database
/// when no ProgramIndex option names one, and in which folder that database
/// is when the front end was told (clangd's --compile-commands-dir).
void discoverProgramIndex(bool On, std::string CompileCommandsDir = "");
/// Whether checks may read an index at all: not in the scanner's workers,
/// whose findings across files the reduce phase makes.
void allowProgramIndex(bool On);

/// A check's access to the index it consults for bodies its unit lacks:
/// the file the ProgramIndex option names, or, when the front end discovers
/// it (corolint-clangd), the one a scan wrote beside the compilation
/// database clangd finds for the file. Read on first use in a unit; loaded
/// once per file and read again when it changes, shared between threads.
class ProgramIndexAccess {
public:
  /// \p Option: the ProgramIndex option's text; \p MainFile: the file the
  /// check is made for.
  ProgramIndexAccess(std::string Option, llvm::StringRef MainFile);

  /// Whether there is an index to read for the file: one the option names
  /// (read or not), or one found beside its database. Never in the
  /// scanner's workers.
  bool expected() const { return !Path.empty(); }
  /// The index for the unit of \p SM, or null; a failure to read it (the
  /// file named cannot be read or is not an index) is handed to \p Report,
  /// once per unit. A relative option is read from the compile command's
  /// folder.
  const ProgramIndex *get(const SourceManager &SM,
                          llvm::function_ref<void(llvm::StringRef)> Report);
  /// Forgets the unit's index (it may change before the next unit).
  void clear() {
    Index.reset();
    Tried = false;
  }

private:
  std::string Path; ///< Empty when there is none to read.
  std::shared_ptr<const ProgramIndex> Index;
  bool Tried = false;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_PROGRAMINDEX_H
