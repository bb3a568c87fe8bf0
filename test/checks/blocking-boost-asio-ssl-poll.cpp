// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- %asio_flags
// Real Boost.Asio 1.81 headers: loading certificates reads files, a synchronous
// TLS handshake or shutdown waits for the peer; io_context::poll() runs the
// ready handlers and never waits.
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>

using tcp = boost::asio::ip::tcp;

boost::asio::awaitable<void> tls_session(boost::asio::ssl::context &ctx,
                                  boost::asio::ssl::stream<tcp::socket> &stream,
                                  boost::asio::io_context &io) {
  ctx.use_certificate_chain_file("server.pem");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::ssl::context::use_certificate_chain_file' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  ctx.use_private_key_file("server.key", boost::asio::ssl::context::pem);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::ssl::context::use_private_key_file' blocks the thread
  ctx.load_verify_file("ca.pem");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::ssl::context::load_verify_file' blocks the thread
  stream.handshake(boost::asio::ssl::stream_base::server);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous 'boost::asio::ssl::stream::handshake' blocks the thread
  co_await stream.async_handshake(boost::asio::ssl::stream_base::server,
                                  boost::asio::use_awaitable);
  io.poll();
  io.poll_one();
  stream.shutdown();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: synchronous 'boost::asio::ssl::stream::shutdown' blocks the thread
  co_await stream.async_shutdown(boost::asio::use_awaitable);
}
