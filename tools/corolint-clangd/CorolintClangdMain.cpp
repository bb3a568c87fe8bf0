//===--- CorolintClangdMain.cpp - clangd with corolint's checks -----------===//
//
// corolint-clangd is the stock clangd of the LLVM it was built against, with
// corolint's clang-tidy module linked in. Editors use it exactly like clangd;
// the checks are enabled the clangd way (.clangd: Diagnostics: ClangTidy:
// Add: [coro-*]) or the clang-tidy way (.clang-tidy: Checks: coro-*).
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"
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

/// clangd prints its version and exits while parsing its flags, from argv or
/// from CLANGD_FLAGS, so corolint's line has to come first.
bool wantsVersion(int Argc, char *Argv[]) {
  for (int I = 1; I < Argc; ++I)
    if (isVersionFlag(Argv[I]))
      return true;
  llvm::SmallVector<llvm::StringRef> EnvFlags;
  if (const char *Env = std::getenv("CLANGD_FLAGS"))
    llvm::StringRef(Env).split(EnvFlags, ' ', -1, /*KeepEmpty=*/false);
  return llvm::any_of(EnvFlags, isVersionFlag);
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
  if (wantsVersion(Argc, Argv))
    llvm::outs() << "corolint " COROLINT_VERSION " (coro-* checks)\n";
  defaultResourceDirToLLVMs();
  return clang::clangd::clangdMain(Argc, Argv);
}
