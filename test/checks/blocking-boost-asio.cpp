// RUN: %check_clang_tidy %s coro-blocking-call %t
// RUN: %check_clang_tidy -fix-notes -check-suffix=NOTEFIX %s coro-blocking-call %t
// Boost.Asio 1.81: the fix-its spell boost::asio:: whatever alias the code
// uses, and are only offered for awaitables on the default executor.
#include <boost/asio.hpp>
#include <chrono>
#include <thread>

namespace net = boost::asio;
using net::ip::tcp;
using namespace std::chrono_literals;

net::awaitable<std::size_t> fetch(tcp::socket &sock, net::io_context &io) {
  std::this_thread::sleep_for(250ms);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await an Asio timer instead of sleeping
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: 'std::this_thread::sleep_for' blocks
  // CHECK-FIXES: {{^}}  std::this_thread::sleep_for(250ms);{{$}}
  // CHECK-FIXES-NOTEFIX: {{^}}  co_await boost::asio::steady_timer(co_await boost::asio::this_coro::executor, 250ms).async_wait(boost::asio::use_awaitable);{{$}}
  std::array<char, 16> buf;
  std::size_t n = net::read(sock, net::buffer(buf));
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: synchronous 'boost::asio::read' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:19: note: await its asynchronous twin 'async_read' instead
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:19: warning: synchronous 'boost::asio::read' blocks
  // CHECK-FIXES: {{^}}  std::size_t n = net::read(sock, net::buffer(buf));{{$}}
  // CHECK-FIXES-NOTEFIX: {{^}}  std::size_t n = co_await net::async_read(sock, net::buffer(buf), boost::asio::use_awaitable);{{$}}
  io.run_one();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::run_one' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: co_await the work directly instead of waiting for it on this thread
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: 'boost::asio::io_context::run_one' blocks
  co_return n;
}

// An awaitable on a strand: use_awaitable and steady_timer speak the default
// executor, so the notes only name the replacement.
using strand_awaitable =
    net::awaitable<void, net::strand<net::io_context::executor_type>>;

strand_awaitable on_strand(net::basic_stream_socket<tcp, net::strand<net::io_context::executor_type>> &sock) {
  std::this_thread::sleep_for(1ms);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await a 'boost::asio::steady_timer' with 'async_wait(boost::asio::use_awaitable)' instead of sleeping
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: 'std::this_thread::sleep_for' blocks
  // CHECK-FIXES-NOTEFIX: {{^}}  std::this_thread::sleep_for(1ms);{{$}}
  std::array<char, 16> buf;
  sock.read_some(net::buffer(buf));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: synchronous 'boost::asio::basic_stream_socket::read_some' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await its asynchronous twin 'async_read_some' with 'boost::asio::use_awaitable' instead
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: synchronous 'boost::asio::basic_stream_socket::read_some' blocks
  // CHECK-FIXES-NOTEFIX: {{^}}  sock.read_some(net::buffer(buf));{{$}}
  co_return;
}

// Negative: posting blocking work to a thread pool from a coroutine.
net::awaitable<void> offloads(net::thread_pool &pool) {
  net::post(pool, [] { std::this_thread::sleep_for(1s); });
  co_await net::post(net::bind_executor(pool, net::use_awaitable));
}
