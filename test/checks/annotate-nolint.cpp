// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
// Must-not-suspend findings are suppressed where they are reported: at the
// object's declaration.
#include "task.h"

struct [[clang::annotate("corolint::must_not_suspend")]] Pin {
  ~Pin();
};

demo::task<> suppressed() {
  Pin a; // NOLINT(coro-lock-across-suspend): resumed inline, reviewed
  // NOLINTNEXTLINE(coro-lock-across-suspend)
  Pin b;
  Pin c; // NOLINT(coro-blocking-call)
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'c' of type 'Pin' must not live across a suspension point
  co_await demo::next_event(); // NOLINT(coro-lock-across-suspend): not here
}
