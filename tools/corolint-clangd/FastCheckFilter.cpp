//===--- FastCheckFilter.cpp - let clangd's Strict filter keep coro-* -----===//
//
// clangd runs a clang-tidy check only if its table of measured check costs
// (TidyFastChecks.inc) lists it as fast, because the default
// `Diagnostics: ClangTidy: FastCheckFilter: Strict` drops every check that the
// table does not know. Our checks are not in that table, so stock logic would
// silently drop them unless every user changed that setting.
//
// clangd asks one function, clang::clangd::isFastTidyCheck, both when it
// filters the check factories (ParsedAST.cpp) and when it warns about a
// configured check of unknown cost (ConfigCompile.cpp). The link step wraps
// that function (-Wl,--wrap=<its mangled name>): every call from clangd lands
// here, and everything that is not ours goes to the original, so the filter
// keeps working for all other checks.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringRef.h"
#include <optional>

// The mangled name of std::optional<bool>
// clang::clangd::isFastTidyCheck(llvm::StringRef); CMakeLists.txt passes the
// same name to --wrap. No clangd header is installed, so the declarations are
// ours; the signature is checked against clangd 22 by the lit tests.
#define COROLINT_IS_FAST_TIDY_CHECK                                            \
  "_ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE"

std::optional<bool> clangdIsFastTidyCheck(llvm::StringRef Check) __asm__(
    "__real_" COROLINT_IS_FAST_TIDY_CHECK);
std::optional<bool> corolintIsFastTidyCheck(llvm::StringRef Check) __asm__(
    "__wrap_" COROLINT_IS_FAST_TIDY_CHECK);

/// corolint's checks are built to cost a few percent of a parse (see
/// docs/guide.md and the project's performance budget), which is what clangd
/// means by "fast".
std::optional<bool> corolintIsFastTidyCheck(llvm::StringRef Check) {
  if (Check.starts_with("coro-"))
    return true;
  return clangdIsFastTidyCheck(Check);
}
