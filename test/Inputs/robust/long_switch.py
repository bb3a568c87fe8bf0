"""Prints a coroutine whose switch has N cases falling through, each of which
may lock the same guard, and one suspension after the switch: every case's
lock site may be held there. (Used by test/checks/robust-lock-long-switch.cpp.)"""
import sys

n = int(sys.argv[1])
print('#include "task.h"\n#include <mutex>\nstd::mutex m;\nbool c(int);\n'
      'demo::task<> g(int x) {\n  std::unique_lock<std::mutex> l(m, std::defer_lock);\n  switch (x) {')
for i in range(n):
    print(f"  case {i}:\n    if (c({i})) l.lock();\n    [[fallthrough]];")
print("  default:\n    break;\n  }\n  co_await demo::next_event();\n}")
