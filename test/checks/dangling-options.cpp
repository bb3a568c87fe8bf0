// RUN: %check_clang_tidy %s coro-dangling-reference %t -- \
// RUN:   -config="{CheckOptions: {coro-dangling-reference.TaskTypes: 'home::job', coro-dangling-reference.ViewTypes: 'home::text_ref', coro-dangling-reference.SpawnFunctions: 'home::launch', coro-dangling-reference.AwaitedTokenTypes: 'home::await_token', coro-dangling-reference.TaskAdaptors: 'home::on', coro-dangling-reference.ContainerInsertFunctions: 'home::job_list::add', coro-dangling-reference.RunToCompletionFunctions: 'home::drain'}}" \
// RUN:   -- -I %inputs
// RUN: %check_clang_tidy -check-suffix=EMPTY %s coro-dangling-reference %t -- \
// RUN:   -config="{CheckOptions: {coro-dangling-reference.TaskTypes: ''}}" -- -I %inputs
// Every list is an option: a home-grown task, view, spawner, token, adaptor,
// container and wait. An empty TaskTypes turns the check off.
#include "lookalike_coro_base.h"
#include <string>

namespace home {
template <typename T = void> struct job {
  using promise_type = lookalike::value_promise<job<T>, T>;
};
struct text_ref {
  text_ref(const std::string &s);
  text_ref(const char *);
};
struct detached_token {};
struct await_token {};
struct executor {};
template <typename T, typename Token> void launch(executor &, job<T>, Token);
template <typename T> job<T> on(executor &, job<T>);
struct job_list {
  void add(job<void>);
};
void drain(executor &);

job<> print(text_ref text) { co_return; }
job<> count(const int &n) { co_return; }
} // namespace home

int make();

void uses(home::executor &ex, home::job_list &later) {
  home::launch(ex, home::print(std::string("a")), home::detached_token{});
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: a temporary is bound to parameter 'text' of coroutine 'print', but the task is spawned
  home::launch(ex, home::on(ex, home::count(make())), home::detached_token{});
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: a temporary is bound to parameter 'n' of coroutine 'count', but the task is spawned
  later.add(home::count(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: a temporary is bound to parameter 'n' of coroutine 'count', but the task is put in a container
  home::launch(ex, home::print("literal"), home::detached_token{});
  home::launch(ex, home::count(2), home::await_token{});
  int local = 3;
  home::launch(ex, home::count(local), home::detached_token{});
  home::drain(ex);
}
