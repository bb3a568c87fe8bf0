// RUN: %check_clang_tidy %s coro-unchecked-spawn %t -- -- %asio_flags
// A lambda that only forwards to a coroutine, as Asio's chat_server example
// spawns its reader and writer (bench/realworld.sh), runs that coroutine:
// the coroutine's body decides, as when it is spawned directly.
#include <asio.hpp>
#include <memory>

// Fails on an ordinary error: use_awaitable throws what the socket reports.
asio::ip::tcp::socket &peer();
asio::awaitable<void> read_peer() {
  co_await peer().async_wait(asio::socket_base::wait_read,
                             asio::use_awaitable);
}

class session : public std::enable_shared_from_this<session> {
public:
  void start(asio::any_io_executor ex) {
    asio::co_spawn(ex, [self = shared_from_this()] { return self->reader(); },
                   asio::detached);
    asio::co_spawn(ex, [self = shared_from_this()] { return self->writer(); },
                   asio::detached);
    // CHECK-NOTES: :[[@LINE-2]]:5: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'writer' throws: the failure is never observed [guide §4.2] [coro-unchecked-spawn]
    // CHECK-NOTES: :[[@LINE-2]]:20: note: replace 'detached' with
    // CHECK-NOTES: :[[@LINE+21]]:25: note: or let 'writer' handle its own failures
    // CHECK-NOTES: :[[@LINE+20]]:36: note: 'read_peer' can throw here; with 'detached' it ends the coroutine silently [guide §4.2]
    // CHECK-NOTES: :[[@LINE-15]]:3: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not), in 'read_peer'
    // More than a forwarding return: the lambda's own body is judged; the
    asio::co_spawn(ex, [self = shared_from_this()] {
      auto made = self->writer(); // task it returns is the one awaited.
      return made;
    }, asio::detached);
    // CHECK-NOTES: :[[@LINE-4]]:5: warning: {{.*}} the spawned coroutine throws
    // CHECK-NOTES: :[[@LINE-2]]:8: note: replace 'detached' with
    // CHECK-NOTES: :[[@LINE-4]]:14: note: 'writer' can throw here; with 'detached' it ends the coroutine silently [guide §4.2]
    // CHECK-NOTES: :[[@LINE-24]]:3: note: this await throws on an I/O error because its completion token reports errors as exceptions ('as_tuple' or 'redirect_error' would not), in 'read_peer'
  }

private:
  asio::awaitable<void> reader() {
    try {
      co_await read_peer();
    } catch (std::exception &) {
    }
  }
  asio::awaitable<void> writer() { co_await read_peer(); }
};
