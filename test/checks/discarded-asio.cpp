// RUN: %check_clang_tidy %s coro-discarded-task %t -- -- %asio_flags
// RUN: %check_clang_tidy -fix-notes -check-suffix=NOTEFIX %s coro-discarded-task %t -- -- %asio_flags
// Real Asio 1.22. asio::awaitable is [[nodiscard]], but clang-tidy shows
// clang's warning only with clang-diagnostic-unused-value enabled, so this
// check reports it here.
#include <asio.hpp>
#include <asio/experimental/awaitable_operators.hpp>
#include <asio/experimental/promise.hpp>

using namespace asio::experimental::awaitable_operators;

asio::awaitable<void> flush();
asio::awaitable<int> notify_peers();

asio::awaitable<void> close_connection() {
  flush();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: task 'asio::awaitable<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await the task so that it runs and its failure reaches this coroutine
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: task 'asio::awaitable<void>' returned by 'flush' is discarded
  // CHECK-FIXES-NOTEFIX: {{^}}  co_await flush();{{$}}

  // An awaitable operator builds one awaitable from two: parentheses keep
  // `co_await` applying to all of it.
  flush() && notify_peers();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: task 'asio::awaitable<int>' returned by 'operator&&' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await the task so that it runs and its failure reaches this coroutine
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: task 'asio::awaitable<int>' returned by 'operator&&' is discarded
  // CHECK-FIXES-NOTEFIX: {{^}}  co_await (flush() && notify_peers());{{$}}

  auto executor = co_await asio::this_coro::executor;
  // Handing the awaitable to co_spawn is not a discarded task (whether the
  // detached failure is observed is coro-unchecked-spawn's business)...
  asio::co_spawn(executor, flush(), asio::detached);
  // ...but co_spawn with use_awaitable returns a new awaitable to drop.
  asio::co_spawn(executor, flush(), asio::use_awaitable);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: task 'asio::awaitable<void>' returned by 'co_spawn' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await the task so that it runs and its failure reaches this coroutine
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: task 'asio::awaitable<void>' returned by 'co_spawn' is discarded
  // CHECK-FIXES-NOTEFIX: {{^}}  co_await asio::co_spawn(executor, flush(), asio::use_awaitable);{{$}}

  // Dropping an experimental::promise cancels the operation it started.
  asio::steady_timer timer(executor, std::chrono::seconds(1));
  timer.async_wait(asio::experimental::use_promise);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: task 'asio::experimental::promise<void (std::error_code)>' returned by 'async_wait' is discarded: destroying it cancels the operation it started [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: keep the promise until the operation completes, and wait for it with async_wait
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: task 'asio::experimental::promise<void (std::error_code)>' returned by 'async_wait' is discarded

  co_await (flush() && notify_peers());
  co_await flush();
}

int main() {
  asio::io_context io;
  flush();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: task 'asio::awaitable<void>' returned by 'flush' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: run the task: co_await it from a coroutine, hand it to a runner such as co_spawn or sync_wait, or store it and await it later
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: task 'asio::awaitable<void>' returned by 'flush' is discarded
  // CHECK-FIXES-NOTEFIX: {{^}}  flush();{{$}}
  asio::co_spawn(io, close_connection(), asio::detached);
  auto later = flush();
  asio::co_spawn(io, std::move(later), asio::detached);
  io.run();
}
