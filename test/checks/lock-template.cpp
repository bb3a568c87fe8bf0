// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
#include "task.h"
#include <mutex>

std::mutex m;

// A template instantiated twice is reported once, at its source location.
template <typename Mutex> demo::task<> f(Mutex &mu) {
  std::lock_guard<Mutex> g(mu);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: lock 'g' {{.*}} [coro-lock-across-suspend]
  co_await demo::next_event();
}
std::recursive_mutex rm;
void instantiate() {
  f(m);
  f(rm);
}
struct FakeMutex { void lock(); void unlock(); };
template <typename Mutex> demo::task<> g(Mutex &mu) {
  std::lock_guard<Mutex> g(mu);
  co_await demo::next_event();
}
void instantiate_with_non_blocking() {
  FakeMutex fake; // Not a blocking mutex: no finding in this instantiation.
  g(fake);
}
