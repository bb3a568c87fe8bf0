// RUN: %check_clang_tidy %s coro-unchecked-spawn %t -- -- -I %inputs
// The spawn APIs of current libcoro (coro::scheduler, thread_pool,
// task_group), async_simple (Executor::schedule, Lazy::start/directlyStart)
// and concurrencpp (post of work that cannot throw, forwarding posts), from
// lookalike headers with their public API names.
#include "async_simple/coro/Lazy.h"
#include "concurrencpp/concurrencpp.h"
#include "coro/scheduler.hpp"
#include <string>

coro::task<void> background();
coro::task<int> answer();

void libcoro(coro::scheduler &scheduler, coro::thread_pool &pool,
             coro::task_group<coro::scheduler> &group) {
  scheduler.spawn_detached(background());
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the bool returned by 'coro::scheduler::spawn_detached' is ignored: a task that could not be scheduled is silently dropped [guide §4.2] [coro-unchecked-spawn]
  pool.spawn_detached(background());
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the bool returned by 'coro::thread_pool::spawn_detached' is ignored
  scheduler.spawn_joinable(answer());
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'task' returned by 'coro::scheduler::spawn_joinable' is discarded: nobody observes how the spawned work ends, so its failure is lost [guide §4.2] [coro-unchecked-spawn]
  pool.spawn_joinable(answer());
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the 'task' returned by 'coro::thread_pool::spawn_joinable' is discarded
  group.start(background());
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the bool returned by 'coro::task_group::start' is ignored
}

bool libcoro_checked(coro::scheduler &scheduler,
                     coro::task_group<coro::scheduler> &group) {
  auto joined = scheduler.spawn_joinable(answer());
  return scheduler.spawn_detached(background()) && group.start(background());
}

// async_simple's Executor::schedule says whether it took the function.
class Pool : public async_simple::Executor {
public:
  bool schedule(Func func) override;
};

void schedules(async_simple::Executor &ex, Pool &pool) {
  ex.schedule([] {});
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: the bool returned by 'async_simple::Executor::schedule' is ignored
  pool.schedule([] {});
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the bool returned by 'Pool::schedule' is ignored
  if (!pool.schedule([] {}))
    return;
}

// Throws on an ordinary failure: a malformed number.
async_simple::coro::Lazy<int> fetch() { co_return std::stoi("forty-two"); }
void log_error(std::exception_ptr);

void starts(async_simple::Executor *ex) {
  fetch().start([](auto &&) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: the callback given to 'async_simple::coro::Lazy::start' ignores the 'Try' it receives: a failure of the lazy task ends unobserved, as with 'detached' [guide §4.2] [coro-unchecked-spawn]
  fetch().directlyStart([](async_simple::Try<int>) {}, ex);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: the callback given to 'async_simple::coro::Lazy::directlyStart' ignores the 'Try'
  fetch().via(ex).start([](async_simple::Try<int> result) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: the callback given to 'async_simple::coro::RescheduleLazy::start' ignores the 'Try'
  // The callback looks at the outcome; detach() rethrows a failure.
  fetch().start([](async_simple::Try<int> result) {
    if (result.hasError())
      log_error(result.getException());
  });
  fetch().via(ex).start([](auto &&result) { (void)result.value(); });
  fetch().detach();
}

// concurrencpp wraps only work that may throw: posting work that cannot
// loses nothing. A post that forwards its work to another post
// (derivable_executor<T>::post to executor::post) is one finding.
struct Quiet {
  void operator()() const noexcept;
};
struct Loud {
  void operator()() const { throw 1; }
};
class inline_executor
    : public concurrencpp::derivable_executor<inline_executor> {};

void posts(std::shared_ptr<concurrencpp::executor> executor,
           inline_executor &mine, std::span<Quiet> quiet,
           std::span<Loud> loud) {
  executor->post([] {});
  executor->post([]() noexcept { throw 1; });
  executor->post(Quiet{});
  executor->bulk_post(quiet);
  executor->bulk_post(loud);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'concurrencpp::executor::bulk_post' discards any exception the posted work throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  executor->post([] { throw 1; });
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'concurrencpp::executor::post' discards any exception
  mine.post(Loud{});
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'concurrencpp::derivable_executor::post' discards any exception
}

// A lazy task that only logs loses nothing that matters to a callback that
// ignores its Try.
void log(const char *);
async_simple::coro::Lazy<void> only_logs() {
  log("tick");
  co_return;
}
void starts_quiet() { only_logs().start([](auto &&) {}); }
