// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
#include "task.h"
#include <mutex>

std::mutex m;

// Negative: guards over async mutexes suspend instead of blocking; the mutex type decides.
#include "folly/coro/Task.h"
#include "cppcoro/task.hpp"
#include "coro/coro.hpp"
#include "concurrencpp/concurrencpp.h"
folly::coro::Mutex fm;
cppcoro::async_mutex cm;
coro::mutex lm;
concurrencpp::async_lock al;
std::shared_ptr<concurrencpp::executor> ex;
folly::coro::Task<void> folly_scoped() {
  auto lk = co_await fm.co_scoped_lock(); // std::unique_lock<folly::coro::Mutex>
  co_await demo::next_event();
}
folly::coro::Task<void> folly_unique_lock_adopt() {
  std::unique_lock<folly::coro::Mutex> lk(fm, std::adopt_lock);
  co_await demo::next_event();
}
cppcoro::task<> cppcoro_scoped() {
  cppcoro::async_mutex_lock lk = co_await cm.scoped_lock_async();
  co_await demo::next_event();
}
coro::task<> libcoro_scoped() {
  coro::scoped_lock lk = co_await lm.lock();
  co_await demo::next_event();
}
concurrencpp::result<void> concurrencpp_scoped() {
  concurrencpp::scoped_async_lock lk = co_await al.lock(ex);
  co_await demo::next_event();
}
