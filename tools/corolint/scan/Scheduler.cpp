//===--- Scheduler.cpp - a pool of worker processes -----------------------===//

#include "Scheduler.h"
#include "llvm/Support/Errno.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/WithColor.h"
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

namespace corolint::scanner {
namespace {

using Clock = std::chrono::steady_clock;

std::error_code lastError() { return {errno, std::generic_category()}; }

/// A pipe whose ends sit above the standard descriptors and the worker's
/// protocol descriptors, and are closed on exec.
llvm::Error makePipe(int Fds[2]) {
  int Raw[2];
  if (pipe2(Raw, O_CLOEXEC) != 0)
    return llvm::errorCodeToError(lastError());
  for (int I = 0; I < 2; ++I)
    Fds[I] = fcntl(Raw[I], F_DUPFD_CLOEXEC, 10);
  std::error_code EC = lastError();
  close(Raw[0]);
  close(Raw[1]);
  if (Fds[0] >= 0 && Fds[1] >= 0)
    return llvm::Error::success();
  for (int I = 0; I < 2; ++I)
    if (Fds[I] >= 0)
      close(Fds[I]);
  return llvm::errorCodeToError(EC);
}

void setNonBlocking(int Fd) {
  fcntl(Fd, F_SETFL, fcntl(Fd, F_GETFL) | O_NONBLOCK);
}

std::string describeExit(int Status) {
  if (WIFSIGNALED(Status)) {
    int Signal = WTERMSIG(Status);
    return llvm::formatv("worker killed by signal {0} ({1})", Signal,
                         strsignal(Signal));
  }
  if (WIFEXITED(Status))
    return llvm::formatv("worker exited with status {0} before reporting",
                         WEXITSTATUS(Status));
  return "worker ended unexpectedly";
}

class Worker {
public:
  static llvm::Expected<std::unique_ptr<Worker>> spawn(const std::string &Exe);
  ~Worker() {
    // On the way out (an error, --keep-going=false) a busy worker is killed,
    // not waited for.
    if (busy() && Pid > 0)
      ::kill(Pid, SIGKILL);
    stop();
  }

  void send(size_t Id, const Job &J, unsigned TimeoutSeconds) {
    Current = Id;
    CurrentFile = J.File;
    Errors.clear();
    KeptHead = 0;
    Deadline = TimeoutSeconds
                   ? Clock::now() + std::chrono::seconds(TimeoutSeconds)
                   : Clock::time_point::max();
    if (llvm::Error E = writeMessage(JobFd, toJSON(J)))
      llvm::consumeError(std::move(E)); // Seen as the worker's death below.
  }

  bool busy() const { return Current.has_value(); }
  bool alive() const { return Pid > 0; }
  size_t currentId() const {
    if (!Current)
      llvm_unreachable("only a busy worker has a job");
    return *Current;
  }
  const std::string &currentFile() const { return CurrentFile; }
  Clock::time_point deadline() const { return Deadline; }
  int resultFd() const { return ResultFd; }
  int errorFd() const { return ErrorFd; }

  /// Reads what the worker wrote; a complete result is returned.
  std::optional<TUResult> readResult(bool &Closed) {
    Closed = !drain(ResultFd, Results);
    std::optional<std::string> Payload = Results.next();
    if (!Payload)
      return std::nullopt;
    TUResult Result;
    llvm::Expected<llvm::json::Value> V = llvm::json::parse(*Payload);
    llvm::json::Path::Root Root;
    if (!V || !fromJSON(*V, Result, Root)) {
      if (!V)
        llvm::consumeError(V.takeError());
      Result = failure(TUStatus::Crashed, "worker sent a malformed result");
    }
    Current.reset();
    return Result;
  }

  void readErrors() {
    drain(ErrorFd, ErrorBytes);
    keepErrors();
  }

  /// Kills the worker (if it is still running) and reports its TU as failed.
  TUResult kill(TUStatus Why, const std::string &Detail) {
    if (Pid > 0)
      ::kill(Pid, SIGKILL);
    int Status = 0;
    reap(Status);
    readErrors();
    std::string Text = Detail.empty() ? describeExit(Status) : Detail;
    if (!Errors.empty())
      Text += "\n" + Errors;
    TUResult Result = failure(Why, Text);
    Current.reset();
    return Result;
  }

  /// Asks an idle worker to finish and waits for it.
  void stop() {
    if (JobFd >= 0)
      close(JobFd);
    JobFd = -1;
    int Status;
    reap(Status);
    for (int *Fd : {&ResultFd, &ErrorFd})
      if (*Fd >= 0) {
        close(*Fd);
        *Fd = -1;
      }
  }

private:
  Worker() = default;

