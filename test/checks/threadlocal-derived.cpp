// RUN: %check_clang_tidy %s coro-thread-local-across-suspend %t -- -- -I %inputs
// Pointers, references, iterators and views derived from a thread_local are
// as stale after a suspension as a reference to the variable itself: they
// point into the first thread's storage. ReportReaccess stays off: naming a
// thread_local afresh after resuming is not reported.
#include "task.h"
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct Stats {
  long count = 0;
  std::string last;
};
thread_local std::string t_buffer;
thread_local std::vector<int> t_values;
thread_local std::map<int, std::string> t_names;
thread_local std::unordered_map<int, long> t_hits;
thread_local Stats t_stats;
demo::task<int> next_event();
void use(const char *);
void use(std::string_view);

demo::task<> data_pointer() {
  const char *p = t_buffer.data();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'p' refers to this thread's 't_buffer' and is used after a suspension point; the coroutine may resume on another thread, where using it races with the first thread or dangles once that thread exits [guide §3.4] [coro-thread-local-across-suspend]
  co_await next_event();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: suspension point; the coroutine may resume on another thread
  use(p);
  // CHECK-NOTES: :[[@LINE-1]]:7: note: 'p' used here after resuming
}

demo::task<> begin_iterator() {
  auto first = t_values.begin();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'first' refers to this thread's 't_values'
  co_await next_event();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: suspension point; the coroutine may resume on another thread
  *first = 1;
  // CHECK-NOTES: :[[@LINE-1]]:4: note: 'first' used here after resuming
}

demo::task<> find_iterator(int key) {
  auto found = t_names.find(key);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'found' refers to this thread's 't_names'
  co_await next_event();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: suspension point; the coroutine may resume on another thread
  if (found != t_names.end())
    // CHECK-NOTES: :[[@LINE-1]]:7: note: 'found' used here after resuming
    found->second.clear();
}

demo::task<> emplaced_iterator(int key) {
  auto slot = t_hits.try_emplace(key).first;
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'slot' refers to this thread's 't_hits'
  co_await next_event();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: suspension point; the coroutine may resume on another thread
  ++slot->second;
  // CHECK-NOTES: :[[@LINE-1]]:5: note: 'slot' used here after resuming
}

demo::task<> string_view() {
  std::string_view text = t_buffer;
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: 'text' refers to this thread's 't_buffer'
  co_await next_event();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: suspension point; the coroutine may resume on another thread
  use(text);
  // CHECK-NOTES: :[[@LINE-1]]:7: note: 'text' used here after resuming
}

demo::task<> span() {
  std::span<int> all = t_values;
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'all' refers to this thread's 't_values'
  co_await next_event();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: suspension point; the coroutine may resume on another thread
  t_stats.count += static_cast<long>(all.size());
  // CHECK-NOTES: :[[@LINE-1]]:38: note: 'all' used here after resuming
}

demo::task<> member_reference() {
  long &count = t_stats.count;
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'count' refers to this thread's 't_stats'
  co_await next_event();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: suspension point; the coroutine may resume on another thread
  ++count;
  // CHECK-NOTES: :[[@LINE-1]]:5: note: 'count' used here after resuming
}

demo::task<> element_reference(int key) {
  const std::string &name = t_names.at(key);
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'name' refers to this thread's 't_names'
  co_await next_event();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: suspension point; the coroutine may resume on another thread
  use(name.c_str());
  // CHECK-NOTES: :[[@LINE-1]]:7: note: 'name' used here after resuming
}

demo::task<> element_address() {
  int *second = &t_values[1];
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'second' refers to this thread's 't_values'
  co_await next_event();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: suspension point; the coroutine may resume on another thread
  *second = 2;
  // CHECK-NOTES: :[[@LINE-1]]:4: note: 'second' used here after resuming
}

// A lambda that captures such a reference carries it across the suspension.
demo::task<> lambda_capture() {
  std::string &last = t_stats.last;
  auto remember = [&last](const char *s) { last = s; };
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'remember' refers to this thread's 't_stats'
  co_await next_event();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: suspension point; the coroutine may resume on another thread
  remember("x");
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'remember' used here after resuming
}

demo::task<> lambda_init_capture() {
  auto reset = [p = t_buffer.data()] { *p = 0; };
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'reset' refers to this thread's 't_buffer'
  co_await next_event();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: suspension point; the coroutine may resume on another thread
  reset();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'reset' used here after resuming
}

// Not findings: copies of the value (a string, an element, a size); derived
// values used only before the suspension, or taken again after it; a lambda
// capturing a copy of a reference's object; views of locals.
demo::task<> copies(int key) {
  std::string copy = t_buffer.substr(0, 4);
  int head = t_values.front();
  std::size_t size = t_values.size();
  std::string name = t_names.at(key);
  long &before = t_stats.count;
  ++before;
  std::string &last = t_stats.last;
  auto keep = [last] { return last.size(); };
  std::vector<int> local = {1, 2};
  std::span<int> mine = local;
  auto it = local.begin();
  co_await next_event();
  const char *p = t_buffer.data();
  use(p);
  (void)copy, (void)head, (void)size, (void)name, (void)keep(), (void)mine, (void)*it;
  t_stats.count += 1; // named afresh: this thread's variable
}
