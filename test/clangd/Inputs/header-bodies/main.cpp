#include "sessions.hpp"
#include "snapshot.hpp"

asio::awaitable<void> checkpoint() {
  save_snapshot("/tmp/snapshot");
  co_return;
}

int main() {
  asio::io_context io;
  static asio::steady_timer timer(io);
  asio::co_spawn(io, guarded_tick(timer), asio::detached);
  asio::co_spawn(io, bare_tick(timer), asio::detached);
  asio::co_spawn(io, checkpoint(), asio::detached);
  io.run();
}
