// Lookalike of async_simple (async_simple/coro/SyncAwait.h): syncAwait runs
// a lazy to completion, blocking the calling thread.
#pragma once
#include "Lazy.h"

namespace async_simple::coro {
template <typename LazyType> auto syncAwait(LazyType &&lazy) -> int;
template <typename LazyType>
auto syncAwait(LazyType &&lazy, Executor *ex) -> int;
} // namespace async_simple::coro
