// RUN: %check_clang_tidy %s coro-dangling-reference %t -- -- -I %inputs
// Every finding says where the reference is declared, where the task
// escapes and where the object dies.
#include "cppcoro/task.hpp"
#include "coro/coro.hpp"
#include <string>

// Notes come in the order warning, declaration, escape, death.
cppcoro::task<> count(const std::string &word);
coro::task<> fill(std::string &out) { co_return; }

cppcoro::task<> stored() {
  cppcoro::task<> t = count(std::string("temporary"));
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: a temporary is bound to parameter 'word' of coroutine 'count', but the task is stored and outlives the full-expression: the coroutine will read a dead object [guide §7.9] [coro-dangling-reference]
  // CHECK-NOTES: :9:42: note: take 'word' by value: the coroutine frame keeps a reference parameter as a reference, not as a copy [guide §7.9]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the task is stored here
  co_await t;
}

void spawn_in_loop(coro::thread_pool &tp, int n) {
  for (int i = 0; i < n; ++i) {
    std::string out;
    tp.spawn(fill(out));
    // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'out' is bound to parameter 'out' of coroutine 'fill', but the task is spawned and may run after 'out' dies: the coroutine will read a dead object [guide §7.9] [coro-dangling-reference]
    // CHECK-NOTES: :10:32: note: 'out' is a reference: the coroutine frame keeps the reference, not a copy of the object
    // CHECK-NOTES: :[[@LINE-3]]:5: note: the task is spawned here
  }
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'out' dies here, before anything waits for the task
}

struct Job {
  int id;
  coro::task<> run() { co_return; }
};

void temporary_job(coro::thread_pool &tp) {
  tp.spawn(Job{1}.run());
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: member coroutine 'run' is called on a temporary object, but the task is spawned and outlives the full-expression: 'this' will dangle [guide §7.9] [coro-dangling-reference]
  // CHECK-NOTES: :33:16: note: 'run' keeps 'this' as a pointer to the object it was called on
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the task is spawned here
}

void lambda_at_once(coro::thread_pool &tp, int n) {
  tp.spawn([n]() -> coro::task<> { co_return; }());
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: a capturing lambda coroutine is called at once, but the task is spawned and outlives the full-expression: the closure that holds its captures dies first [guide §7.9] [coro-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:12: note: pass the lambda itself to the spawner instead of calling it, or capture nothing [guide §7.9]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the task is spawned here
}
