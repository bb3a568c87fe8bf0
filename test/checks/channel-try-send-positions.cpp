// RUN: %check_clang_tidy %s coro-unbounded-channel %t -- -- -I %inputs
// A non-blocking send whose bool result is thrown away loses the message when
// the queue is full. Only a call in statement position is one whose result
// nobody reads; anything that looks at the result, or casts it to void on
// purpose, is fine.
#include "folly/coro/Task.h"

struct Event {};
bool shouldRetry();
void count(bool);

folly::coro::Task<void> positions(folly::coro::BoundedQueue<Event> &queue,
                                  folly::coro::BoundedAsyncPipe<Event> &pipe,
                                  int mode) {
  queue.try_enqueue(Event{});
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: result of 'try_enqueue' is ignored: the message is silently dropped when the channel or queue is full [guide §3.3] [coro-unbounded-channel]
  pipe.try_write(Event{});
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: result of 'try_write' is ignored
  (queue.try_enqueue(Event{}));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: result of 'try_enqueue' is ignored

  if (mode == 1)
    queue.try_enqueue(Event{});
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: result of 'try_enqueue' is ignored
  else
    pipe.try_write(Event{});
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: result of 'try_write' is ignored

  while (shouldRetry())
    queue.try_enqueue(Event{});
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: result of 'try_enqueue' is ignored
  do
    pipe.try_write(Event{});
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: result of 'try_write' is ignored
  while (shouldRetry());
  for (int i = 0; i < 3; queue.try_enqueue(Event{}))
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: result of 'try_enqueue' is ignored
    ++i;
  Event batch[2];
  for (Event &e : batch)
    queue.try_enqueue(e);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: result of 'try_enqueue' is ignored

  switch (mode) {
  case 3:
    queue.try_enqueue(Event{});
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: result of 'try_enqueue' is ignored
    break;
  default:
    pipe.try_write(Event{});
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: result of 'try_write' is ignored
  }
  // Unbraced statements nest.
  if (mode == 5)
    if (shouldRetry())
      queue.try_enqueue(Event{});
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: result of 'try_enqueue' is ignored
  if (mode == 6) [[unlikely]]
    pipe.try_write(Event{});
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: result of 'try_write' is ignored
  switch (mode)
  case 7:
    queue.try_enqueue(Event{});
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: result of 'try_enqueue' is ignored
retry:
  queue.try_enqueue(Event{});
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: result of 'try_enqueue' is ignored
  if (shouldRetry())
    goto retry;

  // In a lambda too: it has its own blocks.
  auto later = [&queue] { queue.try_enqueue(Event{}); };
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: result of 'try_enqueue' is ignored
  later();

  // Results that are used or deliberately dropped.
  if (!queue.try_enqueue(Event{}))
    count(false);
  bool accepted = pipe.try_write(Event{});
  count(accepted);
  count(queue.try_enqueue(Event{}));
  (void)queue.try_enqueue(Event{});
  static_cast<void>(pipe.try_write(Event{}));
  accepted = accepted && queue.try_enqueue(Event{});
  while (!pipe.try_write(Event{}))
    co_await folly::coro::sleep(std::chrono::milliseconds(1));
  // Waiting sends and other methods are not try-sends.
  co_await queue.enqueue(Event{});
  co_await pipe.write(Event{});
}

// A template instantiated twice reports its statement once.
template <typename T> void forward(folly::coro::BoundedQueue<T> &queue, T v) {
  queue.try_enqueue(v);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: result of 'try_enqueue' is ignored
}
template void forward<int>(folly::coro::BoundedQueue<int> &, int);
template void forward<Event>(folly::coro::BoundedQueue<Event> &, Event);

// A method that merely shares the name, on an unrelated class: not a finding.
struct Mailbox {
  bool try_enqueue(int);
  bool try_send(int);
};
void unrelated(Mailbox &box) {
  box.try_enqueue(1);
  box.try_send(2);
}
