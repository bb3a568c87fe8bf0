// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- -I %inputs
// Constructors with bodies are helpers too, their member initialisers
// included; coroutines and functions in system headers are not followed.
#include "task.h"
#include <fstream>
#include <string>
#include <vector>

struct Config {
  explicit Config(const char *path) {
    std::ifstream in(path);
    in >> name;
  }
  Config() = default;
  std::string name;
};

struct Service {
  Service() : log_("service.log") {}
  std::ofstream log_;
};

struct Plain {
  int x = 0;
};

demo::task<> loads(const char *path) {
  Config defaults;
  Plain plain;
  std::vector<int> v(3);
  Config cfg(path);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'Config::Config' may block the thread that runs this coroutine: opening a file with 'std::basic_ifstream' blocks within it; {{.*}} [coro-blocking-call]
  // CHECK-NOTES: :11:19: note: opening a file with 'std::basic_ifstream' blocks here
  // CHECK-NOTES: :[[@LINE-3]]:10: note: make 'Config::Config' asynchronous
  Service service;
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'Service::Service' may block the thread that runs this coroutine: opening a file with 'std::basic_ofstream' blocks within it; {{.*}} [coro-blocking-call]
  // CHECK-NOTES: :19:15: note: opening a file with 'std::basic_ofstream' blocks here
  // CHECK-NOTES: :[[@LINE-3]]:11: note: make 'Service::Service' asynchronous
  co_await demo::next_event();
}

// A coroutine's body is analysed on its own: calling it only creates the
// task, and the blocking call is reported once, in 'reader'.
demo::task<std::string> reader(const char *path) {
  std::ifstream in(path);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: opening a file with 'std::basic_ifstream' blocks the thread
  // CHECK-NOTES: :[[@LINE-2]]:17: note: await an asynchronous equivalent
  std::string s;
  in >> s;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'operator>>' on a 'std::basic_ifstream' blocks
  // CHECK-NOTES: :[[@LINE-2]]:3: note: await an asynchronous equivalent
  co_return s;
}
demo::task<> uses_reader() {
  co_await reader("x");
}
