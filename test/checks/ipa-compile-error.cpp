// RUN: %check_clang_tidy -expect-clang-tidy-error %s coro-blocking-call %t -- -- -I %inputs
// Helpers that do not compile are not entered (their half-typed bodies
// would give nonsense); the rest of the file is still analysed.
#include "task.h"
#include <chrono>
#include <thread>

using namespace std::chrono_literals;

void broken_helper() {
  std::this_thread::sleep_for(undeclared_duration);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: error: use of undeclared identifier 'undeclared_duration' [clang-diagnostic-error]
  helper_that_does_not_exist();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: use of undeclared identifier 'helper_that_does_not_exist' [clang-diagnostic-error]
}

int wrong_return() {
  std::this_thread::sleep_for(1ms);
  return "text";
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: cannot initialize return object of type 'int' with an lvalue of type 'const char[5]' [clang-diagnostic-error]
}

void nap() { std::this_thread::sleep_for(1ms); }

demo::task<> caller() {
  broken_helper();
  wrong_return();
  nap();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'nap' may block the thread that runs this coroutine
  co_await demo::next_event();
}
