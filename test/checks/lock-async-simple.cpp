// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
// async_simple (lookalike headers with its public API): SpinLock::lock()
// spins on the thread, so a std::lock_guard<SpinLock> is a blocking lock;
// coLock() is its awaitable form, and coro::Mutex is an async mutex.
#include "async_simple/coro/Lazy.h"
#include "async_simple/coro/Mutex.h"
#include "async_simple/coro/SpinLock.h"
#include <mutex>

async_simple::coro::Lazy<int> fetch();

async_simple::coro::SpinLock spin;
async_simple::coro::Mutex mutex;

async_simple::coro::Lazy<int> guarded_by_spinlock() {
  std::lock_guard<async_simple::coro::SpinLock> guard(spin);
  // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: lock 'guard' (std::lock_guard<async_simple::coro::SpinLock>) {{.*}} [coro-lock-across-suspend]
  co_return co_await fetch();
}

async_simple::coro::Lazy<int> manual_spinlock() {
  spin.lock();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: blocking mutex 'spin' (async_simple::coro::SpinLock) locked here may be held across a suspension point{{.*}} [coro-lock-across-suspend]
  int v = co_await fetch();
  spin.unlock();
  co_return v;
}

async_simple::coro::Lazy<int> awaited_locks() {
  co_await spin.coLock();
  int v = co_await fetch();
  spin.unlock();
  std::unique_lock<async_simple::coro::Mutex> held(mutex, std::adopt_lock);
  v += co_await fetch();
  co_return v;
}
