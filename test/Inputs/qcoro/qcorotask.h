// Lookalike of QCoro (qcoro/qcorotask.h): QCoro::Task is eager.
#pragma once
#include "../lookalike_coro_base.h"

namespace QCoro {
template <typename T = void> class Task {
public:
  struct promise_type : lookalike::value_promise<Task<T>, T> {
    std::suspend_never initial_suspend() noexcept { return {}; }
  };
  lookalike::awaiter<T> operator co_await() const;
};
} // namespace QCoro
