// RUN: %check_clang_tidy %s coro-dangling-reference %t -- -- -I %inputs %asio_flags
// The default TaskTypes is the one list of lazy tasks that coro-discarded-task
// uses too: async_simple's Lazy and RescheduleLazy (through `.via()`), Asio's
// experimental::coro and folly's TaskWithExecutor are followed like the rest.
#include "async_simple/coro/Lazy.h"
#include "folly/coro/Task.h"
#include <asio.hpp>
#include <asio/experimental/coro.hpp>
#include <string>

async_simple::coro::Lazy<int> count_words(const std::string &text);

async_simple::coro::Lazy<void> lazy(std::string name, async_simple::Executor *ex) {
  auto t = count_words("hello " + name);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: a temporary is bound to parameter 'text' of coroutine 'count_words', but the task is stored and outlives the full-expression: the coroutine will read a dead object [guide §7.9] [coro-dangling-reference]
  co_await std::move(t);
  auto r = count_words(name + "!").via(ex);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: a temporary is bound to parameter 'text' of coroutine 'count_words', but the task is stored
  co_await std::move(r);
  // Not a finding: awaited in the same full-expression.
  co_await count_words(name + "?").via(ex);
}

folly::coro::TaskWithExecutor<void> fetch_on(const std::string &key);

void with_executor(std::string key) {
  auto t = fetch_on(key + "/v2");
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a temporary is bound to parameter 'key' of coroutine 'fetch_on', but the task is stored
  std::move(t).start();
}

asio::experimental::coro<void, std::size_t> measure(asio::any_io_executor ex, const std::string &s) {
  co_return s.size();
}

asio::awaitable<void> experimental(std::string name) {
  auto ex = co_await asio::this_coro::executor;
  auto c = measure(ex, "a" + name);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: a temporary is bound to parameter 's' of coroutine 'measure', but the task is stored
  co_await c.async_resume(asio::use_awaitable);
  // Not a finding: a local that outlives the use of the coroutine.
  std::string kept = "k" + name;
  auto d = measure(ex, kept);
  co_await d.async_resume(asio::use_awaitable);
}
