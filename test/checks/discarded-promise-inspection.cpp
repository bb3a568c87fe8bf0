// RUN: %check_clang_tidy %s coro-discarded-task %t -- -- -I %inputs
// Task types nobody listed: a nested promise_type makes a type a coroutine
// return type, and its initial_suspend() tells lazy from eager.
#include <coroutine>
#include <exception>

template <typename Task, typename Start> struct promise_of {
  Task get_return_object() { return {}; }
  Start initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() {}
};

struct awaitable_members {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

namespace home {
struct lazy_job : awaitable_members {
  using promise_type = promise_of<lazy_job, std::suspend_always>;
};
struct eager_job : awaitable_members {
  using promise_type = promise_of<eager_job, std::suspend_never>;
};
struct resume_gate {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
struct gated_job : awaitable_members {
  using promise_type = promise_of<gated_job, resume_gate>;
};

// The promise of a class template's specialization is often never
// instantiated where the task is only declared; its `auto` initial_suspend
// is read from the template.
template <typename T> struct deferred {
  struct promise_type {
    deferred get_return_object() { return {}; }
    auto initial_suspend() noexcept { return std::suspend_always{}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
  struct awaiter : awaitable_members {};
  awaiter operator co_await() const { return {}; }
};

// A lazy type that cannot be awaited (a generator) is still lost work.
template <typename T> struct generator {
  struct promise_type {
    generator get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T) noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
} // namespace home

home::lazy_job lazy();
home::eager_job eager();
home::gated_job gated();
home::deferred<int> deferred();
home::generator<int> numbers();

void discard_them() {
  lazy();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'home::lazy_job' returned by 'lazy' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  eager();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'home::eager_job' returned by 'eager' is discarded: the coroutine runs eagerly and any exception it throws is lost [guide §4.1] [coro-discarded-task]
  gated();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'home::gated_job' returned by 'gated' is discarded: nothing awaits it, so the coroutine may never run and any exception it throws is lost [guide §4.1] [coro-discarded-task]
  deferred();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'home::deferred<int>' returned by 'deferred' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  numbers();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'home::generator<int>' returned by 'numbers' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
}

// The coroutine whose body is analysed also creates such a task.
home::eager_job handler() {
  eager();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'home::eager_job' returned by 'eager' is discarded: the coroutine runs eagerly and any exception it throws is lost [guide §4.1] [coro-discarded-task]
  co_return;
}
