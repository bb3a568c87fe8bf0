// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- -I %inputs -pthread
// Blocking waits of the standard library and of POSIX threads.
#include "task.h"
#include <atomic>
#include <barrier>
#include <chrono>
#include <condition_variable>
#include <future>
#include <latch>
#include <mutex>
#include <pthread.h>
#include <semaphore.h>
#include <semaphore>
#include <thread>

using namespace std::chrono_literals;

demo::task<int> futures(std::future<int> f, std::shared_future<int> sf) {
  int v = f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'std::future::get' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  sf.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::shared_future::wait' blocks the thread
  v += sf.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::shared_future::get' blocks the thread
  co_return v + co_await demo::compute();
}

demo::task<> timed_waits(std::future<void> &f, std::shared_future<void> &sf) {
  f.wait_for(50ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future::wait_for' blocks the thread
  f.wait_until(std::chrono::steady_clock::now() + 1s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::future::wait_until' blocks the thread
  // A zero timeout polls and returns at once: not reported.
  if (f.wait_for(0s) == std::future_status::ready ||
      sf.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready ||
      sf.wait_for(std::chrono::seconds{}) == std::future_status::ready)
    co_return;
  co_await demo::next_event();
}

demo::task<> threads(std::thread &t, std::jthread &jt) {
  t.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::thread::join' blocks the thread
  jt.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::jthread::join' blocks the thread
  pthread_join(pthread_self(), nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_join' blocks the thread
  co_await demo::next_event();
}

std::mutex m;
std::condition_variable cv;
std::condition_variable_any cv_any;
bool ready = false;

demo::task<> condition_variables() {
  std::unique_lock<std::mutex> lock(m);
  cv.wait(lock, [] { return ready; });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::condition_variable::wait' blocks the thread
  cv.wait_for(lock, 10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::condition_variable::wait_for' blocks the thread
  cv_any.wait(lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::condition_variable_any::wait' blocks the thread
  lock.unlock();
  co_await demo::next_event();
}

demo::task<> sync_primitives(std::counting_semaphore<8> &slots,
                             std::binary_semaphore &signal, std::latch &done,
                             std::barrier<> &phase, std::atomic<int> &flag) {
  slots.acquire();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::counting_semaphore::acquire' blocks the thread
  signal.acquire();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::counting_semaphore::acquire' blocks the thread
  done.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::latch::wait' blocks the thread
  phase.arrive_and_wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::barrier::arrive_and_wait' blocks the thread
  flag.wait(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::atomic::wait' blocks the thread
  // Non-blocking members of the same classes are fine.
  if (slots.try_acquire())
    slots.release();
  done.count_down();
  (void)phase.arrive();
  co_await demo::next_event();
}

demo::task<> posix_waits(pthread_cond_t *c, pthread_mutex_t *pm, sem_t *s) {
  pthread_cond_wait(c, pm);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_cond_wait' blocks the thread
  sem_wait(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sem_wait' blocks the thread
  sem_post(s);
  co_await demo::next_event();
}
