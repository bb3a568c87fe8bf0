// Lookalike of libcoro (jbaldwin/libcoro, coro/coro.hpp).
#pragma once
#include "../lookalike_coro_base.h"

namespace coro {
template <typename T = void> class task {
public:
  using promise_type = lookalike::value_promise<task<T>, T>;
  lookalike::awaiter<T> operator co_await() const &;
};
template <typename Awaitable> auto sync_wait(Awaitable &&) -> int;

class mutex;
class scoped_lock {
public:
  explicit scoped_lock(mutex &);
  ~scoped_lock();
  void unlock();
};
class mutex {
public:
  lookalike::awaiter<scoped_lock> lock();
  bool try_lock();
  void unlock();
};

template <typename T> class queue {
public:
  queue();
  task<void> push(T);
  task<T> pop();
};
template <typename T, std::size_t N> class ring_buffer {
public:
  task<void> produce(T);
  task<T> consume();
};

class thread_pool {
public:
  struct options { std::size_t thread_count; };
  explicit thread_pool(options);
  lookalike::awaiter<void> schedule();
  bool spawn(task<void> &&) noexcept; // older releases
  bool spawn_detached(task<void> &&) noexcept;
  template <typename T> task<T> spawn_joinable(task<T> &&);
};
// Older releases; the current name is coro::scheduler (scheduler.hpp).
class io_scheduler {
public:
  bool spawn(task<void> &&) noexcept;
  bool spawn_detached(task<void> &&) noexcept;
  lookalike::awaiter<void> schedule();
  lookalike::awaiter<void> yield_for(std::chrono::milliseconds);
};
} // namespace coro
