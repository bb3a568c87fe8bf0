// RUN: %check_clang_tidy %s coro-dangling-reference %t -- -- -I %inputs
// folly::coro, cppcoro, libcoro and concurrencpp: their spawns, their
// combinators and their blocking waits.
#include "concurrencpp/concurrencpp.h"
#include "coro/coro.hpp"
#include "cppcoro/task.hpp"
#include "folly/coro/Task.h"
#include <string>
#include <vector>

folly::coro::Task<void> fetch(const std::string &key);
cppcoro::task<int> parse(std::string_view text);
concurrencpp::result<void> save(const std::string &path);
concurrencpp::lazy_result<int> load(const std::string &path);

struct Cache {
  folly::Executor *ex;
  std::vector<folly::coro::Task<void>> refreshes;
  folly::coro::Task<void> pending;

  void refresh(std::string key) {
    fetch(key + "/v1").scheduleOn(ex).start();
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: a temporary is bound to parameter 'key' of coroutine 'fetch', but the task is spawned
    folly::coro::co_withExecutor(ex, fetch(key + "/v2")).start();
    // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: a temporary is bound to parameter 'key' of coroutine 'fetch', but the task is spawned
    refreshes.push_back(fetch(key));
    // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'key' is bound to parameter 'key' of coroutine 'fetch', but the task is put in a container and may run after 'key' dies
    pending = fetch(key);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'key' is bound to parameter 'key' of coroutine 'fetch', but the task is stored and may run after 'key' dies
  }

  // Not findings: waited for in the same full-expression, or by a blocking
  // wait before the local dies.
  void refresh_now(std::string key) {
    fetch(key + "/v1").scheduleOn(ex).start().get();
    folly::coro::blockingWait(fetch(key + "/v3").scheduleOn(ex).start());
    folly::coro::blockingWait(fetch(key));
    auto started = fetch(key).scheduleOn(ex).start();
    folly::coro::blockingWait(std::move(started));
  }

  // Not findings: the stored tasks are awaited while the local is alive,
  // collectAll of a local container included.
  folly::coro::Task<void> refresh_all(std::string key) {
    std::vector<folly::coro::Task<void>> batch;
    batch.push_back(fetch(key));
    batch.push_back(fetch(key));
    pending = fetch(key);
    co_await std::move(pending);
    auto a = fetch(key), b = fetch(key);
    co_await folly::coro::collectAll(std::move(a), std::move(b));
    co_await folly::coro::collectAll(fetch(key + "x"), fetch(key + "y"));
  }
};

cppcoro::task<int> cppcoro_users(std::string text) {
  auto t = parse(std::string(text));
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: a temporary is bound to parameter 'text' of coroutine 'parse', but the task is stored
  int n = co_await t;
  auto u = parse(text); // a view of a local that outlives the task
  n += co_await u;
  n += cppcoro::sync_wait(parse(text + "!"));
  auto v = parse("literal");
  co_return n + co_await v;
}

void libcoro_spawns(coro::io_scheduler &io, std::string name) {
  io.spawn_detached([&]() -> coro::task<> { (void)name.size(); co_return; }());
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a capturing lambda coroutine is called at once, but the task is spawned
}

// concurrencpp's result is eager: its body may copy the path before it first
// suspends, so it is not a task type by default. lazy_result is.
concurrencpp::result<void> concurrencpp_users(std::string dir) {
  auto saved = save(dir + "/a");
  co_await saved;
  auto lazy = load(dir + "/b");
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: a temporary is bound to parameter 'path' of coroutine 'load', but the task is stored
  co_await lazy;
  co_await save(dir + "/c");
}
