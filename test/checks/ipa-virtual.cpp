// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- -I %inputs
// A virtual call is followed only when its final overrider is known: the
// method or the class is final, the call is qualified, or the object is not
// a pointer or reference. Otherwise any override could run.
#include "task.h"
#include <chrono>
#include <thread>

using namespace std::chrono_literals;

struct Storage {
  virtual ~Storage() = default;
  virtual void flush() { std::this_thread::sleep_for(1ms); }
  virtual void sync() {}
};
struct Disk : Storage {
  void flush() final { std::this_thread::sleep_for(1ms); }
  void sync() override { std::this_thread::sleep_for(1ms); }
};
struct Ram final : Storage {
  void sync() override { std::this_thread::sleep_for(1ms); }
};
struct Cache : Storage {
  void flush() override {}
};

demo::task<> through_base(Storage &s, Cache &c) {
  s.flush(); // any override may run
  s.sync();
  c.flush(); // Cache's subclasses may override again
  co_await demo::next_event();
}

demo::task<> known_overriders(Disk &d, Ram *r, Cache &c) {
  d.flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Disk::flush' may block the thread that runs this coroutine: 'std::this_thread::sleep_for' blocks within it; {{.*}} [coro-blocking-call]
  d.sync(); // not final: a subclass of Disk may override it
  r->sync();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Ram::sync' may block the thread
  c.Storage::flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Storage::flush' may block the thread
  Disk local;
  local.sync();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Disk::sync' may block the thread
  co_await demo::next_event();
}
