// RUN: %check_clang_tidy -check-suffix=LIMIT %s coro-unbounded-channel %t -- \
// RUN:   -config="{CheckOptions: {coro-unbounded-channel.MaxCapacity: 100}}" -- -I %inputs
// RUN: %check_clang_tidy -check-suffix=OWN %s coro-unbounded-channel %t -- \
// RUN:   -config="{CheckOptions: {coro-unbounded-channel.UnboundedQueueTypes: 'acme::Inbox', \
// RUN:     coro-unbounded-channel.UnboundedFactories: 'acme::makeStream', \
// RUN:     coro-unbounded-channel.BoundedChannelTypes: 'acme::Ring', \
// RUN:     coro-unbounded-channel.MakeFunctions: 'acme::makeBoxed', \
// RUN:     coro-unbounded-channel.TrySendFunctions: 'acme::Ring::offer', \
// RUN:     coro-unbounded-channel.MaxCapacity: 1000}}" -- -I %inputs
// RUN: %check_clang_tidy %s coro-unbounded-channel %t -- \
// RUN:   -config="{CheckOptions: {coro-unbounded-channel.UnboundedQueueTypes: '', \
// RUN:     coro-unbounded-channel.UnboundedFactories: '', coro-unbounded-channel.BoundedChannelTypes: '', \
// RUN:     coro-unbounded-channel.MakeFunctions: '', coro-unbounded-channel.TrySendFunctions: ''}}" -- -I %inputs
// RUN: %check_clang_tidy -fix-notes -check-suffix=LIMITFIX %s coro-unbounded-channel %t -- \
// RUN:   -config="{CheckOptions: {coro-unbounded-channel.MaxCapacity: 100}}" -- -I %inputs
// Every list is an option: a team can add its own queue types, factories,
// channels and try-sends, lower the capacity that counts as unbounded, or
// switch a part of the check off with an empty list (the third run: nothing
// is reported).
#include "coro/coro.hpp"
#include <cstddef>

namespace acme {
template <typename T> class Inbox {
public:
  void post(T);
};
template <typename T> Inbox<T> *makeStream();
class Ring {
public:
  explicit Ring(std::size_t capacity);
  bool offer(int);
};
template <typename T, typename... Args> T *makeBoxed(Args...);
} // namespace acme

// The default list still applies under a lower MaxCapacity; the fix-it's
// placeholder never exceeds MaxCapacity.
coro::queue<int> defaultListed;
// CHECK-MESSAGES-LIMIT: :[[@LINE-1]]:18: warning: unbounded queue 'coro::queue<int>' has no backpressure
// CHECK-MESSAGES-LIMITFIX: :[[@LINE-2]]:18: warning: unbounded queue 'coro::queue<int>' has no backpressure
// CHECK-FIXES-LIMITFIX: coro::ring_buffer<int, /*capacity=*/100> defaultListed;

acme::Inbox<int> inbox;
// CHECK-MESSAGES-OWN: :[[@LINE-1]]:18: warning: unbounded queue 'acme::Inbox<int>' has no backpressure: a producer faster than its consumer grows memory without limit [guide §3.3] [coro-unbounded-channel]

void own() {
  auto *stream = acme::makeStream<int>();
  // CHECK-MESSAGES-OWN: :[[@LINE-1]]:18: warning: 'acme::makeStream<int>' creates an unbounded queue with no backpressure

  acme::Ring small(64);
  acme::Ring large(5000);
  // CHECK-MESSAGES-OWN: :[[@LINE-1]]:14: warning: channel 'acme::Ring' has capacity 5000, more than 1000 and effectively unbounded
  auto *boxed = acme::makeBoxed<acme::Ring>(1u << 30);
  // CHECK-MESSAGES-OWN: :[[@LINE-1]]:17: warning: channel 'acme::Ring' has capacity 1073741824, more than 1000
  auto *boxedInbox = acme::makeBoxed<acme::Inbox<long>>();
  // CHECK-MESSAGES-OWN: :[[@LINE-1]]:22: warning: unbounded queue 'acme::Inbox<long>' has no backpressure

  small.offer(1);
  // CHECK-MESSAGES-OWN: :[[@LINE-1]]:9: warning: result of 'offer' is ignored
}
