// Benchmark corpus: an HTTP/1.1 gateway on Boost.Asio 1.81 with C++20
// coroutines. It accepts clients, parses requests, routes them to upstream
// pools, retries with backoff, fans health checks out in parallel and reloads
// its routing table. A few mistakes corolint reports are left in (marked
// BUG) so that the checks' reporting paths are part of what is measured.
//
// Compile: clang++-22 -std=c++20 -fsyntax-only boost_http_gateway.cpp

#include <boost/asio.hpp>
#include <boost/asio/experimental/as_tuple.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/experimental/channel.hpp>
#include <boost/asio/experimental/parallel_group.hpp>

#include <array>
#include <charconv>
#include <chrono>
#include <deque>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <shared_mutex>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace net = boost::asio;
using net::awaitable;
using net::co_spawn;
using net::detached;
using net::use_awaitable;
using net::ip::tcp;
using boost::system::error_code;
using namespace net::experimental::awaitable_operators;
using namespace std::chrono_literals;

constexpr auto nothrow = net::experimental::as_tuple(use_awaitable);

//----------------------------------------------------------------------------
// HTTP messages.

struct http_request {
  std::string method;
  std::string target;
  std::string version = "HTTP/1.1";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  std::optional<std::string_view> header(std::string_view name) const {
    for (const auto &[key, value] : headers)
      if (key.size() == name.size() &&
          std::equal(key.begin(), key.end(), name.begin(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) ==
                   std::tolower(static_cast<unsigned char>(b));
          }))
        return std::string_view(value);
    return std::nullopt;
  }

  std::size_t content_length() const {
    std::size_t n = 0;
    if (auto v = header("Content-Length"))
      std::from_chars(v->data(), v->data() + v->size(), n);
    return n;
  }

  bool keep_alive() const {
    auto v = header("Connection");
    return !v || *v != "close";
  }
};

struct http_response {
  int status = 200;
  std::string reason = "OK";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  std::string serialize() const {
    std::ostringstream out;
    out << "HTTP/1.1 " << status << ' ' << reason << "\r\n";
    for (const auto &[key, value] : headers)
      out << key << ": " << value << "\r\n";
    out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
    return out.str();
  }
};

http_response error_response(int status, std::string reason) {
  http_response r;
  r.status = status;
  r.reason = std::move(reason);
  r.body = r.reason + "\n";
  r.headers.emplace_back("Content-Type", "text/plain");
  return r;
}

std::optional<http_request> parse_head(std::string_view head) {
  http_request req;
  auto line_end = head.find("\r\n");
  std::string_view request_line = head.substr(0, line_end);
  auto sp1 = request_line.find(' ');
  auto sp2 = request_line.rfind(' ');
  if (sp1 == request_line.npos || sp2 == sp1)
    return std::nullopt;
  req.method = std::string(request_line.substr(0, sp1));
  req.target = std::string(request_line.substr(sp1 + 1, sp2 - sp1 - 1));
  req.version = std::string(request_line.substr(sp2 + 1));
  head.remove_prefix(line_end == head.npos ? head.size() : line_end + 2);
  while (!head.empty()) {
    auto end = head.find("\r\n");
    std::string_view line = head.substr(0, end);
    head.remove_prefix(end == head.npos ? head.size() : end + 2);
    if (line.empty())
      break;
    auto colon = line.find(':');
    if (colon == line.npos)
      return std::nullopt;
    auto value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ')
      value.remove_prefix(1);
    req.headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
  }
  return req;
}

//----------------------------------------------------------------------------
// Routing table, reloaded from disk.

struct upstream_address {
  std::string host;
  std::string port;
};

struct route {
  std::string prefix;
  std::vector<upstream_address> upstreams;
  std::chrono::milliseconds timeout{2000};
  int retries = 2;
};

class routing_table {
public:
  std::optional<route> match(std::string_view target) const {
    std::shared_lock lock(mutex_);
    const route *best = nullptr;
    for (const auto &r : routes_)
      if (target.substr(0, r.prefix.size()) == r.prefix &&
          (!best || r.prefix.size() > best->prefix.size()))
        best = &r;
    if (!best)
      return std::nullopt;
    return *best;
  }

  void replace(std::vector<route> routes) {
    std::unique_lock lock(mutex_);
    routes_ = std::move(routes);
  }

  std::vector<route> snapshot() const {
    std::shared_lock lock(mutex_);
    return routes_;
  }

private:
  mutable std::shared_mutex mutex_;
  std::vector<route> routes_;
};

std::vector<route> parse_routes(std::istream &in) {
  std::vector<route> routes;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#')
      continue;
    std::istringstream fields(line);
    route r;
    fields >> r.prefix;
    std::string upstream;
    while (fields >> upstream) {
      auto colon = upstream.find(':');
      r.upstreams.push_back({upstream.substr(0, colon),
                             colon == upstream.npos ? "80" : upstream.substr(colon + 1)});
    }
    routes.push_back(std::move(r));
  }
  return routes;
}

//----------------------------------------------------------------------------
// Upstream connection pool.

