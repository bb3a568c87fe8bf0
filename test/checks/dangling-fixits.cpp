// RUN: %check_clang_tidy %s coro-dangling-reference %t -- -- -I %inputs
// RUN: %check_clang_tidy -fix-notes -check-suffix=NOTEFIX %s coro-dangling-reference %t -- -- -I %inputs
// Taking the parameter by value changes behaviour, so the fix-it is on the
// note: the default run (--fix) leaves the code alone; -fix-notes (what an
// editor offers) edits every declaration of the coroutine.
#include "cppcoro/task.hpp"
#include <string>
#include <string_view>

cppcoro::task<> declared(const std::string &text);
// CHECK-FIXES: cppcoro::task<> declared(const std::string &text);
// CHECK-FIXES-NOTEFIX: cppcoro::task<> declared(std::string text);
cppcoro::task<> declared(const std::string &text) { co_return; }
// CHECK-FIXES-NOTEFIX: cppcoro::task<> declared(std::string text) { co_return; }

cppcoro::task<> moved(std::string&& text) { co_return; }
// CHECK-FIXES-NOTEFIX: cppcoro::task<> moved(std::string text) { co_return; }

template <typename T> cppcoro::task<> generic(T const& value) { co_return; }
// CHECK-FIXES-NOTEFIX: template <typename T> cppcoro::task<> generic(T value) { co_return; }

// No fix-it: a non-const reference may be written through; a view would need
// an owning type.
cppcoro::task<> append(std::string &out) { co_return; }
// CHECK-FIXES-NOTEFIX: cppcoro::task<> append(std::string &out) { co_return; }
cppcoro::task<> view(std::string_view text) { co_return; }
// CHECK-FIXES-NOTEFIX: cppcoro::task<> view(std::string_view text) { co_return; }

cppcoro::task<> callers(std::string s) {
  auto a = declared(s + "a");
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a temporary is bound to parameter 'text' of coroutine 'declared'
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-2]]:21: warning: a temporary is bound to parameter 'text' of coroutine 'declared'
  auto b = moved(s + "b");
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: a temporary is bound to parameter 'text' of coroutine 'moved'
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-2]]:18: warning: a temporary is bound to parameter 'text' of coroutine 'moved'
  auto c = generic(s + "c");
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: a temporary is bound to parameter 'value' of coroutine 'generic'
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-2]]:20: warning: a temporary is bound to parameter 'value' of coroutine 'generic'
  auto e = view(std::string("e"));
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: a temporary is bound to parameter 'text' of coroutine 'view'
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-2]]:17: warning: a temporary is bound to parameter 'text' of coroutine 'view'
  co_await a;
  co_await b;
  co_await c;
  co_await e;
}

cppcoro::task<> appender() {
  std::string out;
  return append(out);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'out' is bound to parameter 'out' of coroutine 'append', but the task is returned
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-2]]:17: warning: 'out' is bound to parameter 'out' of coroutine 'append', but the task is returned
}
