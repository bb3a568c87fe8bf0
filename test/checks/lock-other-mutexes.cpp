// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
#include "task.h"
#include <mutex>
#include <shared_mutex>

std::mutex m;
std::shared_mutex sm;
bool cond();
void consume(std::unique_lock<std::mutex> lk);
void take(std::unique_lock<std::mutex> &&lk);

#include <condition_variable>
std::recursive_mutex rm;
std::timed_mutex tm;
std::shared_timed_mutex stm;
demo::task<> f() {
  std::lock_guard a(rm);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: lock 'a' (std::lock_guard<std::recursive_mutex>) {{.*}} [coro-lock-across-suspend]
  std::unique_lock b(tm);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: lock 'b' (std::unique_lock<std::timed_mutex>) {{.*}} [coro-lock-across-suspend]
  std::shared_lock c(stm);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: lock 'c' (std::shared_lock<std::shared_timed_mutex>) {{.*}} [coro-lock-across-suspend]
  co_await demo::next_event();
}
