// RUN: %check_clang_tidy %s coro-discarded-task %t -- \
// RUN:   -config="{CheckOptions: {coro-discarded-task.LazyTaskTypes: 'home::job', coro-discarded-task.EagerTaskTypes: 'home::started', coro-discarded-task.CancelOnDestroyTypes: 'home::operation', coro-discarded-task.LazyTaskFunctions: 'home::defer', coro-discarded-task.BlockingFutureFunctions: 'home::run_async', coro-discarded-task.IgnoredTypes: 'home::detached', coro-discarded-task.LazyInitialSuspendTypes: 'home::hold', coro-discarded-task.EagerInitialSuspendTypes: 'home::go'}}" \
// RUN:   -- -I %inputs
// Every list is an option; a listed name decides before the promise does.
#include <coroutine>

namespace home {
struct hold : std::suspend_always {};
struct go : std::suspend_never {};
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

struct job {};                      // no promise_type: known by name only
struct started {};
struct operation {};
struct handle {};
struct future { ~future(); };
struct held : awaitable_members { using promise_type = promise_of<held, hold>; };
struct going : awaitable_members { using promise_type = promise_of<going, go>; };
// Listed as ignored: a std::suspend_always promise does not matter then.
struct detached : awaitable_members {
  using promise_type = promise_of<detached, std::suspend_always>;
};
// Not in the configured LazyInitialSuspendTypes any more.
struct plain_lazy : awaitable_members {
  using promise_type = promise_of<plain_lazy, std::suspend_always>;
};

job make_job();
started start();
operation begin();
handle defer();
future run_async();
held make_held();
going make_going();
detached spawn_detached();
plain_lazy make_plain_lazy();
} // namespace home

void discard_them() {
  home::make_job();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'home::job' returned by 'make_job' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  home::start();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'home::started' returned by 'start' is discarded: the coroutine runs eagerly and any exception it throws is lost [guide §4.1] [coro-discarded-task]
  home::begin();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'home::operation' returned by 'begin' is discarded: destroying it cancels the operation it started [guide §4.1] [coro-discarded-task]
  home::defer();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'home::handle' returned by 'defer' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  home::run_async();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the home::future returned by home::run_async is discarded: its destructor blocks until the task finishes [guide §4.1] [coro-discarded-task]
  home::make_held();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'home::held' returned by 'make_held' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  home::make_going();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'home::going' returned by 'make_going' is discarded: the coroutine runs eagerly and any exception it throws is lost [guide §4.1] [coro-discarded-task]
  home::spawn_detached();
  home::make_plain_lazy();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'home::plain_lazy' returned by 'make_plain_lazy' is discarded: nothing awaits it, so the coroutine may never run and any exception it throws is lost [guide §4.1] [coro-discarded-task]
}
