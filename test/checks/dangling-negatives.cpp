// RUN: %check_clang_tidy %s coro-dangling-reference %t -- -- -I %inputs
// What is not a finding: awaited at once, by value, static storage, owned by
// a longer-lived object, waited for within the lifetime, generators consumed
// in scope, functions that are not coroutines, default arguments.
#include "coro/coro.hpp"
#include "cppcoro/task.hpp"
#include <coroutine>
#include <string>
#include <vector>

cppcoro::task<> use(const std::string &s) { co_return; }
cppcoro::task<> copy(std::string s) { co_return; }
cppcoro::task<> with_default(const std::string &s = "default") { co_return; }
cppcoro::task<> with_pointer(const std::string *s) { co_return; }
void plain(const std::string &s);
std::string make();

// A wrapper that is not a coroutine decides what its task refers to.
cppcoro::task<> wrapper(const std::string &s) { return copy(s); }

static std::string global_name = "g";

cppcoro::task<> awaited(std::string name) {
  co_await use("temporary awaited at once");
  co_await use(name + "!");
  co_await cppcoro::when_all(use(make()), use(make()));
  auto stored = copy("by value");
  co_await stored;
  auto global = use(global_name);
  co_await global;
  static const std::string forever = "static";
  auto s = use(forever);
  co_await s;
  auto d = with_default();
  co_await d;
  std::string local = "l";
  auto p = with_pointer(&local);
  co_await p;
  auto w = wrapper("through a wrapper");
  co_await w;
  plain("not a coroutine");
  cppcoro::sync_wait(use(make()));
}

// A task whose only use is its own destruction never runs.
void never_used() { auto t = use(make()); }

// Stored in a local container and awaited while the local lives.
cppcoro::task<> batch(std::vector<std::string> names) {
  std::vector<cppcoro::task<>> tasks;
  std::string prefix = "p";
  for (const std::string &n : names)
    tasks.push_back(use(n));
  tasks.push_back(use(prefix));
  for (auto &t : tasks)
    co_await t;
}

// Lives in an object that outlives the task: a member of this.
struct Service {
  std::string name_;
  cppcoro::task<> pending_;
  void start() { pending_ = use(name_); }
};

// A generator consumed while the temporary lives.
template <typename T> struct generator {
  struct promise_type {
    T value;
    generator get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T v) { value = v; return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  struct iterator {
    T operator*() const;
    iterator &operator++();
    bool operator!=(const iterator &) const;
  };
  iterator begin();
  iterator end();
};
generator<char> letters(const std::string &s) { for (char c : s) co_yield c; }
int consume() {
  int n = 0;
  for (char c : letters(make()))
    n += c;
  return n;
}
