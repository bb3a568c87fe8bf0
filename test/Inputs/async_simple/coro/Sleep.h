// Lookalike of async_simple (async_simple/coro/Sleep.h).
#pragma once
#include "Lazy.h"

namespace async_simple::coro {
template <typename Rep, typename Period>
Lazy<void> sleep(std::chrono::duration<Rep, Period> dur);
} // namespace async_simple::coro
