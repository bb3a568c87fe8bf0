// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- %asio_flags
// Real Asio 1.22 headers: a session that updates a shared cache.
#include <asio.hpp>
#include <map>
#include <mutex>
#include <string>

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

std::mutex cache_mutex;
std::map<std::string, std::string> cache;

awaitable<void> session_holds_lock(tcp::socket socket) {
  char data[1024];
  std::lock_guard<std::mutex> lock(cache_mutex);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: lock 'lock' (std::lock_guard<std::mutex>) on blocking mutex 'cache_mutex' {{.*}} [coro-lock-across-suspend]
  std::size_t n = co_await socket.async_read_some(asio::buffer(data), use_awaitable);
  cache[std::string(data, n)] = "seen";
}

awaitable<void> session_scoped(tcp::socket socket) {
  char data[1024];
  std::size_t n = co_await socket.async_read_some(asio::buffer(data), use_awaitable);
  {
    std::lock_guard<std::mutex> lock(cache_mutex);
    cache[std::string(data, n)] = "seen";
  }
  co_await asio::async_write(socket, asio::buffer(data, n), use_awaitable);
}

awaitable<void> timer_under_unique_lock() {
  auto executor = co_await asio::this_coro::executor;
  asio::steady_timer timer(executor, std::chrono::milliseconds(10));
  std::unique_lock lk(cache_mutex);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: lock 'lk' (std::unique_lock<std::mutex>) {{.*}} [coro-lock-across-suspend]
  co_await timer.async_wait(use_awaitable);
}

awaitable<void> unlocked_before_wait() {
  auto executor = co_await asio::this_coro::executor;
  asio::steady_timer timer(executor, std::chrono::milliseconds(10));
  std::unique_lock lk(cache_mutex);
  cache.clear();
  lk.unlock();
  co_await timer.async_wait(use_awaitable);
}

int main() {
  asio::io_context io;
  asio::co_spawn(io, unlocked_before_wait(), asio::detached);
  io.run();
}
