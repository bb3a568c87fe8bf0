// RUN: %check_clang_tidy %s coro-discarded-task %t -- -- -I %inputs
// Lazy and eager task types of the coroutine libraries, by their known names.
#include "concurrencpp/concurrencpp.h"
#include "coro/coro.hpp"
#include "cppcoro/task.hpp"
#include "folly/coro/Task.h"
#include "qcoro/qcorotask.h"
#include "seastar/core/future.hh"

cppcoro::task<int> load();
cppcoro::shared_task<> warm_cache();
folly::coro::Task<int> audit();
coro::task<> tick();
concurrencpp::result<int> submit_job();
concurrencpp::lazy_result<int> lazy_job();
QCoro::Task<> save_settings();
seastar::future<> write_log();

void lazy_ones(folly::Executor *ex) {
  load();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'cppcoro::task<int>' returned by 'load' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  warm_cache();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'cppcoro::shared_task<>' returned by 'warm_cache' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  audit();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'folly::coro::Task<int>' returned by 'audit' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  audit().scheduleOn(ex);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'folly::coro::TaskWithExecutor<int>' returned by 'scheduleOn' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  audit().semi();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'folly::SemiFuture<int>' returned by 'semi' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  tick();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'coro::task<>' returned by 'tick' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  lazy_job();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'concurrencpp::lazy_result<int>' returned by 'lazy_job' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
}

// The lookalike concurrencpp::result's promise suspends initially, but the
// real one runs eagerly: the EagerTaskTypes list decides.
void eager_ones() {
  submit_job();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'concurrencpp::result<int>' returned by 'submit_job' is discarded: the coroutine runs eagerly and any exception it throws is lost [guide §4.1] [coro-discarded-task]
  save_settings();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'QCoro::Task<>' returned by 'save_settings' is discarded: the coroutine runs eagerly and any exception it throws is lost [guide §4.1] [coro-discarded-task]
  write_log();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'seastar::future<>' returned by 'write_log' is discarded: the coroutine runs eagerly and any exception it throws is lost [guide §4.1] [coro-discarded-task]
}

// Passing tasks on is fine in every library.
int run_them(coro::io_scheduler &scheduler) {
  scheduler.spawn(tick());
  cppcoro::sync_wait(load());
  return folly::coro::blockingWait(audit());
}
