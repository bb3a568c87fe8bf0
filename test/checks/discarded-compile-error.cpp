// RUN: %check_clang_tidy -expect-clang-tidy-error %s coro-discarded-task %t -- -- -I %inputs
// Code that does not compile: no crash, no report built on half-typed
// expressions; a valid statement next to the error is still analysed.
#include "task.h"

demo::task<> broken() {
  demo::compute(42);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: error: too many arguments to function call, expected 0, have 1 [clang-diagnostic-error]
  undeclared_task();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: use of undeclared identifier 'undeclared_task' [clang-diagnostic-error]
  co_await demo::flush();
}

demo::task<> partly_valid() {
  demo::flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  demo::flush(nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: error: too many arguments to function call, expected 0, have 1 [clang-diagnostic-error]
  co_return;
}
