// RUN: %check_clang_tidy %s coro-discarded-task %t -- -- -I %inputs
// Every task here is awaited, stored, handed on or explicitly ignored: no
// finding (a negative test fails on any corolint diagnostic).
#include "task.h"
#include "cppcoro/task.hpp"
#include "coro/coro.hpp"
#include <exception>
#include <tuple>
#include <utility>
#include <vector>

cppcoro::task<int> fetch(int);
coro::task<> job();
void consume(demo::task<> t);
demo::task<> &cached_task();

demo::task<> awaited() {
  co_await demo::flush();
  int v = co_await demo::compute();
  (void)v;
}

demo::task<> stored_and_awaited_later() {
  auto t = demo::compute();
  demo::task<> f;
  f = demo::flush();
  co_await f;
  co_await t;
}

cppcoro::task<> handed_on() {
  consume(demo::flush());                           // a function argument
  std::vector<cppcoro::task<int>> batch;
  batch.push_back(fetch(1));                        // into a container
  batch.emplace_back(fetch(2));                     // returns a reference
  co_await cppcoro::when_all(std::move(batch));     // awaited together
  co_await cppcoro::when_all(fetch(3), fetch(4));
}

demo::task<> returned() { return demo::flush(); }
demo::task<int> co_returned() { co_return co_await demo::compute(); }

void explicitly_ignored() {
  (void)demo::flush();                              // AllowVoidCast is on
  static_cast<void>(demo::compute());
  std::ignore = demo::flush();
  cached_task();                                    // a reference: nothing dies
}

int blocked_on() {
  coro::io_scheduler scheduler;
  scheduler.spawn(job());                           // handed to a scheduler
  return cppcoro::sync_wait(fetch(5));
}

// A coroutine type that starts eagerly and cannot be awaited is meant to be
// dropped: fire-and-forget handles its own failures.
struct fire_and_forget {
  struct promise_type {
    fire_and_forget get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
};
fire_and_forget log_in_background();
void fire() { log_in_background(); }

// Types that are not coroutine return types.
struct plain_result { int value; };
plain_result compute_now();
void not_tasks() {
  compute_now();
  demo::next_event();                               // an awaitable, not a task
}

// A template that is never instantiated: its dependent pattern is not
// analysed.
template <typename T> void never_instantiated() { demo::task<T>{}; fetch(T{}); }