class connection_pool {
public:
  explicit connection_pool(net::any_io_executor ex) : executor_(std::move(ex)) {}

  awaitable<tcp::socket> acquire(const upstream_address &where) {
    {
      std::lock_guard lock(mutex_);
      auto &idle = idle_[key(where)];
      if (!idle.empty()) {
        tcp::socket s = std::move(idle.front());
        idle.pop_front();
        co_return s;
      }
    }
    tcp::resolver resolver(executor_);
    auto endpoints = co_await resolver.async_resolve(where.host, where.port, use_awaitable);
    tcp::socket socket(executor_);
    co_await net::async_connect(socket, endpoints, use_awaitable);
    socket.set_option(tcp::no_delay(true));
    co_return socket;
  }

  void release(const upstream_address &where, tcp::socket socket) {
    std::lock_guard lock(mutex_);
    auto &idle = idle_[key(where)];
    if (idle.size() < 16)
      idle.push_back(std::move(socket));
  }

  awaitable<void> drain_idle(std::chrono::seconds every) {
    net::steady_timer timer(executor_);
    for (;;) {
      timer.expires_after(every);
      co_await timer.async_wait(use_awaitable);
      std::unique_lock lock(mutex_);
      for (auto &[name, sockets] : idle_)
        while (sockets.size() > 4)
          sockets.pop_front();
      // BUG: the pool's mutex is still held when the next wait starts.
      co_await timer.async_wait(use_awaitable);
    }
  }

private:
  static std::string key(const upstream_address &a) { return a.host + ":" + a.port; }

  net::any_io_executor executor_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<tcp::socket>> idle_;
};

//----------------------------------------------------------------------------
// Request forwarding.

awaitable<void> delay(std::chrono::steady_clock::duration d) {
  net::steady_timer timer(co_await net::this_coro::executor, d);
  co_await timer.async_wait(use_awaitable);
}

awaitable<std::optional<http_request>> read_request(tcp::socket &socket,
                                                    net::streambuf &buffer) {
  auto [ec, n] = co_await net::async_read_until(socket, buffer, "\r\n\r\n", nothrow);
  if (ec)
    co_return std::nullopt;
  std::string head(net::buffers_begin(buffer.data()),
                   net::buffers_begin(buffer.data()) + n);
  buffer.consume(n);
  auto req = parse_head(head);
  if (!req)
    co_return std::nullopt;
  std::size_t length = req->content_length();
  if (buffer.size() < length) {
    auto [ec2, m] = co_await net::async_read(
        socket, buffer, net::transfer_exactly(length - buffer.size()), nothrow);
    if (ec2)
      co_return std::nullopt;
  }
  req->body.assign(net::buffers_begin(buffer.data()),
                   net::buffers_begin(buffer.data()) + length);
  buffer.consume(length);
  co_return req;
}

awaitable<std::optional<std::string>> exchange(tcp::socket &upstream,
                                               std::string wire) {
  auto [wec, written] = co_await net::async_write(upstream, net::buffer(wire), nothrow);
  if (wec)
    co_return std::nullopt;
  std::string reply;
  auto [rec, n] = co_await net::async_read_until(
      upstream, net::dynamic_buffer(reply), "\r\n\r\n", nothrow);
  if (rec)
    co_return std::nullopt;
  co_return reply;
}

std::string to_wire(const http_request &req) {
  std::string wire = req.method + " " + req.target + " " + req.version + "\r\n";
  for (const auto &[key, value] : req.headers)
    wire += key + ": " + value + "\r\n";
  wire += "\r\n" + req.body;
  return wire;
}

awaitable<http_response> forward(const http_request &req, const route &r,
                                 connection_pool &pool) {
  static thread_local std::mt19937 rng{std::random_device{}()};
  auto backoff = 50ms;
  for (int attempt = 0; attempt <= r.retries; ++attempt) {
    const auto &where = r.upstreams[rng() % r.upstreams.size()];
    tcp::socket upstream = co_await pool.acquire(where);
    auto outcome = co_await (exchange(upstream, to_wire(req)) || delay(r.timeout));
    if (outcome.index() == 0) {
      if (auto reply = std::get<0>(std::move(outcome))) {
        pool.release(where, std::move(upstream));
        http_response res;
        res.body = std::move(*reply);
        co_return res;
      }
    }
    co_await delay(backoff);
    backoff *= 2;
  }
  co_return error_response(502, "Bad Gateway");
}

//----------------------------------------------------------------------------
// Client sessions.

struct gateway {
  routing_table routes;
  std::unique_ptr<connection_pool> pool;
  std::atomic<long> requests{0};
  std::atomic<long> failures{0};
};

awaitable<http_response> handle(const http_request &req, gateway &g) {
  ++g.requests;
  if (req.target == "/healthz")
    co_return http_response{};
  if (req.target == "/routes") {
    http_response r;
    for (const auto &route : g.routes.snapshot())
      r.body += route.prefix + " -> " + std::to_string(route.upstreams.size()) + "\n";
    co_return r;
  }
  auto route = g.routes.match(req.target);
  if (!route)
    co_return error_response(404, "Not Found");
  if (route->upstreams.empty())
    co_return error_response(503, "Service Unavailable");
  co_return co_await forward(req, *route, *g.pool);
}

