// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
#include "task.h"
#include <mutex>
#include <shared_mutex>

std::mutex m;
std::shared_mutex sm;
bool cond();
void consume(std::unique_lock<std::mutex> lk);
void take(std::unique_lock<std::mutex> &&lk);

// Moving to another guard keeps the lock: the finding names where it was taken.
demo::task<> f() {
  std::unique_lock<std::mutex> lk(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: lock 'lk' {{.*}} [coro-lock-across-suspend]
  std::unique_lock<std::mutex> other = std::move(lk);
  co_await demo::next_event();
}
demo::task<> moved_then_scope_ends() {
  std::unique_lock<std::mutex> lk(m);
  {
    std::unique_lock<std::mutex> other(std::move(lk));
  }
  co_await demo::next_event();
}
