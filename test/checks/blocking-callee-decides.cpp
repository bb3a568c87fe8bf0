// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- -I %inputs
// The callee and its context decide, not the name: a user function named
// like a libc function is not the libc function, and non-blocking use of a
// descriptor or of a ready future does not block.
#include "task.h"
#include <cerrno>
#include <chrono>
#include <future>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace std::chrono_literals;

struct socket_handle { int fd; };

// A test helper and a coroutine that share libc's names.
demo::task<int> connect(socket_handle &, const char *host);
demo::task<long> read(socket_handle &s, char *buf, unsigned len) {
  co_await demo::next_event();
  co_return 0;
}
namespace {
int write(socket_handle &, const char *, unsigned) { return 0; }
} // namespace

demo::task<long> homonyms(socket_handle &s, char *buf) {
  co_await connect(s, "example.com");
  long n = co_await read(s, buf, 16);
  n += write(s, buf, 16);
  // libc's own read is still libc's.
  n += ::read(s.fd, buf, 16);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'read' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  co_return n;
}

demo::task<long> dont_wait(int fd, char *buf) {
  long n = recv(fd, buf, 16, MSG_DONTWAIT);
  n += send(fd, buf, 16, MSG_NOSIGNAL | MSG_DONTWAIT);
  n += recv(fd, buf, 16, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'recv' blocks the thread
  co_await demo::next_event();
  co_return n;
}

// Waits for readiness, then reads what is there, handling EAGAIN: the
// descriptor is non-blocking.
demo::task<long> after_readiness(int fd, char *buf) {
  for (;;) {
    co_await demo::next_event();
    long n = read(fd, buf, 16);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
      continue;
    co_return n;
  }
}

// connect on a datagram socket only records the peer address.
demo::task<int> datagram(const sockaddr_in &peer) {
  int udp = socket(AF_INET, SOCK_DGRAM, 0);
  int rc = connect(udp, reinterpret_cast<const sockaddr *>(&peer), sizeof peer);
  int tcp = socket(AF_INET, SOCK_STREAM, 0);
  rc += connect(tcp, reinterpret_cast<const sockaddr *>(&peer), sizeof peer);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'connect' blocks the thread
  co_await demo::next_event();
  co_return rc;
}

// get() on a future known to be ready returns at once.
demo::task<int> ready_futures(std::future<int> a, std::future<int> b,
                              std::future<int> c) {
  int v = 0;
  if (a.wait_for(0s) == std::future_status::ready)
    v += a.get();
  while (b.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
    co_await demo::next_event();
  v += b.get();
  v += c.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::future::get' blocks the thread
  co_return v;
}