  TUResult failure(TUStatus Why, std::string Detail) const {
    TUResult Result;
    Result.File = CurrentFile;
    Result.Status = Why;
    Result.Detail = std::move(Detail);
    return Result;
  }

  void reap(int &Status) {
    Status = 0;
    if (Pid > 0)
      while (waitpid(Pid, &Status, 0) < 0 && errno == EINTR) {
      }
    Pid = -1;
  }

  /// Appends what \p Fd has to \p Out; false once the writer has gone.
  static bool drain(int Fd, std::string &Out) {
    char Buffer[65536];
    for (;;) {
      ssize_t N = read(Fd, Buffer, sizeof(Buffer));
      if (N > 0) {
        Out.append(Buffer, N);
        continue;
      }
      if (N < 0 && errno == EINTR)
        continue;
      return N < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
    }
  }

  bool drain(int Fd, MessageBuffer &Out) {
    std::string Bytes;
    bool Open = drain(Fd, Bytes);
    Out.append(Bytes);
    return Open;
  }

  void keepErrors() {
    // A stack dump is useful; megabytes of compiler noise are not. The
    // first lines (the crash, the innermost frames) and the last ones (the
    // pretty stack trace naming the TU) are kept; NUL bytes, which end a
    // C string and break reports, are dropped.
    constexpr size_t Head = 4096, Tail = 4096;
    llvm::erase(ErrorBytes, '\0');
    Errors += ErrorBytes;
    ErrorBytes.clear();
    if (Errors.size() <= KeptHead + Tail + (KeptHead ? 0 : Head))
      return;
    if (!KeptHead) {
      size_t Cut = Errors.rfind('\n', Head);
      Cut = Cut == std::string::npos ? Head : Cut + 1;
      Errors.insert(Cut, "...\n");
      KeptHead = Cut + 4;
    }
    Errors.erase(KeptHead, Errors.size() - KeptHead - Tail);
  }

