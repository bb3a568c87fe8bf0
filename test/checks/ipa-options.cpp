// RUN: %check_clang_tidy %s coro-blocking-call %t -- \
// RUN:   -config="{CheckOptions: {coro-blocking-call.FollowCalls: false}}" -- -I %inputs
// RUN: %check_clang_tidy -check-suffix=DEPTH1 %s coro-blocking-call %t -- \
// RUN:   -config="{CheckOptions: {coro-blocking-call.MaxCallDepth: 1}}" -- -I %inputs
// FollowCalls: false reports direct calls only; MaxCallDepth: 1 follows one
// helper deep.
#include "task.h"
#include <chrono>
#include <thread>

using namespace std::chrono_literals;

void nap() { std::this_thread::sleep_for(1ms); }
void nap_twice() {
  nap();
  nap();
}

demo::task<> options() {
  nap();
  // CHECK-MESSAGES-DEPTH1: :[[@LINE-1]]:3: warning: 'nap' may block the thread that runs this coroutine: 'std::this_thread::sleep_for' blocks within it; {{.*}} [coro-blocking-call]
  nap_twice();
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread that runs this coroutine
  // CHECK-MESSAGES-DEPTH1: :[[@LINE-2]]:3: warning: 'std::this_thread::sleep_for' blocks the thread that runs this coroutine
  co_await demo::next_event();
}
