// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- -I %inputs
// Templates are followed in their instantiations: a helper template blocks
// for some arguments and not for others; a call in a coroutine template is
// reported once however often it is instantiated.
#include "task.h"
#include <chrono>
#include <fstream>
#include <string>
#include <thread>

using namespace std::chrono_literals;

struct FileSource {
  std::string read() {
    std::ifstream in("data");
    std::string s;
    in >> s;
    return s;
  }
};
struct MemorySource {
  std::string read() { return buffer; }
  std::string buffer;
};

template <typename Source> std::string fetch(Source &source) {
  return source.read();
}

demo::task<> fetch_both(FileSource &file, MemorySource &memory) {
  fetch(memory);
  fetch(file);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'fetch' may block the thread that runs this coroutine: opening a file with 'std::basic_ifstream' blocks within it; {{.*}} [coro-blocking-call]
  // CHECK-NOTES: :27:10: note: 'fetch' calls 'FileSource::read' here
  // CHECK-NOTES: :15:19: note: opening a file with 'std::basic_ifstream' blocks here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: make 'fetch' asynchronous
  co_await demo::next_event();
}

// A member of a class template.
template <typename Rep> struct Throttle {
  void pause(Rep ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }
  void skip(Rep) {}
};

demo::task<> throttled(Throttle<int> &t) {
  t.skip(1);
  t.pause(5);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Throttle::pause' may block the thread that runs this coroutine: 'std::this_thread::sleep_for' blocks within it; {{.*}} [coro-blocking-call]
  // CHECK-NOTES: :42:24: note: 'std::this_thread::sleep_for' blocks here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: make 'Throttle::pause' asynchronous
  co_await demo::next_event();
}

// A coroutine template whose helper depends on the template argument:
// reported once, for the instantiation that blocks.
template <typename Source> demo::task<> pump(Source &source) {
  fetch(source);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'fetch' may block the thread that runs this coroutine: opening a file with 'std::basic_ifstream' blocks within it; {{.*}} [coro-blocking-call]
  // CHECK-NOTES: :27:10: note: 'fetch' calls 'FileSource::read' here
  // CHECK-NOTES: :15:19: note: opening a file with 'std::basic_ifstream' blocks here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: make 'fetch' asynchronous
  co_await demo::next_event();
}
template demo::task<> pump(MemorySource &);
template demo::task<> pump(FileSource &);
struct OtherFile : FileSource {};
template demo::task<> pump(OtherFile &);

// A generic lambda called in place is instantiated and followed.
demo::task<> generic_lambda() {
  auto wait = [](auto duration) { std::this_thread::sleep_for(duration); };
  wait(1ms);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the lambda may block the thread that runs this coroutine: 'std::this_thread::sleep_for' blocks within it; {{.*}} [coro-blocking-call]
  // CHECK-NOTES: :[[@LINE-3]]:35: note: 'std::this_thread::sleep_for' blocks here
  // CHECK-NOTES: :[[@LINE-3]]:3: note: make the lambda asynchronous
  co_await demo::next_event();
}
