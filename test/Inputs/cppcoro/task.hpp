// Lookalike of cppcoro (cppcoro/task.hpp, shared_task.hpp, sync_wait.hpp, async_mutex.hpp).
#pragma once
#include "../lookalike_coro_base.h"

namespace cppcoro {
template <typename T = void> class task {
public:
  using promise_type = lookalike::value_promise<task<T>, T>;
  lookalike::awaiter<T> operator co_await() const &;
};
template <typename T = void> class shared_task {
public:
  using promise_type = lookalike::value_promise<shared_task<T>, T>;
  lookalike::awaiter<T> operator co_await() const &;
};
template <typename Awaitable> auto sync_wait(Awaitable &&) -> int;
template <typename... Awaitables> task<> when_all(Awaitables &&...);

class async_mutex_lock {
public:
  explicit async_mutex_lock(class async_mutex &, std::adopt_lock_t);
  ~async_mutex_lock();
};
class async_mutex {
public:
  bool try_lock() noexcept;
  lookalike::awaiter<void> lock_async() noexcept;
  lookalike::awaiter<async_mutex_lock> scoped_lock_async() noexcept;
  void unlock();
};
class static_thread_pool {
public:
  lookalike::awaiter<void> schedule() noexcept;
};
} // namespace cppcoro
