//===--- RuntimeAdvice.cpp - what to do instead, per runtime --------------===//

#include "RuntimeAdvice.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FormatVariadic.h"

namespace clang::tidy::corolint {
namespace {

/// The advice for one runtime; "{0}" stands for its Asio namespace prefix
/// ("asio::" or "boost::asio::").
struct Advice {
  enum Runtime::Kind Runtime;
  const char *Timer;
  const char *Offload;
};

// Without bind_executor the use_awaitable handler carries this coroutine's
// executor, so asio::post(pool, use_awaitable) resumes here.
constexpr Advice Table[] = {
    {Runtime::Asio,
     "await a '{0}steady_timer' with 'async_wait({0}use_awaitable)' instead "
     "of sleeping",
     "hop to a separate thread pool with 'co_await {0}post({0}bind_executor("
     "pool, {0}use_awaitable))' and back the same way ('{0}post(pool, "
     "{0}use_awaitable)' does not leave this executor)"},
    {Runtime::Folly, "await 'folly::coro::sleep' instead of sleeping",
     "run it on a blocking executor with 'co_await "
     "folly::coro::co_withExecutor(pool, task)'"},
    {Runtime::Libcoro, "await 'coro::scheduler::yield_for' instead of sleeping",
     "hop to a 'coro::thread_pool' with 'co_await pool.schedule()'"},
    {Runtime::Cppcoro,
     "await a cppcoro timer such as 'io_service::schedule_after' instead of "
     "sleeping",
     "hop to a 'cppcoro::static_thread_pool' with 'co_await "
     "pool.schedule()'"},
    {Runtime::Concurrencpp,
     "await a 'concurrencpp::timer_queue' delay object instead of sleeping",
     "submit it to the runtime's 'background_executor' and co_await the "
     "result"},
    {Runtime::AsyncSimple,
     "await 'async_simple::coro::sleep' instead of sleeping",
     "run it in a 'Lazy' started on a blocking executor with "
     "'.via(executor)' and co_await it"},
    {Runtime::Unknown, "await your runtime's timer instead of sleeping",
     "run it on a thread pool that is not this coroutine's executor"},
};

const Advice &adviceFor(const Runtime &RT) {
  const Advice *Found = llvm::find_if(
      Table, [&RT](const Advice &Row) { return Row.Runtime == RT.Kind; });
  if (Found == std::end(Table))
    llvm_unreachable("every runtime has a row");
  return *Found;
}

} // namespace

std::string timerAdvice(const Runtime &RT) {
  return llvm::formatv(adviceFor(RT).Timer, RT.asioPrefix()).str();
}

std::string offloadAdvice(const Runtime &RT) {
  return llvm::formatv(adviceFor(RT).Offload, RT.asioPrefix()).str();
}

} // namespace clang::tidy::corolint
