// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- -I %inputs
// RUN: %check_clang_tidy -fix-notes -check-suffix=NOTEFIX %s coro-blocking-call %t -- -- -I %inputs
// A replacement is offered only where it is mechanical: not through macros
// and not where co_await may not appear; the warning stays.
#include "folly/coro/Task.h"
#include <chrono>
#include <stdexcept>
#include <thread>

using namespace std::chrono_literals;

#define NAP() std::this_thread::sleep_for(1s)
#define DELAY 5ms

folly::coro::Task<void> macros() {
  NAP();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-6]]:15: note: expanded from macro 'NAP'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: await 'folly::coro::sleep' instead of sleeping
  // CHECK-NOTES: :[[@LINE-8]]:15: note: expanded from macro 'NAP'
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-5]]:3: warning: 'std::this_thread::sleep_for' blocks
  // CHECK-FIXES-NOTEFIX: {{^}}  NAP();{{$}}
  std::this_thread::sleep_for(DELAY);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await 'folly::coro::sleep' instead of sleeping
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: 'std::this_thread::sleep_for' blocks
  // CHECK-FIXES-NOTEFIX: {{^}}  std::this_thread::sleep_for(DELAY);{{$}}
  co_return;
}

folly::coro::Task<void> in_handler(folly::coro::Task<void> work) {
  try {
    co_await std::move(work);
  } catch (const std::runtime_error &) {
    std::this_thread::sleep_for(10ms);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: await 'folly::coro::sleep' instead of sleeping
    // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:5: warning: 'std::this_thread::sleep_for' blocks
    // CHECK-FIXES-NOTEFIX: {{^}}    std::this_thread::sleep_for(10ms);{{$}}
  }
  // After the handler co_await is allowed again.
  std::this_thread::sleep_for(20ms);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await 'folly::coro::sleep' instead of sleeping
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: 'std::this_thread::sleep_for' blocks
  // CHECK-FIXES-NOTEFIX: {{^}}  co_await folly::coro::sleep(20ms);{{$}}
}
