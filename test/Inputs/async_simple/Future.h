// Lookalike of async_simple (async_simple/Future.h): get() and wait() block
// the calling thread until the value is set.
#pragma once
#include "Try.h"

namespace async_simple {
template <typename T> class Future {
public:
  T get() &&;
  void wait();
  bool hasResult() const;
  template <typename F> Future<int> thenTry(F &&) &&;
};
} // namespace async_simple
