// RUN: %check_clang_tidy %s coro-lock-across-suspend %t
// Real Boost.Asio 1.81 headers, with Boost's own mutex and guards.
#include <boost/asio.hpp>
#include <boost/thread/mutex.hpp>
#include <boost/thread/lock_guard.hpp>
#include <mutex>

namespace net = boost::asio;
using net::awaitable;
using net::use_awaitable;

boost::mutex bm;
std::mutex sm;

awaitable<void> boost_guard() {
  auto executor = co_await net::this_coro::executor;
  net::steady_timer timer(executor, std::chrono::milliseconds(10));
  boost::lock_guard<boost::mutex> g(bm);
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: lock 'g' (boost::lock_guard<boost::mutex>) on blocking mutex 'bm' {{.*}} [coro-lock-across-suspend]
  co_await timer.async_wait(use_awaitable);
}

awaitable<void> std_guard_in_loop(net::ip::tcp::socket socket) {
  char data[512];
  for (;;) {
    std::size_t n = co_await socket.async_read_some(net::buffer(data), use_awaitable);
    std::scoped_lock lock(sm);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: lock 'lock' (std::scoped_lock<std::mutex>) {{.*}} [coro-lock-across-suspend]
    co_await net::async_write(socket, net::buffer(data, n), use_awaitable);
  }
}

awaitable<void> strand_instead_of_lock() {
  auto executor = co_await net::this_coro::executor;
  net::steady_timer timer(executor, std::chrono::milliseconds(10));
  {
    std::lock_guard g(sm);
  }
  co_await timer.async_wait(use_awaitable);
}
