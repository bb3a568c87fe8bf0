// RUN: %check_clang_tidy -expect-clang-tidy-error %s coro-lock-across-suspend %t -- -- -I %inputs
// Half-typed code: the check must neither crash nor report on bodies clang
// could not compile; where clang recovered a valid guard, the finding stands.
#include "task.h"
#include <mutex>

std::mutex m;
demo::task<> f() {
  std::lock_guard g(m);
  co_await undeclared_awaitable();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: error: use of undeclared identifier 'undeclared_awaitable' [clang-diagnostic-error]
}
demo::task<> g() {
  std::lock_guard g(m;
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: lock 'g' {{.*}} [coro-lock-across-suspend]
  // CHECK-MESSAGES: :[[@LINE-2]]:22: error: expected ')' [clang-diagnostic-error]
  co_await demo::next_event();
}
struct not_a_task {};
not_a_task h() {
  // CHECK-MESSAGES: :[[@LINE-1]]:12: error: this function cannot be a coroutine: {{.*}} [clang-diagnostic-error]
  std::lock_guard g(m);
  co_await demo::next_event();
}
demo::task<> unfinished() {
  std::unique_lock<std::mutex> lk(m);
  co_await
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: error: expected expression [clang-diagnostic-error]
