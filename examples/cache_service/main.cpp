#include "session.h"
#include <thread>

int main() {
  asio::io_context io;
  Cache cache(io.get_executor());
  JobChannel jobs = make_job_channel(io.get_executor());

  asio::ip::tcp::acceptor acceptor(io, {asio::ip::tcp::v4(), 5555});
  // Pitfall: listener() can throw (accept errors) and detached swallows it:
  // the service silently stops accepting clients.
  asio::co_spawn(io, listener(std::move(acceptor), cache, jobs), asio::detached);
  asio::co_spawn(io, run_worker(jobs), [](std::exception_ptr e) {
    if (e)
      std::rethrow_exception(e);
  });

  // Stats reporter on a plain thread: blocking is fine here.
  std::thread stats([&cache] {
    for (;;) {
      std::this_thread::sleep_for(std::chrono::seconds(10));
      (void)cache.size();
    }
  });
  // Pitfall: a detached thread's end or failure can never be observed.
  stats.detach();
  io.run();
}
