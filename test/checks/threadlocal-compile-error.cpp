// RUN: %check_clang_tidy -expect-clang-tidy-error %s coro-thread-local-across-suspend %t -- -- -I %inputs
// A coroutine that does not compile is not analysed; the rest of the file is.
#include "task.h"

thread_local int t_depth;

demo::task<> broken() {
  int *p = &t_depth;
  co_await demo::next_event();
  *p = undeclared_value;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: error: use of undeclared identifier 'undeclared_value' [clang-diagnostic-error]
}

demo::task<> fine() {
  int *p = &t_depth;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'p' refers to this thread's 't_depth' and is used after a suspension point
  co_await demo::next_event();
  *p = 1;
}
