// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- %asio_flags
// Standalone Asio 1.22: helpers that block are found through their bodies;
// helpers that only start asynchronous operations, and work posted to a
// pool, are not. Asio's own internals (system headers) are not entered:
// its asynchronous operations end in non-blocking ::recv calls.
#include <asio.hpp>
#include <chrono>
#include <string>

using asio::ip::tcp;
using namespace std::chrono_literals;

std::size_t read_header(tcp::socket &sock, std::array<char, 64> &buf) {
  return sock.read_some(asio::buffer(buf));
}
std::size_t read_message(tcp::socket &sock) {
  std::array<char, 64> header;
  return read_header(sock, header);
}
void settle(asio::any_io_executor ex) {
  asio::steady_timer timer(ex, 10ms);
  timer.wait();
}
auto start_read(tcp::socket &sock, std::array<char, 64> &buf) {
  return sock.async_read_some(asio::buffer(buf), asio::use_awaitable);
}

asio::awaitable<void> session(tcp::socket sock, asio::thread_pool &pool) {
  read_message(sock);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'read_message' may block the thread that runs this coroutine: synchronous 'asio::basic_stream_socket::read_some' blocks within it; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :18:10: note: 'read_message' calls 'read_header' here
  // CHECK-NOTES: :14:10: note: synchronous 'asio::basic_stream_socket::read_some' blocks here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: make 'read_message' asynchronous and await it; if it must block, hop to a separate thread pool with 'co_await asio::post(asio::bind_executor(pool, asio::use_awaitable))' and back the same way ('asio::post(pool, asio::use_awaitable)' does not leave this executor)
  settle(sock.get_executor());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'settle' may block the thread that runs this coroutine: synchronous 'asio::basic_waitable_timer::wait' blocks within it; {{.*}} [coro-blocking-call]
  // CHECK-NOTES: :22:3: note: synchronous 'asio::basic_waitable_timer::wait' blocks here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: make 'settle' asynchronous
  std::array<char, 64> buf;
  co_await start_read(sock, buf);
  asio::post(pool, [&sock] { read_message(sock); });
  co_await asio::post(asio::bind_executor(pool, asio::use_awaitable));
  co_await asio::async_write(sock, asio::buffer(buf), asio::use_awaitable);
  asio::steady_timer timer(co_await asio::this_coro::executor, 1s);
  co_await timer.async_wait(asio::use_awaitable);
}

asio::awaitable<void> listener(tcp::acceptor acceptor, asio::thread_pool &pool) {
  for (;;) {
    tcp::socket sock = co_await acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(acceptor.get_executor(), session(std::move(sock), pool),
                   asio::detached);
  }
}
