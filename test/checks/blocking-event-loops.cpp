// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- -I %inputs
// Nested event loops and blocking waits on other runtimes' futures, inside
// coroutines of each runtime (lookalike headers).
#include "concurrencpp/concurrencpp.h"
#include "coro/coro.hpp"
#include "cppcoro/task.hpp"
#include "folly/coro/Task.h"
#include "stdexec/execution.hpp"

using namespace std::chrono_literals;

folly::coro::Task<int> fetchConfig();

folly::coro::Task<void> refreshLoop() {
  auto cfg = folly::coro::blockingWait(fetchConfig());
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'folly::coro::blockingWait' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:14: note: co_await the work directly instead of waiting for it on this thread
  co_await folly::coro::sleep(std::chrono::milliseconds(cfg));
}

folly::coro::Task<int> futures(folly::SemiFuture<int> semi, folly::Future<int> fut) {
  semi.wait();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'folly::SemiFuture::wait' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: co_await the work directly instead of waiting for it on this thread
  int v = std::move(fut).get();
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'folly::Future::get' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:11: note: co_await the work directly instead of waiting for it on this thread
  co_return v + co_await fetchConfig();
}

cppcoro::task<int> cppcoroValue();
cppcoro::task<int> cppcoroCaller() {
  int v = cppcoro::sync_wait(cppcoroValue());
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'cppcoro::sync_wait' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:11: note: co_await the work directly instead of waiting for it on this thread
  co_return v + co_await cppcoroValue();
}

coro::task<int> libcoroValue();
coro::task<int> libcoroCaller() {
  int v = coro::sync_wait(libcoroValue());
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'coro::sync_wait' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:11: note: co_await the work directly instead of waiting for it on this thread
  co_return v + co_await libcoroValue();
}

concurrencpp::result<int> concurrencppCaller(concurrencpp::result<int> r,
                                             concurrencpp::result<int> s) {
  r.wait_for(5ms);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'concurrencpp::result::wait_for' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: co_await the work directly instead of waiting for it on this thread
  int v = r.get();
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'concurrencpp::result::get' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:11: note: co_await the work directly instead of waiting for it on this thread
  co_return v + co_await s;
}

cppcoro::task<> senders() {
  stdexec::sync_wait(stdexec::just());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'stdexec::sync_wait' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: co_await the work directly instead of waiting for it on this thread
  co_await cppcoroValue();
}

// Blocking waiters belong in main and in tests: outside coroutines.
int main() {
  int v = folly::coro::blockingWait(fetchConfig());
  v += cppcoro::sync_wait(cppcoroValue()) + coro::sync_wait(libcoroValue());
  stdexec::sync_wait(stdexec::just());
  return v;
}
