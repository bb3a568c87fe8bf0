// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
#include "task.h"
#include <mutex>

std::mutex m;
std::recursive_mutex rm;
void run() {
  auto locked = [](auto &mu) -> demo::task<> {
    std::lock_guard g(mu);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: lock 'g' {{.*}} [coro-lock-across-suspend]
    co_await demo::next_event();
  };
  locked(m);
  locked(rm);
}
