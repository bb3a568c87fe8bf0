// RUN: %check_clang_tidy %s coro-unchecked-spawn %t
// Boost.Asio 1.81's awaitable operators (the timeout example): awaiting
// `a && b` or `a || b` awaits both coroutines, so an exception of either
// comes out of the await.
#include <boost/asio.hpp>
#include <boost/asio/experimental/as_tuple.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <chrono>
#include <system_error>

using namespace boost::asio;
using namespace boost::asio::experimental::awaitable_operators;
using time_point = std::chrono::steady_clock::time_point;
using ip::tcp;

awaitable<void> echo(tcp::socket &sock, time_point &deadline) {
  char data[64];
  for (;;) {
    deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    auto n = co_await sock.async_read_some(buffer(data), use_awaitable);
    co_await async_write(sock, buffer(data, n), use_awaitable);
  }
}

awaitable<void> watchdog(time_point &deadline) {
  steady_timer timer(co_await this_coro::executor);
  auto now = std::chrono::steady_clock::now();
  while (deadline > now) {
    timer.expires_at(deadline);
    co_await timer.async_wait(use_awaitable);
    now = std::chrono::steady_clock::now();
  }
  throw std::system_error(std::make_error_code(std::errc::timed_out));
}

awaitable<void> handle_connection(tcp::socket sock) {
  time_point deadline{};
  co_await (echo(sock, deadline) && watchdog(deadline));
}

constexpr auto nothrow = experimental::as_tuple(use_awaitable);

awaitable<void> quiet_echo(tcp::socket &sock) {
  char data[64];
  for (;;) {
    auto [e, n] = co_await sock.async_read_some(buffer(data), nothrow);
    if (e)
      co_return;
  }
}

awaitable<void> quiet_timer(steady_timer &timer) {
  co_await timer.async_wait(use_awaitable);
}

awaitable<void> handle_quietly(tcp::socket sock, steady_timer timer) {
  co_await (quiet_echo(sock) || quiet_timer(timer));
}

void spawn(tcp::socket s, steady_timer t) {
  co_spawn(s.get_executor(), handle_connection(std::move(s)), detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with 'detached' swallows any exception the coroutine 'handle_connection' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:63: note: replace 'detached' with a completion handler that rethrows the exception
  // CHECK-NOTES: :36:17: note: or let 'handle_connection' handle its own failures: wrap its whole body in 'try { ... } catch (...) { ... }'
  // CHECK-NOTES: :38:3: note: 'echo' can throw here; with 'detached' it ends the coroutine silently [guide §4.2]
  // CHECK-NOTES: :20:14: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not), in 'echo'
  co_spawn(t.get_executor(), handle_quietly(std::move(s), std::move(t)),
           detached);
}
