// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- -I %inputs
// RUN: %check_clang_tidy -check-suffix=DEPTH2 %s coro-blocking-call %t -- \
// RUN:   -config="{CheckOptions: {coro-blocking-call.MaxCallDepth: 2}}" -- -I %inputs
// Calls are followed into helpers up to MaxCallDepth (default 4) helpers
// deep; the warning is at the call in the coroutine, with one note per hop.
#include "task.h"
#include <chrono>
#include <fstream>
#include <string>
#include <thread>

using namespace std::chrono_literals;

std::string read_file(const char *path) {
  std::ifstream in(path);
  std::string text;
  in >> text;
  return text;
}
std::string load_config() { return read_file("app.cfg"); }
std::string reload() { return load_config(); }
std::string refresh() { return reload(); }
std::string refresh_all() { return refresh(); }

demo::task<> depth1() {
  read_file("app.cfg");
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'read_file' may block the thread that runs this coroutine: opening a file with 'std::basic_ifstream' blocks within it; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  // CHECK-NOTES: :15:17: note: opening a file with 'std::basic_ifstream' blocks here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: make 'read_file' asynchronous and await it; if it must block, run it on a thread pool that is not this coroutine's executor
  // CHECK-MESSAGES-DEPTH2: :[[@LINE-4]]:3: warning: 'read_file' may block
  co_await demo::next_event();
}

demo::task<> depth2() {
  load_config();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'load_config' may block the thread that runs this coroutine: opening a file with 'std::basic_ifstream' blocks within it; {{.*}} [coro-blocking-call]
  // CHECK-NOTES: :20:36: note: 'load_config' calls 'read_file' here
  // CHECK-NOTES: :15:17: note: opening a file with 'std::basic_ifstream' blocks here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: make 'load_config' asynchronous and await it
  // CHECK-MESSAGES-DEPTH2: :[[@LINE-5]]:3: warning: 'load_config' may block
  co_await demo::next_event();
}

demo::task<> depth3() {
  reload();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'reload' may block the thread that runs this coroutine: opening a file with 'std::basic_ifstream' blocks within it; {{.*}} [coro-blocking-call]
  // CHECK-NOTES: :21:31: note: 'reload' calls 'load_config' here
  // CHECK-NOTES: :20:36: note: 'load_config' calls 'read_file' here
  // CHECK-NOTES: :15:17: note: opening a file with 'std::basic_ifstream' blocks here
  // CHECK-NOTES: :[[@LINE-5]]:3: note: make 'reload' asynchronous and await it
  co_await demo::next_event();
}

demo::task<> depth4() {
  refresh();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'refresh' may block the thread that runs this coroutine: opening a file with 'std::basic_ifstream' blocks within it; {{.*}} [coro-blocking-call]
  // CHECK-NOTES: :22:32: note: 'refresh' calls 'reload' here
  // CHECK-NOTES: :21:31: note: 'reload' calls 'load_config' here
  // CHECK-NOTES: :20:36: note: 'load_config' calls 'read_file' here
  // CHECK-NOTES: :15:17: note: opening a file with 'std::basic_ifstream' blocks here
  // CHECK-NOTES: :[[@LINE-6]]:3: note: make 'refresh' asynchronous and await it
  co_await demo::next_event();
}

// Five helpers deep is beyond the default depth.
demo::task<> depth5() {
  refresh_all();
  co_await demo::next_event();
}

// The shortest known path is shown: 'pick' blocks itself further down, but
// also calls a helper that blocks.
void nap() { std::this_thread::sleep_for(1ms); }
void pick(bool fast) {
  if (fast)
    nap();
  std::this_thread::sleep_for(1ms);
}
demo::task<> shortest() {
  pick(true);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'pick' may block the thread that runs this coroutine: 'std::this_thread::sleep_for' blocks within it; {{.*}} [coro-blocking-call]
  // CHECK-NOTES: :77:3: note: 'std::this_thread::sleep_for' blocks here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: make 'pick' asynchronous and await it
  // CHECK-MESSAGES-DEPTH2: :[[@LINE-4]]:3: warning: 'pick' may block
  co_await demo::next_event();
}

// A helper searched with a small depth first and a larger one later.
demo::task<> deeper_later() {
  refresh();
  load_config();
  // CHECK-NOTES: :[[@LINE-2]]:3: warning: 'refresh' may block
  // CHECK-NOTES: :22:32: note: 'refresh' calls 'reload' here
  // CHECK-NOTES: :21:31: note: 'reload' calls 'load_config' here
  // CHECK-NOTES: :20:36: note: 'load_config' calls 'read_file' here
  // CHECK-NOTES: :15:17: note: opening a file with 'std::basic_ifstream' blocks here
  // CHECK-NOTES: :[[@LINE-7]]:3: note: make 'refresh' asynchronous
  // CHECK-NOTES: :[[@LINE-7]]:3: warning: 'load_config' may block
  // CHECK-NOTES: :20:36: note: 'load_config' calls 'read_file' here
  // CHECK-NOTES: :15:17: note: opening a file with 'std::basic_ifstream' blocks here
  // CHECK-NOTES: :[[@LINE-10]]:3: note: make 'load_config' asynchronous
  // CHECK-MESSAGES-DEPTH2: :[[@LINE-11]]:3: warning: 'load_config' may block
  co_await demo::next_event();
}
