// RUN: %check_clang_tidy %s coro-dangling-reference %t -- -- -I %inputs
// folly: co_invoke keeps the lambda object alive in the task it makes (the
// fix the guide suggests for a lambda called at once), but not what the
// lambda captured by reference.
#include "folly/coro/Task.h"
#include <string>
#include <vector>

folly::coro::Task<void> fetch(const std::string &key);

void refresh_all(folly::Executor *ex, const std::vector<std::string> &keys) {
  for (const auto &k : keys) {
    std::string key = k + "/v2";
    folly::coro::co_withExecutor(ex, folly::coro::co_invoke([&key]() -> folly::coro::Task<void> { co_await fetch(key); })).start();
    // CHECK-MESSAGES: :[[@LINE-1]]:63: warning: 'key' is captured by reference by a lambda coroutine whose task is spawned and may run after 'key' dies: the coroutine will read a dead object [guide §7.9] [coro-dangling-reference]
  }
}

void scheduled(folly::Executor *ex, bool retry) {
  std::string key = "k";
  if (retry) {
    folly::coro::co_invoke([&]() -> folly::coro::Task<void> { co_await fetch(key); }).scheduleOn(ex).start();
    // CHECK-MESSAGES: :[[@LINE-1]]:78: warning: 'key' is captured by reference by a lambda coroutine whose task is spawned
  }
}

// Not findings: a by-value capture; blockingWait before the local dies;
// awaited in the same full-expression.
void by_value(folly::Executor *ex) {
  std::string key = "k";
  folly::coro::co_invoke([key]() -> folly::coro::Task<void> { co_await fetch(key); }).scheduleOn(ex).start();
}

void waited(folly::Executor *ex) {
  std::string key = "k";
  auto f = folly::coro::co_invoke([&]() -> folly::coro::Task<void> { co_await fetch(key); }).scheduleOn(ex).start();
  folly::coro::blockingWait(std::move(f));
}

folly::coro::Task<void> awaited(folly::Executor *ex) {
  std::string key = "k";
  co_await folly::coro::co_invoke([&]() -> folly::coro::Task<void> { co_await fetch(key); }).scheduleOn(ex);
}
