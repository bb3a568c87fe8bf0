// RUN: %check_clang_tidy %s coro-blocking-call %t -- \
// RUN:   -config="{CheckOptions: {coro-blocking-call.SleepFunctions: '', \
// RUN:     coro-blocking-call.BlockingFunctions: '::legacy_query;::read', \
// RUN:     coro-blocking-call.BlockingMethods: '::db::Connection::execute', \
// RUN:     coro-blocking-call.EventLoopFunctions: '::app::run_until_done', \
// RUN:     coro-blocking-call.BlockingStreamObjects: '::app::console', \
// RUN:     coro-blocking-call.BlockingStreamOperations: 'getline', \
// RUN:     coro-blocking-call.FollyTaskTypes: '::app::Task'}}" \
// RUN:   -- -I %inputs
// Every list is an option, and setting one replaces its default.
#include "task.h"
#include <chrono>
#include <iostream>
#include <string>
#include <thread>
#include <unistd.h>

int legacy_query(const char *sql);

namespace db {
struct Connection {
  int execute(const char *sql);
  int prepare(const char *sql);
};
struct PooledConnection : Connection {};
} // namespace db

namespace app {
extern std::istream console;
void run_until_done();
// A team's own task type, declared to run on folly.
template <typename T = void> struct Task {
  using promise_type = demo::task<T>::promise_type;
  Task(demo::task<T>);
};
} // namespace app

demo::task<> custom_lists(db::PooledConnection &conn, int fd, char *buf) {
  legacy_query("select 1");
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'legacy_query' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await an asynchronous equivalent instead; if the call must block, run it on a thread pool that is not this coroutine's executor
  conn.execute("update t set x = 1");
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'db::Connection::execute' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await an asynchronous equivalent instead; if the call must block, run it on a thread pool that is not this coroutine's executor
  conn.prepare("select 2");
  app::run_until_done();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'app::run_until_done' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: co_await the work directly instead of waiting for it on this thread
  std::string line;
  std::getline(app::console, line);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'getline' on 'app::console' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await an asynchronous equivalent instead; if the call must block, run it on a thread pool that is not this coroutine's executor
  // No longer listed: sleeps, write(), std::cin, operator>>.
  std::this_thread::sleep_for(std::chrono::seconds(1));
  ::write(fd, buf, 1);
  std::getline(std::cin, line);
  app::console >> line;
  co_await demo::next_event();
}

app::Task<> on_folly(int fd, char *buf) {
  ::read(fd, buf, 1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'read' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await an asynchronous equivalent instead; if the call must block, run it on a blocking executor with 'co_await folly::coro::co_withExecutor(pool, task)'
  co_await demo::next_event();
}
