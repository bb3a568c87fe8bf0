// RUN: %check_clang_tidy %s coro-unchecked-spawn %t
// RUN: %check_clang_tidy -fix-notes -check-suffix=NOTEFIX %s coro-unchecked-spawn %t
// Boost.Asio 1.81: boost::asio::co_spawn and the stackful boost::asio::spawn
// (parsed only: Boost.Context is needed at link time, not here).
#include <boost/asio.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/spawn.hpp>
#include <stdexcept>

namespace net = boost::asio;

net::awaitable<void> session() { co_await net::this_coro::executor; }

net::awaitable<void> guarded_session() {
  try {
    co_await net::this_coro::executor;
  } catch (const std::exception &) {
  }
}

int compute(net::yield_context yield) { return 1; }

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
  net::co_spawn(io, guarded_session(), net::detached);

  net::spawn(io, [](net::yield_context yield) {
    net::steady_timer timer(yield.get_executor());
    timer.async_wait(yield);
  }, net::detached);
  // CHECK-NOTES: :[[@LINE-4]]:3: warning: 'boost::asio::spawn' with 'detached' swallows any exception the spawned coroutine throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:6: note: replace 'detached' with
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-6]]:3: warning: 'boost::asio::spawn' with 'detached'
  // CHECK-FIXES-NOTEFIX: {{^}}  }, [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });

  // A function that returns a value completes with (exception_ptr, int).
  net::spawn(io, compute, net::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'boost::asio::spawn' with 'detached' swallows any exception the coroutine 'compute' throws
  // CHECK-NOTES: :[[@LINE-2]]:27: note: replace 'detached' with
  // CHECK-NOTES: :[[@LINE-30]]:5: note: or let 'compute' handle
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-4]]:3: warning: 'boost::asio::spawn' with 'detached'
  // CHECK-FIXES-NOTEFIX: net::spawn(io, compute, [](std::exception_ptr e, auto) { if (e) std::rethrow_exception(e); });

  // as_tuple hands the exception to `detached` as a tuple element.
  net::co_spawn(io, session(), net::as_tuple(net::detached));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with 'detached' swallows
  // CHECK-NOTES: :[[@LINE-2]]:46: note: replace 'detached' with
  // CHECK-NOTES: :[[@LINE-47]]:22: note: or let 'session' handle
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-4]]:3: warning: 'boost::asio::co_spawn' with 'detached'
  // CHECK-FIXES-NOTEFIX: net::co_spawn(io, session(), net::as_tuple([](std::exception_ptr e) { if (e) std::rethrow_exception(e); }));

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
