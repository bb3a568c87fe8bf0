//===--- Config.h - the effective clang-tidy configuration of each TU -----===//
//
// The scanner resolves `.clang-tidy` files, --config/--config-file and the
// command-line overrides with clang-tidy's own options providers, so a
// configuration means exactly what it means to clang-tidy. Only the defaults
// differ: checks default to coro-*, and findings in headers are reported only
// from the project (see docs/scanner.md).
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SCANNER_CONFIG_H
#define COROLINT_SCANNER_CONFIG_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace corolint::scanner {

struct ConfigRequest {
  std::optional<std::string> Checks;
  std::optional<std::string> WarningsAsErrors;
  std::optional<std::string> HeaderFilter;
  std::optional<std::string> ExcludeHeaderFilter;
  std::optional<bool> SystemHeaders;
  std::optional<std::string> Config;     ///< --config
  std::optional<std::string> ConfigFile; ///< --config-file
  std::string ProjectRoot; ///< Headers below it are reported by default.
};

class ConfigResolver {
public:
  /// Fails on a bad --config, --config-file or header filter.
  static llvm::Expected<std::unique_ptr<ConfigResolver>>
  create(const ConfigRequest &Request);
  ~ConfigResolver();

  /// The effective configuration for the TU with main file \p File, as text
  /// for the worker (and the cache key). Fails when a configuration file that
  /// applies to it is unreadable or malformed.
  llvm::Expected<std::string> configFor(llvm::StringRef File);

  /// The corolint checks a configuration enables, sorted.
  const std::vector<std::string> &enabledChecks(llvm::StringRef Config);

private:
  struct Impl;
  explicit ConfigResolver(std::unique_ptr<Impl> I);
  std::unique_ptr<Impl> I;
};

/// Every check this build of corolint has, sorted.
std::vector<std::string> registeredChecks();

} // namespace corolint::scanner

#endif
