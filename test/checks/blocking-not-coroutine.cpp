// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- -I %inputs -pthread
// Negative: blocking calls that do not run on the coroutine's thread, or in
// no coroutine at all. Any corolint diagnostic fails this test.
#include "task.h"
#include <chrono>
#include <functional>
#include <future>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

// Returns a task type but has no co_ keyword: an ordinary function.
demo::task<> not_a_coroutine() {
  std::this_thread::sleep_for(1s);
  return {};
}

// A lambda handed to a thread runs on that thread.
demo::task<> hands_work_to_a_thread() {
  std::thread worker([] {
    std::this_thread::sleep_for(1s);
    ::sleep(1);
  });
  worker.detach();
  co_await demo::next_event();
}

struct ThreadPool {
  void post(std::function<void()> job);
};

// A lambda handed to a pool runs on the pool.
demo::task<> hands_work_to_a_pool(ThreadPool &pool, int fd) {
  char buf[16];
  pool.post([fd, &buf] { ::read(fd, buf, sizeof buf); });
  auto later = std::async(std::launch::async, [] {
    std::this_thread::sleep_for(1s);
    return 1;
  });
  co_await demo::next_event();
  (void)later;
}

// Local classes are other functions too.
demo::task<> local_class() {
  struct Worker {
    void run() { std::this_thread::sleep_for(1s); }
  };
  Worker w;
  (void)w;
  co_await demo::next_event();
}

// Unevaluated operands are never called.
demo::task<> unevaluated(int fd, char *buf) {
  constexpr auto size = sizeof(::read(fd, buf, 1));
  bool nothrow = noexcept(::write(fd, buf, 1));
  (void)nothrow;
  using Ret = decltype(::read(fd, buf, size));
  (void)Ret{};
  co_await demo::next_event();
}

// A zero timeout polls.
demo::task<> polls(std::future<int> &f) {
  while (f.wait_for(0ms) != std::future_status::ready)
    co_await demo::next_event();
}

// Ordinary functions and lambdas may block.
int blocking_helper() {
  std::this_thread::sleep_for(1ms);
  return 1;
}
auto blocking_lambda = [] { std::this_thread::sleep_for(1ms); };
