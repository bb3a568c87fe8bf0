// RUN: %check_clang_tidy %s coro-unchecked-spawn %t -- \
// RUN:   -config="{CheckOptions: { \
// RUN:     coro-unchecked-spawn.SpawnFunctions: 'mini::spawn', \
// RUN:     coro-unchecked-spawn.DetachedTokenTypes: 'mini::detached_t', \
// RUN:     coro-unchecked-spawn.TokenWrapperTypes: 'mini::on_strand', \
// RUN:     coro-unchecked-spawn.AwaitableTypes: 'demo::task', \
// RUN:     coro-unchecked-spawn.CatchAllExceptionTypes: 'mini::error', \
// RUN:     coro-unchecked-spawn.ThrowingFunctions: 'demo::next_event', \
// RUN:     coro-unchecked-spawn.DetachFunctions: '::pthread_detach', \
// RUN:     coro-unchecked-spawn.FireAndForgetMethods: 'mini::pool::fire', \
// RUN:     coro-unchecked-spawn.DetachedStartFunctions: 'mini::start_detached', \
// RUN:     coro-unchecked-spawn.ResultReturningSpawns: 'mini::pool::try_spawn'}}" \
// RUN:   -- -I %inputs
// RUN: %check_clang_tidy -fix-notes -check-suffix=NOTEFIX %s coro-unchecked-spawn %t -- \
// RUN:   -config="{CheckOptions: { \
// RUN:     coro-unchecked-spawn.SpawnFunctions: 'mini::spawn', \
// RUN:     coro-unchecked-spawn.DetachedTokenTypes: 'mini::detached_t', \
// RUN:     coro-unchecked-spawn.TokenWrapperTypes: 'mini::on_strand', \
// RUN:     coro-unchecked-spawn.AwaitableTypes: 'demo::task', \
// RUN:     coro-unchecked-spawn.CatchAllExceptionTypes: 'mini::error', \
// RUN:     coro-unchecked-spawn.ThrowingFunctions: 'demo::next_event', \
// RUN:     coro-unchecked-spawn.DetachFunctions: '', \
// RUN:     coro-unchecked-spawn.FireAndForgetMethods: '', \
// RUN:     coro-unchecked-spawn.DetachedStartFunctions: '', \
// RUN:     coro-unchecked-spawn.ResultReturningSpawns: ''}}" \
// RUN:   -- -I %inputs
// RUN: %check_clang_tidy -check-suffix=DEFAULTS %s coro-unchecked-spawn %t -- -- -I %inputs
// Every list is an option: an in-house library described through them (its
// next_event() throws on an ordinary failure). The defaults know none of it
// (the DEFAULTS run is a negative test).
#include "task.h"
#include <pthread.h>
#include <stdexcept>

namespace mini {
struct error {};
struct detached_t {};
inline constexpr detached_t detached{};
template <typename Token> struct on_strand { Token token; };
template <typename Token> on_strand<Token> bind(Token token) { return {token}; }
template <typename Work, typename Token> void spawn(Work &&work, Token &&token);

struct start_detached_t {
  template <typename Sender> void operator()(Sender &&) const;
};
inline constexpr start_detached_t start_detached{};
struct sender {};

struct pool {
  void fire(void (*)());
  bool try_spawn(demo::task<> &&);
};
} // namespace mini

demo::task<> unguarded() { co_await demo::next_event(); }
demo::task<int> produces() { co_await demo::next_event(); co_return 1; }

demo::task<> catches_base() {
  try {
    co_await demo::next_event();
  } catch (const mini::error &) {
  }
}

demo::task<> catches_std() {
  try {
    co_await demo::next_event();
  } catch (const std::exception &) {
  }
}

void work() { throw mini::error{}; }

void configured(mini::pool &pool, pthread_t thread) {
  mini::spawn(unguarded(), mini::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'mini::spawn' with 'detached' swallows any exception the coroutine 'unguarded' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:28: note: replace 'detached' with a completion handler that rethrows the exception
  // CHECK-NOTES: :[[@LINE-23]]:14: note: or let 'unguarded' handle its own failures
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-4]]:3: warning: 'mini::spawn' with 'detached'
  // CHECK-FIXES-NOTEFIX: mini::spawn(unguarded(), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
  // CHECK-NOTES: :[[@LINE-26]]:28: note: 'demo::next_event' throws on invalid input; with 'detached' it ends the coroutine silently [guide §4.2]
  mini::spawn(produces(), mini::bind(mini::detached));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'mini::spawn' with 'detached' swallows any exception the coroutine 'produces' throws
  // CHECK-NOTES: :[[@LINE-2]]:38: note: replace 'detached' with
  // CHECK-NOTES: :[[@LINE-29]]:17: note: or let 'produces' handle
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-4]]:3: warning: 'mini::spawn' with 'detached'
  // CHECK-FIXES-NOTEFIX: mini::spawn(produces(), mini::bind([](std::exception_ptr e, auto) { if (e) std::rethrow_exception(e); }));
  // CHECK-NOTES: :[[@LINE-32]]:30: note: 'demo::next_event' throws on invalid input; with 'detached' it ends the coroutine silently [guide §4.2]
  mini::spawn(catches_base(), mini::detached);
  // std::exception is no longer the configured catch-all type.
  mini::spawn(catches_std(), mini::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'mini::spawn' with 'detached' swallows any exception the coroutine 'catches_std' throws
  // CHECK-NOTES: :[[@LINE-2]]:30: note: replace 'detached' with
  // CHECK-NOTES: :[[@LINE-29]]:14: note: or let 'catches_std' handle
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-4]]:3: warning: 'mini::spawn' with 'detached'
  // CHECK-FIXES-NOTEFIX: mini::spawn(catches_std(), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
  // CHECK-NOTES: :[[@LINE-30]]:5: note: 'demo::next_event' throws on invalid input; with 'detached' it ends the coroutine silently [guide §4.2]

  pthread_detach(thread);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'pthread_detach' leaves no way to observe the thread's end or failure
  pool.fire(work);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'mini::pool::fire' discards any exception the posted work throws
  // CHECK-NOTES: :[[@LINE-31]]:15: note: this throws 'mini::error'; with 'mini::pool::fire' it ends the posted work silently [guide §4.2]
  mini::start_detached(mini::sender{});
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'mini::start_detached' leaves nobody to observe the outcome of the work
  pool.try_spawn(unguarded());
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: the bool returned by 'mini::pool::try_spawn' is ignored
}
