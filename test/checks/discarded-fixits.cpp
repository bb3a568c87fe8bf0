// RUN: %check_clang_tidy %s coro-discarded-task %t -- -- -I %inputs
// RUN: %check_clang_tidy -fix-notes -check-suffix=NOTEFIX %s coro-discarded-task %t -- -- -I %inputs
// Where `co_await` can be inserted, and where it cannot.
#include "task.h"
#include "qcoro/qcorotask.h"

#define FLUSH_LATER() demo::flush()

// A promise with await_transform decides what may be awaited.
struct filtered_task {
  struct promise_type : demo::detail::promise_base {
    filtered_task get_return_object() { return {}; }
    void return_void() {}
    demo::event await_transform(demo::event e) { return e; }
  };
};

demo::task<> parts(bool fast) {
  (demo::flush());
  // CHECK-NOTES: :[[@LINE-1]]:4: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-2]]:4: note: await the task so that it runs and its failure reaches this coroutine
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:4: warning: task 'demo::task<void>'
  // CHECK-FIXES-NOTEFIX: {{^}}  (co_await demo::flush());{{$}}
  fast ? demo::flush() : demo::flush();
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: await the task so that it runs and its failure reaches this coroutine
  // CHECK-NOTES: :[[@LINE-3]]:26: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-4]]:26: note: await the task so that it runs and its failure reaches this coroutine
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-5]]:10: warning: task 'demo::task<void>'
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-6]]:26: warning: task 'demo::task<void>'
  // CHECK-FIXES-NOTEFIX: {{^}}  fast ? co_await demo::flush() : co_await demo::flush();{{$}}

  // Written by a macro: the note explains, an edit would touch the macro.
  FLUSH_LATER();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :7:23: note: expanded from macro 'FLUSH_LATER'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: run the task: co_await it from a coroutine, hand it to a runner such as co_spawn or sync_wait, or store it and await it later
  // CHECK-NOTES: :7:23: note: expanded from macro 'FLUSH_LATER'
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-5]]:3: warning: task 'demo::task<void>'
  // CHECK-FIXES-NOTEFIX: {{^}}  FLUSH_LATER();{{$}}

  // `co_await` is not allowed in a handler.
  try {
    co_await demo::flush();
  } catch (...) {
    demo::flush();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: run the task: co_await it from a coroutine, hand it to a runner such as co_spawn or sync_wait, or store it and await it later
    // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:5: warning: task 'demo::task<void>'
    // CHECK-FIXES-NOTEFIX: {{^}}    demo::flush();{{$}}
  }
}

// A task of another library that has its own await members: awaiting it
// from a coroutine without await_transform works.
QCoro::Task<> on_saved() {
  demo::compute();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: task 'demo::task<int>' returned by 'compute' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await the task so that it runs and its failure reaches this coroutine
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: task 'demo::task<int>'
  // CHECK-FIXES-NOTEFIX: {{^}}  co_await demo::compute();{{$}}
  co_return;
}

// The promise only accepts demo::event: inserting `co_await` would not
// compile, so the note names the alternatives instead.
filtered_task filtered() {
  demo::flush();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: run the task: co_await it from a coroutine, hand it to a runner such as co_spawn or sync_wait, or store it and await it later
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: task 'demo::task<void>'
  // CHECK-FIXES-NOTEFIX: {{^}}  demo::flush();{{$}}
  co_await demo::next_event();
}
