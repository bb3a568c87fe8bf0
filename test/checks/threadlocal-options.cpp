// RUN: %check_clang_tidy %s coro-thread-local-across-suspend %t -- \
// RUN:   -config="{CheckOptions: {coro-thread-local-across-suspend.IgnoredThreadLocals: '::t_rng;::Pool::t_cache', \
// RUN:     coro-thread-local-across-suspend.NonSuspendingAwaitables: '::ready_now;::Inline', \
// RUN:     coro-thread-local-across-suspend.ReportReaccess: true}}" \
// RUN:   -- -I %inputs
// IgnoredThreadLocals: per-thread state meant to be used by whichever thread
// runs the coroutine. NonSuspendingAwaitables: awaitables that never
// suspend (setting it replaces the default std::suspend_never).
#include "task.h"
#include <coroutine>

thread_local unsigned t_rng;
thread_local int t_depth;
struct Pool {
  static thread_local int t_cache;
};
struct Inline {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
Inline ready_now();

demo::task<> ignored() {
  unsigned *r = &t_rng;
  ++Pool::t_cache;
  co_await demo::next_event();
  ++*r;
  ++Pool::t_cache;
}

demo::task<> never_suspends() {
  ++t_depth;
  co_await ready_now();
  co_await Inline{};
  ++t_depth;
  co_await std::suspend_never{};
  // CHECK-MESSAGES: :[[@LINE-5]]:5: warning: thread_local 't_depth' is accessed before and after a suspension point
  --t_depth;
}
