// RUN: %check_clang_tidy %s coro-discarded-task %t -- -- -I %inputs
// RUN: %check_clang_tidy -check-suffix=COMPILER %s coro-discarded-task,clang-diagnostic-unused-result %t -- -- -I %inputs
// A dropped std::future of std::async blocks in its destructor. libstdc++
// declares std::async [[nodiscard]]: when clang-tidy shows clang's own
// -Wunused-result warning, this check stays quiet at that place.
#include "task.h"
#include <future>

int work();

void fire_and_wait() {
  std::async(std::launch::async, work);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the std::future returned by std::async is discarded: its destructor blocks until the task finishes [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: keep the future so the work runs concurrently, and wait for it where its result is needed
  // CHECK-MESSAGES-COMPILER: :[[@LINE-3]]:3: warning: ignoring return value of function declared with 'nodiscard' attribute [clang-diagnostic-unused-result]
}

// Inside a coroutine the blocking destructor stalls the executor thread; a
// std::future cannot be awaited, so the note offers no `co_await`.
demo::task<> in_coroutine() {
  std::async([] { return work(); });
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the std::future returned by std::async is discarded: its destructor blocks until the task finishes [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: keep the future so the work runs concurrently, and wait for it where its result is needed
  // CHECK-MESSAGES-COMPILER: :[[@LINE-3]]:3: warning: ignoring return value of function declared with 'nodiscard' attribute [clang-diagnostic-unused-result]
  co_return;
}

int kept() {
  auto first = std::async(std::launch::async, work);
  auto second = std::async(std::launch::async, work);
  return first.get() + second.get();
}
