// RUN: %check_clang_tidy %s coro-thread-local-across-suspend %t -- \
// RUN:   -config="{CheckOptions: {coro-thread-local-across-suspend.ReportReaccess: true}}" -- -I %inputs
// A reference or pointer to a thread_local, held in a local and used after
// a suspension point, still designates the first thread's object. The order
// is the control flow's (loops included), not the source text's.
#include "task.h"
#include <memory>
#include <string>

struct LatencyStats {
  void record(long);
  long count = 0;
};
thread_local std::string t_request_id;
thread_local LatencyStats t_stats;
thread_local int t_counter;
thread_local int t_slots[8];
void log_info(const std::string &, const char *);
struct Request {
  std::string id;
};
demo::task<int> query_backend(Request);

// The guide's example (§3.4).
demo::task<> handle(Request req) {
  t_request_id = req.id;
  const std::string &id = t_request_id;
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'id' refers to this thread's 't_request_id' and is used after a suspension point; the coroutine may resume on another thread, where using it races with the first thread or dangles once that thread exits [guide §3.4] [coro-thread-local-across-suspend]
  int reply = co_await query_backend(req);
  // CHECK-NOTES: :[[@LINE-1]]:15: note: suspension point; the coroutine may resume on another thread
  log_info(id, "backend replied");
  // CHECK-NOTES: :[[@LINE-1]]:12: note: 'id' used here after resuming
  (void)reply;
}

demo::task<> pointer() {
  LatencyStats *stats = &t_stats;
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'stats' refers to this thread's 't_stats' and is used after a suspension point
  co_await demo::next_event();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: suspension point; the coroutine may resume on another thread
  stats->record(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'stats' used here after resuming
}

demo::task<> addressof_member() {
  long *count = std::addressof(t_stats.count);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'count' refers to this thread's 't_stats' and is used after a suspension point
  co_await demo::next_event();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: suspension point; the coroutine may resume on another thread
  ++*count;
  // CHECK-NOTES: :[[@LINE-1]]:6: note: 'count' used here after resuming
}

demo::task<> arrays() {
  int *slot = t_slots;
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'slot' refers to this thread's 't_slots' and is used after a suspension point
  // CHECK-NOTES: :[[@LINE+6]]:3: note: suspension point; the coroutine may resume on another thread
  // CHECK-NOTES: :[[@LINE+6]]:3: note: 'slot' used here after resuming
  int &third = t_slots[3];
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'third' refers to this thread's 't_slots' and is used after a suspension point
  // CHECK-NOTES: :[[@LINE+2]]:3: note: suspension point; the coroutine may resume on another thread
  // CHECK-NOTES: :[[@LINE+3]]:3: note: 'third' used here after resuming
  co_await demo::next_event();
  slot[0] = 1;
  third = 2; // assigning through a reference is a use
}

// Assigned, and used in the next iteration of a loop. Taking the address
// in every iteration also accesses the thread_local before and after a
// suspension point.
demo::task<> loop() {
  int *p = nullptr;
  for (int i = 0; i < 3; ++i) {
    if (p)
      *p += i;
    p = &t_counter;
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'p' refers to this thread's 't_counter' and is used after a suspension point
    // CHECK-NOTES: :[[@LINE+5]]:5: note: suspension point; the coroutine may resume on another thread
    // CHECK-NOTES: :[[@LINE-5]]:9: note: 'p' used here after resuming
    // CHECK-NOTES: :[[@LINE-4]]:10: warning: thread_local 't_counter' is accessed before and after a suspension point
    // CHECK-NOTES: :[[@LINE+2]]:5: note: suspension point; the coroutine may resume on another thread
    // CHECK-NOTES: :[[@LINE-6]]:10: note: 't_counter' accessed again here after resuming
    co_await demo::next_event();
  }
}

// Negatives.

// A copy of the value lives in the coroutine frame.
demo::task<> copies() {
  std::string id = t_request_id;
  long count = t_stats.count;
  co_await demo::next_event();
  log_info(id, "copied");
  (void)count;
}

// Bound and used between two suspension points, or after the last one.
demo::task<> between_suspensions() {
  co_await demo::next_event();
  int *p = &t_counter;
  *p = 1;
  co_await demo::next_event();
}
demo::task<> after_last_suspension() {
  co_await demo::next_event();
  LatencyStats &s = t_stats;
  s.record(3);
}

// Rebound to the coroutine frame before the suspension.
demo::task<> rebound() {
  int local = 0;
  int *q = &t_counter;
  q = &local;
  co_await demo::next_event();
  *q = 2;
}

// A lambda's body is another function.
demo::task<> nested_lambda() {
  auto bump = [] {
    int &c = t_counter;
    ++c;
  };
  co_await demo::next_event();
  bump();
}
