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
  std::lock_guard g(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: lock 'g' (std::lock_guard<std::mutex>) on blocking mutex 'm' may be held across a suspension point; threads waiting for it stall the executor, and the coroutine may resume and unlock it on another thread [guide §3.2] [coro-lock-across-suspend]
  co_await demo::next_event();
}
