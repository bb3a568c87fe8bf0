// RUN: %check_clang_tidy %s coro-dangling-reference %t -- -- %asio_flags
// Standalone Asio 1.22: temporaries, locals, temporary objects and capturing
// lambdas bound to a task that is spawned, stored, put in a container or
// returned; and the code that keeps them alive long enough.
#include <asio.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

using asio::ip::tcp;

asio::awaitable<void> send_line(tcp::socket &s, const std::string &line);
asio::awaitable<void> log_line(std::string_view line) { co_return; }
asio::awaitable<void> session(tcp::socket &s) { co_return; }
asio::awaitable<void> by_value(std::string line) { co_return; }

struct Session {
  tcp::socket sock;
  asio::awaitable<void> run() { co_return; }
};

std::vector<asio::awaitable<void>> pending;
const std::string greeting = "hi";

// Rule 1: a temporary bound to a reference or view parameter.
asio::awaitable<void> temporaries(tcp::socket &sock, std::string name) {
  auto ex = co_await asio::this_coro::executor;
  auto t = send_line(sock, "hello " + name);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: a temporary is bound to parameter 'line' of coroutine 'send_line', but the task is stored and outlives the full-expression: the coroutine will read a dead object [guide §7.9] [coro-dangling-reference]
  co_await std::move(t);
  asio::co_spawn(ex, send_line(sock, "literal"), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: a temporary is bound to parameter 'line' of coroutine 'send_line', but the task is spawned and outlives
  asio::co_spawn(ex, send_line(sock, name + "!"), [](std::exception_ptr) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: a temporary is bound to parameter 'line' of coroutine 'send_line', but the task is spawned and outlives
  asio::co_spawn(ex, log_line(std::string("view of a temporary")), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: a temporary is bound to parameter 'line' of coroutine 'log_line', but the task is spawned
  pending.push_back(send_line(sock, name + "?"));
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: a temporary is bound to parameter 'line' of coroutine 'send_line', but the task is put in a container
  pending.emplace_back(log_line(name + "."));
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: a temporary is bound to parameter 'line' of coroutine 'log_line', but the task is put in a container

  // Not findings: awaited in the same full-expression, a literal viewed, a
  // global, by value.
  co_await send_line(sock, "awaited at once");
  co_await asio::co_spawn(ex, send_line(sock, "awaited spawn"), asio::use_awaitable);
  asio::co_spawn(ex, log_line("a literal has static storage"), asio::detached);
  asio::co_spawn(ex, send_line(sock, greeting), asio::detached);
  asio::co_spawn(ex, by_value("copied into the frame"), asio::detached);
}

// Rule 1: returned from a function that is not a coroutine.
asio::awaitable<void> forward(tcp::socket &sock) {
  return send_line(sock, "bye");
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: a temporary is bound to parameter 'line' of coroutine 'send_line', but the task is returned
}

// Rule 4: a member coroutine on a temporary object.
asio::awaitable<void> temporary_object(tcp::socket sock) {
  auto ex = co_await asio::this_coro::executor;
  asio::co_spawn(ex, Session{std::move(sock)}.run(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: member coroutine 'run' is called on a temporary object, but the task is spawned and outlives the full-expression: 'this' will dangle [guide §7.9] [coro-dangling-reference]
}

// Rule 3: a capturing lambda coroutine called at once.
asio::awaitable<void> lambdas(tcp::socket &sock, std::string name) {
  auto ex = co_await asio::this_coro::executor;
  asio::co_spawn(ex, [&]() -> asio::awaitable<void> { co_await send_line(sock, name); }(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: a capturing lambda coroutine is called at once, but the task is spawned and outlives the full-expression: the closure that holds its captures dies first [guide §7.9] [coro-dangling-reference]
  asio::co_spawn(ex, [name]() -> asio::awaitable<void> { co_return; }(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: a capturing lambda coroutine is called at once
  // Not findings: nothing captured; the lambda object itself is spawned; awaited at once.
  asio::co_spawn(ex, []() -> asio::awaitable<void> { co_return; }(), asio::detached);
  asio::co_spawn(ex, [name]() -> asio::awaitable<void> { co_return; }, asio::detached);
  co_await [&]() -> asio::awaitable<void> { co_await send_line(sock, name); }();
}

// Rule 2: the classic accept loop; the socket dies at the end of each turn.
asio::awaitable<void> accept_loop(tcp::acceptor acc) {
  auto ex = co_await asio::this_coro::executor;
  for (;;) {
    auto sock = co_await acc.async_accept(asio::use_awaitable);
    asio::co_spawn(ex, session(sock), asio::detached);
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'sock' is bound to parameter 's' of coroutine 'session', but the task is spawned and may run after 'sock' dies: the coroutine will read a dead object [guide §7.9] [coro-dangling-reference]
  }
}

// Rule 2: a local object whose member coroutine is spawned.
asio::awaitable<void> local_object(tcp::socket sock) {
  auto ex = co_await asio::this_coro::executor;
  Session s{std::move(sock)};
  asio::co_spawn(ex, s.run(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: member coroutine 'run' is called on 's', but the task is spawned and may run after 's' dies: 'this' will dangle
}

// Not a finding: main runs the io_context before its locals die.
int main() {
  asio::io_context io;
  tcp::socket sock(io);
  std::string line = "x";
  asio::co_spawn(io, session(sock), asio::detached);
  asio::co_spawn(io, send_line(sock, line), asio::detached);
  io.run();
}

// Rule 2: nothing runs the io_context before the socket dies.
void start(asio::io_context &io) {
  tcp::socket sock(io);
  asio::co_spawn(io, session(sock), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'sock' is bound to parameter 's' of coroutine 'session'
}

// Not findings: members of an object kept alive by shared_from_this().
struct Connection : std::enable_shared_from_this<Connection> {
  tcp::socket sock_;
  std::string peer_;
  asio::awaitable<void> serve() { co_return; }
  void start() {
    asio::co_spawn(sock_.get_executor(), shared_from_this()->serve(), asio::detached);
    auto self = shared_from_this();
    asio::co_spawn(sock_.get_executor(), self->serve(), asio::detached);
  }
  asio::awaitable<void> greet() {
    co_await asio::co_spawn(sock_.get_executor(), send_line(sock_, peer_), asio::use_awaitable);
  }
};
