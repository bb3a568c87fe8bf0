// RUN: %check_clang_tidy %s coro-unchecked-spawn %t -- -- -I %inputs
// libcoro: spawn() returns false when the scheduler refuses the task (during
// shutdown, say); ignoring it loses the work without a trace.
#include "coro/coro.hpp"

coro::task<void> background();

void ignored(coro::thread_pool &pool, coro::io_scheduler &scheduler) {
  pool.spawn(background());
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the bool returned by 'coro::thread_pool::spawn' is ignored: a task that could not be scheduled is silently dropped [guide §4.2] [coro-unchecked-spawn]
  scheduler.spawn(background());
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the bool returned by 'coro::io_scheduler::spawn' is ignored
  scheduler.spawn_detached(background());
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the bool returned by 'coro::io_scheduler::spawn_detached' is ignored
}

coro::task<void> spawn_from_a_coroutine(coro::thread_pool &pool) {
  co_await pool.schedule();
  for (int i = 0; i < 3; ++i) {
    pool.spawn(background());
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: the bool returned by 'coro::thread_pool::spawn' is ignored
  }
  auto in_lambda = [&pool] {
    pool.spawn(background());
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: the bool returned by 'coro::thread_pool::spawn' is ignored
  };
  in_lambda();
}

// Checked, stored, returned, or discarded on purpose with a cast.
bool checked(coro::thread_pool &pool) {
  if (!pool.spawn(background()))
    return false;
  bool accepted = pool.spawn(background());
  (void)pool.spawn(background());
  static_cast<void>(pool.spawn(background()));
  return accepted && pool.spawn(background());
}
