// RUN: %check_clang_tidy %s coro-unbounded-channel %t -- -- -I %inputs
// Nothing here is a finding: bounded queues, standard containers, types that
// only share a name, and places that construct no queue.
#include "coro/coro.hpp"
#include "folly/coro/Task.h"
#include <deque>
#include <memory>
#include <queue>

struct Job {};

folly::coro::BoundedQueue<Job> bounded{128};
folly::coro::BoundedQueue<Job, true, true> spsc{16};
coro::ring_buffer<Job, 64> ring;
std::queue<Job> standardQueue;
std::deque<Job> standardDeque;

namespace app {
template <typename T> struct queue { T front; };
struct UnboundedQueue {};
namespace coro {
template <typename T> struct queue {};
}
} // namespace app
app::queue<Job> userQueue;
app::UnboundedQueue userNamed;
app::coro::queue<Job> nestedNamespace;

// References, pointers and parameters construct nothing.
void use(folly::coro::UnboundedQueue<Job> &byReference,
         coro::queue<Job> *byPointer,
         std::shared_ptr<folly::coro::UnboundedQueue<Job>> shared);
struct Borrower {
  folly::coro::UnboundedQueue<Job> &borrowed;
  std::unique_ptr<coro::queue<Job>> owned;
};

// A declaration that is not a definition; a template never instantiated with
// a queue; a type alias on its own.
extern coro::queue<Job> definedInAnotherFile;
using JobQueue = folly::coro::UnboundedQueue<Job>;
template <typename T> struct Box { T value; };
Box<int> box;

// Try-sends whose result is used.
folly::coro::Task<bool> offer(folly::coro::BoundedQueue<Job> &queue) {
  co_return queue.try_enqueue(Job{});
}
