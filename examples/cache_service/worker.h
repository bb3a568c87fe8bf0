// A background worker that receives jobs through an Asio channel.
#pragma once
#include <asio.hpp>
#include <asio/experimental/channel.hpp>
#include <string>
#include <vector>

using JobChannel = asio::experimental::channel<void(asio::error_code, std::string)>;

/// Creates the job queue the sessions post to.
JobChannel make_job_channel(asio::any_io_executor executor);

/// Drains the job queue, writing an audit line per job.
asio::awaitable<void> run_worker(JobChannel &jobs);

/// Queues an audit job without waiting.
void submit_audit(JobChannel &jobs, std::string line);

/// Writes an audit record; the caller is expected to co_await it.
asio::awaitable<void> audit(std::string line);

/// Writes a batch of audit records, one job after the other.
asio::awaitable<void> audit_batch(std::vector<std::string> lines);
