// RUN: %check_clang_tidy %s coro-unchecked-spawn %t
// Boost.Asio 1.81, Beast and Boost.JSON: the stackful spawn with `yield`
// (not `yield[ec]`), synchronous calls without their error_code argument,
// parsers.
#include <boost/asio.hpp>
#include <boost/asio/spawn.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <stdexcept>
#include <string>

namespace net = boost::asio;
namespace http = boost::beast::http;
using net::ip::tcp;
void log(const std::string &);

void reads_with_yield(tcp::socket &s, net::yield_context yield) {
  char d[16];
  log("reading");
  net::async_read(s, net::buffer(d), yield);
}

void reads_with_yield_ec(tcp::socket &s, net::yield_context yield) {
  char d[16];
  boost::system::error_code ec;
  net::async_read(s, net::buffer(d), yield[ec]);
  auto net_yield = yield[ec];
  s.async_read_some(net::buffer(d), net_yield);
  if (ec)
    log(ec.message());
}

void catches_system_error(tcp::socket &s, net::yield_context yield) {
  char d[16];
  try {
    net::async_read(s, net::buffer(d), yield);
  } catch (const boost::system::system_error &e) {
    log(e.what());
  }
}

void beast_sync(tcp::socket &s) {
  boost::beast::flat_buffer buffer;
  http::request<http::string_body> request;
  http::read(s, buffer, request);
}

void beast_sync_ec(tcp::socket &s) {
  boost::beast::flat_buffer buffer;
  http::request<http::string_body> request;
  boost::beast::error_code ec;
  http::read(s, buffer, request, ec);
}

net::awaitable<void> parses_json(std::string body) {
  boost::json::value v = boost::json::parse(body);
  co_return;
}

net::awaitable<void> parses_json_ec(std::string body) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(body, ec);
  co_return;
}

net::awaitable<void> accepts(tcp::acceptor &acceptor) {
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(net::use_awaitable);
    net::co_spawn(acceptor.get_executor(),
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'boost::asio::co_spawn' with 'detached' swallows any exception the spawned coroutine throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
    // CHECK-NOTES: :[[@LINE+8]]:19: note: replace 'detached' with a completion handler that rethrows the exception
    // CHECK-NOTES: :[[@LINE+3]]:37: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not); with 'detached' it ends the coroutine silently [guide §4.2]
                  [s = std::move(socket)]() mutable -> net::awaitable<void> {
                    char d[16];
                    std::size_t n = co_await s.async_read_some(
                        net::buffer(d), net::use_awaitable);
                    log(std::to_string(n));
                  },
                  net::detached);
  }
}

void spawns(net::io_context &io, tcp::socket &s, tcp::acceptor &a) {
  net::spawn(io, [&s](net::yield_context y) { reads_with_yield(s, y); },
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'boost::asio::spawn' with 'detached' swallows any exception the spawned coroutine throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE+3]]:14: note: replace 'detached' with a completion handler that rethrows the exception
  // CHECK-NOTES: :[[@LINE-3]]:47: note: 'reads_with_yield' can throw here; with 'detached' it ends the coroutine silently [guide §4.2]
  // CHECK-NOTES: :[[@LINE-68]]:3: note: 'boost::asio::async_read' throws on an I/O error because 'yield' reports errors as exceptions ('yield[ec]' would not), in 'reads_with_yield'
             net::detached);
  net::spawn(io, [&s](net::yield_context y) { reads_with_yield_ec(s, y); },
             net::detached);
  net::spawn(io, [&s](net::yield_context y) { catches_system_error(s, y); },
             net::detached);
  net::spawn(io, [&s](net::yield_context) { beast_sync(s); }, net::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'boost::asio::spawn' with 'detached' swallows any exception the spawned coroutine throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:63: note: replace 'detached' with a completion handler that rethrows the exception
  // CHECK-NOTES: :[[@LINE-3]]:45: note: 'beast_sync' can throw here; with 'detached' it ends the coroutine silently [guide §4.2]
  // CHECK-NOTES: :[[@LINE-53]]:3: note: 'boost::beast::http::read' throws on an I/O error (its overload taking an 'error_code&' does not), in 'beast_sync'
  net::spawn(io, [&s](net::yield_context) { beast_sync_ec(s); },
             net::detached);
  net::co_spawn(io, parses_json(""), net::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with 'detached' swallows any exception the coroutine 'parses_json' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:38: note: replace 'detached' with a completion handler that rethrows the exception
  // CHECK-NOTES: :[[@LINE-49]]:22: note: or let 'parses_json' handle its own failures: wrap its whole body in 'try { ... } catch (...) { ... }'
  // CHECK-NOTES: :[[@LINE-49]]:26: note: 'boost::json::parse' throws on invalid input; with 'detached' it ends the coroutine silently [guide §4.2]
  net::co_spawn(io, parses_json_ec(""), net::detached);
  net::co_spawn(io, accepts(a), net::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'boost::asio::co_spawn' with 'detached' swallows any exception the coroutine 'accepts' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:33: note: replace 'detached' with a completion handler that rethrows the exception
  // CHECK-NOTES: :[[@LINE-44]]:22: note: or let 'accepts' handle its own failures: wrap its whole body in 'try { ... } catch (...) { ... }'
  // CHECK-NOTES: :[[@LINE-43]]:26: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not); with 'detached' it ends the coroutine silently [guide §4.2]
}
