// RUN: %check_clang_tidy %s coro-unbounded-channel %t -- -- -I %inputs
// Queues built on the heap or by a factory are reported where they are
// created; the note names the bounded twin.
#include "coro/coro.hpp"
#include "folly/coro/Task.h"
#include <memory>

struct Job {};

void heap() {
  auto shared = std::make_shared<folly::coro::UnboundedQueue<Job>>();
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: unbounded queue 'folly::coro::UnboundedQueue<Job>' has no backpressure: a producer faster than its consumer grows memory without limit [guide §3.3] [coro-unbounded-channel]
  // CHECK-NOTES: :[[@LINE-2]]:17: note: use 'folly::coro::BoundedQueue' with a capacity sized for the expected load; 'co_await enqueue()' then waits while it is full

  auto unique = std::make_unique<coro::queue<Job>>();
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: unbounded queue 'coro::queue<Job>' has no backpressure
  // CHECK-NOTES: :[[@LINE-2]]:17: note: use 'coro::ring_buffer<T, N>'

  auto *raw = new folly::coro::UnboundedQueue<int>;
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: unbounded queue 'folly::coro::UnboundedQueue<int>' has no backpressure
  // CHECK-NOTES: :[[@LINE-2]]:15: note: use 'folly::coro::BoundedQueue'
  delete raw;

  auto *many = new coro::queue<int>[8];
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: unbounded queue 'coro::queue<int>' has no backpressure
  // CHECK-NOTES: :[[@LINE-2]]:16: note: use 'coro::ring_buffer<T, N>'
  delete[] many;

  // Bounded queues on the heap are fine.
  auto bounded = std::make_shared<folly::coro::BoundedQueue<Job>>(64);
  auto ring = std::make_unique<coro::ring_buffer<Job, 64>>();
  auto number = std::make_shared<int>(7);
}

// folly::coro::AsyncPipe<T>::create() writes into an unbounded queue.
folly::coro::Task<void> pipes() {
  auto [generator, pipe] = folly::coro::AsyncPipe<Job>::create();
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: 'folly::coro::AsyncPipe<Job>::create' creates an unbounded queue with no backpressure: a producer faster than its consumer grows memory without limit [guide §3.3] [coro-unbounded-channel]
  // CHECK-NOTES: :[[@LINE-2]]:28: note: use 'folly::coro::BoundedAsyncPipe<T>::create(capacity)'; 'co_await write()' then waits while the pipe is full

  using Pipe = folly::coro::AsyncPipe<int>;
  auto pair = Pipe::create();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'folly::coro::AsyncPipe<int>::create' creates an unbounded queue
  // CHECK-NOTES: :[[@LINE-2]]:15: note: use 'folly::coro::BoundedAsyncPipe<T>::create(capacity)'

  // The bounded pipe is the fix, not a finding.
  auto [boundedGenerator, boundedPipe] =
      folly::coro::BoundedAsyncPipe<Job>::create(/*tokens=*/16);
  co_await boundedPipe.write(Job{});
}
