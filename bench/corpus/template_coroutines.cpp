// Benchmark corpus: template-heavy coroutine code with no networking library.
// A small task/generator library, coroutine templates instantiated for many
// types through parameter packs, generic coroutine lambdas, CRTP actors and a
// lot of the standard library. Every coroutine template here is analysed once
// per instantiation, so this TU shows whether a check repeats work per
// instantiation.
//
// Compile: clang++-22 -std=c++20 -fsyntax-only template_coroutines.cpp

#include <algorithm>
#include <array>
#include <chrono>
#include <coroutine>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ranges>
#include <shared_mutex>
#include <string>
#include <thread>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

namespace co {

//----------------------------------------------------------------------------
// A lazy task<T> with symmetric transfer, and a generator<T>.

template <typename T> class task;

namespace detail {
struct final_awaiter {
  bool await_ready() noexcept { return false; }
  template <typename P>
  std::coroutine_handle<> await_suspend(std::coroutine_handle<P> h) noexcept {
    if (auto next = h.promise().continuation)
      return next;
    return std::noop_coroutine();
  }
  void await_resume() noexcept {}
};

struct promise_base {
  std::coroutine_handle<> continuation;
  std::exception_ptr error;
  std::suspend_always initial_suspend() noexcept { return {}; }
  final_awaiter final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept { error = std::current_exception(); }
};

template <typename T> struct promise : promise_base {
  std::optional<T> value;
  task<T> get_return_object() noexcept;
  template <typename U> void return_value(U &&v) { value.emplace(std::forward<U>(v)); }
  T take() {
    if (error)
      std::rethrow_exception(error);
    return std::move(*value);
  }
};

template <> struct promise<void> : promise_base {
  task<void> get_return_object() noexcept;
  void return_void() noexcept {}
  void take() {
    if (error)
      std::rethrow_exception(error);
  }
};
} // namespace detail

template <typename T = void> class [[nodiscard]] task {
public:
  using promise_type = detail::promise<T>;
  using value_type = T;

  explicit task(std::coroutine_handle<promise_type> h) : handle_(h) {}
  task(task &&other) noexcept : handle_(std::exchange(other.handle_, {})) {}
  task &operator=(task &&other) noexcept {
    std::swap(handle_, other.handle_);
    return *this;
  }
  ~task() {
    if (handle_)
      handle_.destroy();
  }

  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) noexcept {
    handle_.promise().continuation = awaiting;
    return handle_;
  }
  T await_resume() { return handle_.promise().take(); }

  void start() { handle_.resume(); }

private:
  std::coroutine_handle<promise_type> handle_;
};

namespace detail {
template <typename T> task<T> promise<T>::get_return_object() noexcept {
  return task<T>(std::coroutine_handle<promise<T>>::from_promise(*this));
}
inline task<void> promise<void>::get_return_object() noexcept {
  return task<void>(std::coroutine_handle<promise<void>>::from_promise(*this));
}
} // namespace detail

