// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- %asio_flags
// RUN: %check_clang_tidy -fix-notes -check-suffix=NOTEFIX %s coro-blocking-call %t -- -- %asio_flags
// Standalone Asio 1.22: synchronous operations told apart from their async_
// twins by name, sleeps replaced by timers, offloading advice. The fix-its
// change behaviour, so they are on notes: --fix changes nothing here
// (CHECK-FIXES), an editor applying the notes gets CHECK-FIXES-NOTEFIX.
#include <asio.hpp>
#include <chrono>
#include <future>
#include <string_view>
#include <sys/socket.h>
#include <thread>

using asio::ip::tcp;
using namespace std::chrono_literals;

void handle(std::string_view);

// The guide's example, §6.1, made a coroutine by its co_return (without
// any co_ keyword it would be an ordinary function, see
// blocking-not-coroutine.cpp).
asio::awaitable<void> poll_sensor(tcp::socket &sock) {
  std::array<char, 512> buf;
  while (sock.is_open()) {
    std::size_t n = sock.read_some(asio::buffer(buf));
    // CHECK-NOTES: :[[@LINE-1]]:21: warning: synchronous 'asio::basic_stream_socket::read_some' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
    // CHECK-NOTES: :[[@LINE-2]]:21: note: await its asynchronous twin 'async_read_some' instead
    // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:21: warning: synchronous 'asio::basic_stream_socket::read_some' blocks
    // CHECK-FIXES: {{^}}    std::size_t n = sock.read_some(asio::buffer(buf));{{$}}
    // CHECK-FIXES-NOTEFIX: {{^}}    std::size_t n = co_await sock.async_read_some(asio::buffer(buf), asio::use_awaitable);{{$}}
    handle(std::string_view(buf.data(), n));
    std::this_thread::sleep_for(100ms);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: await an Asio timer instead of sleeping
    // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:5: warning: 'std::this_thread::sleep_for' blocks
    // CHECK-FIXES: {{^}}    std::this_thread::sleep_for(100ms);{{$}}
    // CHECK-FIXES-NOTEFIX: {{^}}    co_await asio::steady_timer(co_await asio::this_coro::executor, 100ms).async_wait(asio::use_awaitable);{{$}}
  }
  co_return;
}

asio::awaitable<void> serve(tcp::acceptor &acceptor, tcp::resolver &resolver,
                            asio::steady_timer &timer) {
  tcp::socket peer = acceptor.accept();
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: synchronous 'asio::basic_socket_acceptor::accept' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:22: note: await its asynchronous twin 'async_accept' instead
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:22: warning: synchronous 'asio::basic_socket_acceptor::accept' blocks
  // CHECK-FIXES-NOTEFIX: {{^}}  tcp::socket peer = co_await acceptor.async_accept(asio::use_awaitable);{{$}}
  auto count = resolver.resolve("example.com", "443").size();
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: synchronous 'asio::ip::basic_resolver::resolve' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:16: note: await its asynchronous twin 'async_resolve' instead
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:16: warning: synchronous 'asio::ip::basic_resolver::resolve' blocks
  // CHECK-FIXES-NOTEFIX: {{^}}  auto count = (co_await resolver.async_resolve("example.com", "443", asio::use_awaitable)).size();{{$}}
  timer.wait();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: synchronous 'asio::basic_waitable_timer::wait' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await its asynchronous twin 'async_wait' instead
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: synchronous 'asio::basic_waitable_timer::wait' blocks
  // CHECK-FIXES-NOTEFIX: {{^}}  co_await timer.async_wait(asio::use_awaitable);{{$}}
  std::array<char, 4> data{};
  asio::write(peer, asio::buffer(data));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: synchronous 'asio::write' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await its asynchronous twin 'async_write' instead
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: synchronous 'asio::write' blocks
  // CHECK-FIXES-NOTEFIX: {{^}}  co_await asio::async_write(peer, asio::buffer(data), asio::use_awaitable);{{$}}
  // The error_code overload reports errors differently from its twin: the
  // note names the twin, but there is no mechanical fix.
  asio::error_code ec;
  peer.write_some(asio::buffer(data), ec);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: synchronous 'asio::basic_stream_socket::write_some' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await its asynchronous twin 'async_write_some' with 'asio::use_awaitable' instead
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: synchronous 'asio::basic_stream_socket::write_some' blocks
  // CHECK-FIXES-NOTEFIX: {{^}}  peer.write_some(asio::buffer(data), ec);{{$}}
  co_await peer.async_write_some(asio::buffer(data), asio::use_awaitable);
}

