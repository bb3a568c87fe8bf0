// RUN: %check_clang_tidy -expect-clang-tidy-error %s coro-unchecked-spawn %t -- -- -I %inputs %asio_flags
// Code that does not compile: no crash, no finding made of half-typed calls,
// and the valid code around it is still checked.
#include "coro/coro.hpp"
#include "stdexec/execution.hpp"
#include <asio.hpp>
#include <thread>

coro::task<void> background();
asio::awaitable<void> session();

void broken(coro::thread_pool &pool, asio::io_context &io) {
  pool.spawn(background(), 42);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: error: too many arguments to function call, expected 1, have 2 [clang-diagnostic-error]
  pool.spawn(undeclared_task());
  // CHECK-MESSAGES: :[[@LINE-1]]:14: error: use of undeclared identifier 'undeclared_task' [clang-diagnostic-error]
  std::thread(undeclared_work).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: error: use of undeclared identifier 'undeclared_work' [clang-diagnostic-error]
  stdexec::start_detached(undeclared_sender);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: error: use of undeclared identifier 'undeclared_sender' [clang-diagnostic-error]
  asio::co_spawn(io, undeclared_session(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: error: use of undeclared identifier 'undeclared_session' [clang-diagnostic-error]
  asio::co_spawn(session(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: no matching function for call to 'co_spawn' [clang-diagnostic-error]
}

void still_checked(coro::thread_pool &pool) {
  pool.spawn(background());
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the bool returned by 'coro::thread_pool::spawn' is ignored
}
