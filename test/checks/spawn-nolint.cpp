// RUN: %check_clang_tidy %s coro-unchecked-spawn %t -- -- -I %inputs
// Suppressions: a NOLINT naming this check, the next-line form, and a
// begin/end region.
#include "coro/coro.hpp"
#include <thread>

coro::task<void> background();
void work();

void suppressed(coro::thread_pool &pool) {
  std::thread(work).detach(); // NOLINT(coro-unchecked-spawn)
  // NOLINTNEXTLINE(coro-unchecked-spawn)
  pool.spawn(background());
  // NOLINTBEGIN(coro-unchecked-spawn)
  pool.spawn(background());
  std::thread(work).detach();
  // NOLINTEND(coro-unchecked-spawn)
}

void other_check_named(coro::thread_pool &pool) {
  pool.spawn(background()); // NOLINT(coro-blocking-call)
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the bool returned by 'coro::thread_pool::spawn' is ignored
}
