// RUN: %check_clang_tidy %s coro-unbounded-channel %t -- -- %asio_flags
// RUN: %check_clang_tidy -fix-notes -check-suffix=FIX %s coro-unbounded-channel %t -- -- %asio_flags
// Standalone Asio 1.22: an experimental::channel is bounded by its capacity
// argument (0, a rendezvous, when omitted). A capacity that no load will ever
// reach is no bound at all. An ignored try_send() drops the message when full.
#include <asio.hpp>
#include <asio/experimental/channel.hpp>
#include <asio/experimental/concurrent_channel.hpp>
#include <cstdint>
#include <limits>
#include <memory>

struct Job {};
using Jobs = asio::experimental::channel<void(asio::error_code, Job)>;
using SharedJobs =
    asio::experimental::concurrent_channel<void(asio::error_code, Job)>;

void capacities(asio::io_context &ctx, std::size_t configured) {
  auto ex = ctx.get_executor();

  // The guide's example.
  Jobs jobs(ex, std::numeric_limits<std::size_t>::max());
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: channel 'Jobs' (aka 'basic_channel<any_io_executor, channel_traits<>, void (std::error_code, Job)>') has capacity 18446744073709551615, more than 1048576 and effectively unbounded: a producer faster than its consumer grows memory without limit [guide §3.3] [coro-unbounded-channel]
  // CHECK-NOTES: :[[@LINE-2]]:17: note: choose a capacity sized for the expected load, so that sends wait while the channel is full
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:8: warning: channel 'Jobs'
  // CHECK-FIXES-FIX: Jobs jobs(ex, /*capacity=*/1024);

  Jobs fromMacro(ctx, SIZE_MAX);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: channel 'Jobs' {{.*}} has capacity 18446744073709551615, more than 1048576 and effectively unbounded
  // CHECK-NOTES: :[[@LINE-2]]:23: note: choose a capacity
  // CHECK-NOTES: note: expanded from macro 'SIZE_MAX'
  // CHECK-MESSAGES-FIX: :[[@LINE-4]]:8: warning: channel 'Jobs'
  // CHECK-FIXES-FIX: Jobs fromMacro(ctx, /*capacity=*/1024);

  Jobs minusOne(ex, -1);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: channel 'Jobs' {{.*}} has capacity 18446744073709551615,
  // CHECK-NOTES: :[[@LINE-2]]:21: note: choose a capacity
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:8: warning: channel 'Jobs'
  // CHECK-FIXES-FIX: Jobs minusOne(ex, /*capacity=*/1024);

  // Above MaxCapacity (default 1048576) counts as unbounded too.
  Jobs huge(ex, 50'000'000);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: channel 'Jobs' {{.*}} has capacity 50000000, more than 1048576 and effectively unbounded
  // CHECK-NOTES: :[[@LINE-2]]:17: note: choose a capacity
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:8: warning: channel 'Jobs'
  // CHECK-FIXES-FIX: Jobs huge(ex, /*capacity=*/1024);

  // A named constant is evaluated.
  constexpr std::size_t kUnlimited = ~std::size_t{0};
  SharedJobs shared(ex, kUnlimited);
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: channel 'SharedJobs' (aka 'basic_concurrent_channel<any_io_executor, channel_traits<>, void (std::error_code, Job)>') has capacity 18446744073709551615,
  // CHECK-NOTES: :[[@LINE-2]]:25: note: choose a capacity
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:14: warning: channel 'SharedJobs'
  // CHECK-FIXES-FIX: SharedJobs shared(ex, /*capacity=*/1024);

  // Heap-allocated channels.
  auto viaMake = std::make_shared<Jobs>(ex, SIZE_MAX);
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: channel 'asio::experimental::basic_channel<asio::any_io_executor, asio::experimental::channel_traits<>, void (std::error_code, Job)>' has capacity 18446744073709551615,
  // CHECK-NOTES: :[[@LINE-2]]:45: note: choose a capacity
  // CHECK-NOTES: note: expanded from macro 'SIZE_MAX'
  // CHECK-MESSAGES-FIX: :[[@LINE-4]]:18: warning: channel
  // CHECK-FIXES-FIX: auto viaMake = std::make_shared<Jobs>(ex, /*capacity=*/1024);
  auto forwardedMinusOne = std::make_unique<SharedJobs>(ex, -1);
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: channel 'asio::experimental::basic_concurrent_channel<{{.*}}>' has capacity 18446744073709551615,
  // CHECK-NOTES: :[[@LINE-2]]:61: note: choose a capacity
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:28: warning: channel
  // CHECK-FIXES-FIX: auto forwardedMinusOne = std::make_unique<SharedJobs>(ex, /*capacity=*/1024);
  auto *viaNew = new Jobs(ex, std::size_t(-1));
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: channel 'Jobs' {{.*}} has capacity 18446744073709551615,
  // CHECK-NOTES: :[[@LINE-2]]:31: note: choose a capacity
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:22: warning: channel 'Jobs'
  // CHECK-FIXES-FIX: auto *viaNew = new Jobs(ex, /*capacity=*/1024);
  delete viaNew;

  // Not findings: the default rendezvous channel (capacity 0), a modest
  // capacity, and a capacity known only at run time.
  Jobs rendezvous(ex);
  Jobs modest(ex, 256);
  Jobs limit(ex, 1048576);
  Jobs fromConfig(ex, configured);
  SharedJobs sharedModest(ctx, 64);
  auto madeModest = std::make_unique<Jobs>(ex, 16);
}

