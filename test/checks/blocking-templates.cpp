// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- -I %inputs
// Templates are analysed in their instantiations and report each location
// once; lambdas that are coroutines themselves are analysed on their own.
#include "task.h"
#include <chrono>
#include <future>
#include <thread>

using namespace std::chrono_literals;

template <typename T> demo::task<T> wait_for_value(std::future<T> &f) {
  T value = f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::future::get' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  co_await demo::next_event();
  co_return value;
}

// Whether the call blocks depends on T: only depends_on<std::future<int>>
// reports it.
template <typename T> demo::task<> depends_on(T &source) {
  source.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future::get' blocks the thread
  co_await demo::next_event();
}

struct Cheap {
  int get() { return 0; }
};

void instantiate(std::future<int> &a, std::future<long> &b, Cheap &c,
                 std::future<int> &d) {
  wait_for_value(a);
  wait_for_value(b);
  depends_on(c);
  depends_on(d);
}

class Session {
public:
  demo::task<> run();
  demo::task<> idle() { co_await demo::next_event(); }
};

demo::task<> Session::run() {
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread
  co_await idle();
}

void lambdas() {
  // A generic lambda coroutine, called with two argument types.
  auto generic = [](auto delay) -> demo::task<> {
    std::this_thread::sleep_for(delay);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks the thread
    co_await demo::next_event();
  };
  generic(1ms);
  generic(2s);

  // A lambda that is a coroutine runs on an executor even when it is
  // handed to a thread; the enclosing function is no coroutine.
  std::thread t([]() -> demo::task<> {
    std::this_thread::sleep_for(1s);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks the thread
    co_await demo::next_event();
  });
  t.join();
}

// A coroutine lambda inside a coroutine: each reports its own calls.
demo::task<> outer(std::thread &t) {
  auto inner = [&t]() -> demo::task<> {
    t.join();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::thread::join' blocks the thread
    co_await demo::next_event();
  };
  co_await inner();
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread
}
