// Lookalike of async_simple (async_simple/coro/Mutex.h): an async mutex.
#pragma once
#include "Lazy.h"

namespace async_simple::coro {
class Mutex {
public:
  bool tryLock() noexcept;
  Lazy<> coLock() noexcept;
  void unlock() noexcept;
  Lazy<std::unique_lock<Mutex>> coScopedLock() noexcept;
  void lock();
};
} // namespace async_simple::coro
