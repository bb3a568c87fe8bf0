// RUN: %check_clang_tidy %s coro-unbounded-channel %t
// RUN: %check_clang_tidy -fix-notes -check-suffix=FIX %s coro-unbounded-channel %t
// Boost.Asio 1.81: the same channels live in boost::asio::experimental.
#include <boost/asio.hpp>
#include <boost/asio/experimental/channel.hpp>
#include <boost/asio/experimental/concurrent_channel.hpp>
#include <limits>

namespace asio = boost::asio;
using Strings = asio::experimental::channel<void(boost::system::error_code, int)>;
using SharedStrings =
    asio::experimental::concurrent_channel<void(boost::system::error_code, int)>;

asio::awaitable<void> pump(asio::io_context &ctx, int limit) {
  Strings unbounded(ctx, std::numeric_limits<std::size_t>::max());
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: channel 'Strings' (aka 'basic_channel<any_io_executor, channel_traits<>, void (boost::system::error_code, int)>') has capacity 18446744073709551615, more than 1048576 and effectively unbounded: a producer faster than its consumer grows memory without limit [guide §3.3] [coro-unbounded-channel]
  // CHECK-NOTES: :[[@LINE-2]]:26: note: choose a capacity sized for the expected load, so that sends wait while the channel is full
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:11: warning: channel 'Strings'
  // CHECK-FIXES-FIX: Strings unbounded(ctx, /*capacity=*/1024);

  SharedStrings shared(ctx.get_executor(), static_cast<std::size_t>(-1));
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: channel 'SharedStrings' {{.*}} has capacity 18446744073709551615,
  // CHECK-NOTES: :[[@LINE-2]]:44: note: choose a capacity
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:17: warning: channel 'SharedStrings'
  // CHECK-FIXES-FIX: SharedStrings shared(ctx.get_executor(), /*capacity=*/1024);

  // Not findings: rendezvous, modest, and run-time capacities.
  Strings rendezvous(ctx);
  Strings modest(ctx, 128);
  SharedStrings configured(ctx, static_cast<std::size_t>(limit));

  // Sent on before, so the try_send below may find it full (a first send on
  // a fresh local channel with room is not a finding).
  co_await unbounded.async_send(boost::system::error_code{}, 0, asio::use_awaitable);
  unbounded.try_send(boost::system::error_code{}, 1);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: result of 'try_send' is ignored: the message is silently dropped when the channel or queue is full [guide §3.3] [coro-unbounded-channel]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: handle a failed send (reject, retry later, count it), or cast the result to 'void' if dropping is intended
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:13: warning: result of 'try_send' is ignored
  // CHECK-FIXES-FIX: (void)unbounded.try_send(boost::system::error_code{}, 1);

  if (modest.try_send(boost::system::error_code{}, 2))
    co_return;
  for (int i = 0; i < limit; ++i)
    shared.try_send(boost::system::error_code{}, i);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: result of 'try_send' is ignored
  // CHECK-NOTES: :[[@LINE-2]]:5: note: handle a failed send
  // CHECK-MESSAGES-FIX: :[[@LINE-3]]:12: warning: result of 'try_send' is ignored
  // CHECK-FIXES-FIX: (void)shared.try_send(boost::system::error_code{}, i);
  co_await modest.async_send(boost::system::error_code{}, 3, asio::use_awaitable);
}
