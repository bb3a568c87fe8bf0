// Benchmark corpus: a multi-stage job pipeline on standalone Asio 1.22 with
// C++20 coroutines. Producers feed a bounded channel, parsers and workers run
// on a thread pool behind strands, results are aggregated and checkpointed.
// A few mistakes corolint reports are left in (marked BUG) so that the
// checks' reporting paths are part of what is measured.
//
// Compile: clang++-22 -std=c++20 -DASIO_HAS_CO_AWAIT=1
//          -DASIO_HAS_STD_COROUTINE=1 -fsyntax-only asio_job_pipeline.cpp

#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <asio/experimental/awaitable_operators.hpp>
#include <asio/experimental/concurrent_channel.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <numeric>
#include <optional>
#include <shared_mutex>
#include <sstream>
#include <string>
#include <thread>
#include <variant>
#include <vector>

using asio::awaitable;
using asio::co_spawn;
using asio::detached;
using asio::use_awaitable;
using namespace asio::experimental::awaitable_operators;
using namespace std::chrono_literals;
namespace this_coro = asio::this_coro;

constexpr auto nothrow = asio::experimental::as_tuple(use_awaitable);

//----------------------------------------------------------------------------
// Jobs and results.

struct raw_job {
  std::uint64_t id;
  std::string payload;
  std::chrono::steady_clock::time_point submitted;
};

struct parsed_job {
  std::uint64_t id;
  std::vector<double> samples;
  std::string kind;
};

struct job_result {
  std::uint64_t id;
  double mean = 0;
  double peak = 0;
  std::string kind;
};

struct job_error {
  std::uint64_t id;
  std::string reason;
};

using outcome = std::variant<job_result, job_error>;

template <typename T>
using queue = asio::experimental::concurrent_channel<void(asio::error_code, T)>;

std::optional<parsed_job> parse(const raw_job &job) {
  parsed_job p{job.id, {}, {}};
  std::istringstream in(job.payload);
  if (!(in >> p.kind))
    return std::nullopt;
  double v;
  while (in >> v)
    p.samples.push_back(v);
  if (p.samples.empty())
    return std::nullopt;
  return p;
}

job_result compute(const parsed_job &job) {
  job_result r{job.id, 0, 0, job.kind};
  r.mean = std::accumulate(job.samples.begin(), job.samples.end(), 0.0) /
           static_cast<double>(job.samples.size());
  for (double s : job.samples)
    r.peak = std::max(r.peak, s);
  return r;
}

//----------------------------------------------------------------------------
// Shared state.

class metrics {
public:
  void count(const std::string &stage) {
    std::lock_guard lock(mutex_);
    ++counts_[stage];
  }

  std::map<std::string, long> snapshot() {
    std::lock_guard lock(mutex_);
    return counts_;
  }

  std::mutex &mutex() { return mutex_; }
  std::map<std::string, long> &raw() { return counts_; }

private:
  std::mutex mutex_;
  std::map<std::string, long> counts_;
};

class result_store {
public:
  void put(outcome o) {
    std::unique_lock lock(mutex_);
    std::visit([this](auto &&v) { by_id_[v.id] = v; }, o);
  }

  std::optional<outcome> get(std::uint64_t id) const {
    std::shared_lock lock(mutex_);
    auto it = by_id_.find(id);
    if (it == by_id_.end())
      return std::nullopt;
    return it->second;
  }

  std::size_t size() const {
    std::shared_lock lock(mutex_);
    return by_id_.size();
  }

  std::string dump() const {
    std::shared_lock lock(mutex_);
    std::ostringstream out;
    for (const auto &[id, o] : by_id_)
      std::visit(
          [&](const auto &v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, job_result>)
              out << id << ' ' << v.kind << ' ' << v.mean << ' ' << v.peak << '\n';
            else
              out << id << " error " << v.reason << '\n';
          },
          o);
    return out.str();
  }

  std::shared_mutex &mutex() const { return mutex_; }

private:
  mutable std::shared_mutex mutex_;
  std::map<std::uint64_t, outcome> by_id_;
};

struct pipeline {
  explicit pipeline(asio::thread_pool &pool)
      : pool(pool), raw(pool, 256), parsed(pool, 256), results(pool, 256) {}

  asio::thread_pool &pool;
  queue<raw_job> raw;
  queue<parsed_job> parsed;
  queue<outcome> results;
  metrics stats;
  result_store store;
  std::atomic<std::uint64_t> next_id{1};
  std::atomic<bool> draining{false};
};

//----------------------------------------------------------------------------
// Stages.

awaitable<void> wait_for(std::chrono::steady_clock::duration d) {
  asio::steady_timer timer(co_await this_coro::executor, d);
  co_await timer.async_wait(use_awaitable);
}

awaitable<void> producer(pipeline &p, std::string source, int count) {
  for (int i = 0; i < count && !p.draining; ++i) {
    raw_job job{p.next_id++, source + " " + std::to_string(i) + " " +
                                 std::to_string(i * 2) + " " + std::to_string(i * 3),
                std::chrono::steady_clock::now()};
    co_await p.raw.async_send(asio::error_code{}, std::move(job), use_awaitable);
    p.stats.count("produced");
    if (i % 100 == 99)
      co_await wait_for(1ms);
  }
}