// A member is reported where its capacity is written.
class Service {
public:
  explicit Service(asio::io_context &ctx)
      : inbox_(ctx, std::numeric_limits<std::size_t>::max()) {}
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: channel 'Jobs' {{.*}} has capacity 18446744073709551615,
  // CHECK-NOTES: :[[@LINE-2]]:21: note: choose a capacity
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:9: warning: channel 'Jobs'
  // CHECK-FIXES-FIX: : inbox_(ctx, /*capacity=*/1024) {}

private:
  Jobs inbox_;
  Jobs outbox_{inbox_.get_executor(), SIZE_MAX};
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: channel 'Jobs' {{.*}} has capacity 18446744073709551615,
  // CHECK-NOTES: :[[@LINE-2]]:39: note: choose a capacity
  // CHECK-NOTES: note: expanded from macro 'SIZE_MAX'
  // CHECK-MESSAGES-FIX: :[[@LINE-4]]:15: warning: channel 'Jobs'
  // CHECK-FIXES-FIX: Jobs outbox_{inbox_.get_executor(), /*capacity=*/1024};
};

// A capacity from a template argument: reported once, for the instantiation
// that makes it unbounded; the argument is not rewritten.
template <std::size_t Capacity> void buffered(asio::io_context &ctx) {
  Jobs buffer(ctx, Capacity);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: channel 'Jobs' {{.*}} has capacity 18446744073709551615,
  // CHECK-NOTES: :[[@LINE-2]]:8: note: choose a capacity
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:8: warning: channel 'Jobs'
  // CHECK-FIXES-FIX: Jobs buffer(ctx, Capacity);
}
template void buffered<8>(asio::io_context &);
template void buffered<SIZE_MAX>(asio::io_context &);
template void buffered<~std::size_t{0} - 1>(asio::io_context &);

// try_send returns false when the channel is full.
struct Metrics { void rejected(); };
asio::awaitable<void> reply_busy();

asio::awaitable<void> accept(Jobs &jobs, SharedJobs &shared, Metrics &metrics) {
  jobs.try_send(asio::error_code{}, Job{});
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: result of 'try_send' is ignored: the message is silently dropped when the channel or queue is full [guide §3.3] [coro-unbounded-channel]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: handle a failed send (reject, retry later, count it), or cast the result to 'void' if dropping is intended
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:8: warning: result of 'try_send' is ignored
  // CHECK-FIXES-FIX: (void)jobs.try_send(asio::error_code{}, Job{});

  shared.try_send(asio::error_code{}, Job{});
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: result of 'try_send' is ignored
  // CHECK-NOTES: :[[@LINE-2]]:3: note: handle a failed send
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:10: warning: result of 'try_send' is ignored
  // CHECK-FIXES-FIX: (void)shared.try_send(asio::error_code{}, Job{});

  Jobs *viaPointer = &jobs;
  viaPointer->try_send_n(3, asio::error_code{}, Job{});
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: result of 'try_send_n' is ignored
  // CHECK-NOTES: :[[@LINE-2]]:3: note: handle a failed send
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:15: warning: result of 'try_send_n' is ignored
  // CHECK-FIXES-FIX: (void)viaPointer->try_send_n(3, asio::error_code{}, Job{});

  // Checked, deliberately discarded, or waiting for room: not findings.
  if (!jobs.try_send(asio::error_code{}, Job{})) {
    metrics.rejected();
    co_await reply_busy();
  }
  bool sent = jobs.try_send(asio::error_code{}, Job{});
  (void)sent;
  (void)jobs.try_send(asio::error_code{}, Job{});
  static_cast<void>(shared.try_send(asio::error_code{}, Job{}));
  co_await jobs.async_send(asio::error_code{}, Job{}, asio::use_awaitable);
}
