// RUN: %check_clang_tidy %s coro-discarded-task %t -- -config="{CheckOptions: {coro-discarded-task.AllowVoidCast: false}}" -- -I %inputs
// RUN: %check_clang_tidy -fix-notes -check-suffix=NOTEFIX %s coro-discarded-task %t -- -config="{CheckOptions: {coro-discarded-task.AllowVoidCast: false}}" -- -I %inputs
// With AllowVoidCast off, a cast to void does not excuse a discarded task.
#include "task.h"

demo::task<> casts() {
  (void)demo::flush();
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-2]]:9: note: await the task so that it runs and its failure reaches this coroutine
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:9: warning: task 'demo::task<void>' returned by 'flush' is discarded
  // CHECK-FIXES-NOTEFIX: {{^}}  (void)co_await demo::flush();{{$}}
  static_cast<void>(demo::compute());
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: task 'demo::task<int>' returned by 'compute' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-2]]:21: note: await the task so that it runs and its failure reaches this coroutine
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:21: warning: task 'demo::task<int>' returned by 'compute' is discarded
  // CHECK-FIXES-NOTEFIX: {{^}}  static_cast<void>(co_await demo::compute());{{$}}
  co_return;
}

void outside() {
  (void(demo::flush()));
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-2]]:9: note: run the task: co_await it from a coroutine, hand it to a runner such as co_spawn or sync_wait, or store it and await it later
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:9: warning: task 'demo::task<void>' returned by 'flush' is discarded
}
