// RUN: %check_clang_tidy %s coro-discarded-task %t -- -- -I %inputs
// RUN: %check_clang_tidy -fix-notes -check-suffix=NOTEFIX %s coro-discarded-task %t -- -- -I %inputs
// Inside a coroutine of the same library, the note inserts `co_await`.
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

folly::coro::Task<> process();
folly::coro::Task<> handle() {
  audit();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'folly::coro::Task<int>' returned by 'audit' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-2]]:3: warning: task 'folly::coro::Task<int>' returned by 'audit' is discarded
  // CHECK-FIXES-NOTEFIX: {{^}}  co_await audit();{{$}}
  folly::coro::collectAll(audit(), process());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'folly::coro::Task<>' returned by 'collectAll' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-2]]:3: warning: task 'folly::coro::Task<>' returned by 'collectAll' is discarded
  // CHECK-FIXES-NOTEFIX: {{^}}  co_await folly::coro::collectAll(audit(), process());{{$}}
  co_await folly::coro::collectAll(audit(), process());
}

QCoro::Task<> on_clicked() {
  save_settings();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'QCoro::Task<>' returned by 'save_settings' is discarded: the coroutine runs eagerly and any exception it throws is lost [guide §4.1] [coro-discarded-task]
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-2]]:3: warning: task 'QCoro::Task<>' returned by 'save_settings' is discarded
  // CHECK-FIXES-NOTEFIX: {{^}}  co_await save_settings();{{$}}
  co_return;
}

seastar::future<> serve() {
  write_log();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'seastar::future<>' returned by 'write_log' is discarded: the coroutine runs eagerly and any exception it throws is lost [guide §4.1] [coro-discarded-task]
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-2]]:3: warning: task 'seastar::future<>' returned by 'write_log' is discarded
  // CHECK-FIXES-NOTEFIX: {{^}}  co_await write_log();{{$}}
  co_return;
}

concurrencpp::result<int> pipeline() {
  lazy_job();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'concurrencpp::lazy_result<int>' returned by 'lazy_job' is discarded: a lazy coroutine never runs unless awaited [guide §4.1] [coro-discarded-task]
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-2]]:3: warning: task 'concurrencpp::lazy_result<int>' returned by 'lazy_job' is discarded
  // CHECK-FIXES-NOTEFIX: {{^}}  co_await lazy_job();{{$}}
  co_return co_await submit_job();
}

