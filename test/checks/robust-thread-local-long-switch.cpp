// RUN: %python %inputs/robust/long_switch_thread_local.py 1000 > %t.cpp
// RUN: timeout 60 %clang_tidy -load=%clang_tidy_plugin -checks='-*,coro-thread-local-across-suspend' -config="{CheckOptions: {coro-thread-local-across-suspend.ReportReaccess: true}}" %t.cpp -- -std=c++20 -I %inputs 2>/dev/null | FileCheck %s
// A 1000-case switch whose cases fall through, each case touching a
// thread_local of its own: taking blocks first in, first out revisited each
// case once per earlier case, each time copying a state that grows with the
// cases (cubic: 44 s for 600 cases). The shared solver takes them in reverse
// post-order (ForwardDataflow.h): each block once, well under a second.
// CHECK: .tmp.cpp:1006:15: warning: thread_local 't0' is accessed before and after a suspension point
// CHECK: .tmp.cpp:4008:3: note: suspension point
// CHECK: .tmp.cpp:4009:3: note: 't0' accessed again here after resuming
// CHECK: .tmp.cpp:4003:17: warning: thread_local 't999' is accessed before and after a suspension point
// CHECK-NOT: warning:
