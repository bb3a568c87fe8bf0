//===--- CorolintModule.cpp - registers corolint's checks -----------------===//
//
// The registration is static, so the same object files give the clang-tidy
// plugin, the standalone scanner and corolint-clangd the same checks.
//
//===----------------------------------------------------------------------===//

#include "ClangTidyModule.h"
#include "checks/BlockingCallCheck.h"
#include "checks/DanglingReferenceCheck.h"
#include "checks/DiscardedTaskCheck.h"
#include "checks/LockAcrossSuspendCheck.h"
#include "checks/ThreadLocalAcrossSuspendCheck.h"
#include "checks/UnboundedChannelCheck.h"
#include "checks/UncheckedSpawnCheck.h"

namespace clang::tidy::corolint {

class CorolintModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
#define COROLINT_CHECK(Name, Class, GuideSection, HasFixIts, Precision, Tags,  \
                       Summary)                                                \
  Factories.registerCheck<Class>(Name);
#include "Checks.def"
  }
};

static ClangTidyModuleRegistry::Add<CorolintModule>
    Registration("corolint-module",
                 "Concurrency pitfalls in C++20 coroutine code.");

} // namespace clang::tidy::corolint

// Front ends that link the engine refer to this symbol so that a linker
// never drops the registration above.
volatile int CorolintModuleAnchorSource = 0;
