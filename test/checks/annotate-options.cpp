// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
// RUN: %check_clang_tidy -check-suffix=CUSTOM %s coro-lock-across-suspend %t -- \
// RUN:   -config="{CheckOptions: {coro-lock-across-suspend.MustNotSuspendTypes: '::vendor::HazardPointer'}}" \
// RUN:   -- -I %inputs
// MustNotSuspendTypes marks types you cannot annotate. Its default lists
// RAII scopes that push a thread-local context (OpenTelemetry's
// trace::Scope); setting it replaces the default.
#include "task.h"

// opentelemetry/trace/scope.h, in its versioned inline namespace.
namespace opentelemetry {
inline namespace v1 {
namespace trace {
class Span;
class Scope {
public:
  explicit Scope(Span &span) noexcept;
  ~Scope();
};
} // namespace trace
} // namespace v1
} // namespace opentelemetry

namespace vendor {
struct HazardPointer {
  HazardPointer();
  ~HazardPointer();
};
struct Reclaimer : HazardPointer {};
} // namespace vendor

demo::task<> handle(opentelemetry::trace::Span &span) {
  opentelemetry::trace::Scope scope(span);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'scope' of type 'opentelemetry::trace::Scope' must not live across a suspension point: the coroutine may resume on another thread, and other code runs on this one while it is suspended [guide §3.2] [coro-lock-across-suspend]
  vendor::HazardPointer hp;
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:25: warning: 'hp' of type 'vendor::HazardPointer' must not live across a suspension point: the coroutine may resume on another thread, and other code runs on this one while it is suspended [guide §3.2] [coro-lock-across-suspend]
  vendor::Reclaimer reclaimer;
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:21: warning: 'reclaimer' of type 'vendor::Reclaimer' must not live across
  co_await demo::next_event();
}

// The annotation still works with a custom list.
struct [[clang::annotate("corolint::must_not_suspend", "it is a thread's cursor")]] Cursor {
  ~Cursor();
};
demo::task<> annotated() {
  Cursor c;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'c' of type 'Cursor' must not live across a suspension point: it is a thread's cursor [guide §3.2]
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-2]]:10: warning: 'c' of type 'Cursor' must not live across a suspension point: it is a thread's cursor [guide §3.2]
  co_await demo::next_event();
}
