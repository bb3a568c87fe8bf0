// RUN: %check_clang_tidy %s coro-unbounded-channel %t -- -- -I %inputs
// folly's non-coroutine UnboundedQueue and its aliases UMPMCQueue, USPSCQueue,
// UMPSCQueue and USPMCQueue. Their bounded counterpart, DynamicBoundedQueue,
// takes different template parameters, so the note names it without a fix-it.
#include "folly/coro/Task.h"

folly::UMPMCQueue<int, /*MayBlock=*/true> mpmc;
// CHECK-NOTES: :[[@LINE-1]]:43: warning: unbounded queue 'folly::UMPMCQueue<int, true>' (aka 'UnboundedQueue<int, false, false, true>') has no backpressure: a producer faster than its consumer grows memory without limit [guide §3.3] [coro-unbounded-channel]
// CHECK-NOTES: :[[@LINE-2]]:43: note: use 'folly::DynamicBoundedQueue' (e.g. 'folly::DMPMCQueue') with a capacity sized for the expected load; 'enqueue()' then waits while it is full

folly::USPSCQueue<int, false> spsc;
// CHECK-NOTES: :[[@LINE-1]]:31: warning: unbounded queue 'folly::USPSCQueue<int, false>' (aka 'UnboundedQueue<int, true, true, false>') has no backpressure
// CHECK-NOTES: :[[@LINE-2]]:31: note: use 'folly::DynamicBoundedQueue'

struct Stage {
  folly::UMPSCQueue<int, true> inbox;
  // CHECK-NOTES: :[[@LINE-1]]:32: warning: unbounded queue 'folly::UMPSCQueue<int, true>' (aka 'UnboundedQueue<int, false, true, true>') has no backpressure
  // CHECK-NOTES: :[[@LINE-2]]:32: note: use 'folly::DynamicBoundedQueue'
};

void direct() {
  folly::UnboundedQueue<int, false, false, true> q;
  // CHECK-NOTES: :[[@LINE-1]]:50: warning: unbounded queue 'folly::UnboundedQueue<int, false, false, true>' has no backpressure
  // CHECK-NOTES: :[[@LINE-2]]:50: note: use 'folly::DynamicBoundedQueue'
}
