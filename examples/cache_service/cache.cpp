#include "cache.h"
#include <chrono>

asio::awaitable<std::string> Cache::get(std::string key) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto it = entries_.find(key); it != entries_.end())
    co_return it->second;
  // Pitfall: the load suspends while mutex_ is still locked. Every other
  // session that calls get() blocks its executor thread meanwhile.
  std::string value = co_await load(key);
  entries_[key] = value;
  co_return value;
}

void Cache::put(std::string key, std::string value) {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_[std::move(key)] = std::move(value);
}

std::size_t Cache::size() {
  std::lock_guard<std::mutex> lock(mutex_);
  return entries_.size();
}

asio::awaitable<std::string> Cache::load(const std::string &key) {
  asio::steady_timer backing_store_latency(executor_, std::chrono::milliseconds(5));
  co_await backing_store_latency.async_wait(asio::use_awaitable);
  co_return "value-of-" + key;
}
