// RUN: %check_clang_tidy %s coro-unbounded-channel %t -- -- -I %inputs
// A reviewed exception is silenced with NOLINT; other checks' NOLINTs do not
// silence this one.
#include "coro/coro.hpp"
#include "folly/coro/Task.h"

// The producer is rate-limited upstream, so the backlog is bounded in practice.
coro::queue<int> reviewed; // NOLINT(coro-unbounded-channel)

// NOLINTNEXTLINE(coro-unbounded-channel)
folly::coro::UnboundedQueue<int> alsoReviewed;

// NOLINTBEGIN(coro-unbounded-channel)
folly::coro::UnboundedQueue<long> block1;
coro::queue<long> block2;
// NOLINTEND(coro-unbounded-channel)

void sends(folly::coro::BoundedQueue<int> &queue) {
  queue.try_enqueue(1); // NOLINT(coro-unbounded-channel): losing a sample is fine
  queue.try_enqueue(2); // NOLINT
}

coro::queue<int> otherCheck; // NOLINT(coro-blocking-call)
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: unbounded queue 'coro::queue<int>' has no backpressure
