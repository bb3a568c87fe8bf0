// Lookalike of async_simple (async_simple/Executor.h): schedule() returns
// whether the function was accepted.
#pragma once
#include "../lookalike_coro_base.h"

namespace async_simple {
class Executor {
public:
  using Func = std::function<void()>;
  virtual ~Executor() = default;
  virtual bool schedule(Func func) = 0;
  bool currentThreadInExecutor() const;
};
} // namespace async_simple
