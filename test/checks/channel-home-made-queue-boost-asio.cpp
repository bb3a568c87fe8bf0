// RUN: %check_clang_tidy %s coro-unbounded-channel %t
// Boost.Asio 1.81: the home-made queue of Boost's chat server example
// (cpp20/coroutines), a session class template, and a bounded twin.
#include <boost/asio.hpp>
#include <boost/asio/experimental/channel.hpp>
#include <chrono>
#include <deque>
#include <queue>
#include <string>

namespace net = boost::asio;
using net::awaitable;
using net::use_awaitable;
using net::ip::tcp;

class chat_session {
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

  awaitable<void> writer() {
    while (socket_.is_open()) {
      if (write_msgs_.empty()) {
        boost::system::error_code ec;
        co_await timer_.async_wait(net::redirect_error(use_awaitable, ec));
      } else {
        co_await net::async_write(socket_, net::buffer(write_msgs_.front()),
                                  use_awaitable);
        // CHECK-NOTES: :[[@LINE-2]]:9: note: and drains the queue one await at a time; compare its size() with a limit before pushing, and drop, reject or wait when it is full
        write_msgs_.pop_front();
      }
    }
  }

private:
  tcp::socket socket_;
  net::steady_timer timer_;
  std::deque<std::string> write_msgs_;
};

// A class template, its writer woken by a channel's async_send from a
// lambda posted to the session's executor: push and wake share that lambda.
template <typename Message> class session {
  using signal = net::experimental::channel<void(boost::system::error_code, int)>;

public:
  explicit session(tcp::socket s)
      : socket_(std::move(s)), wake_(socket_.get_executor(), 1) {}

  void send(Message m) {
    net::post(socket_.get_executor(), [this, m = std::move(m)]() mutable {
      outbox_.push(std::move(m));
      // CHECK-NOTES: :[[@LINE-1]]:15: warning: messages pushed here are never bounded: a slow consumer or a flood grows 'outbox_' without limit
      wake_.async_send(boost::system::error_code{}, 0, net::detached);
      // CHECK-NOTES: :[[@LINE-1]]:13: note: the consumer is woken here
    });
  }

  awaitable<void> run() {
    for (;;) {
      co_await wake_.async_receive(use_awaitable);
      while (!outbox_.empty()) {
        co_await net::async_write(socket_, net::buffer(outbox_.front()),
                                  use_awaitable);
        // CHECK-NOTES: :[[@LINE-2]]:9: note: and drains the queue one await
        outbox_.pop();
      }
    }
  }

private:
  tcp::socket socket_;
  signal wake_;
  std::queue<Message> outbox_;
};

void start(session<std::string> &s) {
  s.send("hello");
  net::co_spawn(net::system_executor(), s.run(), net::detached);
}

// Negative: the same session with a bound compared against max_size-like
// limit in a helper: a full queue rejects the message.
class limited_session {
public:
  explicit limited_session(tcp::socket socket)
      : socket_(std::move(socket)), timer_(socket_.get_executor()) {}

  bool full() const { return write_msgs_.size() == limit_; }

  bool deliver(const std::string &msg) {
    if (full())
      return false;
    write_msgs_.push_back(msg);
    timer_.cancel_one();
    return true;
  }

  awaitable<void> writer() {
    while (socket_.is_open()) {
      if (write_msgs_.empty()) {
        boost::system::error_code ec;
        co_await timer_.async_wait(net::redirect_error(use_awaitable, ec));
        continue;
      }
      co_await net::async_write(socket_, net::buffer(write_msgs_.front()),
                                use_awaitable);
      write_msgs_.pop_front();
    }
  }

private:
  std::size_t limit_ = 256;
  tcp::socket socket_;
  net::steady_timer timer_;
  std::deque<std::string> write_msgs_;
};
