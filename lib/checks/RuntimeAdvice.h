//===--- RuntimeAdvice.h - what to do instead, per runtime ------*- C++ -*-===//
//
// coro-blocking-call's advice depends on the runtime the coroutine runs on
// (TaskModel.h): which timer to await instead of sleeping, how to move
// blocking work off the executor. One table row per runtime.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_RUNTIMEADVICE_H
#define COROLINT_CHECKS_RUNTIMEADVICE_H

#include "TaskModel.h"
#include <string>

namespace clang::tidy::corolint {

/// "await a '<timer>' ... instead of sleeping".
std::string timerAdvice(const Runtime &RT);
/// How to run blocking work elsewhere and come back.
std::string offloadAdvice(const Runtime &RT);

} // namespace clang::tidy::corolint

#endif // COROLINT_CHECKS_RUNTIMEADVICE_H
