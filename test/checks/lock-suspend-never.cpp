// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
#include "task.h"
#include <mutex>

std::mutex m;

// Negative: awaiting std::suspend_never never suspends (NonSuspendingAwaitables).
demo::task<> f() {
  std::lock_guard g(m);
  co_await std::suspend_never{};
}
