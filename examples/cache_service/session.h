#pragma once
#include "cache.h"
#include "worker.h"
#include <asio.hpp>

/// Serves one client: each line received is a key; the reply is its value.
asio::awaitable<void> session(asio::ip::tcp::socket socket, Cache &cache, JobChannel &jobs);

/// Accepts clients forever and spawns a session for each.
asio::awaitable<void> listener(asio::ip::tcp::acceptor acceptor, Cache &cache, JobChannel &jobs);
