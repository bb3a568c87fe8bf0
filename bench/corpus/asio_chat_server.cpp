// Benchmark corpus: a chat server on standalone Asio 1.22 with C++20
// coroutines. Rooms, per-session reader/writer coroutines over a channel,
// heartbeats, an admin console and a shared statistics registry. It mirrors
// how real Asio services are written, including a few of the mistakes
// corolint exists to find (they are marked BUG), so that the checks' reporting
// paths are part of what is measured.
//
// Compile: clang++-22 -std=c++20 -DASIO_HAS_CO_AWAIT=1
//          -DASIO_HAS_STD_COROUTINE=1 -fsyntax-only asio_chat_server.cpp

#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <asio/experimental/awaitable_operators.hpp>
#include <asio/experimental/channel.hpp>

#include <algorithm>
#include <chrono>
#include <deque>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

using asio::awaitable;
using asio::co_spawn;
using asio::detached;
using asio::use_awaitable;
using asio::ip::tcp;
using namespace asio::experimental::awaitable_operators;
using namespace std::chrono_literals;
namespace this_coro = asio::this_coro;

using outbox_channel = asio::experimental::channel<void(asio::error_code, std::string)>;
constexpr auto use_nothrow_awaitable = asio::experimental::as_tuple(use_awaitable);

//----------------------------------------------------------------------------
// Statistics shared by every session (and read by the admin console).

struct stats_registry {
  std::mutex mutex;
  std::map<std::string, long> counters;
  std::map<std::string, std::chrono::steady_clock::duration> latencies;

  void bump(const std::string &name, long by = 1) {
    std::lock_guard<std::mutex> lock(mutex);
    counters[name] += by;
  }

  void record(const std::string &name, std::chrono::steady_clock::duration d) {
    std::lock_guard<std::mutex> lock(mutex);
    auto &slot = latencies[name];
    slot = std::max(slot, d);
  }

  std::string render() {
    std::lock_guard<std::mutex> lock(mutex);
    std::ostringstream out;
    for (const auto &[name, value] : counters)
      out << name << '=' << value << '\n';
    for (const auto &[name, value] : latencies)
      out << name << ".max_us="
          << std::chrono::duration_cast<std::chrono::microseconds>(value).count()
          << '\n';
    return out.str();
  }
};

stats_registry stats;

//----------------------------------------------------------------------------
// Rooms.

class participant {
public:
  virtual ~participant() = default;
  virtual void deliver(const std::string &message) = 0;
  virtual std::string name() const = 0;
};

using participant_ptr = std::shared_ptr<participant>;

class room {
public:
  explicit room(std::string topic) : topic_(std::move(topic)) {}

  void join(participant_ptr p) {
    members_.insert(p);
    for (const auto &message : history_)
      p->deliver(message);
    broadcast("* " + p->name() + " joined " + topic_);
  }

  void leave(participant_ptr p) {
    members_.erase(p);
    broadcast("* " + p->name() + " left " + topic_);
  }

  void broadcast(const std::string &message) {
    history_.push_back(message);
    while (history_.size() > max_history)
      history_.pop_front();
    for (const auto &member : members_)
      member->deliver(message);
    stats.bump("room.messages");
  }

  std::size_t size() const { return members_.size(); }
  const std::string &topic() const { return topic_; }

private:
  static constexpr std::size_t max_history = 100;
  std::string topic_;
  std::set<participant_ptr> members_;
  std::deque<std::string> history_;
};

class lobby {
public:
  room &find_or_create(const std::string &topic) {
    auto it = rooms_.find(topic);
    if (it == rooms_.end())
      it = rooms_.emplace(topic, std::make_unique<room>(topic)).first;
    return *it->second;
  }

  std::vector<std::string> topics() const {
    std::vector<std::string> result;
    for (const auto &[topic, r] : rooms_)
      result.push_back(topic + " (" + std::to_string(r->size()) + ")");
    return result;
  }

private:
  std::map<std::string, std::unique_ptr<room>> rooms_;
};

//----------------------------------------------------------------------------
// Line protocol helpers.

struct command {
  std::string verb;
  std::string argument;
};

std::optional<command> parse_command(std::string_view line) {
  if (line.empty() || line.front() != '/')
    return std::nullopt;
  auto space = line.find(' ');
  command c;
  c.verb = std::string(line.substr(1, space == line.npos ? line.npos : space - 1));
  if (space != line.npos)
    c.argument = std::string(line.substr(space + 1));
  return c;
}

