//===--- CorolintClangdMain.cpp - clangd with corolint's checks -----------===//
//
// corolint-clangd is the stock clangd of the LLVM it was built against, with
// corolint's clang-tidy module linked in. Editors use it exactly like clangd;
// the checks are enabled the clangd way (.clangd: Diagnostics: ClangTidy:
// Add: [coro-*]) or the clang-tidy way (.clang-tidy: Checks: coro-*).
//
//===----------------------------------------------------------------------===//

#include "ProgramIndex.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>

namespace clang::clangd {
// Defined in libclangdMain.a; no clangd header is installed.
int clangdMain(int Argc, char *Argv[]);
} // namespace clang::clangd

// Defined next to the module's registration (lib/CorolintModule.cpp);
// referring to it keeps the registration in every link.
extern volatile int CorolintModuleAnchorSource;
[[maybe_unused]] static int CorolintModuleAnchorDestination =
    CorolintModuleAnchorSource;

namespace {

bool isVersionFlag(llvm::StringRef Arg) {
  return Arg == "--version" || Arg == "-version";
}

/// clangd's flags, from CLANGD_FLAGS and then argv (the later one wins).
std::vector<std::string> clangdFlags(int Argc, char *Argv[]) {
  llvm::SmallVector<llvm::StringRef> EnvFlags;
  if (const char *Env = std::getenv("CLANGD_FLAGS"))
    llvm::StringRef(Env).split(EnvFlags, ' ', -1, /*KeepEmpty=*/false);
  std::vector<std::string> Flags(EnvFlags.begin(), EnvFlags.end());
  Flags.insert(Flags.end(), Argv + 1, Argv + Argc);
  return Flags;
}

/// clangd prints its version and exits while parsing its flags, so
/// corolint's line has to come first.
bool wantsVersion(const std::vector<std::string> &Flags) {
  return llvm::any_of(Flags, isVersionFlag);
}

/// The folder --compile-commands-dir names, where a scan of that database
/// wrote its program index; empty when clangd looks for the database itself.
std::string compileCommandsDir(const std::vector<std::string> &Flags) {
  std::string Dir;
  for (size_t I = 0; I < Flags.size(); ++I) {
    llvm::StringRef Flag = Flags[I];
    if (!Flag.consume_front("--compile-commands-dir") &&
        !Flag.consume_front("-compile-commands-dir"))
      continue;
    if (Flag.consume_front("="))
      Dir = Flag.str();
    else if (Flag.empty() && I + 1 < Flags.size())
      Dir = Flags[++I];
  }
  // clangd reads a relative folder against its current one; so do we, and
  // keep it relative when that cannot be read.
  llvm::SmallString<256> Absolute(Dir);
  if (Dir.empty() || llvm::sys::fs::make_absolute(Absolute))
    return Dir;
  return std::string(Absolute);
}

/// clangd derives the compiler's resource directory (stddef.h, the
/// intrinsics headers, ...) from its own path, which is wrong for a binary
/// outside LLVM's bin/. Point its --resource-dir flag at the LLVM we were
/// built against; as a default, so that a user's --resource-dir, on the
/// command line or in CLANGD_FLAGS, still wins.
void defaultResourceDirToLLVMs() {
  auto &Options = llvm::cl::getRegisteredOptions();
  auto It = Options.find("resource-dir");
  if (It == Options.end())
    return;
  static_cast<llvm::cl::opt<std::string> *>(It->second)
      ->setInitialValue(COROLINT_CLANG_RESOURCE_DIR);
}

} // namespace

int main(int Argc, char *Argv[]) {
  std::vector<std::string> Flags = clangdFlags(Argc, Argv);
  if (wantsVersion(Flags))
    llvm::outs() << "corolint " COROLINT_VERSION " (coro-* checks)\n";
  defaultResourceDirToLLVMs();
  // The checks read the index a scan left beside the compilation database,
  // to agree with the scanner about functions defined in other files.
  clang::tidy::corolint::discoverProgramIndex(true, compileCommandsDir(Flags));
  return clang::clangd::clangdMain(Argc, Argv);
}
