// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- -I %inputs
// Every sleep family member inside a coroutine of a task type whose runtime
// corolint does not know: the note names the replacement, no fix-it.
#include "task.h"
#include <chrono>
#include <thread>
#include <time.h>
#include <unistd.h>

using namespace std::chrono_literals;

demo::task<> sleep_for_in_loop() {
  for (int i = 0; i < 3; ++i) {
    std::this_thread::sleep_for(100ms);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: await your runtime's timer instead of sleeping
    co_await demo::next_event();
  }
}

demo::task<> sleep_until_deadline() {
  std::this_thread::sleep_until(std::chrono::steady_clock::now() + 1s);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_until' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await your runtime's timer instead of sleeping
  co_await demo::next_event();
}

demo::task<int> posix_sleeps() {
  sleep(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'sleep' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await your runtime's timer instead of sleeping
  ::usleep(500);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'usleep' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await your runtime's timer instead of sleeping
  timespec ts{0, 1000};
  int rc = nanosleep(&ts, nullptr) + clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, nullptr);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'nanosleep' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:12: note: await your runtime's timer instead of sleeping
  // CHECK-NOTES: :[[@LINE-3]]:38: warning: 'clock_nanosleep' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-4]]:38: note: await your runtime's timer instead of sleeping
  co_return rc + co_await demo::compute();
}

// The sleep is reached before the first co_await, and in a generator too:
// it is still the coroutine's thread that sleeps. A generator that only
// yields runs on its consumer's thread, not on an executor: the message says
// so (issue 15: it used to claim that an executor stalls).
demo::generator<int> ticks() {
  using namespace std::this_thread;
  sleep_for(1ms);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread that iterates this synchronous generator; its consumer waits until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: a synchronous generator cannot await: do the blocking work before iterating it, or make it an asynchronous generator
  co_yield 1;
}

// A function that sleeps is fine when it is not a coroutine.
void plain_function() { std::this_thread::sleep_for(1s); }
