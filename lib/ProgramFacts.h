//===--- ProgramFacts.h - what one TU tells the whole-program pass -*- C++ -*-//
//
// A check sees only the bodies its translation unit holds. While the scanner
// asks for it (collectProgramFacts()), the checks export what another unit
// may need to know, keyed by USR: for each function whose body this unit has,
// whether it blocks and which functions it calls (with or without their
// bodies here), whether a failure can escape it, its annotations; and the
// places where a finding depends on a body this unit does not have (a
// coroutine's call of a helper, a detached spawn of an unseen coroutine).
// The scanner merges them after the scan (docs/scanner.md, "Whole-program
// analysis"). Plain data: no AST pointer survives the unit.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_PROGRAMFACTS_H
#define COROLINT_PROGRAMFACTS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class Decl;
class FunctionDecl;
class SourceLocation;
class SourceManager;
} // namespace clang

// Plain data only: the scanner's reports include this header.
namespace clang::tidy::corolint {

/// A place in the unit's source: the file as the source manager names it and
/// a byte offset. A front end that reports it fills in the rest.
struct FactSite {
  std::string File;
  unsigned Offset = 0;
  // Filled by the scanner's worker, which reports positions as it does for
  // findings.
  unsigned Line = 0, Column = 0, Utf16Column = 0;
  std::string LineText;
};

/// A call to another function, identified by its USR.
struct CallFact {
  std::string Callee;
  FactSite Site;
};

/// What one function's own body does.
struct FunctionFacts {
  std::string USR;
  /// How notes name it: "'load_config'", "'Store::Store'", "the lambda".
  std::string Name;
  bool Coroutine = false;
  /// For a coroutine: the class it returns ("asio::awaitable"), which says
  /// whether it is a lazy or an eager task.
  std::string ReturnType;
  /// corolint::blocking, corolint::nonblocking, corolint::must_not_suspend.
  std::vector<std::string> Annotations;
  /// A blocking call in its own body ("'std::this_thread::sleep_for'").
  std::optional<std::string> BlocksWith;
  FactSite BlockingSite;
  /// The calls coro-blocking-call would follow, one site per callee.
  std::vector<CallFact> Calls;
  /// For a coroutine: whether an operation that throws on an ordinary
  /// failure can escape it (coro-unchecked-spawn); unset when not analysed.
  std::optional<bool> FailureMayEscape;
  /// When one can: the operation ("this await throws ...") and its place.
  std::string EscapeWhat;
  FactSite EscapeSite;
};

/// A coroutine's call of a helper that coro-blocking-call did not report in
/// this unit: what the helper does may be known elsewhere.
struct CoroutineCallFact {
  std::string Callee;
  FactSite Site;
  bool Generator = false;    ///< The caller is a synchronous generator.
  std::string OffloadAdvice; ///< How its runtime moves work off the thread.
  std::string Function; ///< Filled by the scanner: names the finding's scope.
};

/// A detached spawn reported only because the spawned coroutine's body is not
/// in this unit.
struct UnseenSpawnFact {
  std::string Spawned;
  FactSite Site;
};

struct TranslationUnitFacts {
  std::map<std::string, FunctionFacts> Functions; ///< By USR.
  std::vector<CoroutineCallFact> CoroutineCalls;
  std::vector<UnseenSpawnFact> UnseenSpawns;
  /// coro-blocking-call's MaxCallDepth and citation, for findings made from
  /// these facts.
  unsigned MaxCallDepth = 0;
  std::string BlockingCitation;
  /// Filled by the scanner: the level ("warning", or "error" under
  /// WarningsAsErrors) and guide URL of coro-blocking-call in this TU.
  std::string BlockingLevel = "warning";
  std::string BlockingGuideURL;

  bool empty() const {
    return Functions.empty() && CoroutineCalls.empty() && UnseenSpawns.empty();
  }
};

/// Turns collection on or off for this process (the scanner's worker; never
/// clangd, which analyses files on several threads).
void collectProgramFacts(bool On);
bool collectingProgramFacts();
/// The facts of the unit being analysed.
TranslationUnitFacts &programFacts();
/// The facts collected since the last call; starts afresh.
TranslationUnitFacts takeProgramFacts();

/// File names are bytes, JSON strings are UTF-8: a name that is not UTF-8
/// travels as "hex:" and its bytes in hex.
llvm::json::Value pathToJSON(llvm::StringRef Path);
/// Turns what pathToJSON wrote back into the name; false if it is malformed.
bool decodePath(std::string &Path);

// Facts travel as JSON: with a TU's result, in its cache entry, in the
// program index (lib/ProgramIndex.h).
llvm::json::Value toJSON(const FunctionFacts &F);
llvm::json::Value toJSON(const TranslationUnitFacts &T);
bool fromJSON(const llvm::json::Value &V, FunctionFacts &F, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, TranslationUnitFacts &T,
              llvm::json::Path P);

/// The unified symbol resolution of \p D (the same in every unit), or none.
std::optional<std::string> usrOf(const Decl &D);
/// \p Loc's expansion location as a FactSite.
FactSite factSite(SourceLocation Loc, const SourceManager &SM);
/// The facts of \p FD in \p Unit, created (with USR and \p Name) on first
/// use; null when \p FD has no USR.
FunctionFacts *factsOf(TranslationUnitFacts &Unit, const FunctionDecl &FD,
                       llvm::StringRef Name);

} // namespace clang::tidy::corolint

#endif // COROLINT_PROGRAMFACTS_H
