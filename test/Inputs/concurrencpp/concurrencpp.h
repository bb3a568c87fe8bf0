// Lookalike of concurrencpp (concurrencpp/concurrencpp.h).
#pragma once
#include "../lookalike_coro_base.h"
#include <span>

namespace concurrencpp {
template <typename T> class result {
public:
  using promise_type = lookalike::value_promise<result<T>, T>;
  T get();
  void wait();
  template <typename D> int wait_for(D);
  template <typename P> int wait_until(P);
  lookalike::awaiter<T> operator co_await();
};
template <typename T> class lazy_result {
public:
  using promise_type = lookalike::value_promise<lazy_result<T>, T>;
  lookalike::awaiter<T> operator co_await();
  result<T> run();
};

class executor {
public:
  template <typename F, typename... A> void post(F &&, A &&...) {}
  template <typename F> void bulk_post(std::span<F>) {}
  template <typename F, typename... A> result<int> submit(F &&, A &&...);
};
class thread_pool_executor : public executor {};
class worker_thread_executor : public executor {};
// The CRTP base that concurrencpp's own executors and user executors derive from.
template <typename ConcreteExecutor> class derivable_executor : public executor {
public:
  template <typename F, typename... A> void post(F &&f, A &&...a) {
    executor::post(std::forward<F>(f), std::forward<A>(a)...);
  }
  template <typename F> void bulk_post(std::span<F> work);
  template <typename F, typename... A> result<int> submit(F &&, A &&...);
};

class async_lock;
class scoped_async_lock {
public:
  scoped_async_lock() = default;
  ~scoped_async_lock();
  void unlock();
};
class async_lock {
public:
  lazy_result<scoped_async_lock> lock(std::shared_ptr<executor>);
  lazy_result<bool> try_lock();
  void unlock();
};

// The executor a test or a UI thread drives by hand: loop*() runs queued
// tasks on the calling thread, wait_for_task*() blocks until one arrives.
class manual_executor : public derivable_executor<manual_executor> {
public:
  std::size_t loop_once();
  std::size_t loop_once_for(std::chrono::milliseconds);
  std::size_t loop(std::size_t max_count);
  std::size_t loop_for(std::size_t max_count, std::chrono::milliseconds);
  void wait_for_task();
  bool wait_for_task_for(std::chrono::milliseconds);
  std::size_t wait_for_tasks(std::size_t count);
  std::size_t wait_for_tasks_for(std::size_t count, std::chrono::milliseconds);
  std::size_t clear();
  void shutdown();
};

namespace details {
template <typename Executor> class resume_on_awaitable {
public:
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>);
  void await_resume() const;
};
} // namespace details
// Returns an awaitable: only co_await moves the coroutine to \p executor.
template <typename Executor>
details::resume_on_awaitable<Executor>
resume_on(std::shared_ptr<Executor> executor);

class runtime {
public:
  std::shared_ptr<thread_pool_executor> thread_pool_executor();
  std::shared_ptr<worker_thread_executor> make_worker_thread_executor();
  std::shared_ptr<manual_executor> make_manual_executor();
  std::shared_ptr<concurrencpp::thread_pool_executor> background_executor();
};
} // namespace concurrencpp
