// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
// RUN: %check_clang_tidy -fix-notes -check-suffix=EDITOR %s coro-lock-across-suspend %t -- -- -I %inputs
// The unlock() fix-it changes behaviour, so it sits on a note: --fix leaves the
// code alone, an editor (or --fix-notes) applies it.
#include "task.h"
#include <mutex>

std::mutex m;
int shared_value;
demo::task<> publish() {
  std::unique_lock<std::mutex> lk(m);
  // CHECK-NOTES: :[[@LINE-1]]:32: warning: lock 'lk' {{.*}} [coro-lock-across-suspend]
  // CHECK-NOTES-EDITOR: :[[@LINE-2]]:32: warning: lock 'lk' {{.*}} [coro-lock-across-suspend]
  ++shared_value;
  co_await demo::next_event();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: suspension point where 'm' may be held
  // CHECK-NOTES: :[[@LINE-2]]:3: note: release the lock before suspending
  // CHECK-NOTES-EDITOR: :[[@LINE-3]]:3: note: FIX-IT applied suggested code changes
  // CHECK-NOTES-EDITOR: :[[@LINE-4]]:3: note: suspension point where 'm' may be held
  // CHECK-NOTES-EDITOR: :[[@LINE-5]]:3: note: release the lock before suspending
  // CHECK-FIXES: {{^}}  ++shared_value;{{$}}
  // CHECK-FIXES-NEXT: {{^}}  co_await demo::next_event();{{$}}
  // CHECK-FIXES-EDITOR: {{^}}  ++shared_value;{{$}}
  // CHECK-FIXES-EDITOR-NEXT: {{^}}  lk.unlock();{{$}}
  // CHECK-FIXES-EDITOR-NEXT: {{^}}  co_await demo::next_event();{{$}}
}
demo::task<> used_after() {
  std::unique_lock<std::mutex> lk(m);
  // CHECK-NOTES: :[[@LINE-1]]:32: warning: lock 'lk' {{.*}} [coro-lock-across-suspend]
  // CHECK-NOTES-EDITOR: :[[@LINE-2]]:32: warning: lock 'lk' {{.*}} [coro-lock-across-suspend]
  co_await demo::next_event();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: suspension point where 'm' may be held
  // CHECK-NOTES-EDITOR: :[[@LINE-2]]:3: note: suspension point where 'm' may be held
  lk.unlock(); // Used after the suspension: no mechanical fix.
}
demo::task<> lock_guard_has_no_unlock() {
  std::lock_guard<std::mutex> g(m);
  // CHECK-NOTES: :[[@LINE-1]]:31: warning: lock 'g' {{.*}} [coro-lock-across-suspend]
  // CHECK-NOTES-EDITOR: :[[@LINE-2]]:31: warning: lock 'g' {{.*}} [coro-lock-across-suspend]
  co_await demo::next_event();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: suspension point where 'm' may be held
  // CHECK-NOTES-EDITOR: :[[@LINE-2]]:3: note: suspension point where 'm' may be held
}
