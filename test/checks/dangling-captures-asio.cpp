// RUN: %check_clang_tidy %s coro-dangling-reference %t -- -- %asio_flags
// Standalone Asio 1.22, rule 3's second half: a capturing lambda object (not
// called) handed to co_spawn lives as long as the spawned work, but its
// by-reference captures of the caller's locals die with them.
#include <asio.hpp>
#include <string>

using asio::ip::tcp;

asio::awaitable<void> write_all(tcp::socket &s, const std::string &text);

// The accept loop again, written with a lambda: `sock` dies at the end of
// each turn while the session still runs.
asio::awaitable<void> accept_loop(tcp::acceptor acc) {
  auto ex = co_await asio::this_coro::executor;
  for (;;) {
    auto sock = co_await acc.async_accept(asio::use_awaitable);
    asio::co_spawn(ex, [&]() -> asio::awaitable<void> { co_await write_all(sock, "hi"); }, asio::detached);
    // CHECK-NOTES: :[[@LINE-1]]:76: warning: 'sock' is captured by reference by a lambda coroutine whose task is spawned and may run after 'sock' dies: the coroutine will read a dead object [guide §7.9] [coro-dangling-reference]
    // CHECK-NOTES: :[[@LINE-2]]:25: note: the closure keeps a reference to 'sock', not a copy: capture it by value, or move it into the closure [guide §7.9]
    // CHECK-NOTES: :[[@LINE-3]]:5: note: the task is spawned here
  }
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'sock' dies here, before anything waits for the task
}

// An explicit capture is reported where it is written; a by-value capture
// of the same scope owns its copy.
asio::awaitable<void> explicit_captures(tcp::socket &peer, std::string greeting) {
  auto ex = co_await asio::this_coro::executor;
  std::string banner = "hello " + greeting;
  asio::co_spawn(ex, [&banner, greeting, &peer]() -> asio::awaitable<void> { co_await write_all(peer, banner + greeting); }, asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: 'banner' is captured by reference by a lambda coroutine whose task is spawned and may run after 'banner' dies: the coroutine will read a dead object [guide §7.9] [coro-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:24: note: the closure keeps a reference to 'banner', not a copy: capture it by value, or move it into the closure [guide §7.9]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the task is spawned here
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: 'banner' dies here, before anything waits for the task

// A lambda kept in a variable and an init-capture by reference; a by-value
// parameter of the caller dies with it too.
asio::awaitable<void> lambda_variable(std::string name) {
  auto ex = co_await asio::this_coro::executor;
  auto job = [&n = name]() -> asio::awaitable<void> { (void)n.size(); co_return; };
  asio::co_spawn(ex, job, asio::detached);
  // CHECK-NOTES: :[[@LINE-2]]:16: warning: 'name' is captured by reference by a lambda coroutine whose task is spawned
  // CHECK-NOTES: :[[@LINE-3]]:16: note: the closure keeps a reference to 'name'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the task is spawned here
  co_return;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'name' dies here, before anything waits for the task
}

// Dies on one path only: the early return leaves before the join below.
void one_path(asio::thread_pool &pool, bool quick) {
  std::string payload = "x";
  asio::co_spawn(pool, [&]() -> asio::awaitable<void> { (void)payload.size(); co_return; }, asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:63: warning: 'payload' is captured by reference by a lambda coroutine whose task is spawned
  // CHECK-NOTES: :[[@LINE-2]]:25: note: the closure keeps a reference to 'payload'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the task is spawned here
  if (quick)
    return;
  // CHECK-NOTES: :[[@LINE-1]]:5: note: 'payload' dies here, before anything waits for the task
  pool.join();
}

// Not findings.
std::string global_name = "g";

asio::awaitable<void> member_work();

struct Server {
  std::string name_;
  asio::awaitable<void> serve(asio::any_io_executor ex) {
    // `this` is not a local of this function: its owner decides.
    asio::co_spawn(ex, [this]() -> asio::awaitable<void> { (void)name_.size(); co_return; }, asio::detached);
    co_return;
  }
};

asio::awaitable<void> not_findings(tcp::socket &peer, std::string greeting) {
  auto ex = co_await asio::this_coro::executor;
  std::string text = "t";
  static std::string counter = "c";
  // Awaited in the same full-expression: the caller waits for it.
  co_await asio::co_spawn(ex, [&]() -> asio::awaitable<void> { co_await write_all(peer, text); }, asio::use_awaitable);
  // By value: the closure owns its copies.
  asio::co_spawn(ex, [text, greeting]() -> asio::awaitable<void> { (void)(text + greeting); co_return; }, asio::detached);
  asio::co_spawn(ex, [t = text]() -> asio::awaitable<void> { (void)t.size(); co_return; }, asio::detached);
  // Statics and globals are not captured; references to the caller's
  // reference parameters are the caller's caller's business.
  asio::co_spawn(ex, [&]() -> asio::awaitable<void> { (void)(global_name + counter); co_await write_all(peer, "x"); }, asio::detached);
  // A completion handler that captures by reference is not the task.
  asio::co_spawn(ex, member_work(), [&](std::exception_ptr) { (void)text.size(); });
}

// main runs the io_context before its locals die.
int main() {
  asio::io_context io;
  std::string config = "c";
  asio::co_spawn(io, [&]() -> asio::awaitable<void> { (void)config.size(); co_return; }, asio::detached);
  io.run();
}