template <typename T> class generator {
public:
  struct promise_type {
    const T *current = nullptr;
    generator get_return_object() {
      return generator(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(const T &v) noexcept {
      current = &v;
      return {};
    }
    void return_void() noexcept {}
    void unhandled_exception() { throw; }
  };

  struct iterator {
    std::coroutine_handle<promise_type> h;
    iterator &operator++() {
      h.resume();
      return *this;
    }
    const T &operator*() const { return *h.promise().current; }
    bool operator==(std::default_sentinel_t) const { return h.done(); }
  };

  explicit generator(std::coroutine_handle<promise_type> h) : h_(h) {}
  generator(generator &&o) noexcept : h_(std::exchange(o.h_, {})) {}
  ~generator() {
    if (h_)
      h_.destroy();
  }
  iterator begin() {
    h_.resume();
    return {h_};
  }
  std::default_sentinel_t end() { return {}; }

private:
  std::coroutine_handle<promise_type> h_;
};

// An awaitable event loop turn, and an async mutex.
struct yield_now {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) const noexcept { h.resume(); }
  void await_resume() const noexcept {}
};

class async_mutex {
public:
  struct guard {
    async_mutex *m;
    ~guard() { m->unlock(); }
  };
  struct lock_op {
    async_mutex &m;
    bool await_ready() const noexcept { return !m.locked_; }
    void await_suspend(std::coroutine_handle<> h) { m.waiters_.push_back(h); }
    guard await_resume() {
      m.locked_ = true;
      return guard{&m};
    }
  };
  lock_op scoped_lock() { return lock_op{*this}; }
  void unlock() {
    locked_ = false;
    if (!waiters_.empty()) {
      auto h = waiters_.front();
      waiters_.pop_front();
      h.resume();
    }
  }

private:
  bool locked_ = false;
  std::deque<std::coroutine_handle<>> waiters_;
};

template <typename T> task<T> ready(T value) { co_return value; }

template <typename... Ts> task<std::tuple<Ts...>> when_all(task<Ts>... tasks) {
  co_return std::tuple<Ts...>{co_await std::move(tasks)...};
}

} // namespace co

//----------------------------------------------------------------------------
// Domain: a typed message bus with per-type handlers.

namespace bus {

struct ping { int seq; };
struct pong { int seq; };
struct quote { std::string symbol; double bid, ask; };
struct trade { std::string symbol; double price; long qty; };
struct heartbeat { std::chrono::steady_clock::time_point at; };
struct login { std::string user; std::string token; };
struct logout { std::string user; };
struct order { long id; std::string symbol; double price; long qty; bool buy; };
struct cancel { long id; };
struct fill { long id; double price; long qty; };
struct reject { long id; std::string reason; };
struct snapshot { std::map<std::string, double> prices; };

using message = std::variant<ping, pong, quote, trade, heartbeat, login, logout,
                             order, cancel, fill, reject, snapshot>;

template <typename T> struct codec {
  static std::string name() { return typeid(T).name(); }
  static std::size_t weight(const T &) { return sizeof(T); }
};

template <typename T> struct stats_for {
  static inline std::mutex mutex;
  static inline long handled = 0;
  static inline std::chrono::nanoseconds busy{0};
};

template <typename T> co::task<std::size_t> encode(const T &value) {
  co_await co::yield_now{};
  co_return codec<T>::weight(value);
}

template <typename T> co::task<bool> validate(const T &value) {
  auto size = co_await encode(value);
  if constexpr (std::is_same_v<T, order>)
    co_return value.qty > 0 && value.price > 0 && size > 0;
  else if constexpr (std::is_same_v<T, quote>)
    co_return value.bid <= value.ask;
  else
    co_return size > 0;
}

template <typename T> co::task<void> record(std::chrono::nanoseconds spent) {
  std::lock_guard lock(stats_for<T>::mutex);
  ++stats_for<T>::handled;
  stats_for<T>::busy += spent;
  co_return;
}

template <typename T> co::task<void> handle(T value) {
  auto started = std::chrono::steady_clock::now();
  if (!co_await validate(value))
    co_return;
  co_await co::yield_now{};
  co_await record<T>(std::chrono::steady_clock::now() - started);
}

template <typename T> co::task<void> handle_locked(T value, std::mutex &m) {
  // BUG: a std::mutex guard held across the handler's suspensions.
  std::lock_guard lock(m);
  co_await handle(std::move(value));
}

template <typename... Ts> co::task<void> dispatch(std::variant<Ts...> msg) {
  co_await std::visit([](auto v) -> co::task<void> { co_await handle(std::move(v)); },
                      std::move(msg));
}

template <typename... Ts> co::task<std::size_t> warm_up(std::type_identity<std::variant<Ts...>>) {
  std::size_t total = 0;
  ((total += co_await encode(Ts{})), ...);
  co_return total;
}

template <typename... Ts> co::task<void> handle_all(std::tuple<Ts...> values) {
  co_await std::apply(
      [](auto... v) -> co::task<void> { (co_await handle(std::move(v)), ...); },
      std::move(values));
}

template <typename T>
co::generator<T> replay(std::vector<T> log) {
  for (const auto &entry : log)
    co_yield entry;
}

//----------------------------------------------------------------------------
// CRTP actors with coroutine members.

template <typename Derived, typename Message> class actor {
public:
  co::task<void> post(Message m) {
    auto guard = co_await mutex_.scoped_lock();
    inbox_.push_back(std::move(m));
    co_await drain();
  }

protected:
  co::task<void> drain() {
    while (!inbox_.empty()) {
      Message m = std::move(inbox_.front());
      inbox_.pop_front();
      co_await static_cast<Derived &>(*this).on_message(std::move(m));
    }
  }

private:
  co::async_mutex mutex_;
  std::deque<Message> inbox_;
};

class order_book : public actor<order_book, message> {
public:
  co::task<void> on_message(message m) {
    if (auto *o = std::get_if<order>(&m)) {
      auto &side = o->buy ? bids_[o->symbol] : asks_[o->symbol];
      side.emplace(o->price, *o);
      co_await match(o->symbol);
    } else if (auto *c = std::get_if<cancel>(&m)) {
      for (auto *book : {&bids_, &asks_})
        for (auto &[symbol, levels] : *book)
          std::erase_if(levels, [&](const auto &level) { return level.second.id == c->id; });
    } else {
      co_await dispatch(std::move(m));
    }
  }

private:
  co::task<void> match(const std::string &symbol) {
    auto &bids = bids_[symbol];
    auto &asks = asks_[symbol];
    while (!bids.empty() && !asks.empty() && bids.rbegin()->first >= asks.begin()->first) {
      auto bid = bids.rbegin()->second;
      auto ask = asks.begin()->second;
      long qty = std::min(bid.qty, ask.qty);
      co_await handle(fill{bid.id, ask.price, qty});
      co_await handle(fill{ask.id, ask.price, qty});
      bids.erase(std::prev(bids.end()));
      asks.erase(asks.begin());
    }
  }

