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
  (void)(std::lock_guard<std::mutex>(m), co_await demo::next_event());
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: lock temporary (std::lock_guard<std::mutex>) on blocking mutex 'm' may be held across a suspension point; threads waiting for it stall the executor, and the coroutine may resume and unlock it on another thread [guide §3.2] [coro-lock-across-suspend]
}
demo::task<> destroyed_before() {
  (void)std::lock_guard<std::mutex>(m);
  co_await demo::next_event(); // The temporary died at the end of the previous statement.
}
