// One finding per corolint check, so that every citation is read from a real
// diagnostic. A new check adds its trigger here.
#include "task.h"
#include "folly/coro/Task.h"
#include <mutex>
#include <thread>

std::mutex m;

demo::task<> lock_across_suspend() {
  std::lock_guard g(m);
  co_await demo::next_event();
}

demo::task<> blocking_call() {
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  co_await demo::next_event();
}

void discarded_task() { demo::compute(); }

void unchecked_spawn(std::thread &t) { t.detach(); }

folly::coro::UnboundedQueue<int> unbounded_channel;

thread_local int t_depth;
demo::task<> thread_local_across_suspend() {
  int &depth = t_depth;
  ++depth;
  co_await demo::next_event();
  --depth;
}

folly::coro::Task<void> dangling_reference(const int &n);
folly::coro::Task<void> stores_a_temporary() {
  auto t = dangling_reference(1);
  co_await std::move(t);
}
