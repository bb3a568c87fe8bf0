// RUN: %check_clang_tidy %s coro-discarded-task %t
// RUN: %check_clang_tidy -check-suffix=COMPILER %s coro-discarded-task,clang-diagnostic-unused-value %t
// Real Boost.Asio 1.81. Its awaitable is [[nodiscard]]: with clang's
// -Wunused-value shown (COMPILER run), clang's warning stands alone there.
#include <boost/asio.hpp>
#include <boost/asio/experimental/promise.hpp>
#include <boost/asio/experimental/use_promise.hpp>

namespace net = boost::asio;

net::awaitable<void> flush();

net::awaitable<void> session(net::ip::tcp::socket socket) {
  flush();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: task 'boost::asio::awaitable<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await the task so that it runs and its failure reaches this coroutine
  // CHECK-MESSAGES-COMPILER: :[[@LINE-3]]:3: warning: ignoring return value of type 'awaitable<void>' declared with 'nodiscard' attribute [clang-diagnostic-unused-value]

  net::steady_timer timer(socket.get_executor());
  timer.async_wait(net::experimental::use_promise);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: task 'boost::asio::experimental::promise<void (boost::system::error_code)>' returned by 'async_wait' is discarded: destroying it cancels the operation it started [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: keep the promise until the operation completes, and wait for it with async_wait
  // CHECK-MESSAGES-COMPILER: :[[@LINE-3]]:3: warning: task 'boost::asio::experimental::promise<void (boost::system::error_code)>' returned by 'async_wait' is discarded: destroying it cancels the operation it started [guide §4.1] [coro-discarded-task]

  co_spawn(socket.get_executor(), flush(), net::detached);
  co_await flush();
}

int main() {
  net::io_context io;
  flush();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: task 'boost::asio::awaitable<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: run the task: co_await it from a coroutine, hand it to a runner such as co_spawn or sync_wait, or store it and await it later
  // CHECK-MESSAGES-COMPILER: :[[@LINE-3]]:3: warning: ignoring return value of type 'awaitable<void>' declared with 'nodiscard' attribute [clang-diagnostic-unused-value]
  net::co_spawn(io, session(net::ip::tcp::socket(io)), net::detached);
  io.run();
}
