// RUN: %check_clang_tidy %s coro-unchecked-spawn %t -- -- %asio_flags
// Standalone Asio 1.22: co_spawn with `detached` and what keeps it quiet.
// The default run applies --fix only: note fix-its change behaviour, so the
// code must stay as it is (CHECK-FIXES).
#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <stdexcept>

struct my_error {};
void log(const char *);

// Fails on an ordinary error: use_awaitable throws what the socket reports.
asio::ip::tcp::socket &peer();
asio::awaitable<void> read_peer() {
  co_await peer().async_wait(asio::socket_base::wait_read,
                             asio::use_awaitable);
}

asio::awaitable<void> unguarded() { co_await read_peer(); }

asio::awaitable<void> catches_all() {
  try {
    co_await read_peer();
  } catch (...) {
    log("catches_all failed");
  }
}

asio::awaitable<void> catches_std_exception() {
  try {
    co_await read_peer();
  } catch (const std::exception &e) {
    log(e.what());
  }
}

asio::awaitable<int> function_try_block() try {
  co_return 1;
} catch (...) {
  co_return 0;
}

asio::awaitable<void> declarations_first() {
  auto ex = co_await asio::this_coro::executor;
  asio::steady_timer timer(ex);
  try {
    co_await timer.async_wait(asio::use_awaitable);
  } catch (...) {
  }
}

asio::awaitable<void> catches_only_my_error() {
  try {
    co_await read_peer();
  } catch (const my_error &) {
  }
}

asio::awaitable<void> partial_try() {
  co_await read_peer(); // Before the try.
  try {
    co_await read_peer();
  } catch (...) {
  }
}

asio::awaitable<void> rethrows() {
  try {
    co_await read_peer();
  } catch (...) {
    log("rethrowing");
    throw;
  }
}

asio::awaitable<void> rethrows_pointer() {
  try {
    co_await read_peer();
  } catch (...) {
    std::rethrow_exception(std::current_exception());
  }
}

asio::awaitable<void> handled_then_unhandled() {
  try {
    co_await read_peer();
  } catch (const std::runtime_error &) {
    throw my_error{};
  } catch (...) {
  }
}

asio::awaitable<void> declared_elsewhere();

