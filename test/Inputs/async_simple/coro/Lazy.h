// Lookalike of async_simple (async_simple/coro/Lazy.h): Lazy<T> is a lazy
// task; via(executor) turns it into a RescheduleLazy<T>; start(callback) and
// directlyStart(callback, executor) run it and hand its Try<T> to the
// callback; detach() runs it and rethrows a failure.
#pragma once
#include "../Executor.h"
#include "../Try.h"

namespace async_simple::coro {
template <typename T> class RescheduleLazy;
template <typename T = void> class Lazy {
public:
  using promise_type = lookalike::value_promise<Lazy<T>, T>;
  lookalike::awaiter<T> operator co_await() &&;
  RescheduleLazy<T> via(Executor *ex) &&;
  template <typename F> void start(F &&callback) && {}
  template <typename F> void directlyStart(F &&callback, Executor *ex) && {}
  void detach() &&;
};
template <typename T = void> class RescheduleLazy {
public:
  lookalike::awaiter<T> operator co_await() &&;
  template <typename F> void start(F &&callback) && {}
  void detach() &&;
};
// Defined in the header, as in async_simple: not a coroutine of its own.
template <typename T> RescheduleLazy<T> Lazy<T>::via(Executor *) && { return {}; }
} // namespace async_simple::coro
