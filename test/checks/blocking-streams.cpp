// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- -I %inputs
// File streams and standard input block; string streams and unrelated
// classes with the same member names do not.
#include "task.h"
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>

demo::task<std::string> read_config(const std::string &path) {
  std::ifstream in(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: opening a file with 'std::basic_ifstream' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  std::string line, all;
  while (std::getline(in, line))
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'getline' on a 'std::basic_ifstream' blocks the thread
    all += line;
  co_await demo::next_event();
  co_return all;
}

demo::task<> write_snapshot(const char *data, long size) {
  std::ofstream out;
  out.open("snapshot.bin", std::ios::binary);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'open' on a 'std::basic_ofstream' blocks the thread
  out.write(data, size);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' on a 'std::basic_ofstream' blocks the thread
  std::fstream journal("journal.log", std::ios::in | std::ios::out);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: opening a file with 'std::basic_fstream' blocks the thread
  char buf[64];
  journal.getline(buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'getline' on a 'std::basic_fstream' blocks the thread
  journal.read(buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' on a 'std::basic_fstream' blocks the thread
  // Moving an open stream does not open anything.
  std::fstream moved(std::move(journal));
  co_await demo::next_event();
}

demo::task<int> prompt() {
  std::string name;
  std::getline(std::cin, name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'getline' on 'std::cin' blocks the thread
  int age = 0;
  std::cin >> age >> name;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'operator>>' on 'std::cin' blocks the thread
  std::cin >> name;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'operator>>' on 'std::cin' blocks the thread
  std::cout << "hello " << name << '\n';
  co_await demo::next_event();
  co_return age;
}

// A member named read on an unrelated class is not file I/O.
struct Buffer {
  int read(char *into, int n);
  int write(const char *from, int n);
  bool open(const char *name);
};

demo::task<> parse_in_memory(Buffer &b, const std::string &text) {
  std::istringstream words(text);
  std::string word;
  while (std::getline(words, word, ' ')) {
    int n = 0;
    words >> n;
    char tmp[8];
    b.read(tmp, 8);
    b.write(tmp, 8);
    b.open("ignored");
  }
  std::ostringstream os;
  os.write("x", 1);
  co_await demo::next_event();
}
