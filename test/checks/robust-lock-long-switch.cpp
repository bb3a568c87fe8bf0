// RUN: %python %inputs/robust/long_switch.py 2000 > %t.cpp
// RUN: timeout 60 %clang_tidy -load=%clang_tidy_plugin -checks='-*,coro-lock-across-suspend' %t.cpp -- -std=c++20 -I %inputs 2>/dev/null | FileCheck %s
// A 2000-case switch whose cases fall through: the lock-set dataflow took
// its blocks first in, first out, revisiting each case once per earlier case
// (cubic: 43 s for 1500 cases, over 2 minutes here). In reverse post-order
// each block is visited once: about 2 s.
// CHECK: .tmp.cpp:9:17: warning: lock 'l'
// CHECK-NEXT: if (c(0)) l.lock();
// CHECK: .tmp.cpp:6011:3: note: suspension point where 'l' may be held
// CHECK-COUNT-1998: warning: lock 'l'
// CHECK: .tmp.cpp:6006:20: warning: lock 'l'
// CHECK-NOT: warning:
