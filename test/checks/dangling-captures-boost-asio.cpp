// RUN: %check_clang_tidy %s coro-dangling-reference %t
// Boost.Asio 1.81: a capturing lambda object handed to co_spawn, in loops and
// conditionals where the captured local dies on one path only.
#include <boost/asio.hpp>
#include <string>
#include <vector>

namespace net = boost::asio;

net::awaitable<void> greet(const std::string &who);

// The local of a loop body dies at the end of each turn.
net::awaitable<void> fan_out(std::vector<std::string> names) {
  auto ex = co_await net::this_coro::executor;
  for (const auto &name : names) {
    std::string line = "hi " + name;
    net::co_spawn(ex, [&line]() -> net::awaitable<void> { co_await greet(line); }, net::detached);
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'line' is captured by reference by a lambda coroutine whose task is spawned and may run after 'line' dies: the coroutine will read a dead object [guide §7.9] [coro-dangling-reference]
  }
}

// Dies on one path: the branch that breaks out of the loop leaves its
// scope; the other path waits for the pool first.
void conditional(net::thread_pool &pool, std::vector<std::string> jobs) {
  while (!jobs.empty()) {
    std::string job = jobs.back();
    jobs.pop_back();
    net::co_spawn(pool, [&]() -> net::awaitable<void> { co_await greet(job); }, net::detached);
    // CHECK-MESSAGES: :[[@LINE-1]]:72: warning: 'job' is captured by reference by a lambda coroutine whose task is spawned
    if (job == "last")
      break;
    pool.wait();
  }
}

// A lambda variable: the closure is copied into the spawned work, its
// reference to the by-value parameter is not. An executor handle owns no
// work, so the parameter's death still matters (rule 2 as well).
net::awaitable<void> handler(std::string request) {
  auto ex = co_await net::this_coro::executor;
  auto reply = [&]() -> net::awaitable<void> { co_await greet(request); };
  net::co_spawn(ex, std::move(reply), net::detached);
  // CHECK-MESSAGES: :[[@LINE-2]]:63: warning: 'request' is captured by reference by a lambda coroutine whose task is spawned
  net::co_spawn(ex, greet(request), net::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'request' is bound to parameter 'who' of coroutine 'greet', but the task is spawned and may run after 'request' dies
}

// Not findings: the pool is joined on every path before the local dies;
// the spawn is awaited at once (also through an adapted token); a by-value
// capture; a local io_context declared after the local dies first and takes
// the unrun work with it.
void joined(net::thread_pool &pool, bool quick) {
  std::string job = "j";
  net::co_spawn(pool, [&]() -> net::awaitable<void> { co_await greet(job); }, net::detached);
  if (quick) {
    pool.join();
    return;
  }
  pool.join();
}

net::awaitable<void> awaited(std::string who) {
  auto ex = co_await net::this_coro::executor;
  co_await net::co_spawn(ex, [&]() -> net::awaitable<void> { co_await greet(who); }, net::use_awaitable);
  auto [e] = co_await net::co_spawn(ex, [&]() -> net::awaitable<void> { co_await greet(who); }, net::as_tuple(net::use_awaitable));
  net::co_spawn(ex, [who]() -> net::awaitable<void> { co_await greet(who); }, net::detached);
}

void context_dies_first() {
  std::string who = "ctx";
  net::io_context io;
  net::co_spawn(io, [&]() -> net::awaitable<void> { co_await greet(who); }, net::detached);
}

int main() {
  net::io_context io;
  std::string who = "main";
  net::co_spawn(io, [&]() -> net::awaitable<void> { co_await greet(who); }, net::detached);
  io.run();
}