void spawn_in_plain_function(asio::io_context &io) {
  asio::co_spawn(io, unguarded(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'unguarded' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:35: note: replace 'detached' with a completion handler that rethrows the exception
  // CHECK-NOTES: :[[@LINE-80]]:23: note: or let 'unguarded' handle its own failures: wrap its whole body in 'try { ... } catch (...) { ... }'
  // CHECK-FIXES: asio::co_spawn(io, unguarded(), asio::detached);
  // CHECK-NOTES: :[[@LINE-82]]:37: note: 'read_peer' can throw here; with 'detached' it ends the coroutine silently [guide §4.2]
  // CHECK-NOTES: :[[@LINE-87]]:3: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not), in 'read_peer'

  asio::co_spawn(io, catches_all(), asio::detached);
  asio::co_spawn(io.get_executor(), catches_std_exception(), asio::detached);
  asio::co_spawn(io, function_try_block(), asio::detached);
  asio::co_spawn(io, declarations_first(), asio::detached);

  asio::co_spawn(io, catches_only_my_error(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'catches_only_my_error' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:47: note: replace 'detached' with
  // CHECK-NOTES: :[[@LINE-60]]:23: note: or let 'catches_only_my_error' handle its own failures
  // CHECK-NOTES: :[[@LINE-59]]:5: note: 'read_peer' can throw here; with 'detached' it ends the coroutine silently [guide §4.2]
  // CHECK-NOTES: :[[@LINE-99]]:3: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not), in 'read_peer'
  asio::co_spawn(io, partial_try(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'partial_try' throws
  // CHECK-NOTES: :[[@LINE-2]]:37: note: replace 'detached' with
  // CHECK-NOTES: :[[@LINE-59]]:23: note: or let 'partial_try' handle
  // CHECK-NOTES: :[[@LINE-59]]:3: note: 'read_peer' can throw here; with 'detached' it ends the coroutine silently [guide §4.2]
  // CHECK-NOTES: :[[@LINE-105]]:3: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not), in 'read_peer'
  asio::co_spawn(io, rethrows(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'rethrows' throws
  // CHECK-NOTES: :[[@LINE-2]]:34: note: replace 'detached' with
  // CHECK-NOTES: :[[@LINE-57]]:23: note: or let 'rethrows' handle
  // CHECK-NOTES: :[[@LINE-56]]:5: note: 'read_peer' can throw here; with 'detached' it ends the coroutine silently [guide §4.2]
  // CHECK-NOTES: :[[@LINE-111]]:3: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not), in 'read_peer'
  asio::co_spawn(io, rethrows_pointer(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: {{.*}} the coroutine 'rethrows_pointer' throws
  // CHECK-NOTES: :[[@LINE-2]]:42: note: replace 'detached' with
  // CHECK-NOTES: :[[@LINE-54]]:23: note: or let 'rethrows_pointer' handle
  // CHECK-NOTES: :[[@LINE-53]]:5: note: 'read_peer' can throw here; with 'detached' it ends the coroutine silently [guide §4.2]
  // CHECK-NOTES: :[[@LINE-117]]:3: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not), in 'read_peer'
  asio::co_spawn(io, handled_then_unhandled(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: {{.*}} the coroutine 'handled_then_unhandled' throws
  // CHECK-NOTES: :[[@LINE-2]]:48: note: replace 'detached' with
  // CHECK-NOTES: :[[@LINE-52]]:23: note: or let 'handled_then_unhandled' handle
  // CHECK-NOTES: :[[@LINE-49]]:5: note: this throws 'my_error'; with 'detached' it ends the coroutine silently [guide §4.2]

  // The body is not in this TU: nothing says it handles its failures.
  asio::co_spawn(io, declared_elsewhere(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: {{.*}} the coroutine 'declared_elsewhere' throws
  // CHECK-NOTES: :[[@LINE-2]]:44: note: replace 'detached' with
  // CHECK-NOTES: :[[@LINE-50]]:23: note: the body of 'declared_elsewhere' is not in this translation unit: nothing shows that it handles its failures
}

void callable_forms(asio::io_context &io) {
  // The lambda is the coroutine: its body decides.
  asio::co_spawn(io, []() -> asio::awaitable<void> {
    try {
      co_await read_peer();
    } catch (...) {
    }
  }, asio::detached);
  asio::co_spawn(io, []() -> asio::awaitable<void> {
    co_await read_peer();
  }, asio::detached);
  // CHECK-NOTES: :[[@LINE-3]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the spawned coroutine throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:6: note: replace 'detached' with
  // CHECK-NOTES: :[[@LINE-4]]:5: note: 'read_peer' can throw here; with 'detached' it ends the coroutine silently [guide §4.2]
  // CHECK-NOTES: :[[@LINE-145]]:3: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not), in 'read_peer'

  // A lambda coroutine invoked in place.
  asio::co_spawn(io, []() -> asio::awaitable<void> {
    try {
      co_await read_peer();
    } catch (...) {
    }
  }(), asio::detached);

  // A function passed as the callable.
  asio::co_spawn(io, catches_all, asio::detached);
  asio::co_spawn(io, &unguarded, asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: {{.*}} the coroutine 'unguarded' throws
  // CHECK-NOTES: :[[@LINE-2]]:34: note: replace 'detached' with
  // CHECK-NOTES: :[[@LINE-156]]:23: note: or let 'unguarded' handle
  // CHECK-NOTES: :[[@LINE-157]]:37: note: 'read_peer' can throw here; with 'detached' it ends the coroutine silently [guide §4.2]
  // CHECK-NOTES: :[[@LINE-162]]:3: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not), in 'read_peer'

  // An awaitable made earlier: which coroutine it runs is not visible here.
  asio::awaitable<void> made = catches_all();
  asio::co_spawn(io, std::move(made), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: {{.*}} the spawned coroutine throws
  // CHECK-NOTES: :[[@LINE-2]]:39: note: replace 'detached' with
}

void observed(asio::io_context &io) {
  asio::co_spawn(io, unguarded(), [](std::exception_ptr e) {
    if (e)
      std::rethrow_exception(e);
  });
  asio::co_spawn(io, unguarded(), [](std::exception_ptr e) {
    if (e)
      log("unguarded failed");
  });
  std::future<void> done = asio::co_spawn(io, unguarded(), asio::use_future);
}

asio::awaitable<void> awaited_inside_a_coroutine() {
  auto ex = co_await asio::this_coro::executor;
  co_await asio::co_spawn(ex, unguarded(), asio::use_awaitable);
  asio::co_spawn(ex, unguarded(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: {{.*}} the coroutine 'unguarded' throws
  // CHECK-NOTES: :[[@LINE-2]]:35: note: replace 'detached' with
  // CHECK-NOTES: :[[@LINE-185]]:23: note: or let 'unguarded' handle
  // CHECK-NOTES: :[[@LINE-186]]:37: note: 'read_peer' can throw here; with 'detached' it ends the coroutine silently [guide §4.2]
  // CHECK-NOTES: :[[@LINE-191]]:3: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not), in 'read_peer'
}

void wrapped_tokens(asio::io_context &io) {
  asio::strand<asio::io_context::executor_type> strand(io.get_executor());
  asio::co_spawn(strand, unguarded(), asio::bind_executor(strand, asio::detached));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: {{.*}} the coroutine 'unguarded' throws
  // CHECK-NOTES: :[[@LINE-2]]:67: note: replace 'detached' with
  // CHECK-NOTES: :[[@LINE-195]]:23: note: or let 'unguarded' handle
  // CHECK-NOTES: :[[@LINE-196]]:37: note: 'read_peer' can throw here; with 'detached' it ends the coroutine silently [guide §4.2]
  // CHECK-NOTES: :[[@LINE-201]]:3: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not), in 'read_peer'
  asio::co_spawn(io, unguarded(), asio::experimental::as_tuple(asio::detached));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: {{.*}} the coroutine 'unguarded' throws
  // CHECK-NOTES: :[[@LINE-2]]:64: note: replace 'detached' with
  // CHECK-NOTES: :[[@LINE-201]]:23: note: or let 'unguarded' handle
  // CHECK-NOTES: :[[@LINE-202]]:37: note: 'read_peer' can throw here; with 'detached' it ends the coroutine silently [guide §4.2]
  // CHECK-NOTES: :[[@LINE-207]]:3: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not), in 'read_peer'
  // A detached token made earlier: the warning stays, there is nothing to
  // replace in the call.
  auto token = asio::bind_executor(strand, asio::detached);
  asio::co_spawn(strand, unguarded(), token);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with a detached completion token swallows any exception the coroutine 'unguarded' throws
  // CHECK-NOTES: :[[@LINE-209]]:23: note: or let 'unguarded' handle
  // CHECK-NOTES: :[[@LINE-210]]:37: note: 'read_peer' can throw here; with a detached completion token it ends the coroutine silently [guide §4.2]
  // CHECK-NOTES: :[[@LINE-215]]:3: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not), in 'read_peer'

  // An executor whose default token is `detached`.
  asio::detached_t::executor_with_default<asio::io_context::executor_type>
      defaults_to_detached(io.get_executor());
  asio::co_spawn(defaults_to_detached, unguarded());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with a detached completion token swallows any exception the coroutine 'unguarded' throws
  // CHECK-NOTES: :[[@LINE-218]]:23: note: or let 'unguarded' handle
  // CHECK-NOTES: :[[@LINE-219]]:37: note: 'read_peer' can throw here; with a detached completion token it ends the coroutine silently [guide §4.2]
  // CHECK-NOTES: :[[@LINE-224]]:3: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not), in 'read_peer'
}

// Instantiated twice, reported once.
template <typename Executor> void spawn_on(Executor ex) {
  asio::co_spawn(ex, unguarded(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: {{.*}} the coroutine 'unguarded' throws
  // CHECK-NOTES: :[[@LINE-2]]:35: note: replace 'detached' with
  // CHECK-NOTES: :[[@LINE-228]]:23: note: or let 'unguarded' handle
  // CHECK-NOTES: :[[@LINE-229]]:37: note: 'read_peer' can throw here; with 'detached' it ends the coroutine silently [guide §4.2]
  // CHECK-NOTES: :[[@LINE-234]]:3: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not), in 'read_peer'
}

int main() {
  asio::io_context io;
  spawn_on(io.get_executor());
  spawn_on(asio::any_io_executor(io.get_executor()));
  asio::co_spawn(io, unguarded(), asio::detached); // NOLINT(coro-unchecked-spawn)
  io.run();
}
