// RUN: %check_clang_tidy %s coro-unbounded-channel %t -- -- %asio_flags
// Standalone Asio 1.22: a per-connection std::deque, std::queue or std::list
// used as a message queue between coroutines is a channel without capacity.
// One member function pushes and wakes the consumer, a coroutine loop of the
// same class awaits a write and pops. Unless the class compares the size with
// a limit, a slow peer or a flood grows it without limit.
#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <asio/experimental/channel.hpp>
#include <chrono>
#include <deque>
#include <list>
#include <memory>
#include <queue>
#include <string>

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

// The shape of Asio's own chat server example (cpp20/coroutines): a timer
// that never expires by itself, cancelled to wake the writer.
class chat_session : public std::enable_shared_from_this<chat_session> {
public:
  explicit chat_session(tcp::socket socket)
      : socket_(std::move(socket)), timer_(socket_.get_executor()) {
    timer_.expires_at(std::chrono::steady_clock::time_point::max());
  }

  void deliver(const std::string &msg) {
    write_msgs_.push_back(msg);
    // CHECK-NOTES: :[[@LINE-1]]:17: warning: messages pushed here are never bounded: a slow consumer or a flood grows 'write_msgs_' without limit [guide §3.3] [coro-unbounded-channel]
    timer_.cancel_one();
    // CHECK-NOTES: :[[@LINE-1]]:12: note: the consumer is woken here
  }

private:
  awaitable<void> writer() {
    try {
      while (socket_.is_open()) {
        if (write_msgs_.empty()) {
          asio::error_code ec;
          co_await timer_.async_wait(asio::redirect_error(use_awaitable, ec));
        } else {
          co_await asio::async_write(socket_, asio::buffer(write_msgs_.front()),
                                     use_awaitable);
          // CHECK-NOTES: :[[@LINE-2]]:11: note: and drains the queue one await at a time; compare its size() with a limit before pushing, and drop, reject or wait when it is full
          write_msgs_.pop_front();
        }
      }
    } catch (std::exception &) {
      socket_.close();
    }
  }

  tcp::socket socket_;
  asio::steady_timer timer_;
  std::deque<std::string> write_msgs_;
};

// An MQTT-broker-like subscriber: a std::list of packets, the writer woken by
// setting its timer to the earliest time point; it pops before it writes.
struct packet {
  std::string bytes;
};
class subscriber {
public:
  explicit subscriber(tcp::socket s)
      : socket_(std::move(s)), signal_(socket_.get_executor()) {}

  void publish(packet p) {
    if (!socket_.is_open())
      return;
    queue_.emplace_back(std::move(p));
    // CHECK-NOTES: :[[@LINE-1]]:12: warning: messages pushed here are never bounded: a slow consumer or a flood grows 'queue_' without limit
    signal_.expires_at(asio::steady_timer::time_point::min());
    // CHECK-NOTES: :[[@LINE-1]]:13: note: the consumer is woken here
  }

  awaitable<void> send_loop() {
    for (;;) {
      while (queue_.empty()) {
        signal_.expires_at(asio::steady_timer::time_point::max());
        auto [ec] = co_await signal_.async_wait(asio::experimental::as_tuple(use_awaitable));
        if (!socket_.is_open())
          co_return;
      }
      packet next = std::move(queue_.front());
      queue_.pop_front();
      auto [ec, n] = co_await asio::async_write(
          socket_, asio::buffer(next.bytes), asio::experimental::as_tuple(use_awaitable));
      // CHECK-NOTES: :[[@LINE-2]]:22: note: and drains the queue one await
      if (ec)
        co_return;
    }
  }

private:
  tcp::socket socket_;
  asio::steady_timer signal_;
  std::list<packet> queue_;
};

// A websocket-like session: a std::queue, the writer woken through a channel.
class ws_session {
  using wake_channel = asio::experimental::channel<void(asio::error_code, bool)>;

public:
  explicit ws_session(tcp::socket s)
      : socket_(std::move(s)), wake_(socket_.get_executor(), 1) {}

