//===--- WholeProgram.h - findings that depend on other TUs' facts --------===//
//
// The reduce phase of a scan (docs/scanner.md, "Whole-program analysis"):
// once every TU is analysed, their facts (lib/ProgramFacts.h) are merged into
// one index keyed by USR, and the findings that depend on another TU's bodies
// are added or withdrawn without parsing anything again:
// - coro-blocking-call: a coroutine's call of a helper that blocks through a
//   function defined in another TU, with one note per hop;
// - coro-unchecked-spawn: a detached spawn reported only because the spawned
//   coroutine's body was unseen, withdrawn when its own TU proves that no
//   ordinary failure escapes it.
// The TU results themselves (and so the cache entries) stay per-TU: the
// index is rebuilt on every run, so an edited callee's TU changes the
// findings of its callers without their TUs being analysed again.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SCANNER_WHOLEPROGRAM_H
#define COROLINT_SCANNER_WHOLEPROGRAM_H

#include "Finding.h"
#include "ProgramIndex.h"
#include <vector>

namespace corolint::scanner {

/// Adds and withdraws, in \p Results, the findings that depend on facts of
/// other TUs, and returns the index they were resolved against (what a full
/// scan writes for the editor). Deterministic: the same results in any order
/// give the same findings and index.
clang::tidy::corolint::ProgramIndex
applyWholeProgramIndex(std::vector<TUResult> &Results);

} // namespace corolint::scanner

#endif
