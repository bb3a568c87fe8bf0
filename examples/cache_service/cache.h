// A cache shared by every session: a std::mutex guards the map.
#pragma once
#include <asio.hpp>
#include <map>
#include <mutex>
#include <string>

class Cache {
public:
  explicit Cache(asio::any_io_executor executor) : executor_(executor) {}

  /// Returns the cached value, loading it from the backing store on a miss.
  asio::awaitable<std::string> get(std::string key);

  /// Stores a value; the critical section never suspends.
  void put(std::string key, std::string value);

  std::size_t size();

private:
  asio::awaitable<std::string> load(const std::string &key);

  asio::any_io_executor executor_;
  std::mutex mutex_;
  std::map<std::string, std::string> entries_;
};
