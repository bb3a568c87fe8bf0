// Lookalike of async_simple (async_simple/coro/SpinLock.h): lock() spins on
// the thread; coLock() and coScopedLock() are its awaitable forms.
#pragma once
#include "Lazy.h"

namespace async_simple::coro {
class ScopedSpinLock;
class SpinLock {
public:
  explicit SpinLock(std::int32_t count = 1024) noexcept;
  void lock() noexcept;
  bool tryLock() noexcept;
  void unlock() noexcept;
  Lazy<> coLock() noexcept;
  Lazy<ScopedSpinLock> coScopedLock() noexcept;
};
class ScopedSpinLock {
public:
  explicit ScopedSpinLock(SpinLock &lock);
  ~ScopedSpinLock();
};
} // namespace async_simple::coro
