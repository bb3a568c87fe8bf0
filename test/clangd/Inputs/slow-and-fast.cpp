#include "task.h"
#include <mutex>

std::mutex m;

demo::task<> hold_across_await() {
  std::lock_guard<std::mutex> g(m);
  co_await demo::next_event();
}

int twice(int n) {
  int doubled = 2 * n;
  return doubled;
}