  void send(std::string text) {
    outbox_.push(std::move(text));
    // CHECK-NOTES: :[[@LINE-1]]:13: warning: messages pushed here are never bounded: a slow consumer or a flood grows 'outbox_' without limit
    (void)wake_.try_send(asio::error_code{}, true);
    // CHECK-NOTES: :[[@LINE-1]]:17: note: the consumer is woken here
  }

  awaitable<void> write_loop() {
    while (true) {
      co_await wake_.async_receive(use_awaitable);
      while (!outbox_.empty()) {
        co_await asio::async_write(socket_, asio::buffer(outbox_.front()),
                                   use_awaitable);
        // CHECK-NOTES: :[[@LINE-2]]:9: note: and drains the queue one await
        outbox_.pop();
      }
    }
  }

private:
  tcp::socket socket_;
  wake_channel wake_;
  std::queue<std::string> outbox_;
};

// Negative: the push is guarded by a limit; the message is dropped when full.
class bounded_session {
public:
  explicit bounded_session(tcp::socket s)
      : socket_(std::move(s)), timer_(socket_.get_executor()) {}

  void deliver(const std::string &msg) {
    if (write_msgs_.size() >= max_queued)
      return;
    write_msgs_.push_back(msg);
    timer_.cancel_one();
  }

  awaitable<void> writer() {
    while (socket_.is_open()) {
      if (write_msgs_.empty()) {
        asio::error_code ec;
        co_await timer_.async_wait(asio::redirect_error(use_awaitable, ec));
        continue;
      }
      co_await asio::async_write(socket_, asio::buffer(write_msgs_.front()),
                                 use_awaitable);
      write_msgs_.pop_front();
    }
  }

private:
  static constexpr std::size_t max_queued = 1024;
  tcp::socket socket_;
  asio::steady_timer timer_;
  std::deque<std::string> write_msgs_;
};

// Negative: Asio's chat room keeps the last 100 messages; it drops the oldest
// after each push (a bound), and nothing drains it in an awaiting loop.
class chat_room {
public:
  void deliver(const std::string &msg) {
    recent_msgs_.push_back(msg);
    while (recent_msgs_.size() > max_recent_msgs)
      recent_msgs_.pop_front();
  }

private:
  enum { max_recent_msgs = 100 };
  std::deque<std::string> recent_msgs_;
};

// Negative: pushed and woken, but drained synchronously, not by a coroutine.
class history {
public:
  explicit history(asio::io_context &ctx) : timer_(ctx) {}
  void add(std::string line) {
    lines_.push_back(std::move(line));
    timer_.cancel();
  }
  void flush(std::string &out) {
    while (!lines_.empty()) {
      out += lines_.front();
      lines_.pop_front();
    }
  }

private:
  asio::steady_timer timer_;
  std::deque<std::string> lines_;
};

// Negative: drained by an awaiting loop, but no push wakes a consumer (the
// loop polls); a queue with no wake-up is not the channel shape.
class poller {
public:
  explicit poller(tcp::socket s)
      : socket_(std::move(s)), timer_(socket_.get_executor()) {}
  void enqueue(std::string m) { pending_.push_back(std::move(m)); }
  awaitable<void> drain() {
    for (;;) {
      timer_.expires_after(std::chrono::milliseconds(10));
      co_await timer_.async_wait(use_awaitable);
      while (!pending_.empty()) {
        co_await asio::async_write(socket_, asio::buffer(pending_.front()),
                                   use_awaitable);
        pending_.pop_front();
      }
    }
  }

private:
  tcp::socket socket_;
  asio::steady_timer timer_;
  std::deque<std::string> pending_;
};

// Negative: a local deque is not shared between coroutines.
awaitable<void> send_all(tcp::socket &socket, asio::steady_timer &timer) {
  std::deque<std::string> local{"a", "b"};
  local.push_back("c");
  timer.cancel();
  while (!local.empty()) {
    co_await asio::async_write(socket, asio::buffer(local.front()),
                               use_awaitable);
    local.pop_front();
  }
}
