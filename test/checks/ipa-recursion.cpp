// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- -I %inputs
// Recursive helpers: the search ends, and what one search learns about a
// helper on a cycle stays right for later callers.
#include "task.h"
#include <chrono>
#include <thread>

using namespace std::chrono_literals;

// Self-recursion that never blocks.
int depth(int n) { return n == 0 ? 0 : 1 + depth(n - 1); }

// Self-recursion that blocks at the bottom.
void backoff(int attempts) {
  if (attempts == 0) {
    std::this_thread::sleep_for(10ms);
    return;
  }
  backoff(attempts - 1);
}

// Mutual recursion that never blocks.
bool is_odd(unsigned n);
bool is_even(unsigned n) { return n == 0 || is_odd(n - 1); }
bool is_odd(unsigned n) { return n != 0 && is_even(n - 1); }

// Mutual recursion where only one side blocks: searching 'ping' first goes
// through 'pong' back to 'ping', which is still being searched.
void pong(int n);
void ping(int n) {
  pong(n);
  std::this_thread::sleep_for(1ms);
}
void pong(int n) {
  if (n > 0)
    ping(n - 1);
}

demo::task<> recursive_helpers() {
  depth(3);
  is_even(4);
  backoff(3);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'backoff' may block the thread that runs this coroutine: 'std::this_thread::sleep_for' blocks within it; {{.*}} [coro-blocking-call]
  // CHECK-NOTES: :16:5: note: 'std::this_thread::sleep_for' blocks here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: make 'backoff' asynchronous
  ping(2);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'ping' may block the thread that runs this coroutine: 'std::this_thread::sleep_for' blocks within it; {{.*}} [coro-blocking-call]
  // CHECK-NOTES: :32:3: note: 'std::this_thread::sleep_for' blocks here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: make 'ping' asynchronous
  pong(2);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'pong' may block the thread that runs this coroutine: 'std::this_thread::sleep_for' blocks within it; {{.*}} [coro-blocking-call]
  // CHECK-NOTES: :36:5: note: 'pong' calls 'ping' here
  // CHECK-NOTES: :32:3: note: 'std::this_thread::sleep_for' blocks here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: make 'pong' asynchronous
  co_await demo::next_event();
}

// A longer cycle, entered in the middle.
void c1(int n);
void c2(int n) { c1(n); }
void c3(int n) { c2(n); }
void c1(int n) {
  if (n)
    c3(n - 1);
}
demo::task<> cycle_without_blocking() {
  c2(5);
  co_await demo::next_event();
}

// A coroutine calling itself creates a task; its body is analysed on its
// own, not followed.
demo::task<> retry(int n) {
  if (n > 0)
    co_await retry(n - 1);
  co_await demo::next_event();
}
