// RUN: %check_clang_tidy %s coro-unchecked-spawn %t
// RUN: %check_clang_tidy -fix-notes -check-suffix=NOTEFIX %s coro-unchecked-spawn %t
// Boost.Asio 1.81: boost::asio::co_spawn and the stackful boost::asio::spawn
// (parsed only: Boost.Context is needed at link time, not here).
#include <boost/asio.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/spawn.hpp>
#include <stdexcept>
#include <string>

namespace net = boost::asio;

// Fails on an ordinary error: use_awaitable throws what the socket reports.
net::ip::tcp::socket &peer();
net::awaitable<void> read_peer() {
  co_await peer().async_wait(net::socket_base::wait_read, net::use_awaitable);
}

net::awaitable<void> session() { co_await read_peer(); }

net::awaitable<void> guarded_session() {
  try {
    co_await read_peer();
  } catch (const std::exception &) {
  }
}

int compute(net::yield_context yield) { return std::stoi("1"); }

void guarded(net::yield_context yield) try {
  net::steady_timer timer(yield.get_executor());
  timer.async_wait(yield);
} catch (...) {
}

void spawn_them(net::io_context &io) {
  net::co_spawn(io, session(), net::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with 'detached' swallows any exception the coroutine 'session' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:32: note: replace 'detached' with a completion handler that rethrows the exception
  // CHECK-NOTES: :[[@LINE-21]]:22: note: or let 'session' handle its own failures: wrap its whole body in 'try { ... } catch (...) { ... }'
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-4]]:3: warning: 'boost::asio::co_spawn' with 'detached'
  // CHECK-FIXES-NOTEFIX: net::co_spawn(io, session(), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
  // CHECK-NOTES: :[[@LINE-24]]:34: note: 'read_peer' can throw here; with 'detached' it ends the coroutine silently [guide §4.2]
  // CHECK-NOTES: :[[@LINE-28]]:3: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not), in 'read_peer'
  net::co_spawn(io, guarded_session(), net::detached);

  net::spawn(io, [](net::yield_context yield) {
    net::ip::tcp::socket socket(yield.get_executor());
    socket.async_connect({}, yield);
  }, net::detached);
  // CHECK-NOTES: :[[@LINE-4]]:3: warning: 'boost::asio::spawn' with 'detached' swallows any exception the spawned coroutine throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:6: note: replace 'detached' with
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-6]]:3: warning: 'boost::asio::spawn' with 'detached'
  // CHECK-FIXES-NOTEFIX: {{^}}  }, [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
  // CHECK-NOTES: :[[@LINE-6]]:12: note: 'boost::asio::basic_socket::async_connect' throws on an I/O error because 'yield' reports errors as exceptions ('yield[ec]' would not); with 'detached' it ends the coroutine silently [guide §4.2]

  // A function that returns a value completes with (exception_ptr, int).
  net::spawn(io, compute, net::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'boost::asio::spawn' with 'detached' swallows any exception the coroutine 'compute' throws
  // CHECK-NOTES: :[[@LINE-2]]:27: note: replace 'detached' with
  // CHECK-NOTES: :[[@LINE-33]]:5: note: or let 'compute' handle
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-4]]:3: warning: 'boost::asio::spawn' with 'detached'
  // CHECK-FIXES-NOTEFIX: net::spawn(io, compute, [](std::exception_ptr e, auto) { if (e) std::rethrow_exception(e); });
  // CHECK-NOTES: :[[@LINE-36]]:48: note: 'std::stoi' throws on invalid input; with 'detached' it ends the coroutine silently [guide §4.2]

  // as_tuple hands the exception to `detached` as a tuple element.
  net::co_spawn(io, session(), net::as_tuple(net::detached));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with 'detached' swallows
  // CHECK-NOTES: :[[@LINE-2]]:46: note: replace 'detached' with
  // CHECK-NOTES: :[[@LINE-51]]:22: note: or let 'session' handle
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-4]]:3: warning: 'boost::asio::co_spawn' with 'detached'
  // CHECK-FIXES-NOTEFIX: net::co_spawn(io, session(), net::as_tuple([](std::exception_ptr e) { if (e) std::rethrow_exception(e); }));
  // CHECK-NOTES: :[[@LINE-54]]:34: note: 'read_peer' can throw here; with 'detached' it ends the coroutine silently [guide §4.2]
  // CHECK-NOTES: :[[@LINE-58]]:3: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not), in 'read_peer'

  // Quiet: the function-try-block catches everything.
  net::spawn(io, &guarded, net::detached);
  // Quiet: the pre-1.80 form without a token lets exceptions escape from
  // io_context::run().
  net::spawn(io.get_executor(), [](net::yield_context yield) {});
  // Quiet: a handler observes the outcome.
  net::spawn(io, compute, [](std::exception_ptr e, int) {
    if (e)
      std::rethrow_exception(e);
  });
  net::co_spawn(io, session(), net::use_future);
}