// Asio's free connect() and a socket's connect() are Asio operations; the
// POSIX ::connect on a descriptor is blocking I/O with offloading advice.
asio::awaitable<void> connect_three_ways(tcp::socket &sock, int fd,
                                         const sockaddr *addr, socklen_t len) {
  auto endpoints = tcp::resolver::results_type();
  asio::connect(sock, endpoints);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: synchronous 'asio::connect' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await its asynchronous twin 'async_connect' instead
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: synchronous 'asio::connect' blocks
  // CHECK-FIXES-NOTEFIX: {{^}}  co_await asio::async_connect(sock, endpoints, asio::use_awaitable);{{$}}
  sock.connect(tcp::endpoint(asio::ip::address_v4::loopback(), 80));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: synchronous 'asio::basic_socket::connect' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await its asynchronous twin 'async_connect' instead
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: synchronous 'asio::basic_socket::connect' blocks
  // CHECK-FIXES-NOTEFIX: {{^}}  co_await sock.async_connect(tcp::endpoint(asio::ip::address_v4::loopback(), 80), asio::use_awaitable);{{$}}
  ::connect(fd, addr, len);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'connect' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await an asynchronous equivalent instead; if the call must block, hop to a separate thread pool with 'co_await asio::post(asio::bind_executor(pool, asio::use_awaitable))' and back the same way ('asio::post(pool, asio::use_awaitable)' does not leave this executor)
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: 'connect' blocks
  co_return;
}

asio::awaitable<std::size_t> nested_loops(asio::io_context &io, tcp::socket &sock) {
  io.run();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::io_context::run' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: co_await the work directly instead of waiting for it on this thread
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: 'asio::io_context::run' blocks
  std::array<char, 8> buf;
  std::future<std::size_t> f = sock.async_read_some(asio::buffer(buf), asio::use_future);
  std::size_t n = f.get();
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'std::future::get' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:19: note: await an asynchronous equivalent instead; if the call must block, hop to a separate thread pool with 'co_await asio::post(asio::bind_executor(pool, asio::use_awaitable))' and back the same way ('asio::post(pool, asio::use_awaitable)' does not leave this executor)
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:19: warning: 'std::future::get' blocks
  co_return n;
}

// No co_await in a handler: the note names the twin without a fix-it.
// sleep_until has no mechanical timer replacement either.
asio::awaitable<void> no_fix_possible(tcp::socket &sock) {
  std::array<char, 8> buf;
  try {
    co_await sock.async_read_some(asio::buffer(buf), asio::use_awaitable);
  } catch (const std::exception &) {
    sock.write_some(asio::buffer(buf));
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: synchronous 'asio::basic_stream_socket::write_some' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: await its asynchronous twin 'async_write_some' with 'asio::use_awaitable' instead
    // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:5: warning: synchronous 'asio::basic_stream_socket::write_some' blocks
    // CHECK-FIXES-NOTEFIX: {{^}}    sock.write_some(asio::buffer(buf));{{$}}
  }
  std::this_thread::sleep_until(std::chrono::steady_clock::now() + 1s);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_until' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await a 'asio::steady_timer' with 'async_wait(asio::use_awaitable)' instead of sleeping
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: 'std::this_thread::sleep_until' blocks
}

// Negative: async twins, work posted to a pool, and the right way to wait.
asio::awaitable<void> all_async(tcp::socket &sock, asio::thread_pool &pool) {
  std::array<char, 8> buf;
  std::size_t n = co_await sock.async_read_some(asio::buffer(buf), asio::use_awaitable);
  co_await asio::async_write(sock, asio::buffer(buf, n), asio::use_awaitable);
  asio::post(pool, [] { std::this_thread::sleep_for(1s); });
  asio::steady_timer pause(co_await asio::this_coro::executor);
  pause.expires_after(100ms);
  co_await pause.async_wait(asio::use_awaitable);
  co_await asio::co_spawn(
      pool, []() -> asio::awaitable<int> { co_return 42; }, asio::use_awaitable);
}

// A coroutine lambda spawned from main is analysed like any coroutine.
int main() {
  asio::io_context io;
  asio::co_spawn(
      io,
      []() -> asio::awaitable<void> {
        std::this_thread::sleep_for(1s);
        // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'std::this_thread::sleep_for' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
        // CHECK-NOTES: :[[@LINE-2]]:9: note: await an Asio timer instead of sleeping
        // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:9: warning: 'std::this_thread::sleep_for' blocks
        // CHECK-FIXES-NOTEFIX: {{^}}        co_await asio::steady_timer(co_await asio::this_coro::executor, 1s).async_wait(asio::use_awaitable);{{$}}
        co_return;
      },
      asio::detached);
  io.run();
}
