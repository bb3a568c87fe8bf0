// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
#include "task.h"
#include <mutex>

std::mutex m;

class Cache {
public:
  demo::task<int> lookup() {
    std::lock_guard g(mutex_);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: lock 'g' (std::lock_guard<std::mutex>) on blocking mutex 'mutex_' {{.*}} [coro-lock-across-suspend]
    co_return co_await demo::compute();
  }
  demo::task<> manual() {
    mutex_.lock();
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: blocking mutex 'mutex_' (std::mutex) locked here {{.*}} [coro-lock-across-suspend]
    co_await demo::next_event();
    this->mutex_.unlock();
  }
  demo::task<> manual_released() {
    mutex_.lock();
    this->mutex_.unlock(); // Same mutex spelled through this->.
    co_await demo::next_event();
  }
  demo::task<> other_mutex_released() {
    mutex_.lock();
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: blocking mutex 'mutex_' {{.*}} [coro-lock-across-suspend]
    other_.unlock(); // A different mutex: mutex_ is still held.
    co_await demo::next_event();
    mutex_.unlock();
  }

private:
  std::mutex mutex_, other_;
};
