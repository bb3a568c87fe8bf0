//===--- PreambleBodies.cpp - project header bodies in the preamble ------===//
//
// clangd builds each file's preamble (its #include block) with function
// bodies skipped: it never needs them for editing features. corolint's checks
// do: a coroutine that calls a blocking helper defined in a project header,
// or spawns a coroutine whose body there catches everything, is judged by
// that body. Without it the editor would disagree with the scanner, which
// parses those bodies.
//
// clangd hands every preamble build to clang::PrecompiledPreamble::Build
// together with its own PreambleCallbacks, whose shouldSkipFunctionBody
// decides which bodies are skipped. The link step wraps Build
// (-Wl,--wrap=<its mangled name>) and passes a decorator of clangd's
// callbacks that keeps the bodies of functions outside system headers. System
// headers (the standard library, Asio and Boost from -isystem paths) stay
// skipped, so the preamble costs what it costs for any project that defines
// its functions in .cpp files.
//
//===----------------------------------------------------------------------===//

#include "clang/AST/DeclBase.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/PrecompiledPreamble.h"
#include "clang/Lex/PPCallbacks.h"

using namespace clang;

// The mangled name of clang::PrecompiledPreamble::Build; CMakeLists.txt
// passes the same name to --wrap. A static member function is called as a
// free function with the same parameters.
#define COROLINT_PREAMBLE_BUILD                                                \
  "_ZN5clang19PrecompiledPreamble5BuildERKNS_18CompilerInvocationEPKN4llvm12"  \
  "MemoryBufferENS_14PreambleBoundsENS4_18IntrusiveRefCntPtrINS_"              \
  "17DiagnosticsEngineEEENS9_INS4_3vfs10FileSystemEEESt10shared_ptrINS_"       \
  "22PCHContainerOperationsEEbNS4_9StringRefERNS_17PreambleCallbacksE"

using BuildResult = llvm::ErrorOr<PrecompiledPreamble>;
// Declared with Build's own type, so a change of its signature in clang is a
// compile error here rather than a mismatched call at run time.
using BuildFunction = decltype(PrecompiledPreamble::Build);

BuildFunction clangPreambleBuild __asm__("__real_" COROLINT_PREAMBLE_BUILD);
BuildFunction corolintPreambleBuild __asm__("__wrap_" COROLINT_PREAMBLE_BUILD);

namespace {

/// clangd's preamble callbacks, except that bodies outside system headers are
/// kept.
class KeepProjectBodies final : public PreambleCallbacks {
public:
  explicit KeepProjectBodies(PreambleCallbacks &Clangd) : Clangd(Clangd) {}

  void BeforeExecute(CompilerInstance &CI) override {
    Sources = &CI.getSourceManager();
    Clangd.BeforeExecute(CI);
  }
  void AfterExecute(CompilerInstance &CI) override {
    Clangd.AfterExecute(CI);
    Sources = nullptr;
  }
  void AfterPCHEmitted(ASTWriter &Writer) override {
    Clangd.AfterPCHEmitted(Writer);
  }
  void HandleTopLevelDecl(DeclGroupRef Group) override {
    Clangd.HandleTopLevelDecl(Group);
  }
  std::unique_ptr<PPCallbacks> createPPCallbacks() override {
    return Clangd.createPPCallbacks();
  }
  CommentHandler *getCommentHandler() override {
    return Clangd.getCommentHandler();
  }
  bool shouldSkipFunctionBody(Decl *D) override {
    if (Sources && !Sources->isInSystemHeader(D->getLocation()))
      return false;
    return Clangd.shouldSkipFunctionBody(D);
  }

private:
  PreambleCallbacks &Clangd;
  const SourceManager *Sources = nullptr;
};

} // namespace

BuildResult corolintPreambleBuild(
    const CompilerInvocation &Invocation,
    const llvm::MemoryBuffer *MainFileBuffer, PreambleBounds Bounds,
    IntrusiveRefCntPtr<DiagnosticsEngine> Diagnostics,
    IntrusiveRefCntPtr<llvm::vfs::FileSystem> VFS,
    std::shared_ptr<PCHContainerOperations> PCHContainerOps, bool StoreInMemory,
    StringRef StoragePath, PreambleCallbacks &Callbacks) {
  KeepProjectBodies Keep(Callbacks);
  return clangPreambleBuild(Invocation, MainFileBuffer, Bounds,
                            std::move(Diagnostics), std::move(VFS),
                            std::move(PCHContainerOps), StoreInMemory,
                            StoragePath, Keep);
}
