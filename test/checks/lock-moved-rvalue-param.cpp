// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
#include "task.h"
#include <mutex>
#include <shared_mutex>

std::mutex m;
std::shared_mutex sm;
bool cond();
void consume(std::unique_lock<std::mutex> lk);
void take(std::unique_lock<std::mutex> &&lk);

demo::task<> f() {
  std::unique_lock<std::mutex> lk(m);
  take(std::move(lk));
  co_await demo::next_event();
}
struct Holder { std::unique_lock<std::mutex> lock; };
Holder keep(Holder);
demo::task<> into_object() {
  std::unique_lock<std::mutex> lk(m);
  keep(Holder{std::move(lk)});
  co_await demo::next_event();
}
