// RUN: %check_clang_tidy %s coro-thread-local-across-suspend %t -- -- -I %inputs
// By default a thread_local named afresh on each side of a suspension (a
// per-thread RNG, counter or scratch buffer) is not reported: each use is
// the current thread's variable. A reference held across is still reported.
#include "task.h"
#include <random>
#include <string>

thread_local std::mt19937 t_rng;
thread_local std::string t_scratch;
thread_local int t_counter;

demo::task<int> fresh_each_side() {
  int a = static_cast<int>(t_rng());
  ++t_counter;
  t_scratch.clear();
  co_await demo::next_event();
  int b = static_cast<int>(t_rng());
  ++t_counter;
  t_scratch = "x";
  co_return a + b;
}

demo::task<> held_across() {
  std::string &scratch = t_scratch;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: {{.*}}'t_scratch'{{.*}} [coro-thread-local-across-suspend]
  co_await demo::next_event();
  scratch += "y";
}