  std::map<std::string, std::multimap<double, order>> bids_, asks_;
};

class session_actor : public actor<session_actor, message> {
public:
  co::task<void> on_message(message m) {
    if (auto *l = std::get_if<login>(&m)) {
      std::unique_lock lock(users_mutex_);
      users_[l->user] = l->token;
    } else if (auto *o = std::get_if<logout>(&m)) {
      std::unique_lock lock(users_mutex_);
      users_.erase(o->user);
    }
    co_await dispatch(std::move(m));
  }

  co::task<std::size_t> online() {
    std::shared_lock lock(users_mutex_);
    std::size_t n = users_.size();
    lock.unlock();
    co_await co::yield_now{};
    co_return n;
  }

private:
  std::shared_mutex users_mutex_;
  std::unordered_map<std::string, std::string> users_;
};

//----------------------------------------------------------------------------
// Generic algorithms over ranges, as coroutines.

template <std::ranges::input_range R, typename F>
co::task<std::vector<std::invoke_result_t<F, std::ranges::range_value_t<R>>>>
map_async(R &&range, F f) {
  std::vector<std::invoke_result_t<F, std::ranges::range_value_t<R>>> out;
  for (auto &&v : range) {
    out.push_back(f(v));
    co_await co::yield_now{};
  }
  co_return out;
}

template <typename T, typename Pred>
co::task<std::size_t> count_async(const std::vector<T> &values, Pred pred) {
  std::size_t n = 0;
  for (const auto &v : values | std::views::filter(pred)) {
    (void)v;
    ++n;
  }
  co_await co::yield_now{};
  co_return n;
}

template <typename K, typename V>
co::task<std::map<K, V>> merge_async(std::vector<std::map<K, V>> parts) {
  std::map<K, V> merged;
  for (auto &part : parts) {
    merged.merge(part);
    co_await co::yield_now{};
  }
  co_return merged;
}

template <typename T> co::task<T> retry(std::function<co::task<T>()> make, int attempts) {
  for (int i = 1;; ++i) {
    try {
      co_return co_await make();
    } catch (...) {
      if (i == attempts)
        throw;
    }
    // BUG: sleeping blocks the thread that resumes every other coroutine.
    std::this_thread::sleep_for(std::chrono::milliseconds(10 * i));
  }
}

} // namespace bus

