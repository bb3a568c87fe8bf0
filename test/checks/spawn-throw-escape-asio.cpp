// RUN: %check_clang_tidy %s coro-unchecked-spawn %t -- -- %asio_flags
// Standalone Asio 1.22: a detached spawn is reported only when an operation
// that throws on an ordinary failure can escape the spawned coroutine, with a
// note at that operation. Logging, string building and calls whose bodies are
// not visible do not count.
#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <asio/redirect_error.hpp>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

using asio::ip::tcp;
void log(const std::string &);
std::string describe(int);
constexpr auto use_nothrow_awaitable =
    asio::experimental::as_tuple(asio::use_awaitable);
using nothrow_token_t = decltype(use_nothrow_awaitable);

// Reported: each lets an operation that throws on ordinary failure escape.

asio::awaitable<void> awaits_with_use_awaitable(tcp::socket s) {
  char d[16];
  log("reading " + describe(1));
  co_await s.async_read_some(asio::buffer(d), asio::use_awaitable);
}

asio::awaitable<void> calls_without_error_code(tcp::socket s) {
  log("closing");
  s.shutdown(tcp::socket::shutdown_both);
}

asio::awaitable<void> throws_itself(tcp::socket s) {
  auto [e] = co_await s.async_wait(tcp::socket::wait_read,
                                  use_nothrow_awaitable);
  if (e)
    throw std::system_error(e);
}

asio::awaitable<void> parses(std::string text) {
  int port = std::stoi(text);
  log(describe(port));
  co_return;
}

asio::awaitable<void> looks_up(std::map<std::string, int> table) {
  log(describe(table.at("port")));
  co_return;
}

asio::awaitable<void> read_header(tcp::socket &s) {
  char d[4];
  co_await asio::async_read(s, asio::buffer(d), asio::use_awaitable);
}

asio::awaitable<void> awaits_a_throwing_coroutine(tcp::socket s) {
  co_await read_header(s);
}

// Not a coroutine: it forwards the coroutine it returns.
asio::awaitable<void> forwards(tcp::socket &s) { return read_header(s); }

asio::awaitable<void> awaits_a_forwarder(tcp::socket s) {
  co_await forwards(s);
}

int checked_port(int port) {
  if (port == 0)
    throw std::invalid_argument("port");
  return port;
}

asio::awaitable<void> calls_a_throwing_function() {
  auto parse = [](int p) { return checked_port(p); };
  log(describe(parse(0)));
  co_return;
}

asio::awaitable<void> catches_something_else(tcp::socket s) {
  char d[16];
  try {
    co_await s.async_read_some(asio::buffer(d), asio::use_awaitable);
  } catch (const std::invalid_argument &) {
  }
}

asio::awaitable<void> rethrows(tcp::socket s) {
  char d[16];
  try {
    co_await s.async_read_some(asio::buffer(d), asio::use_awaitable);
  } catch (const std::exception &e) {
    log(e.what());
    throw;
  }
}

asio::awaitable<void> throws_from_the_handler(tcp::socket s) {
  char d[16];
  try {
    co_await s.async_read_some(asio::buffer(d), asio::use_awaitable);
  } catch (const std::system_error &e) {
    throw std::runtime_error(e.what());
  }
}

asio::awaitable<void> after_the_try(tcp::socket s) {
  char d[16];
  try {
    co_await s.async_read_some(asio::buffer(d), asio::use_awaitable);
  } catch (...) {
  }
  co_await asio::async_write(s, asio::buffer(d), asio::use_awaitable);
}

asio::awaitable<void> declared_elsewhere();

asio::awaitable<void> binds_a_port() {
  auto ex = co_await asio::this_coro::executor;
  asio::steady_timer timer(ex, std::chrono::seconds(1));
  tcp::socket unopened(ex);
  tcp::acceptor acceptor(ex, {tcp::v4(), 55555});
}

