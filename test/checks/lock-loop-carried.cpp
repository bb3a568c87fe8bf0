// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
#include "task.h"
#include <mutex>
#include <shared_mutex>

std::mutex m;
std::shared_mutex sm;
bool cond();
void consume(std::unique_lock<std::mutex> lk);
void take(std::unique_lock<std::mutex> &&lk);

// A lock taken at the end of one iteration is held at the next iteration's co_await.
demo::task<> f() {
  std::unique_lock<std::mutex> lk(m, std::defer_lock);
  for (int i = 0; i < 3; ++i) {
    co_await demo::next_event();
    lk.lock();
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: lock 'lk' {{.*}} [coro-lock-across-suspend]
  }
}
demo::task<> released_each_iteration() {
  std::unique_lock<std::mutex> lk(m, std::defer_lock);
  for (int i = 0; i < 3; ++i) {
    co_await demo::next_event();
    lk.lock();
    lk.unlock();
  }
}
