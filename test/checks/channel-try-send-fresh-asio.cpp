// RUN: %check_clang_tidy %s coro-unbounded-channel %t -- -- %asio_flags
// Standalone Asio 1.22: an ignored try_send() drops the message when the
// channel is full, unless the channel provably has room: a local channel
// built with a capacity of at least 1 on which nothing was sent yet. Any
// other ignored try_send stays a finding.
#include <asio.hpp>
#include <asio/experimental/channel.hpp>

using Done = asio::experimental::channel<void(asio::error_code, int)>;

void consume(Done &);

asio::awaitable<int> first_send_has_room() {
  auto ex = co_await asio::this_coro::executor;
  Done done(ex, 1);
  auto other = done.get_executor(); // Not a send: the channel is still empty.
  done.try_send(asio::error_code{}, 42);
  co_return co_await done.async_receive(asio::use_awaitable);
}

asio::awaitable<void> second_send_may_find_it_full() {
  auto ex = co_await asio::this_coro::executor;
  Done done(ex, 1);
  done.try_send(asio::error_code{}, 1);
  done.try_send(asio::error_code{}, 2);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: result of 'try_send' is ignored: the message is silently dropped when the channel or queue is full [guide §3.3] [coro-unbounded-channel]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: handle a failed send
  co_return;
}

asio::awaitable<void> rendezvous_has_no_room() {
  auto ex = co_await asio::this_coro::executor;
  Done done(ex); // Capacity 0: try_send fails unless a receiver waits.
  done.try_send(asio::error_code{}, 1);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: result of 'try_send' is ignored
  // CHECK-NOTES: :[[@LINE-2]]:3: note: handle a failed send
  co_return;
}

asio::awaitable<void> in_a_loop() {
  auto ex = co_await asio::this_coro::executor;
  Done done(ex, 4);
  for (int i = 0; i < 10; ++i)
    done.try_send(asio::error_code{}, i);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: result of 'try_send' is ignored
  // CHECK-NOTES: :[[@LINE-2]]:5: note: handle a failed send
  co_return;
}

asio::awaitable<void> passed_on_first() {
  auto ex = co_await asio::this_coro::executor;
  Done done(ex, 1);
  consume(done); // May have sent on it.
  done.try_send(asio::error_code{}, 1);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: result of 'try_send' is ignored
  // CHECK-NOTES: :[[@LINE-2]]:3: note: handle a failed send
  co_return;
}

void not_local(Done &done) {
  done.try_send(asio::error_code{}, 1);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: result of 'try_send' is ignored
  // CHECK-NOTES: :[[@LINE-2]]:3: note: handle a failed send
}
