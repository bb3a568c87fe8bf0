// RUN: %check_clang_tidy %s coro-unchecked-spawn %t -- -- -I %inputs
// Templates are checked through their instantiations, and each source
// location is reported once however often it is instantiated.
#include "coro/coro.hpp"
#include <thread>

coro::task<void> background();
void work();

template <typename Scheduler> void spawn_on(Scheduler &scheduler) {
  scheduler.spawn(background());
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the bool returned by 'coro::thread_pool::spawn' is ignored: a task that could not be scheduled is silently dropped [guide §4.2] [coro-unchecked-spawn]
}

template <typename T> void detach_worker() {
  std::thread(work).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'std::thread::detach' leaves no way
}

// Never instantiated and dependent: nothing is known about `scheduler`.
template <typename Scheduler> void never_used(Scheduler &scheduler) {
  scheduler.spawn(background());
}

void instantiate(coro::thread_pool &pool, coro::io_scheduler &io) {
  spawn_on(pool);
  spawn_on(io);
  detach_worker<int>();
  detach_worker<char>();

  auto generic = [](auto &scheduler) {
    scheduler.spawn(background());
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: the bool returned by 'coro::thread_pool::spawn' is ignored
  };
  generic(pool);
  generic(io);
}
