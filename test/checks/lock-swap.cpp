// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
#include "task.h"
#include <mutex>
#include <shared_mutex>

std::mutex m;
std::shared_mutex sm;
bool cond();
void consume(std::unique_lock<std::mutex> lk);
void take(std::unique_lock<std::mutex> &&lk);

// Swapping with an empty lock moves the lock to the other guard.
demo::task<> swapped_into_dead_guard() {
  std::unique_lock<std::mutex> lk(m);
  {
    std::unique_lock<std::mutex> empty;
    lk.swap(empty);
  }
  co_await demo::next_event();
}
demo::task<> swapped_into_live_guard() {
  std::unique_lock<std::mutex> lk(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: lock 'lk' {{.*}} [coro-lock-across-suspend]
  std::unique_lock<std::mutex> empty;
  std::swap(lk, empty);
  co_await demo::next_event();
}
