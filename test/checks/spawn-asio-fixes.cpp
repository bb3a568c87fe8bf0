// RUN: %check_clang_tidy -fix-notes -check-suffix=NOTEFIX %s coro-unchecked-spawn %t -- -- %asio_flags
// RUN: clang++ -std=c++20 -fsyntax-only %asio_flags %t.cpp
// The note fix-its an editor offers, applied: `detached` becomes a handler
// that rethrows, with the two-argument form for coroutines that produce a
// value. The second RUN line compiles the fixed file.
#include <asio.hpp>
#include <string>

// Each throws on an ordinary failure: a malformed number.
asio::awaitable<void> no_value() { (void)std::stoi("forty-two"); co_return; }
asio::awaitable<int> a_value() { co_return std::stoi("42"); }

#define DETACHED asio::detached

void spawn_all(asio::io_context &io) {
  asio::co_spawn(io, no_value(), asio::detached);
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'no_value' throws
  // CHECK-FIXES-NOTEFIX: asio::co_spawn(io, no_value(), [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });

  asio::co_spawn(io.get_executor(), a_value(), asio::detached);
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'a_value' throws
  // CHECK-FIXES-NOTEFIX: asio::co_spawn(io.get_executor(), a_value(), [](std::exception_ptr e, auto) { if (e) std::rethrow_exception(e); });

  asio::co_spawn(io, []() -> asio::awaitable<std::string> { co_return std::to_string(std::stoi("1")); },
                 asio::detached);
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-2]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the spawned coroutine throws
  // CHECK-FIXES-NOTEFIX: {{^}}                 [](std::exception_ptr e, auto) { if (e) std::rethrow_exception(e); });

  asio::co_spawn(io, [] { return no_value(); }, asio::detached_t());
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'asio::detached_t' swallows any exception the coroutine 'no_value' throws
  // CHECK-FIXES-NOTEFIX: asio::co_spawn(io, [] { return no_value(); }, [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });

  asio::strand<asio::io_context::executor_type> strand(io.get_executor());
  asio::co_spawn(strand, a_value(), asio::bind_executor(strand, asio::detached));
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'a_value' throws
  // CHECK-FIXES-NOTEFIX: asio::co_spawn(strand, a_value(), asio::bind_executor(strand, [](std::exception_ptr e, auto) { if (e) std::rethrow_exception(e); }));

  // Spelled by a macro: the note explains, but there is nothing to rewrite.
  asio::co_spawn(io, no_value(), DETACHED);
  // CHECK-MESSAGES-NOTEFIX: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'detached' swallows any exception the coroutine 'no_value' throws
  // CHECK-FIXES-NOTEFIX: asio::co_spawn(io, no_value(), DETACHED);
}
