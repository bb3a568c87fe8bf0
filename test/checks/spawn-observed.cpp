// RUN: %check_clang_tidy %s coro-unchecked-spawn %t -- -- -I %inputs
// A negative test: every spawn below has someone who learns how it ended.
#include "concurrencpp/concurrencpp.h"
#include "coro/coro.hpp"
#include "folly/coro/Task.h"
#include "stdexec/execution.hpp"
#include <future>
#include <thread>

coro::task<void> background();
folly::coro::Task<void> readLoop();
int compute();
void work();

// A result that is checked, stored, passed on or awaited is observed.
bool libcoro(coro::thread_pool &pool, coro::io_scheduler &scheduler) {
  while (!pool.spawn(background()))
    ;
  const bool queued = scheduler.spawn(background());
  return queued && scheduler.spawn_detached(background());
}

folly::coro::Task<void> folly_tasks(folly::Executor *ex) {
  folly::SemiFuture<void> future = folly::coro::co_withExecutor(ex, readLoop()).start();
  co_await folly::coro::co_withExecutor(ex, readLoop());
  std::move(future).get();
}

concurrencpp::result<int> concurrencpp_results(std::shared_ptr<concurrencpp::executor> executor) {
  auto result = executor->submit(compute);
  co_return co_await result;
}

void threads_and_senders() {
  std::thread joined(work);
  joined.join();
  std::jthread owned(work);
  std::future<void> async = std::async(std::launch::async, work);
  async.get();
  stdexec::sync_wait(stdexec::just());
}

// Not the functions the check knows: a user's own detach and spawn.
struct Worker {
  void detach();
  bool spawn(coro::task<void> &&);
};
void own_api(Worker &worker) {
  worker.detach();
  worker.spawn(background());
}
