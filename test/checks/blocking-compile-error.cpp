// RUN: %check_clang_tidy -expect-clang-tidy-error %s coro-blocking-call %t -- -- -I %inputs
// A coroutine that does not compile is not analysed (its half-typed body
// would give nonsense); the rest of the file still is.
#include "task.h"
#include <chrono>
#include <thread>

using namespace std::chrono_literals;

demo::task<> broken() {
  std::this_thread::sleep_for(undeclared_duration);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: error: use of undeclared identifier 'undeclared_duration' [clang-diagnostic-error]
  std::this_thread::sleep_for(1s);
  co_await demo::next_event();
}

demo::task<> fine() {
  std::this_thread::sleep_for(1s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  co_await demo::next_event();
}

demo::task<> wrong_call(std::thread &t) {
  t.join(42);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: too many arguments to function call, expected 0, have 1 [clang-diagnostic-error]
  co_await demo::next_event();
}
