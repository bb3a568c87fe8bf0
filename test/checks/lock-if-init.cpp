// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
#include "task.h"
#include <mutex>
#include <shared_mutex>

std::mutex m;
std::shared_mutex sm;
bool cond();
void consume(std::unique_lock<std::mutex> lk);
void take(std::unique_lock<std::mutex> &&lk);

demo::task<> f() {
  if (std::lock_guard g(m); cond()) {
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: lock 'g' {{.*}} [coro-lock-across-suspend]
    co_await demo::next_event();
  }
}
demo::task<> after_if() {
  if (std::lock_guard g(m); cond()) {
  }
  co_await demo::next_event(); // The if-init guard ended with the if.
}
