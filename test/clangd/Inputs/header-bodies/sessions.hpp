// Spawned coroutines defined in a project header.
#pragma once
#include <asio.hpp>

// Its whole body catches everything: spawning it detached loses nothing.
inline asio::awaitable<void> guarded_tick(asio::steady_timer &timer) {
  try {
    co_await timer.async_wait(asio::use_awaitable);
  } catch (...) {
  }
}

// Nothing catches the timer's error: with 'detached' it would vanish.
inline asio::awaitable<void> bare_tick(asio::steady_timer &timer) {
  co_await timer.async_wait(asio::use_awaitable);
}
