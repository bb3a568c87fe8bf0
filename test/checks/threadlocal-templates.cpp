// RUN: %check_clang_tidy %s coro-thread-local-across-suspend %t -- \
// RUN:   -config="{CheckOptions: {coro-thread-local-across-suspend.ReportReaccess: true}}" -- -I %inputs
// Coroutine templates and lambdas are analysed in their instantiations and
// report each location once.
#include "task.h"

template <typename T> thread_local T t_value{};

template <typename T> demo::task<> generic() {
  T *p = &t_value<T>;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'p' refers to this thread's 't_value' and is used after a suspension point
  co_await demo::next_event();
  *p = T{};
}
template demo::task<> generic<int>();
template demo::task<> generic<long>();

auto lambda = []() -> demo::task<> {
  thread_local int calls;
  ++calls;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: thread_local 'calls' is accessed before and after a suspension point
  co_await demo::next_event();
  --calls;
};
