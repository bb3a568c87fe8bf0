// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
// An awaiter whose constructor takes the guard by lvalue reference and moves
// it into itself owns the lock from then on (it unlocks in await_suspend,
// before the coroutine suspends): the coroutine's guard is released. One that
// only keeps the reference, or copies nothing out of it, leaves the lock
// with the coroutine's guard across the suspension.
#include "task.h"
#include <coroutine>
#include <mutex>
#include <utility>

std::mutex m;

// Moves the guard in a member initializer; the body is visible.
struct unlock_and_wait {
  std::unique_lock<std::mutex> lock;
  explicit unlock_and_wait(std::unique_lock<std::mutex> &lk) : lock(std::move(lk)) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) { lock.unlock(); }
  void await_resume() const noexcept {}
};

// Moves the guard in its body.
struct release_on_suspend {
  std::unique_lock<std::mutex> lock;
  release_on_suspend(int, std::unique_lock<std::mutex> &lk) { lock = std::move(lk); }
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) { lock.unlock(); }
  void await_resume() const noexcept {}
};

// Keeps a reference: the coroutine's guard still holds the lock.
struct peek_lock {
  std::unique_lock<std::mutex> &lock;
  explicit peek_lock(std::unique_lock<std::mutex> &lk) : lock(lk) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() const noexcept {}
};

// Declared only: what it does with the guard is not visible.
struct opaque_wait {
  explicit opaque_wait(std::unique_lock<std::mutex> &lk);
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() const noexcept {}
};

demo::task<> moved_in_initializer() {
  std::unique_lock<std::mutex> lk(m);
  co_await unlock_and_wait{lk};
}

demo::task<> moved_in_body() {
  std::unique_lock<std::mutex> lk(m);
  co_await release_on_suspend(1, lk);
}

demo::task<> awaiter_variable() {
  std::unique_lock<std::mutex> lk(m);
  unlock_and_wait w(lk);
  co_await w;
}

demo::task<> reference_kept() {
  std::unique_lock<std::mutex> lk(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: lock 'lk' (std::unique_lock<std::mutex>) on blocking mutex 'm' may be held across a suspension point
  co_await peek_lock{lk};
}

demo::task<> not_visible() {
  std::unique_lock<std::mutex> lk(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: lock 'lk' (std::unique_lock<std::mutex>) on blocking mutex 'm' may be held across a suspension point
  co_await opaque_wait{lk};
}
