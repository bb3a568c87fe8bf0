// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- -I %inputs
// A deliberate blocking call (for example in a coroutine that runs on a
// blocking pool) is documented with a targeted suppression, guide §7.10.
#include "task.h"
#include <chrono>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

demo::task<> on_blocking_pool(int fd, char *buf) {
  ::read(fd, buf, 1); // NOLINT(coro-blocking-call): runs on blocking_pool (§6.1)
  // NOLINTNEXTLINE(coro-blocking-call)
  std::this_thread::sleep_for(1ms);
  // NOLINTBEGIN(coro-blocking-call)
  ::write(fd, buf, 1);
  ::fsync(fd);
  // NOLINTEND(coro-blocking-call)
  ::sleep(1); // NOLINT
  co_await demo::next_event();
}

demo::task<> other_checks_do_not_suppress(int fd, char *buf) {
  ::read(fd, buf, 1); // NOLINT(coro-discarded-task)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  co_await demo::next_event();
}
