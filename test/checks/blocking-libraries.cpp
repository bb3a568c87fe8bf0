// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- -I %inputs
// The blocking calls of async_simple, cppcoro, concurrencpp and libcoro
// (lookalike headers with their public API names), the real
// boost::nowide streams, std::filesystem and C stdio and libcurl.
#include "async_simple/Future.h"
#include "async_simple/coro/Lazy.h"
#include "async_simple/coro/Sleep.h"
#include "async_simple/coro/SyncAwait.h"
#include "concurrencpp/concurrencpp.h"
#include "coro/scheduler.hpp"
#include "cppcoro/io_service.hpp"
#include "curl/curl.h"
#include <boost/nowide/fstream.hpp>
#include <cstdio>
#include <filesystem>
#include <thread>

using namespace std::chrono_literals;
namespace fs = std::filesystem;

async_simple::coro::Lazy<int> compute();

async_simple::coro::Lazy<int> asyncSimple(async_simple::Future<int> fut) {
  int v = async_simple::coro::syncAwait(compute());
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'async_simple::coro::syncAwait' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  fut.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'async_simple::Future::wait' blocks the thread
  v += std::move(fut).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'async_simple::Future::get' blocks the thread
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: await 'async_simple::coro::sleep' instead of sleeping
  std::FILE *f = std::fopen("log", "a");
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'fopen' blocks the thread
  // CHECK-MESSAGES: :[[@LINE-2]]:18: note: await an asynchronous equivalent instead; if the call must block, run it in a 'Lazy' started on a blocking executor with '.via(executor)' and co_await it
  std::fputs("line\n", f);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fputs' blocks the thread
  std::fclose(f);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fclose' blocks the thread
  co_await async_simple::coro::sleep(10ms);
  co_return v + co_await compute();
}

// A result known to be ready: get() returns at once.
async_simple::coro::Lazy<int> readyFuture(async_simple::Future<int> fut) {
  if (fut.hasResult())
    co_return std::move(fut).get();
  co_return co_await compute();
}

cppcoro::task<> cppcoroLoops(cppcoro::io_service &io) {
  io.process_events();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'cppcoro::io_service::process_events' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  io.process_one_event();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'cppcoro::io_service::process_one_event' blocks the thread
  // Like io_context::poll(): runs what is ready, never waits.
  io.process_pending_events();
  io.process_one_pending_event();
  co_await io.schedule();
}

concurrencpp::result<void>
manualExecutor(std::shared_ptr<concurrencpp::manual_executor> ex,
               concurrencpp::result<int> r) {
  ex->loop(8);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'concurrencpp::manual_executor::loop' blocks the thread that runs this coroutine
  ex->wait_for_task();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'concurrencpp::manual_executor::wait_for_task' blocks the thread
  ex->wait_for_tasks_for(2, 100ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'concurrencpp::manual_executor::wait_for_tasks_for' blocks the thread
  ex->shutdown();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'concurrencpp::manual_executor::shutdown' blocks the thread
  // A zero timeout polls; clear() drops the queue without running it.
  ex->loop_once_for(0ms);
  ex->clear();
  co_await r;
}

coro::task<void> libcoro(coro::scheduler &scheduler) {
  std::this_thread::sleep_for(1s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: await 'coro::scheduler::yield_for' instead of sleeping
  co_await scheduler.yield_for(1s);
}

coro::task<void> files(const fs::path &p, fs::file_status known) {
  boost::nowide::ifstream in("config.json");
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: opening a file with 'boost::nowide::basic_ifstream' blocks the thread
  std::string line;
  std::getline(in, line);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'getline' on a 'boost::nowide::basic_ifstream' blocks the thread
  boost::nowide::ofstream out;
  out.open("out.txt");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'open' on a 'boost::nowide::basic_ofstream' blocks the thread
  if (fs::exists(p)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::filesystem::exists' blocks the thread
    auto size = fs::file_size(p);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'std::filesystem::file_size' blocks the thread
    fs::remove(p);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::filesystem::remove' blocks the thread
    (void)size;
  }
  for (const auto &entry : fs::directory_iterator(p.parent_path()))
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: opening a directory with 'std::filesystem::directory_iterator' blocks the thread
    (void)entry;
  // Path arithmetic and a status already read do not touch the disk.
  fs::path copy = p / "x";
  bool dir = fs::is_directory(known) || fs::exists(known);
  (void)dir;
  co_return;
}

coro::task<void> transfer(CURL *curl) {
  curl_easy_perform(curl);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_perform' blocks the thread
  co_return;
}
