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
  std::unique_lock lk(m, std::try_to_lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: lock 'lk' {{.*}} [coro-lock-across-suspend]
  if (lk) {
    co_await demo::next_event();
  }
}
demo::task<> only_when_not_owned() {
  std::unique_lock lk(m, std::try_to_lock);
  if (!lk.owns_lock()) {
    co_await demo::next_event();
  }
}
