// RUN: %check_clang_tidy %s coro-unchecked-spawn %t -- -- -I %inputs
// concurrencpp: post() swallows what the work throws; submit() hands it back
// in a result that must be kept.
#include "concurrencpp/concurrencpp.h"
#include <string>

// Both throw on an ordinary failure: a malformed number.
int compute() { return std::stoi("forty-two"); }
struct Job {
  void operator()() const { (void)compute(); }
};

void posted(concurrencpp::runtime &runtime) {
  auto executor = runtime.thread_pool_executor();
  executor->post(Job{});
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'concurrencpp::executor::post' discards any exception the posted work throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  executor->submit(compute);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'result' returned by 'concurrencpp::executor::submit' is discarded: nobody observes how the spawned work ends, so its failure is lost [guide §4.2] [coro-unchecked-spawn]
  auto worker = runtime.make_worker_thread_executor();
  if (worker)
    worker->submit(compute);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'result' returned by 'concurrencpp::executor::submit' is discarded
}

concurrencpp::result<int> from_a_coroutine(std::shared_ptr<concurrencpp::executor> executor) {
  executor->post(compute);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'concurrencpp::executor::post' discards any exception
  concurrencpp::result<int> kept = executor->submit(compute);
  co_return co_await kept;
}

// A user executor derives from the CRTP base.
class inline_executor : public concurrencpp::derivable_executor<inline_executor> {};

void on_a_user_executor(inline_executor &executor) {
  executor.post(Job{});
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'concurrencpp::derivable_executor::post' discards any exception
  executor.submit(compute);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: the 'result' returned by 'concurrencpp::derivable_executor::submit' is discarded
}

// The result carries the failure to whoever awaits or gets it.
int observed(concurrencpp::runtime &runtime) {
  auto executor = runtime.thread_pool_executor();
  auto result = executor->submit(compute);
  executor->submit(compute).wait();
  return result.get();
}

// Posted work is judged by what it does: only logging loses no failure that
// matters; a parser that throws on bad input does.
void log(const char *);
void posted_lambdas(std::shared_ptr<concurrencpp::executor> executor) {
  executor->post([] { log("tick"); });
  executor->post([] { log(std::to_string(std::stoi("x")).c_str()); });
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'concurrencpp::executor::post' discards any exception the posted work throws
  executor->post([] {
    try {
      (void)std::stoi("x");
    } catch (const std::exception &) {
      log("bad number");
    }
  });
}
