// RUN: %check_clang_tidy %s coro-discarded-task %t -- -- -I %inputs
// NOLINT comments silence the check where the drop is deliberate.
#include "task.h"

void deliberate() {
  demo::flush(); // NOLINT(coro-discarded-task)
  // NOLINTNEXTLINE(coro-discarded-task)
  demo::compute();
  // NOLINTBEGIN(coro-discarded-task)
  demo::flush();
  demo::compute();
  // NOLINTEND(coro-discarded-task)
  demo::flush(); // NOLINT(coro-blocking-call): another check's name does not count
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
}
