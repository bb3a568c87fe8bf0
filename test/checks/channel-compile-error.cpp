// RUN: %check_clang_tidy -expect-clang-tidy-error %s coro-unbounded-channel %t -- -- -I %inputs
// Code that does not compile: the valid declarations are still reported, the
// broken ones neither crash the check nor produce nonsense.
#include "coro/coro.hpp"
#include "folly/coro/Task.h"

folly::coro::UnboundedQueue<Undeclared> broken;
// CHECK-MESSAGES: :[[@LINE-1]]:29: error: use of undeclared identifier 'Undeclared' [clang-diagnostic-error]

coro::queue<int> fine;
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: unbounded queue 'coro::queue<int>' has no backpressure

void sends(folly::coro::BoundedQueue<int> &queue) {
  queue.try_enqueue(missing);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: error: use of undeclared identifier 'missing' [clang-diagnostic-error]
  auto *pipe = new folly::coro::UnboundedQueue<int>(unknownArgument);
  // CHECK-MESSAGES: :[[@LINE-1]]:53: error: use of undeclared identifier 'unknownArgument' [clang-diagnostic-error]
}
