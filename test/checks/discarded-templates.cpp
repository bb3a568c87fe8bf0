// RUN: %check_clang_tidy %s coro-discarded-task %t -- -- -I %inputs
// Instantiations are analysed, each source location reported once; the
// dependent pattern is not analysed.
#include "task.h"

template <typename T> demo::task<T> produce();

// Instantiated for int and for long: one report at each location.
template <typename T> demo::task<> refresh() {
  produce<T>();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'demo::task<int>' returned by 'produce' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  demo::flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  co_return;
}

template <typename T> struct cache {
  demo::task<T> load();
  void warm() {
    load();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task 'demo::task<int>' returned by 'load' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  }
};

// A generic lambda coroutine returning a task, instantiated twice.
auto generic_handler = [](auto id) -> demo::task<> {
  produce<decltype(id)>();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'demo::task<int>' returned by 'produce' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  co_return;
};

demo::task<> use_them() {
  co_await refresh<int>();
  co_await refresh<long>();
  cache<int>{}.warm();
  cache<long>{}.warm();
  co_await generic_handler(1);
  co_await generic_handler(2L);
  // Calling the generic lambda and dropping its task.
  generic_handler(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'demo::task<void>' returned by a lambda is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
}

// Never instantiated: nothing is known about T, nothing is reported.
template <typename T> void pattern_only() { produce<T>(); }
