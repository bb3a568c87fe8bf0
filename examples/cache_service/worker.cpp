#include "worker.h"
#include <cstdio>
#include <limits>

JobChannel make_job_channel(asio::any_io_executor executor) {
  // Pitfall: an "unbounded" channel. When sessions produce faster than the
  // worker drains, memory grows without limit and nothing slows producers.
  return JobChannel(executor, std::numeric_limits<std::size_t>::max());
}

void submit_audit(JobChannel &jobs, std::string line) {
  // Pitfall: try_send returns false when the channel is full; the line is lost.
  jobs.try_send(asio::error_code{}, std::move(line));
}

asio::awaitable<void> audit(std::string line) {
  // Pitfall: a blocking C stdio call on the executor thread.
  std::FILE *log = std::fopen("audit.log", "a");
  if (log) {
    std::fputs(line.c_str(), log);
    std::fclose(log);
  }
  co_return;
}

asio::awaitable<void> run_worker(JobChannel &jobs) {
  for (;;) {
    std::string line = co_await jobs.async_receive(asio::use_awaitable);
    co_await audit(std::move(line));
  }
}

// Per-thread scratch buffer, reused by every job that this thread formats.
thread_local std::string t_audit_scratch;

asio::awaitable<void> audit_batch(std::vector<std::string> lines) {
  // Pitfall: 'scratch' is this thread's buffer. After the first co_await the
  // coroutine may resume on another io_context thread, whose jobs fill the
  // same buffer at the same time.
  std::string &scratch = t_audit_scratch;
  for (const std::string &line : lines) {
    scratch = "batch: " + line;
    co_await audit(scratch);
  }
}
