// Lookalike of folly's coroutine API (folly/coro/*.h, folly/futures/Future.h).
#pragma once
#include "../../lookalike_coro_base.h"

namespace folly {
struct Unit {};
class Executor {};
using ExecutorKeepAlive = Executor *;
struct CancellationToken {};

template <typename T> class SemiFuture {
public:
  T get() &&;
  SemiFuture &wait() &;
  SemiFuture &&wait() &&;
};
template <typename T> class Future {
public:
  T get() &&;
  Future &wait() &;
};

template <bool ReaderPriority = false> class SharedMutexImpl {
public:
  void lock(); void unlock(); void lock_shared(); void unlock_shared();
};
using SharedMutex = SharedMutexImpl<false>;
class SpinLock { public: void lock(); void unlock(); bool try_lock(); };

template <typename T, bool SingleProducer, bool SingleConsumer, bool MayBlock,
          std::size_t LgSegmentSize = 8>
class UnboundedQueue {
public:
  void enqueue(const T &);
  void dequeue(T &);
};
template <typename T, bool MayBlock> using UMPMCQueue = UnboundedQueue<T, false, false, MayBlock>;
template <typename T, bool MayBlock> using USPSCQueue = UnboundedQueue<T, true, true, MayBlock>;
template <typename T, bool MayBlock> using UMPSCQueue = UnboundedQueue<T, false, true, MayBlock>;
template <typename T, bool MayBlock> using USPMCQueue = UnboundedQueue<T, true, false, MayBlock>;

namespace coro {
template <typename T = void> class TaskWithExecutor;

template <typename T = void> class Task {
public:
  using promise_type = lookalike::value_promise<Task<T>, T>;
  TaskWithExecutor<T> scheduleOn(Executor *) &&;
  SemiFuture<T> semi() &&;
  lookalike::awaiter<T> operator co_await() &&;
};
template <typename T> class TaskWithExecutor {
public:
  SemiFuture<T> start() &&;
  template <typename F> void start(F &&callback) &&;
  lookalike::awaiter<T> operator co_await() &&;
};
template <typename T> TaskWithExecutor<T> co_withExecutor(Executor *, Task<T>);

// folly/coro/Invoke.h: a customization point object whose task owns a copy
// of the callable (the closure lives in the coroutine frame).
struct co_invoke_fn {
  template <typename F, typename... A>
  auto operator()(F &&f, A &&...a) const -> decltype(static_cast<F &&>(f)(static_cast<A &&>(a)...)) {
    return static_cast<F &&>(f)(static_cast<A &&>(a)...);
  }
};
inline constexpr co_invoke_fn co_invoke{};

template <typename Awaitable> auto blockingWait(Awaitable &&) -> int;
template <typename... SemiAwaitables> Task<void> collectAll(SemiAwaitables &&...);
Task<void> sleep(std::chrono::milliseconds);

class Mutex {
public:
  Task<std::unique_lock<Mutex>> co_scoped_lock();
  bool try_lock();
  void unlock();
};
class SharedMutex {
public:
  Task<std::unique_lock<SharedMutex>> co_scoped_lock();
  void unlock();
};

template <typename T, bool SingleProducer = false, bool SingleConsumer = false>
class UnboundedQueue {
public:
  void enqueue(T);
  Task<T> dequeue();
};
template <typename T, bool SingleProducer = false, bool SingleConsumer = false>
using SmallUnboundedQueue = UnboundedQueue<T, SingleProducer, SingleConsumer>;
template <typename T, bool SingleProducer = false, bool SingleConsumer = false>
class BoundedQueue {
public:
  explicit BoundedQueue(std::size_t capacity);
  Task<void> enqueue(T);
  template <typename U = T> bool try_enqueue(U &&);
  Task<T> dequeue();
};
template <typename T> class AsyncGenerator {};
template <typename T> class AsyncPipe {
public:
  static std::pair<AsyncGenerator<T>, AsyncPipe<T>> create();
  bool write(T);
};
template <typename T> class BoundedAsyncPipe {
public:
  static std::pair<AsyncGenerator<T>, BoundedAsyncPipe<T>> create(std::size_t tokens);
  Task<bool> write(T);
  bool try_write(T);
};
} // namespace coro
} // namespace folly
