// Lookalike of seastar (seastar/core/future.hh): futures run eagerly.
#pragma once
#include "../../lookalike_coro_base.h"

namespace seastar {
template <typename T = void> class future {
public:
  struct promise_type : lookalike::value_promise<future<T>, T> {
    std::suspend_never initial_suspend() noexcept { return {}; }
  };
  lookalike::awaiter<T> operator co_await() &&;
};
future<> sleep(std::chrono::milliseconds);
} // namespace seastar
