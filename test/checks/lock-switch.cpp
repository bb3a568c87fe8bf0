// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
#include "task.h"
#include <mutex>
#include <shared_mutex>

std::mutex m;
std::shared_mutex sm;
bool cond();
void consume(std::unique_lock<std::mutex> lk);
void take(std::unique_lock<std::mutex> &&lk);

demo::task<> f(int k) {
  switch (k) {
  case 1: {
    std::lock_guard g(m);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: lock 'g' {{.*}} [coro-lock-across-suspend]
    co_await demo::next_event();
    break;
  }
  case 2: {
    std::lock_guard g(m);
    break;
  }
  }
  co_await demo::next_event();
}
