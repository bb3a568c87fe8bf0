#include "task.h"
#include <mutex>

std::mutex m;

demo::task<> hold_across_await() {
  std::unique_lock<std::mutex> lk(m);
  co_await demo::next_event();
}

demo::task<> reviewed() {
  std::unique_lock<std::mutex> lk(m); // NOLINT(coro-lock-across-suspend)
  co_await demo::next_event();
}