void reported(asio::io_context &io, tcp::socket s) {
  asio::co_spawn(io, binds_a_port(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'binds_a_port' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:38: note: replace 'detached' with a completion handler that rethrows the exception
  // CHECK-NOTES: :[[@LINE-11]]:23: note: or let 'binds_a_port' handle its own failures: wrap its whole body in 'try { ... } catch (...) { ... }'
  // CHECK-NOTES: :[[@LINE-8]]:17: note: constructing 'asio::basic_socket_acceptor' opens it and throws on an I/O error ('open' and 'bind' taking an 'error_code&' do not); with 'detached' it ends the coroutine silently [guide §4.2]
  asio::co_spawn(io, awaits_with_use_awaitable(std::move(s)), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'awaits_with_use_awaitable' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:63: note: replace 'detached' with a completion handler that rethrows the exception
  // CHECK-NOTES: :[[@LINE-111]]:23: note: or let 'awaits_with_use_awaitable' handle its own failures: wrap its whole body in 'try { ... } catch (...) { ... }'
  // CHECK-NOTES: :[[@LINE-109]]:3: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not); with 'detached' it ends the coroutine silently [guide §4.2]
  asio::co_spawn(io, calls_without_error_code(std::move(s)), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'calls_without_error_code' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:62: note: replace 'detached' with a completion handler that rethrows the exception
  // CHECK-NOTES: :[[@LINE-110]]:23: note: or let 'calls_without_error_code' handle its own failures: wrap its whole body in 'try { ... } catch (...) { ... }'
  // CHECK-NOTES: :[[@LINE-109]]:5: note: 'asio::basic_socket::shutdown' throws on an I/O error (its overload taking an 'error_code&' does not); with 'detached' it ends the coroutine silently [guide §4.2]
  asio::co_spawn(io, throws_itself(std::move(s)), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'throws_itself' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:51: note: replace 'detached' with a completion handler that rethrows the exception
  // CHECK-NOTES: :[[@LINE-110]]:23: note: or let 'throws_itself' handle its own failures: wrap its whole body in 'try { ... } catch (...) { ... }'
  // CHECK-NOTES: :[[@LINE-107]]:5: note: this throws 'std::system_error'; with 'detached' it ends the coroutine silently [guide §4.2]
  asio::co_spawn(io, parses("80"), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'parses' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:36: note: replace 'detached' with a completion handler that rethrows the exception
  // CHECK-NOTES: :[[@LINE-108]]:23: note: or let 'parses' handle its own failures: wrap its whole body in 'try { ... } catch (...) { ... }'
  // CHECK-NOTES: :[[@LINE-108]]:14: note: 'std::stoi' throws on invalid input; with 'detached' it ends the coroutine silently [guide §4.2]
  asio::co_spawn(io, looks_up({}), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'looks_up' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:36: note: replace 'detached' with a completion handler that rethrows the exception
  // CHECK-NOTES: :[[@LINE-107]]:23: note: or let 'looks_up' handle its own failures: wrap its whole body in 'try { ... } catch (...) { ... }'
  // CHECK-NOTES: :[[@LINE-107]]:22: note: 'std::map::at' throws on invalid input; with 'detached' it ends the coroutine silently [guide §4.2]
  asio::co_spawn(io, awaits_a_throwing_coroutine(std::move(s)), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'awaits_a_throwing_coroutine' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:65: note: replace 'detached' with a completion handler that rethrows the exception
  // CHECK-NOTES: :[[@LINE-102]]:23: note: or let 'awaits_a_throwing_coroutine' handle its own failures: wrap its whole body in 'try { ... } catch (...) { ... }'
  // CHECK-NOTES: :[[@LINE-102]]:3: note: 'read_header' can throw here; with 'detached' it ends the coroutine silently [guide §4.2]
  // CHECK-NOTES: :[[@LINE-107]]:3: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not), in 'read_header'
  asio::co_spawn(io, awaits_a_forwarder(std::move(s)), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'awaits_a_forwarder' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:56: note: replace 'detached' with a completion handler that rethrows the exception
  // CHECK-NOTES: :[[@LINE-101]]:23: note: or let 'awaits_a_forwarder' handle its own failures: wrap its whole body in 'try { ... } catch (...) { ... }'
  // CHECK-NOTES: :[[@LINE-101]]:3: note: 'forwards' can throw here; with 'detached' it ends the coroutine silently [guide §4.2]
  // CHECK-NOTES: :[[@LINE-113]]:3: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not), in 'read_header'
  asio::co_spawn(io, calls_a_throwing_function(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'calls_a_throwing_function' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:51: note: replace 'detached' with a completion handler that rethrows the exception
  // CHECK-NOTES: :[[@LINE-97]]:23: note: or let 'calls_a_throwing_function' handle its own failures: wrap its whole body in 'try { ... } catch (...) { ... }'
  // CHECK-NOTES: :[[@LINE-96]]:16: note: the lambda can throw here; with 'detached' it ends the coroutine silently [guide §4.2]
  // CHECK-NOTES: :[[@LINE-103]]:5: note: this throws 'std::invalid_argument', in 'checked_port'
  asio::co_spawn(io, catches_something_else(std::move(s)), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'catches_something_else' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:60: note: replace 'detached' with a completion handler that rethrows the exception
  // CHECK-NOTES: :[[@LINE-97]]:23: note: or let 'catches_something_else' handle its own failures: wrap its whole body in 'try { ... } catch (...) { ... }'
  // CHECK-NOTES: :[[@LINE-95]]:5: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not); with 'detached' it ends the coroutine silently [guide §4.2]
  asio::co_spawn(io, rethrows(std::move(s)), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'rethrows' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:46: note: replace 'detached' with a completion handler that rethrows the exception
  // CHECK-NOTES: :[[@LINE-94]]:23: note: or let 'rethrows' handle its own failures: wrap its whole body in 'try { ... } catch (...) { ... }'
  // CHECK-NOTES: :[[@LINE-92]]:5: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not); with 'detached' it ends the coroutine silently [guide §4.2]
  asio::co_spawn(io, throws_from_the_handler(std::move(s)), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'throws_from_the_handler' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:61: note: replace 'detached' with a completion handler that rethrows the exception
  // CHECK-NOTES: :[[@LINE-89]]:23: note: or let 'throws_from_the_handler' handle its own failures: wrap its whole body in 'try { ... } catch (...) { ... }'
  // CHECK-NOTES: :[[@LINE-85]]:5: note: this throws 'std::runtime_error'; with 'detached' it ends the coroutine silently [guide §4.2]
  asio::co_spawn(io, after_the_try(std::move(s)), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'after_the_try' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:51: note: replace 'detached' with a completion handler that rethrows the exception
  // CHECK-NOTES: :[[@LINE-85]]:23: note: or let 'after_the_try' handle its own failures: wrap its whole body in 'try { ... } catch (...) { ... }'
  // CHECK-NOTES: :[[@LINE-80]]:3: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not); with 'detached' it ends the coroutine silently [guide §4.2]
  // A spawned coroutine whose body is in another file: nothing shows that it
  // handles its failures (an await of it inside a visible body is not
  // counted, see awaits_unknown_code).
  asio::co_spawn(io, declared_elsewhere(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'declared_elsewhere' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:44: note: replace 'detached' with a completion handler that rethrows the exception
  // CHECK-NOTES: :[[@LINE-84]]:23: note: the body of 'declared_elsewhere' is not in this translation unit: nothing shows that it handles its failures
  // A handler that never looks at the exception_ptr swallows it too.
  asio::co_spawn(io, parses("80"), [](std::exception_ptr) {});
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with a handler that ignores the 'exception_ptr' swallows any exception the coroutine 'parses' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-163]]:23: note: or let 'parses' handle its own failures: wrap its whole body in 'try { ... } catch (...) { ... }'
  // CHECK-NOTES: :[[@LINE-163]]:14: note: 'std::stoi' throws on invalid input; with a handler that ignores the 'exception_ptr' it ends the coroutine silently [guide §4.2]
  asio::co_spawn(io, parses("80"), [](auto e) { log("done"); });
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with a handler that ignores the 'exception_ptr' swallows any exception the coroutine 'parses' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-167]]:23: note: or let 'parses' handle its own failures: wrap its whole body in 'try { ... } catch (...) { ... }'
  // CHECK-NOTES: :[[@LINE-167]]:14: note: 'std::stoi' throws on invalid input; with a handler that ignores the 'exception_ptr' it ends the coroutine silently [guide §4.2]
  asio::co_spawn(io, [&s]() -> asio::awaitable<void> {
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the spawned coroutine throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE+3]]:6: note: replace 'detached' with a completion handler that rethrows the exception
  // CHECK-NOTES: :[[@LINE+1]]:5: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not); with 'detached' it ends the coroutine silently [guide §4.2]
    co_await s.async_connect(tcp::endpoint(), asio::use_awaitable);
  }, asio::detached);
}

// Quiet: nothing that throws on an ordinary failure escapes.

asio::awaitable<void> only_logs(std::vector<std::string> lines) {
  std::string all;
  for (const auto &line : lines)
    all += line + "\n";
  log(all);
  co_return;
}

asio::awaitable<void> error_values(tcp::socket s) {
  char d[16];
  auto [e1, n1] = co_await s.async_read_some(asio::buffer(d),
                                         use_nothrow_awaitable);
  nothrow_token_t token = use_nothrow_awaitable;
  auto [e2, n2] = co_await s.async_read_some(asio::buffer(d), token);
  asio::error_code ec;
  co_await s.async_read_some(asio::buffer(d),
                             asio::redirect_error(asio::use_awaitable, ec));
  co_await asio::async_write(
      s, asio::buffer(d),
      asio::experimental::as_tuple(asio::bind_executor(
          s.get_executor(), asio::use_awaitable)));
  s.shutdown(tcp::socket::shutdown_both, ec);
  s.close(ec);
  if (ec)
    log(ec.message());
}

asio::awaitable<void> try_then_co_return(tcp::socket s) {
  char d[16];
  try {
    co_await s.async_read_some(asio::buffer(d), asio::use_awaitable);
  } catch (const std::system_error &) {
    co_return;
  }
  log("read");
}

asio::awaitable<void> try_in_each_branch(tcp::socket s, bool write) {
  char d[16];
  if (write) {
    try {
      co_await asio::async_write(s, asio::buffer(d), asio::use_awaitable);
    } catch (const std::exception &) {
    }
  } else {
    try {
      co_await s.async_read_some(asio::buffer(d), asio::use_awaitable);
    } catch (...) {
    }
  }
}

asio::awaitable<void> try_inside_the_loop(tcp::socket s) {
  char d[16];
  for (;;) {
    try {
      co_await s.async_read_some(asio::buffer(d), asio::use_awaitable);
      log(describe(std::stoi(std::string(d))));
    } catch (const std::exception &e) {
      log(e.what());
      break;
    }
  }
}

asio::awaitable<void> timer_and_post(asio::steady_timer timer) {
  timer.expires_at(asio::steady_timer::time_point::max());
  co_await timer.async_wait(asio::use_awaitable);
  timer.cancel();
  co_await asio::post(timer.get_executor(), asio::use_awaitable);
}

// The chat server's session: a failed read ends in cleanup that closes the
// session's own socket, which fails only if close(2) does.
struct session {
  tcp::socket socket_;
  void stop() {
    socket_.close();
    socket_.cancel();
  }
  asio::awaitable<void> reader() {
    try {
      char d[16];
      for (;;)
        co_await socket_.async_read_some(asio::buffer(d), asio::use_awaitable);
    } catch (std::exception &) {
      stop();
    }
  }
};

void opaque(int);

asio::awaitable<void> awaits_unknown_code() {
  co_await declared_elsewhere();
  opaque(1);
}

asio::awaitable<void> recursive(int depth) {
  if (depth > 0)
    co_await recursive(depth - 1);
}

void quiet(asio::io_context &io, tcp::socket s, asio::steady_timer t,
           session &chat) {
  asio::co_spawn(io, only_logs({}), asio::detached);
  asio::co_spawn(io, chat.reader(), asio::detached);
  asio::co_spawn(io, error_values(std::move(s)), asio::detached);
  asio::co_spawn(io, try_then_co_return(std::move(s)), asio::detached);
  asio::co_spawn(io, try_in_each_branch(std::move(s), true), asio::detached);
  asio::co_spawn(io, try_inside_the_loop(std::move(s)), asio::detached);
  asio::co_spawn(io, timer_and_post(std::move(t)), asio::detached);
  asio::co_spawn(io, awaits_unknown_code(), asio::detached);
  asio::co_spawn(io, recursive(3), asio::detached);
  // The handler looks at the exception_ptr.
  asio::co_spawn(io, parses("80"), [](std::exception_ptr e) {
    if (e)
      log("failed");
  });
}
