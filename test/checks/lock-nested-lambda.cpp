// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
#include "task.h"
#include <mutex>

std::mutex m;

demo::task<> outer() {
  std::lock_guard g(m);
  // The lambda is another function: its suspension is not the outer one's.
  auto later = []() -> demo::task<> { co_await demo::next_event(); };
  (void)later;
}
demo::task<> outer_suspends_lambda_locks() {
  // A plain lambda that locks does not hold the lock in the coroutine.
  auto critical = [] { std::lock_guard g(m); };
  critical();
  co_await demo::next_event();
}
demo::task<> lambda_coroutine_with_its_own_lock() {
  auto inner = []() -> demo::task<> {
    std::lock_guard g(m);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: lock 'g' {{.*}} [coro-lock-across-suspend]
    co_await demo::next_event();
  };
  co_await inner();
}
