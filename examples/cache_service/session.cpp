#include "session.h"
#include <chrono>
#include <iostream>
#include <thread>

asio::awaitable<void> session(asio::ip::tcp::socket socket, Cache &cache, JobChannel &jobs) {
  try {
    char request[256];
    for (;;) {
      // Pitfall: a synchronous read blocks the executor until the client sends.
      std::size_t n = socket.read_some(asio::buffer(request));
      std::string key(request, n);

      // Pitfall: "rate limiting" by sleeping the whole executor thread.
      std::this_thread::sleep_for(std::chrono::milliseconds(1));

      std::string value = co_await cache.get(key);
      co_await asio::async_write(socket, asio::buffer(value), asio::use_awaitable);

      // Pitfall: the audit coroutine is lazy; dropping it means it never runs.
      audit("served " + key);
      submit_audit(jobs, key);
    }
  } catch (const std::exception &e) {
    // The session ends when the client disconnects.
  }
}

asio::awaitable<void> listener(asio::ip::tcp::acceptor acceptor, Cache &cache, JobChannel &jobs) {
  for (;;) {
    asio::ip::tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    // Fine: session() catches everything itself, so detached loses nothing.
    asio::co_spawn(acceptor.get_executor(), session(std::move(socket), cache, jobs), asio::detached);
  }
}

// Pitfall: greet() keeps a reference to the temporary string "welcome, " + name,
// which dies at the end of the co_spawn statement, before greet() runs.
asio::awaitable<void> greet(asio::ip::tcp::socket &socket, const std::string &text) {
  co_await asio::async_write(socket, asio::buffer(text), asio::use_awaitable);
}

void welcome(asio::ip::tcp::socket &socket, const std::string &name) {
  asio::co_spawn(socket.get_executor(), greet(socket, "welcome, " + name),
                 [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
}
