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
  sm.lock_shared();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: blocking mutex 'sm' (std::shared_mutex) locked here {{.*}} [coro-lock-across-suspend]
  co_await demo::next_event();
  sm.unlock_shared();
}
demo::task<> released() {
  sm.lock_shared();
  sm.unlock_shared();
  co_await demo::next_event();
}
