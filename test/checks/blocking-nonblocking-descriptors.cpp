// RUN: %check_clang_tidy %s coro-blocking-call %t -- -- -I %inputs
// A translation unit that makes its descriptors non-blocking (O_NONBLOCK,
// SOCK_NONBLOCK), as libcoro's socket wrappers do: its descriptor I/O
// returns at once and is not reported. Other blocking calls still are.
#include "task.h"
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

int make_socket() {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  return fd;
}

demo::task<long> wrapper_recv(int fd, char *buf) {
  co_await demo::next_event();
  long n = recv(fd, buf, 16, 0);
  n += send(fd, buf, 16, 0);
  n += read(fd, buf, 16);
  int client = accept(fd, nullptr, nullptr);
  fsync(client);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fsync' blocks the thread that runs this coroutine; every coroutine on its executor stalls until it returns [guide §6.1] [coro-blocking-call]
  co_return n;
}
