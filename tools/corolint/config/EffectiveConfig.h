//===--- EffectiveConfig.h - the configuration text sent to workers -------===//

#ifndef COROLINT_SCANNER_EFFECTIVECONFIG_H
#define COROLINT_SCANNER_EFFECTIVECONFIG_H

#include "ClangTidyOptions.h"

namespace corolint::scanner {

/// Parses what ConfigResolver::configFor wrote, check option priorities
/// included, so a worker configures clang-tidy exactly as the scanner did.
llvm::ErrorOr<clang::tidy::ClangTidyOptions>
parseEffectiveConfig(llvm::StringRef Text);

} // namespace corolint::scanner

#endif
