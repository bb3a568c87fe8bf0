// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
// One warning per acquisition, one note per suspension point it may be held at.
#include "task.h"
#include <mutex>

std::mutex m;
demo::task<int> f() {
  std::lock_guard g(m);
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: lock 'g' (std::lock_guard<std::mutex>) on blocking mutex 'm' may be held across a suspension point; {{.*}} [guide §3.2] [coro-lock-across-suspend]
  co_await demo::next_event();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: suspension point where 'm' may be held
  int x = co_await demo::compute();
  // CHECK-NOTES: :[[@LINE-1]]:11: note: suspension point where 'm' may be held
  co_return x;
}
demo::task<> loop() {
  for (int i = 0; i < 2; ++i) {
    m.lock();
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: blocking mutex 'm' (std::mutex) locked here may be held across a suspension point; {{.*}} [coro-lock-across-suspend]
    if (i == 0)
      m.unlock();
    co_await demo::next_event();
    // CHECK-NOTES: :[[@LINE-1]]:5: note: suspension point where 'm' may be held
  }
}
