// Clang itself warns about a dropped [[nodiscard]] value: a [[nodiscard]]
// type under -Wunused-value, a [[nodiscard]] function under -Wunused-result.
// clang-tidy shows those warnings only for enabled clang-diagnostic-* checks.
// This check reports unless clang's warning appears at the same place in the
// same run (or always, with ReportWhenCompilerWarns).
//
// Only corolint checks: clang's warnings are not shown, this check reports.
// RUN: %check_clang_tidy -check-suffix=ALONE %s coro-discarded-task %t -- -- -I %inputs
// Both clang warnings shown: clang's warning replaces this check's.
// RUN: %check_clang_tidy -check-suffix=COMPILER %s coro-discarded-task,clang-diagnostic-unused-value,clang-diagnostic-unused-result %t -- -- -I %inputs
// Only -Wunused-value shown: the [[nodiscard]] function is still reported.
// RUN: %check_clang_tidy -check-suffix=VALUE %s coro-discarded-task,clang-diagnostic-unused-value %t -- -- -I %inputs
// Shown but disabled by -Wno-unused-value (which covers -Wunused-result).
// RUN: %check_clang_tidy -check-suffix=ALONE %s coro-discarded-task,clang-diagnostic-unused-value,clang-diagnostic-unused-result %t -- -- -I %inputs -Wno-unused-value
// ReportWhenCompilerWarns: both report.
// RUN: %check_clang_tidy -check-suffix=BOTH %s coro-discarded-task,clang-diagnostic-unused-value,clang-diagnostic-unused-result %t -- -config="{CheckOptions: {coro-discarded-task.ReportWhenCompilerWarns: true}}" -- -I %inputs
#include "task.h"

namespace lib {
template <typename T> struct [[nodiscard]] marked_task : demo::task<T> {
  struct promise_type : demo::detail::promise_base {
    marked_task get_return_object() { return {}; }
    void return_value(T) {}
  };
};
marked_task<int> marked_type();
[[nodiscard]] demo::task<> marked_function();
} // namespace lib

void drop() {
  lib::marked_type();
  // CHECK-MESSAGES-ALONE: :[[@LINE-1]]:3: warning: task 'lib::marked_task<int>' returned by 'marked_type' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-MESSAGES-COMPILER: :[[@LINE-2]]:3: warning: ignoring return value of type 'marked_task<int>' declared with 'nodiscard' attribute [clang-diagnostic-unused-value]
  // CHECK-MESSAGES-VALUE: :[[@LINE-3]]:3: warning: ignoring return value of type 'marked_task<int>' declared with 'nodiscard' attribute [clang-diagnostic-unused-value]
  // CHECK-MESSAGES-BOTH: :[[@LINE-4]]:3: warning: ignoring return value of type 'marked_task<int>' declared with 'nodiscard' attribute [clang-diagnostic-unused-value]
  // CHECK-MESSAGES-BOTH: :[[@LINE-5]]:3: warning: task 'lib::marked_task<int>' returned by 'marked_type' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  lib::marked_function();
  // CHECK-MESSAGES-ALONE: :[[@LINE-1]]:3: warning: task 'demo::task<void>' returned by 'marked_function' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-MESSAGES-COMPILER: :[[@LINE-2]]:3: warning: ignoring return value of function declared with 'nodiscard' attribute [clang-diagnostic-unused-result]
  // CHECK-MESSAGES-VALUE: :[[@LINE-3]]:3: warning: task 'demo::task<void>' returned by 'marked_function' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-MESSAGES-BOTH: :[[@LINE-4]]:3: warning: ignoring return value of function declared with 'nodiscard' attribute [clang-diagnostic-unused-result]
  // CHECK-MESSAGES-BOTH: :[[@LINE-5]]:3: warning: task 'demo::task<void>' returned by 'marked_function' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]

  // A task type without [[nodiscard]]: clang is silent, this check reports.
  demo::flush();
  // CHECK-MESSAGES-ALONE: :[[@LINE-1]]:3: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-MESSAGES-COMPILER: :[[@LINE-2]]:3: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-MESSAGES-VALUE: :[[@LINE-3]]:3: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-MESSAGES-BOTH: :[[@LINE-4]]:3: warning: task 'demo::task<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
}

// A pragma that silences clang at one place brings this check back there.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wunused-value"
void drop_where_clang_is_silenced() {
  lib::marked_type();
  // CHECK-MESSAGES-ALONE: :[[@LINE-1]]:3: warning: task 'lib::marked_task<int>' returned by 'marked_type' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-MESSAGES-COMPILER: :[[@LINE-2]]:3: warning: task 'lib::marked_task<int>' returned by 'marked_type' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-MESSAGES-VALUE: :[[@LINE-3]]:3: warning: task 'lib::marked_task<int>' returned by 'marked_type' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-MESSAGES-BOTH: :[[@LINE-4]]:3: warning: task 'lib::marked_task<int>' returned by 'marked_type' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
}
#pragma clang diagnostic pop
