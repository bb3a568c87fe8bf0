// Shared plumbing for the lookalike library headers below: just enough of a
// promise type to make their task types real coroutine return types.
// The lookalikes declare the public API names of folly::coro, cppcoro,
// libcoro, concurrencpp, QCoro, stdexec and seastar; bodies are omitted.
#pragma once
#include <chrono>
#include <coroutine>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>

namespace lookalike {
struct promise_base {
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() {}
};
template <typename Task, typename T> struct value_promise : promise_base {
  Task get_return_object();
  void return_value(T);
};
template <typename Task> struct value_promise<Task, void> : promise_base {
  Task get_return_object();
  void return_void();
};
template <typename T> struct awaiter {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  T await_resume() const;
};
} // namespace lookalike
