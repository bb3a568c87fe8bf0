// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- -I %inputs
// The guide's annotations (§6.1) classify functions whatever their names;
// helpers without one are classified by their bodies (ipa-*.cpp).
#include "task.h"
#include <cstddef>
#include <fstream>
#include <span>
#include <unistd.h>

struct Journal {};

[[clang::annotate("corolint::blocking")]]
void fsync_journal(Journal &j); // defined elsewhere; really blocks

[[clang::annotate("corolint::nonblocking")]]
std::size_t drain(int fd, std::span<std::byte> out); // O_NONBLOCK fd

// A nonblocking annotation wins over the default list.
[[clang::annotate("corolint::nonblocking")]]
ssize_t read(int fd, void *buf, size_t n);

class Store {
public:
  [[clang::annotate("corolint::blocking")]] void flush();
  void stage();
};

void save_snapshot(const char *state) {
  std::ofstream out("snapshot"); // only the helper's body says it blocks
  out << state;
}

demo::task<> persist(Journal &j, Store &store, int fd) {
  fsync_journal(j);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fsync_journal' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  store.flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Store::flush' blocks the thread
  store.stage();
  std::byte buf[64];
  drain(fd, buf);
  char raw[4];
  read(fd, raw, sizeof raw);
  save_snapshot("state");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'save_snapshot' may block the thread that runs this coroutine: opening a file with 'std::basic_ofstream' blocks within it; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  co_await demo::next_event();
}
