// RUN: %check_clang_tidy %s coro-unbounded-channel %t -- -- -I %inputs
// RUN: %check_clang_tidy -fix-notes -check-suffix=FIX %s coro-unbounded-channel %t -- -- -I %inputs
// folly::coro::UnboundedQueue never makes a producer wait. The bounded twin is
// offered as a note fix-it where the declaration spells the queue template.
#include "folly/coro/Task.h"
#include <queue>

struct Event {};
struct Source { folly::coro::Task<Event> next(); };

// The guide's example: a global queue filled from a coroutine.
folly::coro::UnboundedQueue<Event> events;
// CHECK-NOTES: :[[@LINE-1]]:36: warning: unbounded queue 'folly::coro::UnboundedQueue<Event>' has no backpressure: a producer faster than its consumer grows memory without limit [guide §3.3] [coro-unbounded-channel]
// CHECK-NOTES: :[[@LINE-2]]:14: note: use 'folly::coro::BoundedQueue' with a capacity sized for the expected load; 'co_await enqueue()' then waits while it is full
// CHECK-MESSAGES-FIX: :[[@LINE-3]]:36: warning: unbounded queue
// CHECK-FIXES-FIX: folly::coro::BoundedQueue<Event> events{/*capacity=*/1024};

folly::coro::Task<void> produce(Source &src) {
  for (;;)
    events.enqueue(co_await src.next());
}

// The template arguments carry over: BoundedQueue has the same parameters.
static folly::coro::UnboundedQueue<int, /*SingleProducer=*/true, false> spsc;
// CHECK-NOTES: :[[@LINE-1]]:73: warning: unbounded queue 'folly::coro::UnboundedQueue<int, true, false>' has no backpressure
// CHECK-NOTES: :[[@LINE-2]]:21: note: use 'folly::coro::BoundedQueue'
// CHECK-MESSAGES-FIX: :[[@LINE-3]]:73: warning: unbounded queue
// CHECK-FIXES-FIX: static folly::coro::BoundedQueue<int, /*SingleProducer=*/true, false> spsc{/*capacity=*/1024};

// SmallUnboundedQueue is unbounded too.
folly::coro::SmallUnboundedQueue<Event> small;
// CHECK-NOTES: :[[@LINE-1]]:41: warning: unbounded queue 'folly::coro::SmallUnboundedQueue<Event>' (aka 'UnboundedQueue<Event, false, false>') has no backpressure
// CHECK-NOTES: :[[@LINE-2]]:14: note: use 'folly::coro::BoundedQueue'
// CHECK-MESSAGES-FIX: :[[@LINE-3]]:41: warning: unbounded queue
// CHECK-FIXES-FIX: folly::coro::BoundedQueue<Event> small{/*capacity=*/1024};

// An alias or typedef hides the template: still found, the twin is named but
// rewriting the alias is left to the user.
using EventQueue = folly::coro::UnboundedQueue<Event>;
typedef folly::coro::UnboundedQueue<int> IntQueue;
EventQueue aliased;
// CHECK-NOTES: :[[@LINE-1]]:12: warning: unbounded queue 'EventQueue' (aka 'folly::coro::UnboundedQueue<Event>') has no backpressure
// CHECK-NOTES: :[[@LINE-2]]:12: note: use 'folly::coro::BoundedQueue'
// CHECK-MESSAGES-FIX: :[[@LINE-3]]:12: warning: unbounded queue
// CHECK-FIXES-FIX: EventQueue aliased;

void locals() {
  IntQueue typedefed;
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: unbounded queue 'IntQueue' (aka 'folly::coro::UnboundedQueue<int>') has no backpressure
  // CHECK-NOTES: :[[@LINE-2]]:12: note: use 'folly::coro::BoundedQueue'
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:12: warning: unbounded queue

  // Not only in coroutines: any queue the program builds.
  folly::coro::UnboundedQueue<int> local;
  // CHECK-NOTES: :[[@LINE-1]]:36: warning: unbounded queue 'folly::coro::UnboundedQueue<int>' has no backpressure
  // CHECK-NOTES: :[[@LINE-2]]:16: note: use 'folly::coro::BoundedQueue'
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:36: warning: unbounded queue
  // CHECK-FIXES-FIX: folly::coro::BoundedQueue<int> local{/*capacity=*/1024};

  // An initializer is not rewritten mechanically.
  auto deduced = folly::coro::UnboundedQueue<int>();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: unbounded queue 'folly::coro::UnboundedQueue<int>' has no backpressure
  // CHECK-NOTES: :[[@LINE-2]]:8: note: use 'folly::coro::BoundedQueue'
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:8: warning: unbounded queue

  // Two declarators share the type: rewriting it would change both.
  folly::coro::UnboundedQueue<int> first, second;
  // CHECK-NOTES: :[[@LINE-1]]:36: warning: unbounded queue 'folly::coro::UnboundedQueue<int>' has no backpressure
  // CHECK-NOTES: :[[@LINE-2]]:36: note: use 'folly::coro::BoundedQueue'
  // CHECK-NOTES: :[[@LINE-3]]:43: warning: unbounded queue 'folly::coro::UnboundedQueue<int>' has no backpressure
  // CHECK-NOTES: :[[@LINE-4]]:43: note: use 'folly::coro::BoundedQueue'
  // CHECK-MESSAGES-FIX: :[[@LINE-5]]:36: warning: unbounded queue
  // CHECK-MESSAGES-FIX: :[[@LINE-6]]:43: warning: unbounded queue
  // CHECK-FIXES-FIX: folly::coro::UnboundedQueue<int> first, second;

  // An array of queues.
  folly::coro::UnboundedQueue<int> shards[4];
  // CHECK-NOTES: :[[@LINE-1]]:36: warning: unbounded queue 'folly::coro::UnboundedQueue<int>[4]' has no backpressure
  // CHECK-NOTES: :[[@LINE-2]]:36: note: use 'folly::coro::BoundedQueue'
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:36: warning: unbounded queue
}

// Not findings: the bounded twin, the standard container, references and
// pointers (they construct nothing), a declaration that is not a definition.
folly::coro::BoundedQueue<Event> bounded{256};
std::queue<Event> plain;
extern folly::coro::UnboundedQueue<long> definedElsewhere;
void consume(folly::coro::UnboundedQueue<Event> &queue,
             folly::coro::UnboundedQueue<Event> *maybe);
