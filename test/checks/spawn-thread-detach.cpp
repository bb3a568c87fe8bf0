// RUN: %check_clang_tidy %s coro-unchecked-spawn %t -- -- -I %inputs
// A detached thread: nobody learns when it ends, whether it failed, or
// whether it outlived what it uses.
#include "task.h"
#include <thread>

void work();

void detach_named() {
  std::thread t(work);
  t.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::thread::detach' leaves no way to observe the thread's end or failure, or whether it outlives the objects it uses [guide §4.2] [coro-unchecked-spawn]
}

void detach_temporary() {
  std::thread([] { work(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'std::thread::detach' leaves no way
}

void detach_jthread() {
  std::jthread worker(work);
  worker.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::jthread::detach' leaves no way
}

void detach_through_pointer(std::thread *t) {
  if (t->joinable())
    t->detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::thread::detach' leaves no way
}

demo::task<> detach_in_coroutine() {
  std::thread(work).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'std::thread::detach' leaves no way
  co_await demo::next_event();
}

// Joined or owned threads are observed.
void joined() {
  std::thread t(work);
  t.join();
  std::jthread owned(work);
}

void suppressed() {
  std::thread(work).detach(); // NOLINT(coro-unchecked-spawn)
}
