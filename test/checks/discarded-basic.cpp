// RUN: %check_clang_tidy %s coro-discarded-task %t -- -- -I %inputs
// RUN: %check_clang_tidy -fix-notes -check-suffix=NOTEFIX %s coro-discarded-task %t -- -- -I %inputs
#include "task.h"

struct Connection {
  demo::task<> flush();
  demo::task<int> read();
};

// A lazy task discarded inside a coroutine: the note offers `co_await`.
demo::task<> discard_in_coroutine() {
  demo::compute();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: task 'demo::task<int>' returned by 'compute' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await the task so that it runs and its failure reaches this coroutine
  // CHECK-FIXES: {{^}}  demo::compute();{{$}}
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-4]]:3: warning: task 'demo::task<int>' returned by 'compute' is discarded
  // CHECK-FIXES-NOTEFIX: {{^}}  co_await demo::compute();{{$}}
  co_return;
}

// Outside a coroutine there is nothing to await with: the note names the
// alternatives and carries no fix.
void discard_in_plain_function() {
  demo::flush();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: run the task: co_await it from a coroutine, hand it to a runner such as co_spawn or sync_wait, or store it and await it later
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: task 'demo::task<void>' returned by 'flush' is discarded
  // CHECK-FIXES-NOTEFIX: {{^}}  demo::flush();{{$}}
}

// A member function returning a task, called through a reference.
demo::task<> discard_member(Connection &c) {
  c.flush();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await the task so that it runs and its failure reaches this coroutine
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: task 'demo::task<void>' returned by 'flush' is discarded
  // CHECK-FIXES-NOTEFIX: {{^}}  co_await c.flush();{{$}}
  co_await c.read();
}

// A task returned through a function pointer.
demo::task<> discard_through_pointer(demo::task<int> (*produce)()) {
  produce();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: task 'demo::task<int>' returned by 'produce' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await the task so that it runs and its failure reaches this coroutine
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: task 'demo::task<int>' returned by 'produce' is discarded
  // CHECK-FIXES-NOTEFIX: {{^}}  co_await produce();{{$}}
  co_return;
}

// An immediately invoked coroutine lambda.
demo::task<> discard_lambda_call() {
  [] () -> demo::task<> { co_return; }();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: task 'demo::task<void>' returned by a lambda is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await the task so that it runs and its failure reaches this coroutine
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: task 'demo::task<void>' returned by a lambda is discarded
  // CHECK-FIXES-NOTEFIX: {{^}}  co_await [] () -> demo::task<> { co_return; }();{{$}}
  co_return;
}

// A plain lambda nested in a coroutine is another function: no `co_await`
// there, and the coroutine around it is not blamed.
demo::task<> discard_in_nested_lambda() {
  auto later = [] { demo::flush(); };
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-2]]:21: note: run the task: co_await it from a coroutine, hand it to a runner such as co_spawn or sync_wait, or store it and await it later
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:21: warning: task 'demo::task<void>' returned by 'flush' is discarded
  // CHECK-FIXES-NOTEFIX: {{^}}  auto later = [] { demo::flush(); };{{$}}
  later();
  co_return;
}
