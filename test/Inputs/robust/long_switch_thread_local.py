"""Prints a coroutine whose switch has N cases falling through, each of which
may access a thread_local of its own, and one suspension after the switch
followed by accesses to the first and the last of them. (Used by
test/checks/robust-thread-local-long-switch.cpp.)"""
import sys

n = int(sys.argv[1])
print('#include "task.h"\nbool c(int);')
for i in range(n):
    print(f"thread_local int t{i};")
print('demo::task<> g(int x) {\n  switch (x) {')
for i in range(n):
    print(f"  case {i}:\n    if (c({i})) t{i} = 1;\n    [[fallthrough]];")
print(f"  default:\n    break;\n  }}\n  co_await demo::next_event();\n  t0 = 2;\n  t{n - 1} = 2;\n}}")