awaitable<void> client_session(tcp::socket socket, gateway &g) {
  net::streambuf buffer;
  for (;;) {
    auto req = co_await read_request(socket, buffer);
    if (!req)
      break;
    http_response res;
    try {
      res = co_await handle(*req, g);
    } catch (const std::exception &e) {
      ++g.failures;
      res = error_response(500, e.what());
    }
    auto [ec, n] = co_await net::async_write(socket, net::buffer(res.serialize()), nothrow);
    if (ec || !req->keep_alive())
      break;
  }
  error_code ignored;
  socket.shutdown(tcp::socket::shutdown_both, ignored);
}

awaitable<void> accept_loop(tcp::acceptor acceptor, gateway &g) {
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(nothrow);
    if (ec) {
      if (ec == net::error::operation_aborted)
        co_return;
      co_await delay(10ms);
      continue;
    }
    co_spawn(acceptor.get_executor(), client_session(std::move(socket), g),
             [&g](std::exception_ptr e) {
               if (e)
                 ++g.failures;
             });
  }
}

//----------------------------------------------------------------------------
// Background work: health checks and configuration reloads.

awaitable<bool> probe(upstream_address where, std::chrono::milliseconds limit) {
  auto ex = co_await net::this_coro::executor;
  tcp::resolver resolver(ex);
  tcp::socket socket(ex);
  auto connect = [&]() -> awaitable<bool> {
    auto [rec, endpoints] = co_await resolver.async_resolve(where.host, where.port, nothrow);
    if (rec)
      co_return false;
    auto [cec, ep] = co_await net::async_connect(socket, endpoints, nothrow);
    co_return !cec;
  };
  auto outcome = co_await (connect() || delay(limit));
  co_return outcome.index() == 0 && std::get<0>(outcome);
}

awaitable<void> health_checks(gateway &g, std::chrono::seconds every) {
  net::steady_timer timer(co_await net::this_coro::executor);
  for (;;) {
    timer.expires_after(every);
    co_await timer.async_wait(use_awaitable);
    auto routes = g.routes.snapshot();
    for (auto &r : routes) {
      std::vector<upstream_address> healthy;
      for (const auto &u : r.upstreams)
        if (co_await probe(u, 500ms))
          healthy.push_back(u);
      r.upstreams = std::move(healthy);
    }
    g.routes.replace(std::move(routes));
  }
}

awaitable<void> fan_out_probes(std::vector<upstream_address> upstreams) {
  auto ex = co_await net::this_coro::executor;
  using op_type = decltype(co_spawn(ex, probe({}, 100ms), net::deferred));
  std::vector<op_type> ops;
  for (const auto &u : upstreams)
    ops.push_back(co_spawn(ex, probe(u, 100ms), net::deferred));
  auto [order, exceptions, results] =
      co_await net::experimental::make_parallel_group(std::move(ops))
          .async_wait(net::experimental::wait_for_all(), use_awaitable);
  std::size_t up = 0;
  for (std::size_t i = 0; i < results.size(); ++i)
    if (!exceptions[i] && results[i])
      ++up;
  std::cout << up << "/" << upstreams.size() << " upstreams reachable\n";
}

awaitable<void> reload_routes(gateway &g, std::string path,
                              std::chrono::seconds every) {
  net::steady_timer timer(co_await net::this_coro::executor);
  for (;;) {
    // BUG: std::ifstream reads the file on the executor's thread.
    std::ifstream in(path);
    if (in)
      g.routes.replace(parse_routes(in));
    timer.expires_after(every);
    co_await timer.async_wait(use_awaitable);
  }
}

awaitable<void> access_log(net::experimental::channel<void(error_code, std::string)> &lines) {
  for (;;) {
    auto [ec, line] = co_await lines.async_receive(nothrow);
    if (ec)
      co_return;
    std::cout << line << '\n';
  }
}

int main(int argc, char **argv) {
  net::io_context io;
  gateway g;
  g.pool = std::make_unique<connection_pool>(io.get_executor());
  std::istringstream defaults("/api backend:8080 backend2:8080\n/static files:80\n");
  g.routes.replace(parse_routes(defaults));
  net::experimental::channel<void(error_code, std::string)> log_lines(io, 1024);
  co_spawn(io, accept_loop(tcp::acceptor(io, {tcp::v4(), 8080}), g), detached);
  co_spawn(io, health_checks(g, 15s), detached);
  co_spawn(io, g.pool->drain_idle(30s), detached);
  co_spawn(io, access_log(log_lines), detached);
  if (argc > 1)
    co_spawn(io, reload_routes(g, argv[1], 10s), detached);
  co_spawn(io, fan_out_probes({{"backend", "8080"}, {"backend2", "8080"}}), detached);
  net::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](error_code, int) { io.stop(); });
  io.run();
}
