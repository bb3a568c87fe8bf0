// RUN: %check_clang_tidy %s coro-unbounded-channel %t -- -- -I %inputs
// RUN: %check_clang_tidy -fix-notes -check-suffix=FIX %s coro-unbounded-channel %t -- -- -I %inputs
// A member is reported once, at its declaration, however many constructors
// build it; a class template instantiated twice is reported once.
#include "coro/coro.hpp"
#include "folly/coro/Task.h"

struct Job {};

class Dispatcher {
public:
  Dispatcher();
  explicit Dispatcher(int workers) : workers_(workers) {}
  Dispatcher(const char *, int workers) : workers_(workers) {}

private:
  int workers_ = 1;
  folly::coro::UnboundedQueue<Job> pending_;
  // CHECK-NOTES: :[[@LINE-1]]:36: warning: unbounded queue 'folly::coro::UnboundedQueue<Job>' has no backpressure: a producer faster than its consumer grows memory without limit [guide §3.3] [coro-unbounded-channel]
  // CHECK-NOTES: :[[@LINE-2]]:16: note: use 'folly::coro::BoundedQueue'
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:36: warning: unbounded queue
  // CHECK-FIXES-FIX: folly::coro::BoundedQueue<Job> pending_{/*capacity=*/1024};
  coro::queue<Job> results_;
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: unbounded queue 'coro::queue<Job>' has no backpressure
  // CHECK-NOTES: :[[@LINE-2]]:9: note: use 'coro::ring_buffer<T, N>'
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:20: warning: unbounded queue
  // CHECK-FIXES-FIX: coro::ring_buffer<Job, /*capacity=*/1024> results_;
};
Dispatcher::Dispatcher() : workers_(4) {}

// A constructor that initialises the member itself: adding a default member
// initializer would not take effect, so only the twin is named.
struct Initialised {
  Initialised() : queue_() {}
  folly::coro::UnboundedQueue<Job> queue_;
  // CHECK-NOTES: :[[@LINE-1]]:36: warning: unbounded queue 'folly::coro::UnboundedQueue<Job>' has no backpressure
  // CHECK-NOTES: :[[@LINE-2]]:36: note: use 'folly::coro::BoundedQueue'
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:36: warning: unbounded queue
  // CHECK-FIXES-FIX: folly::coro::UnboundedQueue<Job> queue_;
};

// A constructor defined in another translation unit might initialise it too.
struct DefinedElsewhere {
  DefinedElsewhere();
  coro::queue<Job> queue_;
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: unbounded queue 'coro::queue<Job>' has no backpressure
  // CHECK-NOTES: :[[@LINE-2]]:20: note: use 'coro::ring_buffer<T, N>'
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:20: warning: unbounded queue
};

// Static data members are reported at their definition.
struct Registry {
  static folly::coro::UnboundedQueue<int> updates;
  static inline coro::queue<int> inlineUpdates;
  // CHECK-NOTES: :[[@LINE-1]]:34: warning: unbounded queue 'coro::queue<int>' has no backpressure
  // CHECK-NOTES: :[[@LINE-2]]:23: note: use 'coro::ring_buffer<T, N>'
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:34: warning: unbounded queue
  // CHECK-FIXES-FIX: static inline coro::ring_buffer<int, /*capacity=*/1024> inlineUpdates;
};
folly::coro::UnboundedQueue<int> Registry::updates;
// CHECK-NOTES: :[[@LINE-1]]:44: warning: unbounded queue 'folly::coro::UnboundedQueue<int>' has no backpressure
// CHECK-NOTES: :[[@LINE-2]]:44: note: use 'folly::coro::BoundedQueue'
// CHECK-MESSAGES-FIX: :[[@LINE-3]]:44: warning: unbounded queue

// Instantiated twice, reported once, at the member of the template.
template <typename T> struct Pipeline {
  folly::coro::UnboundedQueue<T> stage;
  // CHECK-NOTES: :[[@LINE-1]]:34: warning: unbounded queue 'folly::coro::UnboundedQueue<int>' has no backpressure
  // CHECK-NOTES: :[[@LINE-2]]:16: note: use 'folly::coro::BoundedQueue'
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:34: warning: unbounded queue
  // CHECK-FIXES-FIX: folly::coro::BoundedQueue<T> stage{/*capacity=*/1024};
};
Pipeline<int> ints;
Pipeline<Job> jobs;

// Instantiated twice, reported once, in a function template.
template <typename T> void drain() {
  coro::queue<T> scratch;
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: unbounded queue 'coro::queue<int>' has no backpressure
  // CHECK-NOTES: :[[@LINE-2]]:9: note: use 'coro::ring_buffer<T, N>'
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:18: warning: unbounded queue
  // CHECK-FIXES-FIX: coro::ring_buffer<T, /*capacity=*/1024> scratch;
}
template void drain<int>();
template void drain<Job>();

// A member whose type is a template parameter is reported when the template
// is instantiated with a queue; its spelling names no queue, so only the twin
// is named. Instantiated with anything else, it is not a finding.
template <typename Q> struct Holder {
  Q held;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: unbounded queue 'coro::queue<Job>' has no backpressure
  // CHECK-NOTES: :[[@LINE-2]]:5: note: use 'coro::ring_buffer<T, N>'
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:5: warning: unbounded queue
  // CHECK-FIXES-FIX: Q held;
};
Holder<int> holdsAnInt;
Holder<coro::queue<Job>> holdsAQueue;
