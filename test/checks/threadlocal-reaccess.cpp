// RUN: %check_clang_tidy %s coro-thread-local-across-suspend %t -- \
// RUN:   -config="{CheckOptions: {coro-thread-local-across-suspend.ReportReaccess: true}}" -- -I %inputs
// A thread_local accessed before a suspension point and again after it may
// be two different variables: the coroutine may resume on another thread.
#include "task.h"
#include <coroutine>
#include <string>

thread_local std::string t_request_id;
thread_local int t_depth;
__thread int t_legacy;
struct Tracer {
  static thread_local int current;
  int other;
};
void log_info(const std::string &);

demo::task<> reaccess(std::string id) {
  t_request_id = id;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: thread_local 't_request_id' is accessed before and after a suspension point; after resuming, the coroutine may run on another thread and see that thread's variable, which other coroutines may have changed [guide §3.4] [coro-thread-local-across-suspend]
  co_await demo::next_event();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: suspension point; the coroutine may resume on another thread
  log_info(t_request_id);
  // CHECK-NOTES: :[[@LINE-1]]:12: note: 't_request_id' accessed again here after resuming
}

// Every kind of thread-local variable: function-local, static members
// (however named), GNU __thread.
demo::task<> kinds(Tracer &tracer) {
  static thread_local int calls;
  ++calls;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: thread_local 'calls' is accessed before and after a suspension point
  // CHECK-NOTES: :[[@LINE+10]]:3: note: suspension point; the coroutine may resume on another thread
  // CHECK-NOTES: :[[@LINE+10]]:5: note: 'calls' accessed again here after resuming
  Tracer::current = 1;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: thread_local 'Tracer::current' is accessed before and after a suspension point
  // CHECK-NOTES: :[[@LINE+6]]:3: note: suspension point; the coroutine may resume on another thread
  // CHECK-NOTES: :[[@LINE+7]]:3: note: 'Tracer::current' accessed again here after resuming
  t_legacy = 2;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: thread_local 't_legacy' is accessed before and after a suspension point
  // CHECK-NOTES: :[[@LINE+2]]:3: note: suspension point; the coroutine may resume on another thread
  // CHECK-NOTES: :[[@LINE+4]]:3: note: 't_legacy' accessed again here after resuming
  co_await demo::next_event();
  --calls;
  tracer.current = 0;
  t_legacy = 0;
}

// In a loop, the next iteration runs after the suspension.
demo::task<> loop() {
  for (int i = 0; i < 3; ++i) {
    co_await demo::next_event();
    ++t_depth;
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: thread_local 't_depth' is accessed before and after a suspension point
    // CHECK-NOTES: :[[@LINE-3]]:5: note: suspension point; the coroutine may resume on another thread
    // CHECK-NOTES: :[[@LINE-3]]:7: note: 't_depth' accessed again here after resuming
  }
}

// co_yield suspends too.
demo::generator<int> numbers() {
  co_yield t_depth;
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: thread_local 't_depth' is accessed before and after a suspension point
  // CHECK-NOTES: :[[@LINE-2]]:3: note: suspension point; the coroutine may resume on another thread
  co_yield t_depth + 1;
  // CHECK-NOTES: :[[@LINE-1]]:12: note: 't_depth' accessed again here after resuming
}

// Negatives.

// Only before, only after, or a copy taken before.
demo::task<> only_before() {
  t_depth = 1;
  log_info(t_request_id);
  co_await demo::next_event();
}
demo::task<> only_after() {
  co_await demo::next_event();
  t_depth = 1;
  log_info(t_request_id);
}
demo::task<> copy_before() {
  std::string id = t_request_id;
  int depth = t_depth;
  co_await demo::next_event();
  log_info(id);
  (void)depth;
}

// On no path is the thread_local accessed both before and after.
demo::task<> different_paths(bool early) {
  if (early) {
    ++t_depth;
  } else {
    co_await demo::next_event();
    ++t_depth;
  }
}

// Awaiting std::suspend_never does not suspend; sizeof does not access.
demo::task<> no_suspension_no_access() {
  ++t_depth;
  co_await std::suspend_never{};
  --t_depth;
  co_await demo::next_event();
  static_assert(sizeof(t_depth) == sizeof(int));
}

// A lambda's body is another function.
demo::task<> nested_lambda() {
  auto reset = [] { t_depth = 0; };
  reset();
  co_await demo::next_event();
  reset();
}
