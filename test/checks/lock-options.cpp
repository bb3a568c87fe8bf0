// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
// RUN: %check_clang_tidy -check-suffix=CONFIGURED %s coro-lock-across-suspend %t \
// RUN:   -- -config="{CheckOptions: {coro-lock-across-suspend.BlockingMutexTypes: 'my::Mutex', coro-lock-across-suspend.GuardTypes: 'my::Guard;std::lock_guard', coro-lock-across-suspend.NonSuspendingAwaitables: 'my::ready;std::suspend_never'}}" \
// RUN:   -- -I %inputs
// With defaults, a project's own mutex and guard are unknown; configured, they are found.
#include "task.h"
#include <mutex>

namespace my {
struct Mutex { void lock(); void unlock(); };
struct Guard { explicit Guard(Mutex &); ~Guard(); };
demo::event ready();
}
my::Mutex mm;
std::mutex sm;
demo::task<> f() {
  my::Guard g(mm);
  // CHECK-MESSAGES-CONFIGURED: :[[@LINE-1]]:13: warning: lock 'g' (my::Guard) on blocking mutex 'mm' {{.*}} [coro-lock-across-suspend]
  co_await demo::next_event();
}
demo::task<> h() {
  std::lock_guard<my::Mutex> g(mm);
  // CHECK-MESSAGES-CONFIGURED: :[[@LINE-1]]:30: warning: lock 'g' (std::lock_guard<my::Mutex>) {{.*}} [coro-lock-across-suspend]
  co_await demo::next_event();
}
demo::task<> std_mutex_not_listed_when_configured() {
  std::lock_guard<std::mutex> g(sm);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: lock 'g' (std::lock_guard<std::mutex>) {{.*}} [coro-lock-across-suspend]
  co_await demo::next_event();
}
demo::task<> ignored_awaitable() {
  std::lock_guard<my::Mutex> g(mm);
  co_await my::ready(); // Listed in NonSuspendingAwaitables when configured.
}