awaitable<std::optional<std::string>> read_line(tcp::socket &socket,
                                                std::string &buffer) {
  auto [ec, n] = co_await asio::async_read_until(
      socket, asio::dynamic_buffer(buffer, 4096), '\n', use_nothrow_awaitable);
  if (ec)
    co_return std::nullopt;
  std::string line = buffer.substr(0, n - 1);
  buffer.erase(0, n);
  if (!line.empty() && line.back() == '\r')
    line.pop_back();
  co_return line;
}

awaitable<bool> write_all(tcp::socket &socket, std::string text) {
  auto [ec, n] = co_await asio::async_write(socket, asio::buffer(text),
                                            use_nothrow_awaitable);
  co_return !ec && n == text.size();
}

awaitable<void> sleep_for(std::chrono::steady_clock::duration d) {
  asio::steady_timer timer(co_await this_coro::executor, d);
  co_await timer.async_wait(use_awaitable);
}

template <typename Op>
awaitable<std::optional<typename Op::value_type>>
with_timeout(Op op, std::chrono::steady_clock::duration limit) {
  auto result = co_await (std::move(op.run) || sleep_for(limit));
  if (result.index() == 0)
    co_return std::get<0>(std::move(result));
  stats.bump("timeouts");
  co_return std::nullopt;
}

struct read_line_op {
  using value_type = std::optional<std::string>;
  awaitable<value_type> run;
};

//----------------------------------------------------------------------------
// Sessions.

class session : public participant,
                public std::enable_shared_from_this<session> {
public:
  session(tcp::socket socket, lobby &l)
      : socket_(std::move(socket)), lobby_(l),
        outbox_(socket_.get_executor(), 64) {}

  void start() {
    co_spawn(socket_.get_executor(),
             [self = shared_from_this()]() -> awaitable<void> {
               co_await (self->reader() || self->writer() || self->heartbeat());
             },
             [self = shared_from_this()](std::exception_ptr e) {
               if (e)
                 stats.bump("session.failed");
               self->stop();
             });
  }

  void deliver(const std::string &message) override {
    if (!outbox_.try_send(asio::error_code{}, message))
      stats.bump("outbox.dropped");
  }

  std::string name() const override { return nick_; }

private:
  awaitable<void> reader() {
    co_await write_all(socket_, "welcome, who are you?\n");
    auto nick = co_await with_timeout(read_line_op{read_line(socket_, input_)}, 30s);
    if (!nick || !*nick)
      co_return;
    nick_ = std::move(**nick);
    current_ = &lobby_.find_or_create("general");
    current_->join(shared_from_this());
    for (;;) {
      auto line = co_await read_line(socket_, input_);
      if (!line)
        break;
      last_seen_ = std::chrono::steady_clock::now();
      if (auto cmd = parse_command(*line)) {
        if (!co_await handle(*cmd))
          break;
        continue;
      }
      auto started = std::chrono::steady_clock::now();
      current_->broadcast(nick_ + ": " + *line);
      stats.record("broadcast", std::chrono::steady_clock::now() - started);
    }
    if (current_)
      current_->leave(shared_from_this());
  }

  awaitable<bool> handle(const command &cmd) {
    if (cmd.verb == "quit") {
      co_await write_all(socket_, "bye\n");
      co_return false;
    }
    if (cmd.verb == "join") {
      current_->leave(shared_from_this());
      current_ = &lobby_.find_or_create(cmd.argument);
      current_->join(shared_from_this());
      co_return true;
    }
    if (cmd.verb == "rooms") {
      std::string listing;
      for (const auto &topic : lobby_.topics())
        listing += topic + "\n";
      co_return co_await write_all(socket_, listing);
    }
    if (cmd.verb == "stats") {
      // BUG: the registry's mutex is held while the reply is written.
      std::lock_guard<std::mutex> lock(stats.mutex);
      std::ostringstream out;
      for (const auto &[name, value] : stats.counters)
        out << name << '=' << value << '\n';
      co_return co_await write_all(socket_, out.str());
    }
    if (cmd.verb == "nick") {
      std::string old = std::exchange(nick_, cmd.argument);
      current_->broadcast("* " + old + " is now " + nick_);
      co_return true;
    }
    co_await write_all(socket_, "unknown command: " + cmd.verb + "\n");
    co_return true;
  }

  awaitable<void> writer() {
    for (;;) {
      auto [ec, message] = co_await outbox_.async_receive(use_nothrow_awaitable);
      if (ec)
        co_return;
      message += '\n';
      if (!co_await write_all(socket_, std::move(message)))
        co_return;
      stats.bump("session.sent");
    }
  }

  awaitable<void> heartbeat() {
    asio::steady_timer timer(socket_.get_executor());
    for (;;) {
      timer.expires_after(10s);
      co_await timer.async_wait(use_awaitable);
      if (std::chrono::steady_clock::now() - last_seen_ > 60s) {
        co_await write_all(socket_, "idle timeout\n");
        co_return;
      }
      deliver("ping");
    }
  }

  void stop() {
    asio::error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_both, ignored);
    socket_.close(ignored);
    outbox_.close();
  }

  tcp::socket socket_;
  lobby &lobby_;
  outbox_channel outbox_;
  std::string input_;
  std::string nick_;
  room *current_ = nullptr;
  std::chrono::steady_clock::time_point last_seen_ = std::chrono::steady_clock::now();
};

