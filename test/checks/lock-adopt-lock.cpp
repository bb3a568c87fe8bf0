// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
#include "task.h"
#include <mutex>
#include <shared_mutex>

std::mutex m;
std::shared_mutex sm;
bool cond();
void consume(std::unique_lock<std::mutex> lk);
void take(std::unique_lock<std::mutex> &&lk);

// One acquisition: the guard adopts the manual lock, and the finding is the guard's.
demo::task<> f() {
  m.lock();
  std::lock_guard g(m, std::adopt_lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: lock 'g' {{.*}} [coro-lock-across-suspend]
  co_await demo::next_event();
}
