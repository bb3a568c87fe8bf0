// RUN: %check_clang_tidy %s coro-discarded-task,coro-unchecked-spawn %t -- -- -I %inputs
// In a coroutine, dropping an awaitable that is not a task (await_ready /
// await_suspend / await_resume, or an operator co_await) is a forgotten
// co_await. Generators are not tasks. A dropped spawn result is one finding,
// by coro-unchecked-spawn.
#include "async_simple/coro/Generator.h"
#include "async_simple/coro/Lazy.h"
#include "concurrencpp/concurrencpp.h"
#include "coro/scheduler.hpp"
#include "cppcoro/io_service.hpp"

void heavy_work();

concurrencpp::result<void>
hop(std::shared_ptr<concurrencpp::thread_pool_executor> pool) {
  concurrencpp::resume_on(pool);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: awaitable 'concurrencpp::details::resume_on_awaitable<concurrencpp::thread_pool_executor>' returned by 'resume_on' is discarded: the operation it stands for happens only when it is awaited (a forgotten co_await) [guide §4.1] [coro-discarded-task]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: await it so that the operation happens here
  heavy_work();
  co_await concurrencpp::resume_on(pool);
}

cppcoro::task<> timers(cppcoro::io_service &io) {
  io.schedule_after(std::chrono::milliseconds(10));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: awaitable 'lookalike::awaiter<void>' returned by 'schedule_after' is discarded
  co_await io.schedule_after(std::chrono::milliseconds(10));
}

// Outside a coroutine an awaitable may be built to be awaited elsewhere.
void not_a_coroutine(cppcoro::io_service &io) { io.schedule(); }

async_simple::coro::Lazy<int> fetch();
async_simple::coro::Generator<int> numbers();

async_simple::coro::Lazy<int> lazies() {
  fetch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'async_simple::coro::Lazy<int>' returned by 'fetch' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  numbers();
  co_return co_await fetch();
}

coro::task<int> answer();
int compute();
void spawns(coro::scheduler &scheduler,
            std::shared_ptr<concurrencpp::executor> executor) {
  scheduler.spawn_joinable(answer());
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'task' returned by 'coro::scheduler::spawn_joinable' is discarded: nobody observes how the spawned work ends, so its failure is lost [guide §4.2] [coro-unchecked-spawn]
  executor->submit(compute);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'result' returned by 'concurrencpp::executor::submit' is discarded
}
