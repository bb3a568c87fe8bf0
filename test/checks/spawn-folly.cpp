// RUN: %check_clang_tidy %s coro-unchecked-spawn %t -- -- -I %inputs
// folly::coro: start() returns the SemiFuture that carries the task's
// outcome; dropping it drops the failure.
#include "folly/coro/Task.h"

folly::coro::Task<void> readLoop();
folly::coro::Task<int> compute();
struct LogFailure {
  template <typename Try> void operator()(Try &&) const;
};

void dropped(folly::Executor *ex) {
  folly::coro::co_withExecutor(ex, readLoop()).start();
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: the 'SemiFuture' returned by 'folly::coro::TaskWithExecutor::start' is discarded: nobody observes how the spawned work ends, so its failure is lost [guide §4.2] [coro-unchecked-spawn]
  folly::coro::Task<int> task = compute();
  std::move(task).scheduleOn(ex).start();
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: the 'SemiFuture' returned by 'folly::coro::TaskWithExecutor::start' is discarded
}

void unbraced_bodies(folly::Executor *ex, bool again, int n) {
  if (again)
    folly::coro::co_withExecutor(ex, readLoop()).start();
  // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: the 'SemiFuture' returned by
  else
    (folly::coro::co_withExecutor(ex, readLoop()).start());
  // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: the 'SemiFuture' returned by
  for (int i = 0; i < n; ++i)
    folly::coro::co_withExecutor(ex, readLoop()).start();
  // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: the 'SemiFuture' returned by
  while (again)
    folly::coro::co_withExecutor(ex, readLoop()).start();
  // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: the 'SemiFuture' returned by
  switch (n) {
  case 1:
    folly::coro::co_withExecutor(ex, readLoop()).start();
    // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: the 'SemiFuture' returned by
    break;
  default:
  retry:
    folly::coro::co_withExecutor(ex, readLoop()).start();
    // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: the 'SemiFuture' returned by
  }
}

folly::coro::Task<void> from_a_coroutine(folly::Executor *ex) {
  folly::coro::co_withExecutor(ex, compute()).start();
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: the 'SemiFuture' returned by
  co_await folly::coro::co_withExecutor(ex, readLoop());
}

// Instantiated twice, reported once.
template <typename T> void start_later(folly::Executor *ex) {
  folly::coro::co_withExecutor(ex, readLoop()).start();
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: the 'SemiFuture' returned by
  T unused{};
}
template void start_later<int>(folly::Executor *);
template void start_later<long>(folly::Executor *);

// Observed: kept, returned, waited on, given a callback; `(void)` discards
// on purpose.
folly::SemiFuture<void> kept(folly::Executor *ex) {
  auto future = folly::coro::co_withExecutor(ex, readLoop()).start();
  std::move(future).get();
  folly::coro::co_withExecutor(ex, readLoop()).start().wait();
  folly::coro::co_withExecutor(ex, readLoop()).start(LogFailure{});
  (void)folly::coro::co_withExecutor(ex, readLoop()).start();
  return folly::coro::co_withExecutor(ex, readLoop()).start();
}

void suppressed(folly::Executor *ex) {
  folly::coro::co_withExecutor(ex, readLoop()).start(); // NOLINT(coro-unchecked-spawn)
}
