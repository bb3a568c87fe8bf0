// Lookalike of async_simple (alibaba/async_simple, async_simple/Try.h).
#pragma once
#include "../lookalike_coro_base.h"

namespace async_simple {
template <typename T> class Try {
public:
  bool hasError() const;
  std::exception_ptr getException() const;
  T value();
};
template <> class Try<void> {
public:
  bool hasError() const;
  std::exception_ptr getException() const;
  void value();
};
} // namespace async_simple
