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
  if (m.try_lock()) {
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: blocking mutex 'm' (std::mutex) locked here {{.*}} [coro-lock-across-suspend]
    co_await demo::next_event();
    m.unlock();
  }
}
demo::task<> unlocked_before() {
  if (m.try_lock()) {
    m.unlock();
  }
  co_await demo::next_event();
}
demo::task<> failure_branch() {
  if (!m.try_lock()) {
    co_await demo::next_event(); // Not locked on this branch.
    co_return;
  }
  m.unlock();
}
