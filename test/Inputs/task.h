// A hand-written lazy task type, the kind many code bases roll themselves.
#pragma once
#include <coroutine>
#include <exception>
#include <utility>

namespace demo {

template <typename T> struct task;

namespace detail {
struct promise_base {
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() { error = std::current_exception(); }
  std::exception_ptr error;
};
} // namespace detail

template <typename T = void> struct task {
  struct promise_type : detail::promise_base {
    task get_return_object() { return task{}; }
    void return_value(T v) { value = std::move(v); }
    T value{};
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const { return T{}; }
};

template <> struct task<void> {
  struct promise_type : detail::promise_base {
    task get_return_object() { return task{}; }
    void return_void() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

/// An awaitable that always suspends, like a timer or a socket read.
struct event {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

event next_event();
task<int> compute();
task<> flush();

/// A generator-like type whose coroutines co_yield.
template <typename T> struct generator {
  struct promise_type : detail::promise_base {
    generator get_return_object() { return {}; }
    std::suspend_always yield_value(T) noexcept { return {}; }
    void return_void() {}
  };
};

} // namespace demo
