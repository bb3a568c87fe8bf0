// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- -I %inputs
// RUN: %check_clang_tidy -check-suffix=OPTION %s coro-blocking-call %t -- \
// RUN:   -config="{CheckOptions: {coro-blocking-call.NonBlockingFunctions: '::poll_ready;::Journal::append'}}" \
// RUN:   -- -I %inputs
// The guide's annotations (§6.1) on helpers: nonblocking stops the search,
// blocking ends a path whatever the body says. NonBlockingFunctions does
// what the nonblocking annotation does, for code you cannot edit.
#include "task.h"
#include <chrono>
#include <poll.h>
#include <thread>

using namespace std::chrono_literals;

struct Journal {
  // Really a write into a memory-mapped ring; the flush thread syncs it.
  void append(const char *entry) { std::this_thread::sleep_for(1ms); }
};

[[clang::annotate("corolint::blocking")]] void fsync_journal(Journal &j) {
  // Defined here but the body hides the system call behind a table.
}

[[clang::annotate("corolint::nonblocking")]] int poll_ready(int fd) {
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, 0); // a zero timeout: returns at once
}

int poll_ready_unannotated(int fd) {
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, 0);
}

void commit(Journal &j) {
  j.append("commit");
  fsync_journal(j);
}

void log_entry(Journal &j) { j.append("entry"); }

// An annotated helper on the way stops the search.
[[clang::annotate("corolint::nonblocking")]] void checkpoint(Journal &j) {
  commit(j);
}

demo::task<> persist(Journal &j, int fd) {
  poll_ready(fd);
  // CHECK-MESSAGES-OPTION-NOT: :[[@LINE-1]]
  poll_ready_unannotated(fd);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'poll_ready_unannotated' may block the thread that runs this coroutine: 'poll' blocks within it; {{.*}} [coro-blocking-call]
  // CHECK-NOTES: :31:10: note: 'poll' blocks here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: make 'poll_ready_unannotated' asynchronous
  // CHECK-MESSAGES-OPTION: :[[@LINE-4]]:3: warning: 'poll_ready_unannotated' may block
  checkpoint(j);
  log_entry(j);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'log_entry' may block the thread that runs this coroutine: 'std::this_thread::sleep_for' blocks within it; {{.*}} [coro-blocking-call]
  // CHECK-NOTES: :39:30: note: 'log_entry' calls 'Journal::append' here
  // CHECK-NOTES: :17:36: note: 'std::this_thread::sleep_for' blocks here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: make 'log_entry' asynchronous
  // A blocking annotation ends a path: commit blocks in fsync_journal.
  commit(j);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'commit' may block the thread that runs this coroutine: 'fsync_journal' blocks within it; {{.*}} [coro-blocking-call]
  // CHECK-NOTES: :36:3: note: 'fsync_journal' blocks here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: make 'commit' asynchronous
  // CHECK-MESSAGES-OPTION: :[[@LINE-4]]:3: warning: 'commit' may block the thread that runs this coroutine: 'fsync_journal' blocks within it;
  fsync_journal(j);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'fsync_journal' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await an asynchronous equivalent instead
  // CHECK-MESSAGES-OPTION: :[[@LINE-3]]:3: warning: 'fsync_journal' blocks the thread
  co_await demo::next_event();
}
