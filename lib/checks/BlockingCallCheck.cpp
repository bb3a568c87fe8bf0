//===--- BlockingCallCheck.cpp - coro-blocking-call -----------------------===//
//
// The check: which calls block comes from BlockingCallClassifier, which
// helpers lead to one from CallPathSummary, what to do instead from
// RuntimeAdvice, the fix-its that are mechanical from BlockingCallRewrites;
// this file reports.
//
//===----------------------------------------------------------------------===//

#include "BlockingCallCheck.h"
#include "ASTHelpers.h"
#include "BlockingCallRewrites.h"
#include "RuntimeAdvice.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/Support/ErrorHandling.h"

using namespace clang::ast_matchers;

namespace clang::tidy::corolint {
namespace {

// Defaults come from the libraries people use; each is a CheckOptions entry.
constexpr llvm::StringLiteral DefaultSleepFunctions =
    "::std::this_thread::sleep_for;::std::this_thread::sleep_until;::sleep;"
    "::usleep;::nanosleep;::clock_nanosleep";
constexpr llvm::StringLiteral DefaultBlockingFunctions =
    // Waits.
    "::pthread_join;::pthread_cond_wait;::pthread_cond_timedwait;::sem_wait;"
    "::sem_timedwait;"
    // POSIX I/O.
    "::read;::write;::pread;::pwrite;::readv;::writev;::recv;::recvfrom;"
    "::recvmsg;::send;::sendto;::sendmsg;::accept;::accept4;::connect;"
    "::select;::pselect;::poll;::ppoll;::epoll_wait;::epoll_pwait;::fsync;"
    "::fdatasync;::flock;::waitpid;::getaddrinfo;::gethostbyname;::system;"
    "::popen;"
    // C stdio.
    "::fopen;::fread;::fwrite;::fputs;::fclose;::fgets;::fgetc;"
    "::getc;::getchar;::scanf;::fscanf;"
    // libcurl's easy interface performs the whole transfer.
    "::curl_easy_perform;"
    // std::filesystem calls that touch the disk.
    "::std::filesystem::exists;::std::filesystem::status;"
    "::std::filesystem::symlink_status;::std::filesystem::file_size;"
    "::std::filesystem::is_directory;::std::filesystem::is_regular_file;"
    "::std::filesystem::last_write_time;::std::filesystem::create_directory;"
    "::std::filesystem::create_directories;::std::filesystem::copy;"
    "::std::filesystem::copy_file;::std::filesystem::rename;"
    "::std::filesystem::remove;::std::filesystem::remove_all;"
    "::std::filesystem::resize_file;::std::filesystem::space;"
    "::std::filesystem::canonical;::std::filesystem::weakly_canonical";
constexpr llvm::StringLiteral DefaultBlockingMethods =
    "::std::future::get;::std::future::wait;::std::future::wait_for;"
    "::std::future::wait_until;::std::shared_future::get;"
    "::std::shared_future::wait;::std::shared_future::wait_for;"
    "::std::shared_future::wait_until;::std::thread::join;"
    "::std::jthread::join;::std::condition_variable::wait;"
    "::std::condition_variable::wait_for;"
    "::std::condition_variable::wait_until;"
    "::std::condition_variable_any::wait;"
    "::std::condition_variable_any::wait_for;"
    "::std::condition_variable_any::wait_until;"
    "::std::counting_semaphore::acquire;"
    "::std::counting_semaphore::try_acquire_for;"
    "::std::counting_semaphore::try_acquire_until;::std::latch::wait;"
    "::std::latch::arrive_and_wait;::std::barrier::arrive_and_wait;"
    "::std::atomic::wait;::std::atomic_ref::wait;::std::atomic_flag::wait;"
    "::asio::thread_pool::join;::asio::thread_pool::wait;"
    "::boost::asio::thread_pool::join;::boost::asio::thread_pool::wait;"
    // Loading certificates and keys reads files.
    "::asio::ssl::context::use_certificate_file;"
    "::asio::ssl::context::use_certificate_chain_file;"
    "::asio::ssl::context::use_private_key_file;"
    "::asio::ssl::context::use_rsa_private_key_file;"
    "::asio::ssl::context::use_tmp_dh_file;"
    "::asio::ssl::context::load_verify_file;"
    "::boost::asio::ssl::context::use_certificate_file;"
    "::boost::asio::ssl::context::use_certificate_chain_file;"
    "::boost::asio::ssl::context::use_private_key_file;"
    "::boost::asio::ssl::context::use_rsa_private_key_file;"
    "::boost::asio::ssl::context::use_tmp_dh_file;"
    "::boost::asio::ssl::context::load_verify_file;"
    "::async_simple::Future::get;::async_simple::Future::wait;"
    "::concurrencpp::manual_executor::wait_for_task;"
    "::concurrencpp::manual_executor::wait_for_task_for;"
    "::concurrencpp::manual_executor::wait_for_task_until;"
    "::concurrencpp::manual_executor::wait_for_tasks;"
    "::concurrencpp::manual_executor::wait_for_tasks_for;"
    "::concurrencpp::manual_executor::wait_for_tasks_until;"
    "::concurrencpp::manual_executor::shutdown";
constexpr llvm::StringLiteral DefaultEventLoopFunctions =
    "::folly::coro::blockingWait;::cppcoro::sync_wait;::coro::sync_wait;"
    "::stdexec::sync_wait;::stdexec::sync_wait_with_variant;"
    "::std::this_thread::sync_wait;::std::this_thread::sync_wait_with_variant;"
    "::async_simple::coro::syncAwait";
constexpr llvm::StringLiteral DefaultEventLoopMethods =
    "::folly::SemiFuture::get;::folly::SemiFuture::getTry;"
    "::folly::SemiFuture::wait;::folly::Future::get;::folly::Future::getTry;"
    "::folly::Future::getVia;::folly::Future::getTryVia;::folly::Future::wait;"
    "::folly::Future::waitVia;::concurrencpp::result::get;"
    "::concurrencpp::result::wait;::concurrencpp::result::wait_for;"
    "::concurrencpp::result::wait_until;::concurrencpp::shared_result::get;"
    "::concurrencpp::shared_result::wait;"
    "::concurrencpp::shared_result::wait_for;"
    "::concurrencpp::shared_result::wait_until;"
    "::asio::io_context::run;::asio::io_context::run_one;"
    "::asio::io_context::run_for;::asio::io_context::run_until;"
    "::asio::io_context::run_one_for;::asio::io_context::run_one_until;"
    "::boost::asio::io_context::run;::boost::asio::io_context::run_one;"
    "::boost::asio::io_context::run_for;::boost::asio::io_context::run_until;"
    "::boost::asio::io_context::run_one_for;"
    "::boost::asio::io_context::run_one_until;"
    "::cppcoro::io_service::process_events;"
    "::cppcoro::io_service::process_one_event;"
    "::concurrencpp::manual_executor::loop;"
    "::concurrencpp::manual_executor::loop_for;"
    "::concurrencpp::manual_executor::loop_until;"
    "::concurrencpp::manual_executor::loop_once;"
    "::concurrencpp::manual_executor::loop_once_for;"
    "::concurrencpp::manual_executor::loop_once_until";
constexpr llvm::StringLiteral DefaultBlockingStreamObjects =
    "::std::cin;::std::wcin";
constexpr llvm::StringLiteral DefaultBlockingStreamTypes =
    "::std::basic_ifstream;::std::basic_ofstream;::std::basic_fstream;"
    "::boost::nowide::basic_ifstream;::boost::nowide::basic_ofstream;"
    "::boost::nowide::basic_fstream";
constexpr llvm::StringLiteral DefaultDirectoryIteratorTypes =
    "::std::filesystem::directory_iterator;"
    "::std::filesystem::recursive_directory_iterator";
constexpr llvm::StringLiteral DefaultBlockingStreamOperations =
    "open;read;write;getline;operator>>";
constexpr llvm::StringLiteral DefaultAsioNamespaces = "::asio;::boost::asio";
constexpr llvm::StringLiteral DefaultSyncAsioOperations =
    "basic_socket::connect;basic_socket::wait;"
    "basic_stream_socket::read_some;basic_stream_socket::write_some;"
    "basic_stream_socket::send;basic_stream_socket::receive;"
    "basic_datagram_socket::send;basic_datagram_socket::receive;"
    "basic_datagram_socket::send_to;basic_datagram_socket::receive_from;"
    "basic_raw_socket::send;basic_raw_socket::receive;"
    "basic_raw_socket::send_to;basic_raw_socket::receive_from;"
    "basic_seq_packet_socket::send;basic_seq_packet_socket::receive;"
    "basic_socket_acceptor::accept;basic_socket_acceptor::wait;"
    "ip::basic_resolver::resolve;basic_waitable_timer::wait;"
    "basic_deadline_timer::wait;basic_serial_port::read_some;"
    "basic_serial_port::write_some;basic_stream_file::read_some;"
    "basic_stream_file::write_some;basic_random_access_file::read_some_at;"
    "basic_random_access_file::write_some_at;basic_readable_pipe::read_some;"
    "basic_writable_pipe::write_some;posix::basic_descriptor::wait;"
    "posix::basic_stream_descriptor::read_some;"
    "posix::basic_stream_descriptor::write_some;ssl::stream::read_some;"
    "ssl::stream::write_some;ssl::stream::handshake;ssl::stream::shutdown;"
    "read;write;read_until;read_at;write_at;connect";
constexpr llvm::StringLiteral DefaultFollyTaskTypes = "::folly::coro::Task";
constexpr llvm::StringLiteral DefaultCppcoroTaskTypes =
    "::cppcoro::task;::cppcoro::shared_task";
constexpr llvm::StringLiteral DefaultLibcoroTaskTypes = "::coro::task";
constexpr llvm::StringLiteral DefaultConcurrencppTaskTypes =
    "::concurrencpp::result;::concurrencpp::lazy_result";
constexpr llvm::StringLiteral DefaultAsyncSimpleTaskTypes =
    "::async_simple::coro::Lazy;::async_simple::coro::RescheduleLazy";
// Descriptor I/O that only blocks on a blocking descriptor.
constexpr llvm::StringLiteral DefaultDescriptorFunctions =
    "::read;::write;::readv;::writev;::recv;::recvfrom;::recvmsg;::send;"
    "::sendto;::sendmsg;::accept;::accept4;::connect";
// Deep enough for a helper that calls a helper that wraps a library call,
// shallow enough that a long path is still a plausible explanation.
constexpr unsigned DefaultMaxCallDepth = 4;

/// True for a coroutine that only yields values: a synchronous generator.
bool isSynchronousGenerator(const FunctionDecl &Coroutine) {
  CoroutineFacts Facts = coroutineFacts(Coroutine);
  return Facts.Yields && !Facts.Awaits;
}

} // namespace

BlockingCallCheck::BlockingCallCheck(StringRef Name, ClangTidyContext *Context)
    : CorolintCheck(Name, Context),
      FollowCalls(boolOption("FollowCalls", true)),
      MaxCallDepth(
          integerOption<unsigned>("MaxCallDepth", DefaultMaxCallDepth)),
      Index(sharedStringOption("ProgramIndex", ""), Context->getCurrentFile()),
      Classifier(
          {stringOption("SleepFunctions", DefaultSleepFunctions),
           stringOption("BlockingFunctions", DefaultBlockingFunctions),
           stringOption("BlockingMethods", DefaultBlockingMethods),
           stringOption("EventLoopFunctions", DefaultEventLoopFunctions),
           stringOption("EventLoopMethods", DefaultEventLoopMethods),
           stringOption("BlockingStreamObjects", DefaultBlockingStreamObjects),
           stringOption("BlockingStreamTypes", DefaultBlockingStreamTypes),
           stringOption("BlockingStreamOperations",
                        DefaultBlockingStreamOperations),
           stringOption("AsioNamespaces", DefaultAsioNamespaces),
           stringOption("SyncAsioOperations", DefaultSyncAsioOperations),
           stringOption("NonBlockingFunctions", ""),
           stringOption("DirectoryIteratorTypes",
                        DefaultDirectoryIteratorTypes),
           stringOption("DescriptorFunctions", DefaultDescriptorFunctions)}),
      Runtimes{
          nameListOption("AsioAwaitableTypes", DefaultAsioAwaitableTypes),
          nameListOption("FollyTaskTypes", DefaultFollyTaskTypes),
          nameListOption("CppcoroTaskTypes", DefaultCppcoroTaskTypes),
          nameListOption("LibcoroTaskTypes", DefaultLibcoroTaskTypes),
          nameListOption("ConcurrencppTaskTypes", DefaultConcurrencppTaskTypes),
          nameListOption("AsyncSimpleTaskTypes", DefaultAsyncSimpleTaskTypes)},
      Helpers(
          [this](const Stmt &S, const ASTContext &Context) {
            return Classifier.classify(S, Context).has_value();
          },
          [this](const FunctionDecl &Callee) {
            return !Classifier.isAnnotated(Callee) &&
                   !Classifier.isDeclaredNonBlocking(Callee);
          }) {}

void BlockingCallCheck::registerMatchers(MatchFinder *Finder) {
  matchCoroutines(Finder, this);
  if (FollowCalls)
    Facts.registerMatchers(Finder, MaxCallDepth, citation(), Index.expected());
}

void BlockingCallCheck::registerPPCallbacks(const SourceManager &SM,
                                            Preprocessor *PP, Preprocessor *) {
  PP->addPPCallbacks(Classifier.evidenceCollector(SM));
}

void BlockingCallCheck::check(const MatchFinder::MatchResult &Result) {
  const FunctionDecl *Coroutine = takeMatchedCoroutine(Result, Analyzed);
  if (!Coroutine)
    return;
  const SourceManager &SM = *Result.SourceManager;
  Sources = Result.SourceManager;
  Runtime RT = Runtimes.runtimeOf(*Coroutine);
  bool Generator = isSynchronousGenerator(*Coroutine);
  AwaitInsertionContext Body(SM);
  ReadyVariables Ready;
  // Statements come parents first, so the context of a call is complete
  // when the call is reached.
  forEachOwnStmt(coroutineBody(*Coroutine), [&](const Stmt &S) {
    Body.observe(S);
    if (Body.isUnevaluated(S))
      return;
    std::optional<BlockingCall> Found =
        Classifier.classify(S, *Result.Context, &Ready);
    Classifier.noteReadiness(S, Ready, *Result.Context);
    if (Found) {
      report(*Found, RT, Generator, Body, *Result.Context);
      return;
    }
    if (!FollowCalls || MaxCallDepth == 0)
      return;
    const FunctionDecl *Helper = Helpers.followedCallee(S, *Coroutine, SM);
    if (Helper && Helpers.reachesWithin(*Helper, MaxCallDepth, *Result.Context))
      reportIndirect(S, *Helper, RT, Generator, *Result.Context);
    else
      Facts.noteUnreportedCall(S, *Coroutine, Helper, Generator, RT,
                               *Result.Context);
  });
}

void BlockingCallCheck::onEndOfTranslationUnit() {
  reportThroughIndex();
  Index.clear();
  Sources = nullptr;
  Facts.clear();
  Helpers.clear();
  Classifier.clearEvidence();
}

void BlockingCallCheck::reportThroughIndex() {
  const TranslationUnitFacts &Unit = Facts.unitFacts();
  if (!Sources || Unit.CoroutineCalls.empty())
    return;
  const ProgramIndex *Program = Index.get(*Sources, [&](StringRef Error) {
    configurationDiag("%0", DiagnosticIDs::Error) << Error;
  });
  if (!Program)
    return;
  // The unit's own bodies come first: the index may be older than them.
  auto Lookup = [&](StringRef USR) -> const FunctionFacts * {
    auto Own = Unit.Functions.find(USR.str());
    return Own != Unit.Functions.end() ? &Own->second : Program->lookup(USR);
  };
  for (const CoroutineCallFact &Call : Unit.CoroutineCalls) {
    std::optional<FactFinding> Found = crossUnitBlocking(Unit, Call, Lookup);
    if (!Found)
      continue;
    // A place the index has that the file no longer has: a stale index.
    SourceLocation Loc = placeFactSite(Found->Main.Site, *Sources);
    llvm::SmallVector<SourceLocation> NoteLocs;
    for (const FactMessage &Note : Found->Notes)
      NoteLocs.push_back(placeFactSite(Note.Site, *Sources));
    if (Loc.isInvalid() || llvm::is_contained(NoteLocs, SourceLocation()) ||
        !Reported.first(Loc))
      continue;
    diag(Loc, "%0") << Found->Main.Text;
    for (auto [Note, NoteLoc] : llvm::zip_equal(Found->Notes, NoteLocs))
      diag(NoteLoc, "%0", DiagnosticIDs::Note) << Note.Text;
  }
}

void BlockingCallCheck::reportIndirect(const Stmt &Call,
                                       const FunctionDecl &Helper,
                                       const Runtime &RT, bool Generator,
                                       const ASTContext &Context) {
  SourceLocation Loc = Call.getBeginLoc();
  if (!Reported.first(Loc))
    return;
  auto Path = Helpers.pathFrom(Helper);
  const Expr *BlockingSite = Path.back().second.Site;
  std::optional<BlockingCall> Blocking =
      Classifier.classify(*BlockingSite, Context);
  if (!Blocking)
    llvm_unreachable("a path ends at a blocking call");
  if (Generator)
    diag(Loc, "%0 may block the thread that iterates this synchronous "
              "generator: %1 blocks within it; its consumer waits until it "
              "returns %2")
        << describeFunction(Helper) << Blocking->What << citation()
        << Call.getSourceRange();
  else
    diag(Loc, "%0 may block the thread that runs this coroutine: %1 blocks "
              "within it; every coroutine on its executor stalls until it "
              "returns %2")
        << describeFunction(Helper) << Blocking->What << citation()
        << Call.getSourceRange();
  for (const auto &[Caller, Step] : Path) {
    if (Step.Callee)
      diag(Step.Site->getBeginLoc(), "%0 calls %1 here", DiagnosticIDs::Note)
          << describeFunction(*Caller) << describeFunction(*Step.Callee)
          << Step.Site->getSourceRange();
    else
      diag(Step.Site->getBeginLoc(), "%0 blocks here", DiagnosticIDs::Note)
          << Blocking->What << Step.Site->getSourceRange();
  }
  if (Generator) {
    adviseGenerator(Loc);
    return;
  }
  diag(Loc, "make %0 asynchronous and await it; if it must block, %1",
       DiagnosticIDs::Note)
      << describeFunction(Helper) << offloadAdvice(RT);
}

void BlockingCallCheck::report(const BlockingCall &Found, const Runtime &RT,
                               bool Generator,
                               const AwaitInsertionContext &Body,
                               ASTContext &Context) {
  SourceLocation Loc = Found.Call->getBeginLoc();
  if (!Reported.first(Loc))
    return;
  if (Generator) {
    diag(Loc, "%0 blocks the thread that iterates this synchronous "
              "generator; its consumer waits until it returns %1")
        << Found.What << citation() << Found.Call->getSourceRange();
    adviseGenerator(Loc);
    return;
  }
  diag(Loc, "%0 blocks the thread that runs this coroutine; every coroutine "
            "on its executor stalls until it returns %1")
      << Found.What << citation() << Found.Call->getSourceRange();
  bool CanAwait = RT.DefaultExecutor && Body.canInsertAwaitAt(Loc);
  switch (Found.Kind) {
  case BlockingFamily::Sleep:
    adviseSleep(Found, RT, CanAwait, Context);
    return;
  case BlockingFamily::SyncAsio:
    adviseSyncAsio(Found, RT, CanAwait, Body.needsParens(*Found.Call), Context);
    return;
  case BlockingFamily::EventLoop:
    diag(Loc,
         "co_await the work directly instead of waiting for it on this "
         "thread",
         DiagnosticIDs::Note);
    return;
  case BlockingFamily::Blocking:
    adviseOffload(Found, RT);
    return;
  }
}

void BlockingCallCheck::adviseSleep(const BlockingCall &Found,
                                    const Runtime &RT, bool CanAwait,
                                    ASTContext &Context) {
  SourceLocation Loc = Found.Call->getBeginLoc();
  const auto *Call = llvm::cast<CallExpr>(Found.Call);
  std::optional<std::string> Replacement =
      CanAwait ? awaitTimerInstead(*Call, RT, Context) : std::nullopt;
  if (!Replacement) {
    diag(Loc, timerAdvice(RT), DiagnosticIDs::Note);
    return;
  }
  diag(Loc,
       RT.Kind == Runtime::Asio ? "await an Asio timer instead of sleeping"
                                : timerAdvice(RT),
       DiagnosticIDs::Note)
      << FixItHint::CreateReplacement(Call->getSourceRange(), *Replacement);
}

void BlockingCallCheck::adviseSyncAsio(const BlockingCall &Found,
                                       const Runtime &RT, bool CanAwait,
                                       bool NeedsParens, ASTContext &Context) {
  SourceLocation Loc = Found.Call->getBeginLoc();
  const auto *Call = llvm::cast<CallExpr>(Found.Call);
  std::string Twin = "async_" + listedName(*Call->getDirectCallee());
  if (RT.Kind != Runtime::Asio) {
    diag(Loc,
         "use its asynchronous twin '%0' with a completion token that "
         "this coroutine can await",
         DiagnosticIDs::Note)
        << Twin;
    return;
  }
  llvm::SmallVector<FixItHint, 4> Fixes;
  if (CanAwait)
    Fixes = awaitAsyncTwinFixes(*Call, RT, NeedsParens, Context);
  if (Fixes.empty()) {
    diag(Loc, "await its asynchronous twin '%0' with '%1use_awaitable' instead",
         DiagnosticIDs::Note)
        << Twin << RT.asioPrefix();
    return;
  }
  diag(Loc, "await its asynchronous twin '%0' instead", DiagnosticIDs::Note)
      << Twin << Fixes;
}

void BlockingCallCheck::adviseGenerator(SourceLocation Loc) {
  diag(Loc,
       "a synchronous generator cannot await: do the blocking work before "
       "iterating it, or make it an asynchronous generator",
       DiagnosticIDs::Note);
}

void BlockingCallCheck::adviseOffload(const BlockingCall &Found,
                                      const Runtime &RT) {
  diag(Found.Call->getBeginLoc(),
       "await an asynchronous equivalent instead; if the call must block, %0",
       DiagnosticIDs::Note)
      << offloadAdvice(RT);
}

} // namespace clang::tidy::corolint
