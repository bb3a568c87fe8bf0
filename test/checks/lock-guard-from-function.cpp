// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
#include "task.h"
#include <mutex>
#include <shared_mutex>

std::mutex m;
std::shared_mutex sm;
bool cond();
void consume(std::unique_lock<std::mutex> lk);
void take(std::unique_lock<std::mutex> &&lk);

std::unique_lock<std::mutex> lock_cache();
demo::task<> f() {
  auto lk = lock_cache();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: lock 'lk' (std::unique_lock<std::mutex>) {{.*}} [coro-lock-across-suspend]
  co_await demo::next_event();
}
