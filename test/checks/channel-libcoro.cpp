// RUN: %check_clang_tidy %s coro-unbounded-channel %t -- -- -I %inputs
// RUN: %check_clang_tidy -fix-notes -check-suffix=FIX %s coro-unbounded-channel %t -- -- -I %inputs
// libcoro's coro::queue is unbounded; coro::ring_buffer<T, N> is the bounded
// twin, its capacity a template argument.
#include "coro/coro.hpp"
#include <queue>
#include <vector>

struct Job {};

coro::queue<Job> jobs;
// CHECK-NOTES: :[[@LINE-1]]:18: warning: unbounded queue 'coro::queue<Job>' has no backpressure: a producer faster than its consumer grows memory without limit [guide §3.3] [coro-unbounded-channel]
// CHECK-NOTES: :[[@LINE-2]]:7: note: use 'coro::ring_buffer<T, N>' with N sized for the expected load; 'co_await produce()' then waits while it is full
// CHECK-MESSAGES-FIX: :[[@LINE-3]]:18: warning: unbounded queue
// CHECK-FIXES-FIX: coro::ring_buffer<Job, /*capacity=*/1024> jobs;

coro::task<void> accept(coro::thread_pool &pool) {
  co_await pool.schedule();
  co_await jobs.push(Job{}); // Never waits: the queue just grows.
}

// The closing '>' of a nested template argument list is split from '>>'.
coro::queue<std::vector<int>> batches;
// CHECK-NOTES: :[[@LINE-1]]:31: warning: unbounded queue 'coro::queue<std::vector<int>>' has no backpressure
// CHECK-NOTES: :[[@LINE-2]]:7: note: use 'coro::ring_buffer<T, N>'
// CHECK-MESSAGES-FIX: :[[@LINE-3]]:31: warning: unbounded queue
// CHECK-FIXES-FIX: coro::ring_buffer<std::vector<int>, /*capacity=*/1024> batches;

// A namespace alias is still the same template.
namespace lc = coro;
lc::queue<int> viaAlias;
// CHECK-NOTES: :[[@LINE-1]]:16: warning: unbounded queue 'lc::queue<int>' has no backpressure
// CHECK-NOTES: :[[@LINE-2]]:5: note: use 'coro::ring_buffer<T, N>'
// CHECK-MESSAGES-FIX: :[[@LINE-3]]:16: warning: unbounded queue
// CHECK-FIXES-FIX: lc::ring_buffer<int, /*capacity=*/1024> viaAlias;

// A queue type written by a macro is found, but not rewritten.
#define JOB_QUEUE coro::queue<Job>
JOB_QUEUE fromMacro;
// CHECK-NOTES: :[[@LINE-1]]:11: warning: unbounded queue 'coro::queue<Job>' has no backpressure
// CHECK-NOTES: :[[@LINE-2]]:11: note: use 'coro::ring_buffer<T, N>'
// CHECK-MESSAGES-FIX: :[[@LINE-3]]:11: warning: unbounded queue
// CHECK-FIXES-FIX: JOB_QUEUE fromMacro;

// Not findings: the bounded ring buffer, std::queue, and a user type that is
// merely called `queue` in another namespace.
namespace mylib {
template <typename T> class queue {
public:
  void push(T);
};
} // namespace mylib
coro::ring_buffer<Job, 256> ring;
std::queue<Job> stdQueue;
mylib::queue<Job> userQueue;
namespace coro::detail {
struct queue {}; // Not the template coro::queue.
}
coro::detail::queue detailQueue;
