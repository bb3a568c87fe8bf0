// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
#include "task.h"
#include <mutex>

std::mutex m;

// Types annotated for clang's thread-safety analysis are recognised without options.
class __attribute__((capability("mutex"))) SpinMutex {
public:
  void lock() __attribute__((acquire_capability()));
  void unlock() __attribute__((release_capability()));
};
class __attribute__((scoped_lockable)) SpinGuard {
public:
  explicit SpinGuard(SpinMutex &m) __attribute__((acquire_capability(m)));
  ~SpinGuard() __attribute__((release_capability()));
};
SpinMutex spin;
demo::task<> f() {
  SpinGuard g(spin);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: lock 'g' (SpinGuard) on blocking mutex 'spin' {{.*}} [coro-lock-across-suspend]
  co_await demo::next_event();
}
demo::task<> manual() {
  spin.lock();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: blocking mutex 'spin' (SpinMutex) locked here {{.*}} [coro-lock-across-suspend]
  co_await demo::next_event();
  spin.unlock();
}
