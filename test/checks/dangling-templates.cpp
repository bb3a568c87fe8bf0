// RUN: %check_clang_tidy %s coro-dangling-reference %t -- -- -I %inputs
// Coroutine templates, callers that are templates, member coroutines and
// lambdas kept in variables.
#include "coro/coro.hpp"
#include <string>

template <typename T> coro::task<> show(const T &value) { co_return; }

template <typename T> void spawn_show(coro::thread_pool &tp, T value) {
  tp.spawn(show(value));
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'value' is bound to parameter 'value' of coroutine 'show', but the task is spawned and may run after 'value' dies
}

void instantiate(coro::thread_pool &tp) {
  spawn_show(tp, 1);
  spawn_show(tp, std::string("two")); // one finding for both instantiations
  tp.spawn(show(std::string("three")));
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: a temporary is bound to parameter 'value' of coroutine 'show', but the task is spawned
  tp.spawn(show(42));
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: a temporary is bound to parameter 'value' of coroutine 'show', but the task is spawned
}

class Worker {
public:
  coro::task<> loop(const std::string &name) { co_return; }
  coro::task<> start(coro::thread_pool &tp) {
    tp.spawn(loop(name_)); // a member of this: kept alive with the worker
    tp.spawn(loop(name_ + "-2"));
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a temporary is bound to parameter 'name' of coroutine 'loop', but the task is spawned
    co_return;
  }
  static coro::task<> tick(int n) { co_return; }

private:
  std::string name_;
};

void members(coro::thread_pool &tp, Worker &shared) {
  Worker local;
  tp.spawn(local.loop("x"));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: member coroutine 'loop' is called on 'local', but the task is spawned and may run after 'local' dies
  // CHECK-MESSAGES: :[[@LINE-2]]:23: warning: a temporary is bound to parameter 'name' of coroutine 'loop', but the task is spawned
  tp.spawn(Worker::tick(1)); // static: no object
  Worker *p = &shared;
  tp.spawn(p->start(tp)); // through a pointer: not this function's object
}

void lambdas(coro::thread_pool &tp, int n) {
  auto job = [n]() -> coro::task<> { co_return; };
  tp.spawn(job());
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: lambda coroutine 'job' is called, but the task is spawned and may run after the closure 'job' dies: its captures dangle
  auto generic = [&](auto x) -> coro::task<> { (void)n; co_return; };
  tp.spawn(generic(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: lambda coroutine 'generic' is called
  auto empty = []() -> coro::task<> { co_return; };
  tp.spawn(empty()); // no captures: nothing to dangle
}

// Inside a lambda: the lambda's own locals and parameters, not the
// enclosing function's captured ones.
void nested(coro::thread_pool &tp) {
  std::string outer = "o";
  auto body = [&](std::string inner) {
    tp.spawn(show(outer)); // captured: the enclosing function decides
    tp.spawn(show(inner));
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'inner' is bound to parameter 'value' of coroutine 'show'
  };
  body("i");
  coro::sync_wait(show(outer));
}
