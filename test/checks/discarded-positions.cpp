// RUN: %check_clang_tidy %s coro-discarded-task %t -- -- -I %inputs
// Every place where an expression is a statement of its own, and the operands
// whose value an expression drops.
#include "task.h"

bool ready();

void control_statements(int n) {
  if (ready())
    demo::flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  else
    demo::compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 'demo::task<int>' returned by 'compute' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]

  for (demo::flush(); n > 0; demo::compute())
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
    // CHECK-MESSAGES: :[[@LINE-2]]:30: warning: task 'demo::task<int>' returned by 'compute' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
    --n, demo::flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]

  while (n-- > 0)
    demo::flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]

  do
    demo::flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  while (ready());

  switch (n) {
  case 1:
    demo::flush();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
    break;
  case 2: demo::compute();
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: task 'demo::task<int>' returned by 'compute' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
    break;
  default:
    demo::flush();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  }

again:
  demo::flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  if (n++ < 3)
    goto again;

  [[likely]] demo::flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
}

void init_statements(int (&values)[3]) {
  if (demo::flush(); ready()) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  }
  switch (demo::compute(); values[0]) {
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: task 'demo::task<int>' returned by 'compute' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  default:
    break;
  }
  for (demo::flush(); int v : values)
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
    demo::compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 'demo::task<int>' returned by 'compute' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
}

int dropped_operands(bool which) {
  // The left side of a comma is dropped even where the comma's value is used.
  int used = (demo::flush(), 42);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]

  // Both arms of a dropped conditional, and nested parentheses.
  which ? demo::flush() : (demo::flush());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-MESSAGES: :[[@LINE-2]]:28: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]

  // A GNU statement expression: its last statement is its value.
  demo::task<> kept = ({
    demo::compute();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 'demo::task<int>' returned by 'compute' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
    demo::flush();
  });
  (void)kept;
  return used;
}
