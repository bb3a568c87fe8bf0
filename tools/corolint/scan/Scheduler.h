//===--- Scheduler.h - a pool of worker processes -------------------------===//
//
// Runs jobs on up to N workers (`corolint --corolint-worker`), each a child
// process that analyses one TU at a time and is reused for the next. A worker
// that dies or exceeds the timeout fails only its own TU: it is killed and a
// fresh one takes the next job.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SCANNER_SCHEDULER_H
#define COROLINT_SCANNER_SCHEDULER_H

#include "Finding.h"
#include "Protocol.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <functional>
#include <optional>
#include <string>

namespace corolint::scanner {

struct SchedulerOptions {
  std::string Executable; ///< corolint itself.
  unsigned Parallelism = 1;
  unsigned TimeoutSeconds = 0; ///< 0: no limit.
};

struct ScheduledJob {
  size_t Id;
  Job Work;
};

/// Pulls jobs from \p Next until it returns none and reports each result
/// through \p Done, calling \p Tick about ten times a second with the main
/// files being analysed. Returns an error only when no worker can be started.
llvm::Error runJobs(const SchedulerOptions &Options,
                    llvm::function_ref<std::optional<ScheduledJob>()> Next,
                    llvm::function_ref<void(size_t Id, TUResult Result)> Done,
                    llvm::function_ref<void(llvm::ArrayRef<std::string>)> Tick);

} // namespace corolint::scanner

#endif
