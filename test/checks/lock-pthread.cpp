// RUN: %check_clang_tidy %s coro-lock-across-suspend %t -- -- -I %inputs
#include "task.h"
#include <mutex>

std::mutex m;

#include <pthread.h>
pthread_mutex_t pm = PTHREAD_MUTEX_INITIALIZER;
pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
demo::task<> f() {
  pthread_mutex_lock(&pm);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: blocking mutex 'pm' (pthread_mutex_t) locked here {{.*}} [coro-lock-across-suspend]
  co_await demo::next_event();
  pthread_mutex_unlock(&pm);
}
demo::task<> reader() {
  pthread_rwlock_rdlock(&rw);
  pthread_rwlock_unlock(&rw);
  co_await demo::next_event();
}
