// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- -I %inputs
// RUN: %check_clang_tidy -fix-notes -check-suffix=NOTEFIX %s coro-blocking-call %t -- -- -I %inputs
// The note names the replacement of the runtime the coroutine's return type
// belongs to. Replacing a sleep changes behaviour, so the fix-it is on the
// note: --fix leaves the code alone (CHECK-FIXES), an editor may apply it
// (CHECK-FIXES-NOTEFIX).
#include "concurrencpp/concurrencpp.h"
#include "coro/coro.hpp"
#include "cppcoro/task.hpp"
#include "folly/coro/Task.h"
#include <chrono>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

folly::coro::Task<void> follyPoll() {
  std::this_thread::sleep_for(30s);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await 'folly::coro::sleep' instead of sleeping
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: 'std::this_thread::sleep_for' blocks
  // CHECK-FIXES: {{^}}  std::this_thread::sleep_for(30s);{{$}}
  // CHECK-FIXES-NOTEFIX: {{^}}  co_await folly::coro::sleep(30s);{{$}}
  ::sleep(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'sleep' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await 'folly::coro::sleep' instead of sleeping
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: 'sleep' blocks
  // CHECK-FIXES-NOTEFIX: {{^}}  ::sleep(1);{{$}}
  co_return;
}

folly::coro::Task<void> follyOffload(int fd, char *buf) {
  ::read(fd, buf, 1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'read' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await an asynchronous equivalent instead; if the call must block, run it on a blocking executor with 'co_await folly::coro::co_withExecutor(pool, task)'
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: 'read' blocks
  co_return;
}

coro::task<void> libcoroWork(int fd, char *buf) {
  std::this_thread::sleep_for(1ms);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await 'coro::scheduler::yield_for' instead of sleeping
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: 'std::this_thread::sleep_for' blocks
  // CHECK-FIXES-NOTEFIX: {{^}}  std::this_thread::sleep_for(1ms);{{$}}
  ::write(fd, buf, 1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'write' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await an asynchronous equivalent instead; if the call must block, hop to a 'coro::thread_pool' with 'co_await pool.schedule()'
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: 'write' blocks
  co_return;
}

cppcoro::task<> cppcoroWork(int fd, char *buf) {
  std::this_thread::sleep_for(1ms);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await a cppcoro timer such as 'io_service::schedule_after' instead of sleeping
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: 'std::this_thread::sleep_for' blocks
  ::read(fd, buf, 1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'read' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await an asynchronous equivalent instead; if the call must block, hop to a 'cppcoro::static_thread_pool' with 'co_await pool.schedule()'
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: 'read' blocks
  co_return;
}

concurrencpp::lazy_result<int> concurrencppWork(int fd, char *buf) {
  std::this_thread::sleep_for(1ms);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await a 'concurrencpp::timer_queue' delay object instead of sleeping
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:3: warning: 'std::this_thread::sleep_for' blocks
  int n = ::read(fd, buf, 1);
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'read' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:11: note: await an asynchronous equivalent instead; if the call must block, submit it to the runtime's 'background_executor' and co_await the result
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-3]]:11: warning: 'read' blocks
  co_return n;
}