  pid_t Pid = -1;
  int JobFd = -1, ResultFd = -1, ErrorFd = -1;
  MessageBuffer Results;
  std::string ErrorBytes, Errors;
  size_t KeptHead = 0; ///< Bytes of Errors kept from its start, once cut.
  std::optional<size_t> Current;
  std::string CurrentFile;
  Clock::time_point Deadline;
};

llvm::Expected<std::unique_ptr<Worker>> Worker::spawn(const std::string &Exe) {
  int JobPipe[2], ResultPipe[2], ErrorPipe[2];
  auto CannotStart = [](llvm::Error E) {
    return llvm::createStringError(llvm::formatv("cannot start a worker: {0}",
                                                 llvm::toString(std::move(E)))
                                       .str());
  };
  if (llvm::Error E = makePipe(JobPipe))
    return CannotStart(std::move(E));
  if (llvm::Error E = makePipe(ResultPipe)) {
    close(JobPipe[0]);
    close(JobPipe[1]);
    return CannotStart(std::move(E));
  }
  if (llvm::Error E = makePipe(ErrorPipe)) {
    for (int Fd : {JobPipe[0], JobPipe[1], ResultPipe[0], ResultPipe[1]})
      close(Fd);
    return CannotStart(std::move(E));
  }

  posix_spawn_file_actions_t Actions;
  posix_spawn_file_actions_init(&Actions);
  posix_spawn_file_actions_addopen(&Actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&Actions, ErrorPipe[1], 1);
  posix_spawn_file_actions_adddup2(&Actions, ErrorPipe[1], 2);
  posix_spawn_file_actions_adddup2(&Actions, JobPipe[0], WorkerJobFd);
  posix_spawn_file_actions_adddup2(&Actions, ResultPipe[1], WorkerResultFd);
  posix_spawnattr_t Attributes;
  posix_spawnattr_init(&Attributes);
  sigset_t Defaults;
  sigemptyset(&Defaults);
  sigaddset(&Defaults, SIGPIPE); // The scanner ignores it; the worker need not.
  posix_spawnattr_setsigdefault(&Attributes, &Defaults);
  posix_spawnattr_setflags(&Attributes, POSIX_SPAWN_SETSIGDEF);

  std::string Flag = WorkerFlag.str();
  char *Argv[] = {const_cast<char *>(Exe.c_str()), Flag.data(), nullptr};
  pid_t Pid;
  int Err =
      posix_spawn(&Pid, Exe.c_str(), &Actions, &Attributes, Argv, environ);
  posix_spawn_file_actions_destroy(&Actions);
  posix_spawnattr_destroy(&Attributes);
  close(JobPipe[0]);
  close(ResultPipe[1]);
  close(ErrorPipe[1]);
  if (Err != 0) {
    for (int Fd : {JobPipe[1], ResultPipe[0], ErrorPipe[0]})
      close(Fd);
    return llvm::createStringError(
        llvm::formatv("cannot start a worker ({0}): {1}", Exe, strerror(Err))
            .str());
  }
  std::unique_ptr<Worker> W(new Worker());
  W->Pid = Pid;
  W->JobFd = JobPipe[1];
  W->ResultFd = ResultPipe[0];
  W->ErrorFd = ErrorPipe[0];
  setNonBlocking(W->ResultFd);
  setNonBlocking(W->ErrorFd);
  return W;
}

} // namespace

llvm::Error
runJobs(const SchedulerOptions &Options,
        llvm::function_ref<std::optional<ScheduledJob>()> Next,
        llvm::function_ref<void(size_t, TUResult)> Done,
        llvm::function_ref<void(llvm::ArrayRef<std::string>)> Tick) {
  signal(SIGPIPE, SIG_IGN); // A dead worker's pipe must not kill the scanner.
  std::vector<std::unique_ptr<Worker>> Workers(
      std::max(1u, Options.Parallelism));
  bool Exhausted = false;
  std::optional<ScheduledJob> Pending; // Taken, but no worker could start.
  for (;;) {
    // Give every idle slot a job, (re)starting workers as needed.
    for (size_t Slot = 0; Slot < Workers.size(); ++Slot) {
      std::unique_ptr<Worker> &W = Workers[Slot];
      if (Exhausted || (W && W->busy()))
        continue;
      std::optional<ScheduledJob> Job = Pending ? std::move(Pending) : Next();
      Pending.reset();
      if (!Job) {
        Exhausted = true;
        break;
      }
      if (!W || !W->alive()) {
        auto Spawned = Worker::spawn(Options.Executable);
        if (!Spawned) {
          // Out of processes or descriptors: go on with the workers that
          // run, or give up when none does.
          size_t Running = llvm::count_if(Workers, [](const auto &Other) {
            return Other && Other->alive();
          });
          std::string Why = llvm::toString(Spawned.takeError());
          if (Running == 0)
            return llvm::createStringError(
                llvm::formatv(
                    "{0}; check the limits on processes and open files "
                    "(ulimit -u, ulimit -n)",
                    Why)
                    .str());
          llvm::WithColor::warning(llvm::errs(), "corolint") << llvm::formatv(
              "{0}; continuing with {1} worker(s) (use -j {1} to ask for no "
              "more)\n",
              Why, Running);
          llvm::erase_if(Workers, [](const auto &Other) {
            return !Other || !Other->alive();
          });
          Pending = std::move(Job);
          break;
        }
        W = std::move(*Spawned);
      }
      W->send(Job->Id, Job->Work, Options.TimeoutSeconds);
    }

    std::vector<pollfd> Polled;
    std::vector<Worker *> Owners;
    std::vector<std::string> Running;
    Clock::time_point Wake = Clock::now() + std::chrono::milliseconds(100);
    for (auto &W : Workers) {
      if (!W || !W->busy())
        continue;
      Polled.push_back({W->resultFd(), POLLIN, 0});
      Polled.push_back({W->errorFd(), POLLIN, 0});
      Owners.push_back(W.get());
      Owners.push_back(W.get());
      Running.push_back(W->currentFile());
      Wake = std::min(Wake, W->deadline());
    }
    if (Polled.empty() && Exhausted)
      break;
    auto Wait = std::chrono::duration_cast<std::chrono::milliseconds>(
        Wake - Clock::now());
    poll(Polled.data(), Polled.size(),
         static_cast<int>(std::max<int64_t>(0, Wait.count())));

    for (size_t I = 0; I < Polled.size(); I += 2) {
      Worker &W = *Owners[I];
      W.readErrors();
      size_t Id = W.currentId();
      bool Closed = false;
      if (std::optional<TUResult> Result = W.readResult(Closed)) {
        Done(Id, std::move(*Result));
      } else if (Closed) {
        Done(Id, W.kill(TUStatus::Crashed, ""));
      } else if (Clock::now() >= W.deadline()) {
        Done(Id, W.kill(TUStatus::TimedOut,
                        llvm::formatv("analysis exceeded the timeout of {0} s",
                                      Options.TimeoutSeconds)));
      }
    }
    Tick(Running);
  }
  for (auto &W : Workers)
    if (W)
      W->stop();
  return llvm::Error::success();
}

} // namespace corolint::scanner
