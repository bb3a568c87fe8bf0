//===--- Worker.h - analyses translation units for the scanner ------------===//
//
// `corolint --corolint-worker` reads jobs from fd 3, runs the clang-tidy
// engine with the corolint checks on each, and writes one TUResult per job to
// fd 4. The scanner runs several and restarts one that crashes or hangs.
//
// For tests only: COROLINT_TEST_CRASH_ON=<substring> makes the worker abort on
// a main file whose path contains the substring, COROLINT_TEST_HANG_ON hang;
// COROLINT_TEST_PROMOTE_NOTE_FIXES moves the fixes of notes onto findings.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SCANNER_WORKER_H
#define COROLINT_SCANNER_WORKER_H

namespace corolint::scanner {

/// The worker's main loop; returns the process exit code.
int runWorker();

} // namespace corolint::scanner

#endif
