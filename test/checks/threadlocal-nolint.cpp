// RUN: %check_clang_tidy %s coro-thread-local-across-suspend %t -- \
// RUN:   -config="{CheckOptions: {coro-thread-local-across-suspend.ReportReaccess: true}}" -- -I %inputs
// Findings are suppressed where they are reported: the binding of the
// reference or pointer, or the first access.
#include "task.h"

thread_local int t_a, t_b, t_c;

demo::task<> suppressed() {
  int &a = t_a; // NOLINT(coro-thread-local-across-suspend): pinned executor
  // NOLINTNEXTLINE(coro-thread-local-across-suspend)
  ++t_b;
  ++t_c; // NOLINT(coro-blocking-call)
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: thread_local 't_c' is accessed before and after a suspension point
  co_await demo::next_event();
  ++a;
  ++t_b;
  ++t_c;
}
