// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
#include "task.h"
#include <mutex>
#include <shared_mutex>

std::mutex m;
std::shared_mutex sm;
bool cond();
void consume(std::unique_lock<std::mutex> lk);
void take(std::unique_lock<std::mutex> &&lk);

demo::task<> released_on_one_branch() {
  std::unique_lock<std::mutex> lk(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: lock 'lk' {{.*}} [coro-lock-across-suspend]
  if (cond())
    lk.unlock();
  co_await demo::next_event();
}
demo::task<> released_on_both_branches() {
  std::unique_lock<std::mutex> lk(m);
  if (cond())
    lk.unlock();
  else
    lk.unlock();
  co_await demo::next_event();
}
