// RUN: %check_clang_tidy %s coro-dangling-reference %t
// Boost.Asio 1.81: the same rules with boost::asio::co_spawn, tokens that
// adapt use_awaitable, and thread_pool::join as the wait.
#include <boost/asio.hpp>
#include <boost/asio/as_tuple.hpp>
#include <span>
#include <string>
#include <vector>

namespace net = boost::asio;
using net::ip::tcp;

net::awaitable<void> write_all(tcp::socket &s, std::span<const char> data) { co_return; }
net::awaitable<void> handle(tcp::socket &&s) { co_return; }
net::awaitable<void> greet(const std::string &who) { co_return; }

net::awaitable<void> server(tcp::acceptor &acc) {
  auto ex = co_await net::this_coro::executor;
  while (true) {
    tcp::socket sock = co_await acc.async_accept(net::use_awaitable);
    // Moving into an rvalue-reference parameter still binds a reference.
    net::co_spawn(ex, handle(std::move(sock)), net::detached);
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'sock' is bound to parameter 's' of coroutine 'handle', but the task is spawned and may run after 'sock' dies
  }
}

net::awaitable<void> spans(tcp::socket &sock) {
  auto ex = co_await net::this_coro::executor;
  std::vector<char> buffer(16);
  net::co_spawn(ex, write_all(sock, std::vector<char>(4)), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: a temporary is bound to parameter 'data' of coroutine 'write_all', but the task is spawned
  net::co_spawn(ex, write_all(sock, buffer), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: 'buffer' is bound to parameter 'data' of coroutine 'write_all', but the task is spawned and may run after 'buffer' dies
  // Not findings: a token that adapts use_awaitable, awaited at once.
  auto [e] = co_await net::co_spawn(ex, greet("x"), net::as_tuple(net::use_awaitable));
  co_await net::co_spawn(ex, write_all(sock, buffer), net::use_awaitable);
}

// Not a finding: the pool is joined before the local dies.
void pool_joined() {
  net::thread_pool pool(2);
  std::string who = "pool";
  net::co_spawn(pool, greet(who), net::detached);
  pool.join();
}

// Not a finding: the io_context is declared after the local, so it dies
// first and destroys the work it never ran.
void executor_dies_first() {
  std::string who = "ctx";
  net::io_context io;
  net::co_spawn(io, greet(who), net::detached);
}

// Rule 2: by-value parameter of a forwarding function that is not a coroutine.
net::awaitable<void> forward(std::string who) {
  return greet(who);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'who' is bound to parameter 'who' of coroutine 'greet', but the task is returned and may run after 'who' dies
}
