// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
#include "task.h"
#include <mutex>

std::mutex m;
demo::task<> f() {
  std::lock_guard g(m); // NOLINT(coro-lock-across-suspend)
  co_await demo::next_event();
}
demo::task<> h() {
  // NOLINTNEXTLINE(coro-*)
  std::lock_guard g(m);
  co_await demo::next_event();
}
demo::task<> not_suppressed() {
  std::lock_guard g(m); // NOLINT(coro-blocking-call)
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: lock 'g' {{.*}} [coro-lock-across-suspend]
  co_await demo::next_event();
}
