// RUN: %check_clang_tidy %s coro-unchecked-spawn %t -- -- -I %inputs
// RUN: %check_clang_tidy -check-suffix=NOMACRO %s coro-unchecked-spawn %t -- \
// RUN:   -config="{CheckOptions: {coro-unchecked-spawn.TestAssertionMacros: ''}}" -- -I %inputs
// RUN: %check_clang_tidy -check-suffix=NOHELPER %s coro-unchecked-spawn %t -- \
// RUN:   -config="{CheckOptions: {coro-unchecked-spawn.TestAssertionFunctions: ''}}" -- -I %inputs
// A throw that a test assertion expects is intentional: inside EXPECT_THROW,
// REQUIRE_THROWS and friends, and in a lambda given to an assert_throws
// helper (concurrencpp's tests), it does not escape the spawned coroutine.
#include "lookalike_coro_base.h"
#include <gtest/gtest.h>
#include <stdexcept>
#include <string>

namespace asio {
struct detached_t {};
inline constexpr detached_t detached;
template <typename T> struct awaitable {
  using promise_type = lookalike::value_promise<awaitable<T>, T>;
};
template <typename E, typename A, typename T> void co_spawn(E &, A, T) {}
} // namespace asio
struct io_context {};

// concurrencpp's tests: the helper throws when the callable does not.
template <typename E, typename F> void assert_throws(F &&f) {
  try {
    f();
  } catch (const E &) {
    return;
  }
  throw std::logic_error("expected an exception");
}
// Catch2's REQUIRE_THROWS as a lookalike whose expansion catches nothing:
// only the macro's name tells that the throw is meant.
#define REQUIRE_THROWS(expr) static_cast<void>(expr)

asio::awaitable<void> with_gtest() {
  EXPECT_THROW(std::stoi("x"), std::invalid_argument);
  co_return;
}

asio::awaitable<void> with_helper() {
  assert_throws<std::invalid_argument>([] { return std::stoi("x"); });
  co_return;
}

asio::awaitable<void> with_macro() {
  REQUIRE_THROWS(std::stoi("y"));
  co_return;
}

asio::awaitable<void> not_a_test() {
  (void)std::stoi("z");
  co_return;
}

void spawns(io_context &io) {
  asio::co_spawn(io, with_gtest(), asio::detached);
  asio::co_spawn(io, with_helper(), asio::detached);
  // CHECK-MESSAGES-NOHELPER: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'with_helper' throws
  asio::co_spawn(io, with_macro(), asio::detached);
  // CHECK-MESSAGES-NOMACRO: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'with_macro' throws
  asio::co_spawn(io, not_a_test(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'not_a_test' throws
  // CHECK-MESSAGES-NOMACRO: :[[@LINE-2]]:3: warning: {{.*}}'not_a_test' throws
  // CHECK-MESSAGES-NOHELPER: :[[@LINE-3]]:3: warning: {{.*}}'not_a_test' throws
}
