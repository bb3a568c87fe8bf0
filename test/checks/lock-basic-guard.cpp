// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
#include "task.h"
#include <mutex>

std::mutex m;

demo::task<> guard_across_await() {
  std::lock_guard<std::mutex> g(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: lock 'g' (std::lock_guard<std::mutex>) on blocking mutex 'm' may be held across a suspension point; threads waiting for it stall the executor, and the coroutine may resume and unlock it on another thread [guide §3.2] [coro-lock-across-suspend]
  co_await demo::next_event();
}
