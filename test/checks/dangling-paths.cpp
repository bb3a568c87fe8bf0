// RUN: %check_clang_tidy %s coro-dangling-reference %t -- -- -I %inputs
// A local dies on some path before anything waits for the escaped task:
// early returns, breaks, later loop iterations, throws; and the paths where
// the wait comes first.
#include "coro/coro.hpp"
#include <string>
#include <thread>

coro::task<> use(const std::string &s) { co_return; }
bool failed();

void early_return(coro::thread_pool &tp) {
  std::string s = "a";
  tp.spawn(use(s));
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 's' is bound to parameter 's' of coroutine 'use', but the task is spawned and may run after 's' dies
  if (failed())
    return; // s dies here on this path only
  coro::sync_wait(use(s));
}

void waits_first(coro::thread_pool &tp) {
  std::string s = "b";
  tp.spawn(use(s));
  coro::sync_wait(use(s));
  if (failed())
    return;
}

void throws_first(coro::thread_pool &tp) {
  std::string s = "c";
  tp.spawn(use(s));
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 's' is bound to parameter 's' of coroutine 'use'
  if (failed())
    throw 1;
  coro::sync_wait(use(s));
}

void break_leaves_loop_body(coro::thread_pool &tp, int n) {
  while (n--) {
    std::string s = "d";
    tp.spawn(use(s));
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 's' is bound to parameter 's' of coroutine 'use'
    if (failed())
      break;
    coro::sync_wait(use(s));
  }
}

void break_stays_in_scope(coro::thread_pool &tp, int n) {
  std::string s = "e";
  while (n--) {
    tp.spawn(use(s));
    if (failed())
      break; // leaves the loop, not the scope of s
  }
  coro::sync_wait(use(s));
}

void later_iteration_returns(coro::thread_pool &tp, int n) {
  std::string s = "f";
  for (int i = 0; i < n; ++i) {
    if (failed())
      return; // the second turn may leave before the wait below
    tp.spawn(use(s));
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 's' is bound to parameter 's' of coroutine 'use'
  }
  coro::sync_wait(use(s));
}

void spawned_in_a_branch(coro::thread_pool &tp, bool fast) {
  std::string s = "g";
  if (fast) {
    tp.spawn(use(s));
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 's' is bound to parameter 's' of coroutine 'use'
  }
}

void joined(coro::thread_pool &tp, std::thread &worker) {
  std::string s = "h";
  tp.spawn(use(s));
  worker.join();
}

void range_for_variable(coro::thread_pool &tp, const std::string (&words)[3]) {
  for (std::string w : words)
    tp.spawn(use(w));
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'w' is bound to parameter 's' of coroutine 'use'
  for (const std::string &w : words)
    tp.spawn(use(w)); // refers to the caller's array: not a local
}

void goto_is_unclear(coro::thread_pool &tp) {
  std::string s = "i";
  tp.spawn(use(s));
  goto done;
done:
  coro::sync_wait(use(s));
}

coro::task<> coroutine_caller(coro::thread_pool &tp) {
  std::string s = "j";
  tp.spawn(use(s));
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 's' is bound to parameter 's' of coroutine 'use'
  co_await tp.schedule();
}