//----------------------------------------------------------------------------
// Listener, admin console and bots.

awaitable<void> listener(tcp::acceptor acceptor, lobby &l) {
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(use_nothrow_awaitable);
    if (ec) {
      stats.bump("accept.failed");
      if (ec == asio::error::operation_aborted)
        co_return;
      // BUG: blocks the io_context's thread instead of waiting on a timer.
      std::this_thread::sleep_for(100ms);
      continue;
    }
    socket.set_option(tcp::no_delay(true));
    std::make_shared<session>(std::move(socket), l)->start();
    stats.bump("accept.ok");
  }
}

awaitable<void> admin_session(tcp::socket socket, lobby &l) {
  std::string buffer;
  co_await write_all(socket, "admin> ");
  while (auto line = co_await read_line(socket, buffer)) {
    if (*line == "stats") {
      co_await write_all(socket, stats.render());
    } else if (*line == "rooms") {
      for (const auto &topic : l.topics())
        co_await write_all(socket, topic + "\n");
    } else if (line->rfind("announce ", 0) == 0) {
      auto text = line->substr(9);
      for (const auto &topic : l.topics())
        l.find_or_create(topic.substr(0, topic.find(' '))).broadcast("! " + text);
    } else if (*line == "quit") {
      break;
    } else {
      co_await write_all(socket, "?\n");
    }
    co_await write_all(socket, "admin> ");
  }
}

awaitable<void> admin_listener(tcp::acceptor acceptor, lobby &l) {
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(use_awaitable);
    co_spawn(acceptor.get_executor(), admin_session(std::move(socket), l),
             [](std::exception_ptr e) {
               if (e)
                 stats.bump("admin.failed");
             });
  }
}

awaitable<void> echo_bot(tcp::endpoint server, std::string nick,
                         std::vector<std::string> script) {
  tcp::socket socket(co_await this_coro::executor);
  co_await socket.async_connect(server, use_awaitable);
  std::string buffer;
  co_await read_line(socket, buffer);
  co_await write_all(socket, nick + "\n");
  for (const auto &line : script) {
    co_await write_all(socket, line + "\n");
    co_await sleep_for(250ms);
    if (auto reply = co_await with_timeout(read_line_op{read_line(socket, buffer)}, 5s);
        !reply || !*reply)
      break;
  }
  co_await write_all(socket, "/quit\n");
}

awaitable<void> stats_reporter(std::chrono::seconds every) {
  asio::steady_timer timer(co_await this_coro::executor);
  for (;;) {
    timer.expires_after(every);
    co_await timer.async_wait(use_awaitable);
    std::cout << stats.render() << std::flush;
  }
}

awaitable<void> shutdown_on_signal(asio::io_context &io) {
  asio::signal_set signals(io, SIGINT, SIGTERM);
  auto [ec, number] = co_await signals.async_wait(use_nothrow_awaitable);
  if (!ec)
    std::cerr << "signal " << number << ", shutting down\n";
  io.stop();
}

int main(int argc, char **argv) {
  unsigned short port = argc > 1 ? static_cast<unsigned short>(std::atoi(argv[1])) : 5555;
  asio::io_context io;
  lobby l;
  co_spawn(io, listener(tcp::acceptor(io, {tcp::v4(), port}), l), detached);
  co_spawn(io, admin_listener(tcp::acceptor(io, {asio::ip::address_v4::loopback(),
                                                  static_cast<unsigned short>(port + 1)}), l),
           detached);
  co_spawn(io, stats_reporter(60s), detached);
  co_spawn(io, shutdown_on_signal(io), detached);
  if (argc > 2)
    co_spawn(io,
             echo_bot({asio::ip::address_v4::loopback(), port}, "bot",
                      {"hello", "/rooms", "/join test", "hi", "/stats"}),
             detached);
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i)
    threads.emplace_back([&io] { io.run(); });
  io.run();
  for (auto &t : threads)
    t.join();
}
