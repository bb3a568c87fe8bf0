// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- -I %inputs
// NOLINT on the call in the coroutine suppresses the finding; a NOLINT in
// the helper's body is about the helper, not its callers.
#include "task.h"
#include <chrono>
#include <thread>

using namespace std::chrono_literals;

void nap() { std::this_thread::sleep_for(1ms); }
void quiet_nap() {
  std::this_thread::sleep_for(1ms); // NOLINT(coro-blocking-call)
}

demo::task<> suppressed() {
  nap(); // NOLINT(coro-blocking-call): runs on the blocking pool (§6.1)
  // NOLINTNEXTLINE(coro-blocking-call)
  nap();
  // NOLINTBEGIN(coro-blocking-call)
  nap();
  // NOLINTEND(coro-blocking-call)
  nap(); // NOLINT(coro-lock-across-suspend)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'nap' may block the thread that runs this coroutine
  quiet_nap();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'quiet_nap' may block the thread that runs this coroutine
  co_await demo::next_event();
}
