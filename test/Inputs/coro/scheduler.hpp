// Lookalike of libcoro's current scheduler API (jbaldwin/libcoro,
// include/coro/scheduler.hpp, thread_pool.hpp, task_group.hpp): coro::scheduler
// replaced io_scheduler; thread_pool and scheduler spawn with spawn_detached
// (a bool: false when the task was refused) and spawn_joinable (a task that
// completes with the spawned one); task_group::start returns [[nodiscard]] bool.
#pragma once
#include "coro.hpp"

namespace coro {
class scheduler {
public:
  struct options {};
  static std::unique_ptr<scheduler> make_unique(options = {});
  lookalike::awaiter<void> schedule();
  lookalike::awaiter<void> yield();
  lookalike::awaiter<void> yield_for(std::chrono::milliseconds);
  lookalike::awaiter<void> schedule_after(std::chrono::milliseconds);
  bool spawn_detached(task<void> &&task);
  template <typename T> task<T> spawn_joinable(task<T> &&task);
  std::size_t process_events(std::chrono::milliseconds timeout = {});
  void shutdown() noexcept;
};

template <typename Executor = scheduler> class task_group {
public:
  explicit task_group(std::unique_ptr<Executor> &);
  ~task_group(); // waits for every started task
  [[nodiscard]] bool start(task<void> &&task);
  lookalike::awaiter<void> operator co_await() const &;
};
} // namespace coro
