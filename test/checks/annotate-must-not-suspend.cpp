// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
// A type annotated [[clang::annotate("corolint::must_not_suspend")]], with or
// without a reason, is tracked like a lock: from its construction to its
// destruction or move. One warning per object, one note per suspension point
// it is alive at.
#include "task.h"
#include <utility>

struct [[clang::annotate("corolint::must_not_suspend",
                         "it pins this thread's allocation arena")]] ArenaScope {
  ArenaScope();
  ArenaScope(const ArenaScope &);
  ArenaScope(ArenaScope &&);
  ~ArenaScope();
};

struct [[clang::annotate("corolint::must_not_suspend")]] TraceSpan {
  explicit TraceSpan(const char *name);
  TraceSpan(TraceSpan &&);
  ~TraceSpan();
};

ArenaScope enter_arena();
void use(const ArenaScope &);
void finish(TraceSpan &&);
demo::task<> consume(ArenaScope);

demo::task<> with_reason() {
  ArenaScope scope;
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'scope' of type 'ArenaScope' must not live across a suspension point: it pins this thread's allocation arena [guide §3.2] [coro-lock-across-suspend]
  co_await demo::next_event();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: suspension point where 'scope' is alive
  int x = co_await demo::compute();
  // CHECK-NOTES: :[[@LINE-1]]:11: note: suspension point where 'scope' is alive
  (void)x;
}

demo::task<> without_reason() {
  TraceSpan span("request");
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'span' of type 'TraceSpan' must not live across a suspension point: the coroutine may resume on another thread, and other code runs on this one while it is suspended [guide §3.2] [coro-lock-across-suspend]
  co_await demo::next_event();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: suspension point where 'span' is alive
}

// Negatives: destroyed, moved away or never alive at a suspension point.
demo::task<> scoped() {
  {
    TraceSpan span("parse");
  }
  co_await demo::next_event();
  TraceSpan moved("send");
  finish(std::move(moved));
  co_await demo::next_event();
  use(enter_arena());
  co_await demo::next_event();
  co_await demo::next_event();
  ArenaScope after;
}

// Temporaries live to the end of their full-expression: a by-value argument
// of an awaited call is alive while the coroutine waits.
demo::task<> temporaries() {
  co_await consume(ArenaScope());
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: temporary of type 'ArenaScope' must not live across a suspension point: it pins this thread's allocation arena [guide §3.2] [coro-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: suspension point where temporary is alive
}

// Objects returned by a call, bound to a reference, copied or moved.
demo::task<> from_calls() {
  ArenaScope returned = enter_arena();
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'returned' of type 'ArenaScope' must not live across
  // CHECK-NOTES: :[[@LINE+9]]:3: note: suspension point where 'returned' is alive
  const ArenaScope &bound = enter_arena();
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: 'bound' of type 'ArenaScope' must not live across
  // CHECK-NOTES: :[[@LINE+6]]:3: note: suspension point where 'bound' is alive
  ArenaScope copy = bound;
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'copy' of type 'ArenaScope' must not live across
  // CHECK-NOTES: :[[@LINE+3]]:3: note: suspension point where 'copy' is alive
  // 'returned' lives on in 'taken': the warning names where it was created.
  ArenaScope taken = std::move(returned);
  co_await demo::next_event();
}

// Derived classes and class templates inherit the annotation.
struct ThreadArena : ArenaScope {};
template <typename T>
struct [[clang::annotate("corolint::must_not_suspend", "it borrows a thread-local slot")]] Slot {
  ~Slot();
  T *value;
};

demo::task<> derived_and_templates() {
  ThreadArena arena;
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'arena' of type 'ThreadArena' must not live across a suspension point: it pins this thread's allocation arena [guide §3.2] [coro-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE+4]]:3: note: suspension point where 'arena' is alive
  Slot<int> slot{};
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'slot' of type 'Slot<int>' must not live across a suspension point: it borrows a thread-local slot [guide §3.2] [coro-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE+1]]:3: note: suspension point where 'slot' is alive
  co_await demo::next_event();
}

// Only in the branch that suspends while it is alive.
demo::task<> one_branch(bool fast) {
  if (fast) {
    TraceSpan span("fast");
    co_await demo::next_event();
    // CHECK-NOTES: :[[@LINE-2]]:15: warning: 'span' of type 'TraceSpan' must not live across
    // CHECK-NOTES: :[[@LINE-2]]:5: note: suspension point where 'span' is alive
  } else {
    TraceSpan span("slow");
  }
  co_await demo::next_event();
}

// A template coroutine reports each location once.
template <typename T> demo::task<> generic() {
  ArenaScope scope;
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'scope' of type 'ArenaScope' must not live across
  co_await demo::next_event();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: suspension point where 'scope' is alive
}
template demo::task<> generic<int>();
template demo::task<> generic<long>();
