// RUN: %check_clang_tidy %s coro-unchecked-spawn %t -- -- %asio_flags
// A lambda that only forwards to a coroutine, as Asio's chat_server example
// spawns its reader and writer (bench/realworld.sh), runs that coroutine:
// the coroutine's body decides, as when it is spawned directly.
#include <asio.hpp>
#include <memory>

class session : public std::enable_shared_from_this<session> {
public:
  void start(asio::any_io_executor ex) {
    asio::co_spawn(ex, [self = shared_from_this()] { return self->reader(); },
                   asio::detached);
    asio::co_spawn(ex, [self = shared_from_this()] { return self->writer(); },
                   asio::detached);
    // CHECK-NOTES: :[[@LINE-2]]:5: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'writer' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
    // CHECK-NOTES: :[[@LINE-2]]:20: note: replace 'detached' with
    // CHECK-NOTES: :[[@LINE+17]]:25: note: or let 'writer' handle its own failures
    // More than a forwarding return: the lambda's own body is judged.
    asio::co_spawn(ex, [self = shared_from_this()] {
      auto made = self->reader();
      return made;
    }, asio::detached);
    // CHECK-NOTES: :[[@LINE-4]]:5: warning: {{.*}} the spawned coroutine throws
    // CHECK-NOTES: :[[@LINE-2]]:8: note: replace 'detached' with
  }

private:
  asio::awaitable<void> reader() {
    try {
      co_await asio::this_coro::executor;
    } catch (std::exception &) {
    }
  }
  asio::awaitable<void> writer() { co_await asio::this_coro::executor; }
};