//----------------------------------------------------------------------------
// Instantiations: every handler for every message type, every algorithm for
// several element types.

co::task<void> exercise() {
  using namespace bus;
  std::mutex m;
  co_await handle_all(std::tuple{ping{1}, pong{1}, quote{"ACME", 1.0, 1.1},
                                 trade{"ACME", 1.05, 100}, heartbeat{},
                                 login{"ann", "t"}, logout{"ann"},
                                 order{1, "ACME", 1.0, 10, true}, cancel{1},
                                 fill{1, 1.0, 10}, reject{2, "no"}, snapshot{}});
  co_await handle_locked(ping{2}, m);
  co_await handle_locked(order{2, "ACME", 1.1, 5, false}, m);
  auto total = co_await warm_up(std::type_identity<message>{});
  (void)total;

  order_book book;
  session_actor sessions;
  for (long i = 0; i < 10; ++i)
    co_await book.post(order{i, "ACME", 1.0 + static_cast<double>(i % 3) * 0.01, 10, i % 2 == 0});
  co_await sessions.post(login{"bob", "x"});
  auto online = co_await sessions.online();
  (void)online;

  std::vector<int> ints{1, 2, 3, 4, 5};
  std::vector<double> doubles{1.5, 2.5};
  std::vector<std::string> strings{"a", "bb", "ccc"};
  auto squares = co_await map_async(ints, [](int v) { return v * v; });
  auto halves = co_await map_async(doubles, [](double v) { return v / 2; });
  auto lengths = co_await map_async(strings, [](const std::string &s) { return s.size(); });
  auto upper = co_await map_async(strings | std::views::reverse,
                                  [](const std::string &s) { return s + "!"; });
  auto evens = co_await count_async(ints, [](int v) { return v % 2 == 0; });
  auto longs = co_await count_async(strings, [](const std::string &s) { return s.size() > 1; });
  auto merged = co_await merge_async(std::vector<std::map<std::string, int>>{{{"a", 1}}, {{"b", 2}}});
  auto merged2 = co_await merge_async(std::vector<std::map<int, double>>{{{1, 1.0}}, {{2, 2.0}}});
  auto [a, b, c] = co_await co::when_all(co::ready(1), co::ready(std::string("x")), co::ready(2.5));
  auto again = co_await retry<int>([]() -> co::task<int> { co_return 42; }, 3);
  (void)squares, (void)halves, (void)lengths, (void)upper, (void)evens, (void)longs;
  (void)merged, (void)merged2, (void)a, (void)b, (void)c, (void)again;

  long replayed = 0;
  for (const auto &t : replay(std::vector<trade>{{"ACME", 1.0, 1}, {"XYZ", 2.0, 2}}))
    replayed += t.qty;
  for (const auto &q : replay(std::vector<quote>{{"ACME", 1.0, 1.1}}))
    replayed += static_cast<long>(q.bid);
  (void)replayed;

  auto generic = [&](auto value) -> co::task<void> {
    co_await handle(value);
    co_await bus::record<decltype(value)>(std::chrono::nanoseconds(1));
  };
  co_await generic(ping{3});
  co_await generic(trade{"ACME", 1.0, 1});
  co_await generic(heartbeat{});
  co_await generic(reject{3, "late"});
}

int main() {
  auto t = exercise();
  t.start();
}
