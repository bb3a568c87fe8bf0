// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- -I %inputs
// Blocking POSIX and C stdio I/O.
#include "task.h"
#include <cstdio>
#include <cstdlib>
#include <netdb.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

demo::task<long> descriptors(int fd, char *buf, unsigned len) {
  long n = read(fd, buf, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'read' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  n += ::write(fd, buf, len);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'write' blocks the thread
  n += pread(fd, buf, len, 0) + pwrite(fd, buf, len, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'pread' blocks the thread
  // CHECK-MESSAGES: :[[@LINE-2]]:33: warning: 'pwrite' blocks the thread
  iovec iov{buf, len};
  n += readv(fd, &iov, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'readv' blocks the thread
  fsync(fd);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fsync' blocks the thread
  flock(fd, LOCK_EX);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flock' blocks the thread
  // Closing and seeking do not wait for a device.
  lseek(fd, 0, SEEK_SET);
  close(fd);
  co_return n + co_await demo::compute();
}

demo::task<> sockets(int listener, sockaddr *addr, socklen_t *alen, char *buf) {
  int peer = accept(listener, addr, alen);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'accept' blocks the thread
  ::connect(peer, addr, *alen);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'connect' blocks the thread
  recv(peer, buf, 16, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'recv' blocks the thread
  send(peer, buf, 16, MSG_NOSIGNAL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'send' blocks the thread
  recvfrom(peer, buf, 16, 0, addr, alen);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'recvfrom' blocks the thread
  pollfd p{peer, POLLIN, 0};
  poll(&p, 1, 1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'poll' blocks the thread
  epoll_event events[4];
  epoll_wait(listener, events, 4, -1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'epoll_wait' blocks the thread
  co_await demo::next_event();
}

demo::task<> processes_and_names(const char *host) {
  addrinfo *info = nullptr;
  getaddrinfo(host, "80", nullptr, &info);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'getaddrinfo' blocks the thread
  freeaddrinfo(info);
  std::system("sync");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' blocks the thread
  FILE *out = popen("ls", "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'popen' blocks the thread
  pclose(out);
  waitpid(-1, nullptr, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'waitpid' blocks the thread
  co_await demo::next_event();
}

demo::task<> stdio(char *line, int size) {
  FILE *f = std::fopen("/etc/hosts", "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'fopen' blocks the thread
  fgets(line, size, f);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fgets' blocks the thread
  std::fread(line, 1, size, f);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fread' blocks the thread
  int c = getchar();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'getchar' blocks the thread
  scanf("%d", &c);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'scanf' blocks the thread
  // Formatting into memory does no I/O.
  std::snprintf(line, size, "%d", c);
  co_await demo::next_event();
}

// The POSIX names are free functions of the global namespace; functions of
// the same name elsewhere are not them.
namespace storage {
int read(int key);
int write(int key, int value);
} // namespace storage

demo::task<> same_names_elsewhere() {
  storage::write(1, storage::read(2));
  co_await demo::next_event();
}
