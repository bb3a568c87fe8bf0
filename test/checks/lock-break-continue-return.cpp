// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
#include "task.h"
#include <mutex>
#include <shared_mutex>

std::mutex m;
std::shared_mutex sm;
bool cond();
void consume(std::unique_lock<std::mutex> lk);
void take(std::unique_lock<std::mutex> &&lk);

demo::task<> with_break() {
  for (;;) {
    std::lock_guard g(m);
    if (cond())
      break;
  }
  co_await demo::next_event();
}
demo::task<> with_continue() {
  for (int i = 0; i < 3; ++i) {
    std::lock_guard g(m);
    if (cond())
      continue;
    m.native_handle();
  }
  co_await demo::next_event();
}
demo::task<> with_co_return() {
  {
    std::lock_guard g(m);
    if (cond())
      co_return;
  }
  co_await demo::next_event();
}
