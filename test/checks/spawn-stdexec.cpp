// RUN: %check_clang_tidy %s coro-unchecked-spawn %t -- -- -I %inputs
// start_detached: an error terminates the process, a stop goes unnoticed.
#include "stdexec/execution.hpp"

void handle();

void detached() {
  stdexec::start_detached(stdexec::then(stdexec::just(), handle));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'stdexec::start_detached' leaves nobody to observe the outcome of the work: an error terminates the process and a stop goes unnoticed [guide §4.2] [coro-unchecked-spawn]
  exec::start_detached(stdexec::just());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'exec::start_detached' leaves nobody to observe
  using stdexec::start_detached;
  start_detached(stdexec::just());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'stdexec::start_detached' leaves nobody to observe
}

// Waiting observes the outcome.
void waited() {
  auto outcome = stdexec::sync_wait(stdexec::then(stdexec::just(), handle));
  stdexec::sync_wait(stdexec::just());
}
