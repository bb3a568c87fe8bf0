// Lookalike of concurrencpp (concurrencpp/concurrencpp.h).
#pragma once
#include "../lookalike_coro_base.h"

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
  template <typename F, typename... A> void post(F &&, A &&...);
  template <typename F, typename... A> result<int> submit(F &&, A &&...);
};
class thread_pool_executor : public executor {};
class worker_thread_executor : public executor {};
// The CRTP base that concurrencpp's own executors and user executors derive from.
template <typename ConcreteExecutor> class derivable_executor : public executor {
public:
  template <typename F, typename... A> void post(F &&, A &&...);
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

class runtime {
public:
  std::shared_ptr<thread_pool_executor> thread_pool_executor();
  std::shared_ptr<worker_thread_executor> make_worker_thread_executor();
};
} // namespace concurrencpp
