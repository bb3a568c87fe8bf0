// RUN: %check_clang_tidy %s coro-unbounded-channel %t -- -- -I %inputs
// RUN: %check_clang_tidy -check-suffix=OWN %s coro-unbounded-channel %t -- \
// RUN:   -config="{CheckOptions: {coro-unbounded-channel.QueueContainers: 'acme::fifo', \
// RUN:     coro-unbounded-channel.QueuePushMethods: 'put', coro-unbounded-channel.QueuePopMethods: 'take', \
// RUN:     coro-unbounded-channel.WakeUpMethods: 'kick'}}" -- -I %inputs
// RUN: %check_clang_tidy -check-suffix=OFF %s coro-unbounded-channel %t -- \
// RUN:   -config="{CheckOptions: {coro-unbounded-channel.QueueContainers: ''}}" -- -I %inputs
// Home-made queues with small stand-ins: an event that is set, a condition
// that is notified; `empty()` and a comparison of `size()` with zero are no
// bound. The container, push, pop and wake-up vocabularies are options (the
// second run lists a team's own; the third switches the detector off).
#include "task.h"
#include <deque>
#include <string>

namespace acme {
struct event {
  void set();
  demo::task<> wait();
};
struct condition {
  void notify_one();
  void kick();
  demo::task<> wait();
};
struct connection {
  demo::task<> write(const std::string &);
};
template <typename T> struct fifo {
  void put(T);
  T &front();
  void take();
  bool empty() const;
};
} // namespace acme

class publisher {
public:
  void publish(std::string m) {
    backlog_.push_back(std::move(m));
    // CHECK-NOTES: :[[@LINE-1]]:14: warning: messages pushed here are never bounded: a slow consumer or a flood grows 'backlog_' without limit [guide §3.3] [coro-unbounded-channel]
    ready_.set();
    // CHECK-NOTES: :[[@LINE-1]]:12: note: the consumer is woken here
  }

  demo::task<> pump() {
    for (;;) {
      co_await ready_.wait();
      while (backlog_.size() > 0) {
        co_await conn_.write(backlog_.front());
        // CHECK-NOTES: :[[@LINE-1]]:9: note: and drains the queue one await at a time
        backlog_.pop_front();
      }
    }
  }

private:
  acme::event ready_;
  acme::connection conn_;
  std::deque<std::string> backlog_;
};

// Defined out of line: the class's member functions are found wherever this
// translation unit defines them.
class notifier {
public:
  void post(std::string m);
  demo::task<> pump();

private:
  acme::condition cv_;
  acme::connection conn_;
  std::deque<std::string> pending_;
  acme::fifo<std::string> own_;
};

void notifier::post(std::string m) {
  pending_.emplace_back(m);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: messages pushed here are never bounded: a slow consumer or a flood grows 'pending_' without limit
  cv_.notify_one();
  // CHECK-NOTES: :[[@LINE-1]]:7: note: the consumer is woken here
  own_.put(std::move(m));
  // CHECK-MESSAGES-OWN: :[[@LINE-1]]:8: warning: messages pushed here are never bounded: a slow consumer or a flood grows 'own_' without limit
  cv_.kick();
}

demo::task<> notifier::pump() {
  for (;;) {
    co_await cv_.wait();
    while (!pending_.empty()) {
      co_await conn_.write(pending_.front());
      // CHECK-NOTES: :[[@LINE-1]]:7: note: and drains the queue one await
      pending_.pop_front();
    }
    while (!own_.empty()) {
      co_await conn_.write(own_.front());
      own_.take();
    }
  }
}

// Negative: the wake-up is in another function than the push.
class split {
public:
  void add(std::string m) { q_.push_back(std::move(m)); }
  void wake() { ev_.set(); }
  demo::task<> pump() {
    for (;;) {
      co_await ev_.wait();
      while (!q_.empty()) {
        co_await conn_.write(q_.front());
        q_.pop_front();
      }
    }
  }

private:
  acme::event ev_;
  acme::connection conn_;
  std::deque<std::string> q_;
};
