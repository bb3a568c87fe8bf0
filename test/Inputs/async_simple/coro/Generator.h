// Lookalike of async_simple (async_simple/coro/Generator.h): a synchronous
// generator, iterated with begin()/end(); not a task.
#pragma once
#include "../../lookalike_coro_base.h"

namespace async_simple::coro {
template <typename T> class Generator {
public:
  struct promise_type : lookalike::promise_base {
    Generator get_return_object();
    std::suspend_always yield_value(T) noexcept;
    void return_void() noexcept;
  };
  struct iterator {
    T operator*() const;
    iterator &operator++();
    bool operator==(const iterator &) const;
  };
  iterator begin();
  iterator end();
};
} // namespace async_simple::coro