awaitable<void> parser_stage(pipeline &p) {
  for (;;) {
    auto [ec, job] = co_await p.raw.async_receive(nothrow);
    if (ec)
      co_return;
    if (auto parsed = parse(job)) {
      co_await p.parsed.async_send(asio::error_code{}, std::move(*parsed), use_awaitable);
      p.stats.count("parsed");
    } else {
      co_await p.results.async_send(asio::error_code{},
                                    outcome{job_error{job.id, "unparsable"}},
                                    use_awaitable);
      p.stats.count("rejected");
    }
  }
}

awaitable<outcome> run_one(parsed_job job, std::chrono::milliseconds budget) {
  auto work = [job = std::move(job)]() -> awaitable<outcome> {
    co_await asio::post(co_await this_coro::executor, use_awaitable);
    co_return outcome{compute(job)};
  };
  auto id = job.id;
  auto r = co_await (work() || wait_for(budget));
  if (r.index() == 0)
    co_return std::get<0>(std::move(r));
  co_return outcome{job_error{id, "timed out"}};
}

awaitable<void> worker(pipeline &p, int index) {
  auto strand = asio::make_strand(p.pool);
  for (;;) {
    auto [ec, job] = co_await p.parsed.async_receive(nothrow);
    if (ec)
      co_return;
    outcome o = co_await co_spawn(strand, run_one(std::move(job), 50ms), use_awaitable);
    co_await p.results.async_send(asio::error_code{}, std::move(o), use_awaitable);
    p.stats.count("worker." + std::to_string(index));
  }
}

awaitable<void> aggregator(pipeline &p) {
  for (;;) {
    auto [ec, o] = co_await p.results.async_receive(nothrow);
    if (ec)
      co_return;
    p.store.put(std::move(o));
    p.stats.count("stored");
  }
}

awaitable<void> checkpoint(pipeline &p, std::string path, std::chrono::seconds every) {
  asio::steady_timer timer(co_await this_coro::executor);
  for (;;) {
    timer.expires_after(every);
    co_await timer.async_wait(use_awaitable);
    // BUG: a reader lock on the store is held across the write's suspension.
    std::shared_lock lock(p.store.mutex());
    std::string text = std::to_string(p.store.size()) + " results\n";
    co_await asio::post(co_await this_coro::executor, use_awaitable);
    std::FILE *f = std::fopen(path.c_str(), "w");
    if (f) {
      std::fputs(text.c_str(), f);
      std::fclose(f);
    }
  }
}

awaitable<void> progress(pipeline &p, std::chrono::seconds every) {
  asio::steady_timer timer(co_await this_coro::executor);
  while (!p.draining) {
    timer.expires_after(every);
    co_await timer.async_wait(use_awaitable);
    for (const auto &[stage, n] : p.stats.snapshot())
      std::cout << stage << ": " << n << '\n';
  }
}

awaitable<void> drain(pipeline &p) {
  p.draining = true;
  co_await wait_for(100ms);
  p.raw.close();
  while (p.raw.ready() || p.parsed.ready())
    co_await wait_for(10ms);
  p.parsed.close();
  co_await wait_for(10ms);
  p.results.close();
}

awaitable<std::size_t> submit_batch(pipeline &p, std::vector<std::string> payloads) {
  std::size_t sent = 0;
  for (auto &payload : payloads) {
    raw_job job{p.next_id++, std::move(payload), std::chrono::steady_clock::now()};
    auto [ec] = co_await p.raw.async_send(asio::error_code{}, std::move(job), nothrow);
    if (ec)
      break;
    ++sent;
  }
  co_return sent;
}

awaitable<void> replay_failures(pipeline &p, std::vector<std::uint64_t> ids) {
  std::vector<std::string> again;
  for (auto id : ids)
    if (auto o = p.store.get(id); o && std::holds_alternative<job_error>(*o))
      again.push_back("retry " + std::to_string(id));
  // BUG: the batch is created and dropped; it never runs.
  submit_batch(p, again);
  co_await wait_for(1ms);
}

awaitable<void> legacy_bridge(pipeline &p, std::condition_variable &ready,
                              std::mutex &m, bool &flag) {
  {
    std::unique_lock lock(m);
    // BUG: waiting on a condition variable blocks the pool's thread.
    ready.wait(lock, [&] { return flag; });
  }
  co_await producer(p, "legacy", 10);
}

int main() {
  asio::thread_pool pool(4);
  pipeline p(pool);
  for (int i = 0; i < 3; ++i)
    co_spawn(pool, worker(p, i), detached);
  co_spawn(pool, parser_stage(p), detached);
  co_spawn(pool, aggregator(p), detached);
  co_spawn(pool, progress(p, 1s), detached);
  co_spawn(pool, checkpoint(p, "/tmp/pipeline.ckpt", 5s), detached);
  co_spawn(pool, producer(p, "sensor-a", 1000), detached);
  co_spawn(pool, producer(p, "sensor-b", 1000), detached);
  co_spawn(pool,
           [&p]() -> awaitable<void> {
             auto sent = co_await submit_batch(p, {"x 1 2 3", "y 4 5 6", "bogus"});
             std::cout << "submitted " << sent << '\n';
             co_await wait_for(2s);
             co_await replay_failures(p, {1, 2, 3});
             co_await drain(p);
           },
           [](std::exception_ptr e) {
             if (e)
               std::cerr << "driver failed\n";
           });
  pool.join();
  std::cout << p.store.dump();
}
