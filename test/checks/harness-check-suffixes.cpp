// RUN: %check_clang_tidy -check-suffixes=FIRST,SECOND %s coro-lock-across-suspend %t -- -- -I %inputs
// The harness splits -check-suffixes=A,B as upstream's check_clang_tidy.py
// does: both prefixes are checked in one run, and each forbids unnamed
// warnings together with the other. Read as one suffix "FIRST,SECOND", the
// source would have no check lines and fail as a negative test.
#include "task.h"
#include <mutex>

std::mutex m;

demo::task<> first() {
  std::lock_guard<std::mutex> g(m);
  // CHECK-MESSAGES-FIRST: :[[@LINE-1]]:31: warning: lock 'g' (std::lock_guard<std::mutex>) on blocking mutex 'm' may be held across a suspension point
  co_await demo::next_event();
}

demo::task<> second() {
  std::unique_lock<std::mutex> u(m);
  // CHECK-MESSAGES-SECOND: :[[@LINE-1]]:32: warning: lock 'u' (std::unique_lock<std::mutex>) on blocking mutex 'm' may be held across a suspension point
  co_await demo::next_event();
}
