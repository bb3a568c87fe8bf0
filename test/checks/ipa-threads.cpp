// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- -I %inputs -pthread
// Code handed to another thread or pool is not followed: only a lambda
// called where it is written, or through a variable of the same function,
// runs on the coroutine's thread.
#include "task.h"
#include <chrono>
#include <functional>
#include <future>
#include <thread>

using namespace std::chrono_literals;

void compact_index() { std::this_thread::sleep_for(50ms); }

struct ThreadPool {
  void post(std::function<void()> job);
  template <typename F> void submit(F job) { queue_.push_back(std::move(job)); }
  std::vector<std::function<void()>> queue_;
};

// Runs its argument on the calling thread, but corolint cannot know that a
// parameter is not a job for somebody else: not followed.
template <typename F> void run_inline(F f) { f(); }

// The helper is reported where the coroutine calls it, not where a pool
// job does.
demo::task<> maintenance(ThreadPool &pool) {
  pool.post([] { compact_index(); });
  pool.submit([] { compact_index(); });
  std::thread worker([] { compact_index(); });
  worker.detach();
  auto later = std::async(std::launch::async, [] { compact_index(); });
  run_inline([] { compact_index(); });
  compact_index();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'compact_index' may block the thread that runs this coroutine: 'std::this_thread::sleep_for' blocks within it; {{.*}} [coro-blocking-call]
  // CHECK-NOTES: :13:24: note: 'std::this_thread::sleep_for' blocks here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: make 'compact_index' asynchronous
  co_await demo::next_event();
}

// Lambdas that run here.
demo::task<> inline_lambdas(ThreadPool &pool) {
  [] { compact_index(); }();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the lambda may block the thread that runs this coroutine: 'std::this_thread::sleep_for' blocks within it; {{.*}} [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:8: note: the lambda calls 'compact_index' here
  // CHECK-NOTES: :13:24: note: 'std::this_thread::sleep_for' blocks here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: make the lambda asynchronous
  auto step = [&] { compact_index(); };
  step();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the lambda may block the thread that runs this coroutine: 'std::this_thread::sleep_for' blocks within it; {{.*}} [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-3]]:21: note: the lambda calls 'compact_index' here
  // CHECK-NOTES: :13:24: note: 'std::this_thread::sleep_for' blocks here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: make the lambda asynchronous
  // The same lambda handed to a pool, or called by a pool job.
  pool.post(step);
  pool.post([step] { step(); });
  co_await demo::next_event();
}

// Functions that run in no coroutine are not reported at all.
void not_a_coroutine() { compact_index(); }
