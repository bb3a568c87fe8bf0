//===--- BlockingCallCheck.cpp - coro-blocking-call -----------------------===//

#include "BlockingCallCheck.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"

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
constexpr llvm::StringLiteral DefaultAsioAwaitableTypes =
    "::asio::awaitable;::boost::asio::awaitable";
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

/// \p Record or the first of its bases whose name \p IsListed accepts.
const CXXRecordDecl *
findListedRecordOrBase(const CXXRecordDecl *Record,
                       llvm::function_ref<bool(StringRef)> IsListed) {
  if (!Record)
    return nullptr;
  if (IsListed(qualifiedName(*Record)))
    return Record;
  Record = Record->getDefinition();
  if (!Record)
    return nullptr;
  const CXXRecordDecl *Found = nullptr;
  Record->forallBases([&](const CXXRecordDecl *Base) {
    if (IsListed(qualifiedName(*Base)))
      Found = Base;
    return !Found;
  });
  return Found;
}

const CXXRecordDecl *findListedRecordOrBase(const CXXRecordDecl *Record,
                                            const NameList &Listed) {
  return findListedRecordOrBase(
      Record, [&Listed](StringRef Name) { return Listed.contains(Name); });
}

/// The name a call's callee is listed under: its identifier, or
/// "operator>>" and the like for overloaded operators.
std::string listedName(const FunctionDecl &Callee) {
  if (const IdentifierInfo *Id = Callee.getIdentifier())
    return Id->getName().str();
  if (Callee.isOverloadedOperator())
    return Callee.getNameAsString();
  return "";
}

/// What the guide's annotations (§6.1) say about a function: a declaration
/// marked [[clang::annotate("corolint::blocking")]] blocks whatever its name,
/// one marked "corolint::nonblocking" never does.
enum class Annotation { None, Blocking, NonBlocking };

Annotation annotationOf(const FunctionDecl &Callee) {
  for (const FunctionDecl *Decl : Callee.redecls()) {
    if (!Decl->hasAttrs())
      continue;
    for (const auto *Attr : Decl->specific_attrs<AnnotateAttr>()) {
      if (Attr->getAnnotation() == "corolint::blocking")
        return Annotation::Blocking;
      if (Attr->getAnnotation() == "corolint::nonblocking")
        return Annotation::NonBlocking;
    }
  }
  return Annotation::None;
}

/// The class type of the object a member function is called on, before the
/// derived-to-base conversion to the class declaring the member.
const CXXRecordDecl *objectRecord(const Expr &Object) {
  QualType Type = Object.IgnoreParenImpCasts()->getType();
  if (Type->isPointerType())
    Type = Type->getPointeeType();
  return Type->getAsCXXRecordDecl();
}

/// True for a duration that is zero at compile time (`0s`,
/// `std::chrono::seconds(0)`, `{}`, a constexpr constant).
bool isZeroDuration(const Expr &Duration, const ASTContext &Context) {
  const Expr *E = Duration.IgnoreImplicit();
  Expr::EvalResult Result;
  if (E->isValueDependent() || !E->EvaluateAsRValue(Result, Context))
    return false;
  // std::chrono::duration holds nothing but its count.
  const APValue &Value = Result.Val;
  if (!Value.isStruct() || Value.getStructNumBases() != 0 ||
      Value.getStructNumFields() != 1)
    return false;
  const APValue &Count = Value.getStructField(0);
  return (Count.isInt() && Count.getInt().isZero()) ||
         (Count.isFloat() && Count.getFloat().isZero());
}

/// True when a timed wait (`wait_for`, `try_acquire_for`) is given a zero
/// timeout: `fut.wait_for(0s) == std::future_status::ready` is a poll.
bool pollsWithZeroTimeout(const CallExpr &Call, StringRef CalleeName,
                          const ASTContext &Context) {
  if (!CalleeName.ends_with("_for"))
    return false;
  return llvm::any_of(Call.arguments(), [&Context](const Expr *Arg) {
    const CXXRecordDecl *Type = Arg->getType()->getAsCXXRecordDecl();
    return Type && qualifiedName(*Type) == "std::chrono::duration" &&
           isZeroDuration(*Arg, Context);
  });
}

/// Records what a fix-it adding `co_await` has to respect around \p S.
void noteFixContext(const Stmt &S, BlockingCallCheck::BodyContext &Body) {
  auto Postfix = [&Body](const Expr *Operand) {
    if (Operand)
      Body.PostfixOperands.insert(Operand->IgnoreImplicit());
  };
  if (const auto *Member = llvm::dyn_cast<MemberExpr>(&S)) {
    Postfix(Member->getBase());
  } else if (const auto *Subscript = llvm::dyn_cast<ArraySubscriptExpr>(&S)) {
    Postfix(Subscript->getLHS());
  } else if (const auto *Op = llvm::dyn_cast<CXXOperatorCallExpr>(&S)) {
    OverloadedOperatorKind Kind = Op->getOperator();
    bool PostfixIncDec =
        (Kind == OO_PlusPlus || Kind == OO_MinusMinus) && Op->getNumArgs() == 2;
    if (Kind == OO_Subscript || Kind == OO_Call || Kind == OO_Arrow ||
        PostfixIncDec)
      Postfix(Op->getArg(0));
  } else if (const auto *Call = llvm::dyn_cast<CallExpr>(&S)) {
    Postfix(Call->getCallee());
  } else if (const auto *Unary = llvm::dyn_cast<UnaryOperator>(&S)) {
    if (Unary->isPostfix())
      Postfix(Unary->getSubExpr());
  } else if (const auto *Catch = llvm::dyn_cast<CXXCatchStmt>(&S)) {
    // co_await may not appear in a handler.
    Body.Handlers.push_back(Catch->getHandlerBlock()->getSourceRange());
  } else if (const auto *TypeId = llvm::dyn_cast<CXXTypeidExpr>(&S)) {
    if (!TypeId->isPotentiallyEvaluated())
      Body.Unevaluated.push_back(S.getSourceRange());
  } else if (llvm::isa<UnaryExprOrTypeTraitExpr, CXXNoexceptExpr, RequiresExpr>(
                 &S)) {
    Body.Unevaluated.push_back(S.getSourceRange());
  }
}

bool isWithinAny(SourceLocation Loc, llvm::ArrayRef<SourceRange> Ranges,
                 const SourceManager &SM) {
  return llvm::any_of(Ranges, [&](SourceRange Range) {
    return SM.isPointWithin(Loc, Range.getBegin(), Range.getEnd());
  });
}

/// The source text of \p E, unless part of it comes from a macro.
std::optional<std::string> writtenText(const Expr &E, ASTContext &Context) {
  SourceRange Range = E.getSourceRange();
  if (Range.getBegin().isMacroID() || Range.getEnd().isMacroID())
    return std::nullopt;
  StringRef Text =
      Lexer::getSourceText(CharSourceRange::getTokenRange(Range),
                           Context.getSourceManager(), Context.getLangOpts());
  if (Text.empty())
    return std::nullopt;
  return Text.str();
}

/// True when \p Callee has an `error_code&` parameter: its asynchronous twin
/// reports errors differently, so replacing one by the other is not
/// mechanical.
bool takesErrorCode(const FunctionDecl &Callee) {
  return llvm::any_of(Callee.parameters(), [](const ParmVarDecl *Param) {
    const CXXRecordDecl *Type =
        Param->getType().getNonReferenceType()->getAsCXXRecordDecl();
    return Type && Type->getIdentifier() && Type->getName() == "error_code";
  });
}

bool declaresMember(const CXXRecordDecl *Record, DeclarationName Name) {
  Record = Record ? Record->getDefinition() : nullptr;
  if (!Record)
    return false;
  if (!Record->lookup(Name).empty())
    return true;
  return !Record->forallBases(
      [Name](const CXXRecordDecl *Base) { return Base->lookup(Name).empty(); });
}

std::string asioPrefix(const BlockingCallCheck::Runtime &RT) {
  return RT.AsioNamespace.empty() ? "" : RT.AsioNamespace + "::";
}

std::string timerAdvice(const BlockingCallCheck::Runtime &RT) {
  using Runtime = BlockingCallCheck::Runtime;
  switch (RT.Kind) {
  case Runtime::Asio:
    return "await a '" + asioPrefix(RT) + "steady_timer' with 'async_wait(" +
           asioPrefix(RT) + "use_awaitable)' instead of sleeping";
  case Runtime::Folly:
    return "await 'folly::coro::sleep' instead of sleeping";
  case Runtime::Libcoro:
    return "await 'coro::scheduler::yield_for' instead of sleeping";
  case Runtime::AsyncSimple:
    return "await 'async_simple::coro::sleep' instead of sleeping";
  case Runtime::Cppcoro:
    return "await a cppcoro timer such as 'io_service::schedule_after' "
           "instead of sleeping";
  case Runtime::Concurrencpp:
    return "await a 'concurrencpp::timer_queue' delay object instead of "
           "sleeping";
  case Runtime::Unknown:
    break;
  }
  return "await your runtime's timer instead of sleeping";
}

std::string offloadAdvice(const BlockingCallCheck::Runtime &RT) {
  using Runtime = BlockingCallCheck::Runtime;
  switch (RT.Kind) {
  case Runtime::Asio: {
    // Without bind_executor the use_awaitable handler carries this
    // coroutine's executor, so asio::post(pool, use_awaitable) resumes here.
    std::string P = asioPrefix(RT);
    return "hop to a separate thread pool with 'co_await " + P + "post(" + P +
           "bind_executor(pool, " + P +
           "use_awaitable))' and back the same way ('" + P + "post(pool, " + P +
           "use_awaitable)' does not leave this executor)";
  }
  case Runtime::Folly:
    return "run it on a blocking executor with 'co_await "
           "folly::coro::co_withExecutor(pool, task)'";
  case Runtime::Libcoro:
    return "hop to a 'coro::thread_pool' with 'co_await pool.schedule()'";
  case Runtime::Cppcoro:
    return "hop to a 'cppcoro::static_thread_pool' with 'co_await "
           "pool.schedule()'";
  case Runtime::Concurrencpp:
    return "submit it to the runtime's 'background_executor' and co_await "
           "the result";
  case Runtime::AsyncSimple:
    return "run it in a 'Lazy' started on a blocking executor with "
           "'.via(executor)' and co_await it";
  case Runtime::Unknown:
    break;
  }
  return "run it on a thread pool that is not this coroutine's executor";
}

template <typename Table> void fill(Table &Names, StringRef Option) {
  for (const std::string &Name : splitNameList(Option))
    Names.add(Name);
}

void fillNames(llvm::StringSet<> &Set, StringRef Option) {
  for (const std::string &Name : splitNameList(Option))
    Set.insert(Name);
}

/// The object a member function or member operator is called on.
const Expr *objectArgument(const CallExpr &Call) {
  if (const auto *MemberCall = llvm::dyn_cast<CXXMemberCallExpr>(&Call))
    return MemberCall->getImplicitObjectArgument();
  if (llvm::isa<CXXOperatorCallExpr>(Call) && Call.getNumArgs() > 0)
    return Call.getArg(0);
  return nullptr;
}

/// True for `obj.Base::f()`, which calls Base::f whatever obj's dynamic type.
bool isQualifiedCall(const CallExpr &Call) {
  const auto *Member =
      llvm::dyn_cast<MemberExpr>(Call.getCallee()->IgnoreParenImpCasts());
  return Member && Member->hasQualifier();
}

/// True when the lambda \p Object is called where it is written (`[]{}()`)
/// or through a local variable of \p Caller: only then is the call known to
/// run on this thread. A lambda that arrives as a parameter may be a job
/// someone hands over to another thread or pool.
bool isCalledInPlace(const Expr &Object, const FunctionDecl &Caller) {
  const Expr *E = &Object;
  for (const Expr *Previous = nullptr; E != Previous;) {
    Previous = E;
    E = E->IgnoreImplicit()->IgnoreParens();
  }
  if (llvm::isa<LambdaExpr>(E))
    return true;
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && !llvm::isa<ParmVarDecl>(Var) &&
         Var->getDeclContext() == &Caller;
}

/// "'load_config'", "'Store::flush'", "'Config::Config'" or "the lambda".
std::string describeFunction(const FunctionDecl &FD) {
  if (const auto *Method = llvm::dyn_cast<CXXMethodDecl>(&FD)) {
    const CXXRecordDecl *Class = Method->getParent();
    if (Class->isLambda())
      return "the lambda";
    if (llvm::isa<CXXConstructorDecl>(Method))
      return "'" + qualifiedName(*Class) + "::" + Class->getNameAsString() +
             "'";
  }
  return "'" + qualifiedName(FD) + "'";
}

/// Records the macros that tell non-blocking descriptor use apart, where
/// they are expanded outside system headers.
class NonBlockingMacros : public PPCallbacks {
public:
  NonBlockingMacros(const SourceManager &SM,
                    std::shared_ptr<BlockingCallCheck::NonBlockingEvidence> Into)
      : SM(SM), Into(std::move(Into)) {}

  void MacroExpands(const Token &Name, const MacroDefinition &, SourceRange Range,
                    const MacroArgs *) override {
    const IdentifierInfo *Id = Name.getIdentifierInfo();
    if (!Id)
      return;
    SourceLocation Loc = SM.getExpansionLoc(Range.getBegin());
    if (SM.isInSystemHeader(Loc))
      return;
    StringRef Macro = Id->getName();
    if (Macro == "O_NONBLOCK" || Macro == "SOCK_NONBLOCK")
      Into->NonBlockingDescriptors = true;
    else if (Macro == "EAGAIN" || Macro == "EWOULDBLOCK" ||
             Macro == "EINPROGRESS")
      Into->WouldBlock.push_back(Loc);
    else if (Macro == "MSG_DONTWAIT")
      Into->DontWait.push_back(Loc);
    else if (Macro == "SOCK_DGRAM")
      Into->Datagram.push_back(Loc);
  }

private:
  const SourceManager &SM;
  std::shared_ptr<BlockingCallCheck::NonBlockingEvidence> Into;
};

bool anyWithin(llvm::ArrayRef<SourceLocation> Locations, SourceRange Range,
               const SourceManager &SM) {
  SourceLocation Begin = SM.getExpansionLoc(Range.getBegin());
  SourceLocation End = SM.getExpansionLoc(Range.getEnd());
  return llvm::any_of(Locations, [&](SourceLocation Loc) {
    return SM.isPointWithin(Loc, Begin, End);
  });
}

/// The variable \p E names, looking through parentheses, conversions and
/// std::move (`std::move(fut).get()`).
const VarDecl *namedVariable(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *Call = llvm::dyn_cast<CallExpr>(E);
      Call && Call->isCallToStdMove())
    E = Call->getArg(0)->IgnoreParenImpCasts();
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E);
  return Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

/// Every variable named inside \p S.
void collectNamedVariables(const Stmt *S,
                           llvm::SmallPtrSetImpl<const VarDecl *> &Into) {
  if (!S)
    return;
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(S))
    if (const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl()))
      Into.insert(Var);
  for (const Stmt *Child : S->children())
    collectNamedVariables(Child, Into);
}

/// Remembers futures whose readiness \p S observes: `f.wait_for(0s)`,
/// `f.is_ready()`, `f.status()`, or a co_await of an expression naming it.
void noteReadiness(const Stmt &S, BlockingCallCheck::BodyContext &Body,
                   const ASTContext &Context) {
  if (const Expr *Suspend = asSuspensionPoint(&S)) {
    collectNamedVariables(awaitedOperand(*Suspend), Body.Ready);
    return;
  }
  const auto *Call = llvm::dyn_cast<CXXMemberCallExpr>(&S);
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier())
    return;
  StringRef Name = Method->getName();
  if (pollsWithZeroTimeout(*Call, Name, Context) || Name == "is_ready" ||
      Name == "status" || Name == "hasResult")
    if (const VarDecl *Var = namedVariable(Call->getImplicitObjectArgument()))
      Body.Ready.insert(Var);
}

/// True for the calls that return at once on a result known to be ready.
bool isResultAccess(StringRef Method) {
  return Method == "get" || Method == "getTry" || Method == "wait";
}

/// True when \p Callee, declared in std::filesystem, only inspects a
/// `file_status` it is given (`exists(status)`), without touching the disk.
bool inspectsFileStatus(const FunctionDecl &Callee) {
  if (Callee.getNumParams() == 0)
    return false;
  const CXXRecordDecl *First = Callee.getParamDecl(0)
                                   ->getType()
                                   .getNonReferenceType()
                                   ->getAsCXXRecordDecl();
  return First && First->getIdentifier() && First->getName() == "file_status";
}

/// True for a coroutine that only yields values: a synchronous generator.
bool isSynchronousGenerator(const FunctionDecl &Coroutine) {
  bool Yields = false, Awaits = false;
  forEachOwnStmt(coroutineBody(Coroutine), [&](const Stmt &S) {
    if (const Expr *Suspend = asSuspensionPoint(&S)) {
      Yields |= llvm::isa<CoyieldExpr>(Suspend);
      Awaits |= llvm::isa<CoawaitExpr>(Suspend);
    }
  });
  return Yields && !Awaits;
}

} // namespace

void MethodTable::add(StringRef ClassAndMethod) {
  auto [Class, Method] = ClassAndMethod.rsplit("::");
  if (!Method.empty())
    ClassesByMethod[Method].insert(Class);
}

const CXXRecordDecl *MethodTable::findClass(StringRef Method,
                                            const CXXRecordDecl *Object) const {
  auto It = ClassesByMethod.find(Method);
  if (It == ClassesByMethod.end())
    return nullptr;
  const llvm::StringSet<> &Classes = It->second;
  return findListedRecordOrBase(
      Object, [&Classes](StringRef Name) { return Classes.contains(Name); });
}

BlockingCallCheck::BlockingCallCheck(StringRef Name, ClangTidyContext *Context)
    : CorolintCheck(Name, Context, "6.1"),
      Text{Options.get("SleepFunctions", DefaultSleepFunctions).str(),
           Options.get("BlockingFunctions", DefaultBlockingFunctions).str(),
           Options.get("BlockingMethods", DefaultBlockingMethods).str(),
           Options.get("EventLoopFunctions", DefaultEventLoopFunctions).str(),
           Options.get("EventLoopMethods", DefaultEventLoopMethods).str(),
           Options.get("BlockingStreamObjects", DefaultBlockingStreamObjects)
               .str(),
           Options.get("BlockingStreamTypes", DefaultBlockingStreamTypes).str(),
           Options
               .get("BlockingStreamOperations", DefaultBlockingStreamOperations)
               .str(),
           Options.get("AsioNamespaces", DefaultAsioNamespaces).str(),
           Options.get("SyncAsioOperations", DefaultSyncAsioOperations).str(),
           Options.get("AsioAwaitableTypes", DefaultAsioAwaitableTypes).str(),
           Options.get("FollyTaskTypes", DefaultFollyTaskTypes).str(),
           Options.get("CppcoroTaskTypes", DefaultCppcoroTaskTypes).str(),
           Options.get("LibcoroTaskTypes", DefaultLibcoroTaskTypes).str(),
           Options.get("ConcurrencppTaskTypes", DefaultConcurrencppTaskTypes)
               .str(),
           Options.get("AsyncSimpleTaskTypes", DefaultAsyncSimpleTaskTypes)
               .str(),
           Options.get("DirectoryIteratorTypes", DefaultDirectoryIteratorTypes)
               .str(),
           Options.get("DescriptorFunctions", DefaultDescriptorFunctions).str(),
           Options.get("NonBlockingFunctions", "").str()},
      FollowCalls(Options.get("FollowCalls", true)),
      MaxCallDepth(Options.get("MaxCallDepth", DefaultMaxCallDepth)),
      SleepFunctions(Text.SleepFunctions),
      BlockingFunctions(Text.BlockingFunctions),
      EventLoopFunctions(Text.EventLoopFunctions),
      StreamObjects(Text.BlockingStreamObjects),
      StreamTypes(Text.BlockingStreamTypes),
      DirectoryIteratorTypes(Text.DirectoryIteratorTypes),
      DescriptorFunctions(Text.DescriptorFunctions),
      AsioAwaitableTypes(Text.AsioAwaitableTypes),
      FollyTaskTypes(Text.FollyTaskTypes),
      CppcoroTaskTypes(Text.CppcoroTaskTypes),
      LibcoroTaskTypes(Text.LibcoroTaskTypes),
      ConcurrencppTaskTypes(Text.ConcurrencppTaskTypes),
      AsyncSimpleTaskTypes(Text.AsyncSimpleTaskTypes),
      NonBlockingFunctions(Text.NonBlockingFunctions) {
  fill(BlockingMethods, Text.BlockingMethods);
  fill(EventLoopMethods, Text.EventLoopMethods);
  fillNames(StreamOperations, Text.BlockingStreamOperations);
  // "Class::method" entries are members, bare names free functions; both
  // are relative to every Asio namespace.
  for (const std::string &Namespace : splitNameList(Text.AsioNamespaces)) {
    for (const std::string &Operation :
         splitNameList(Text.SyncAsioOperations)) {
      std::string Qualified = Namespace + "::" + Operation;
      if (StringRef(Operation).contains("::"))
        SyncAsioMethods.add(Qualified);
      else
        SyncAsioFunctions.add(Qualified);
    }
  }
}

void BlockingCallCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  CorolintCheck::storeOptions(Opts);
  Options.store(Opts, "SleepFunctions", Text.SleepFunctions);
  Options.store(Opts, "BlockingFunctions", Text.BlockingFunctions);
  Options.store(Opts, "BlockingMethods", Text.BlockingMethods);
  Options.store(Opts, "EventLoopFunctions", Text.EventLoopFunctions);
  Options.store(Opts, "EventLoopMethods", Text.EventLoopMethods);
  Options.store(Opts, "BlockingStreamObjects", Text.BlockingStreamObjects);
  Options.store(Opts, "BlockingStreamTypes", Text.BlockingStreamTypes);
  Options.store(Opts, "BlockingStreamOperations",
                Text.BlockingStreamOperations);
  Options.store(Opts, "AsioNamespaces", Text.AsioNamespaces);
  Options.store(Opts, "SyncAsioOperations", Text.SyncAsioOperations);
  Options.store(Opts, "AsioAwaitableTypes", Text.AsioAwaitableTypes);
  Options.store(Opts, "FollyTaskTypes", Text.FollyTaskTypes);
  Options.store(Opts, "CppcoroTaskTypes", Text.CppcoroTaskTypes);
  Options.store(Opts, "LibcoroTaskTypes", Text.LibcoroTaskTypes);
  Options.store(Opts, "ConcurrencppTaskTypes", Text.ConcurrencppTaskTypes);
  Options.store(Opts, "AsyncSimpleTaskTypes", Text.AsyncSimpleTaskTypes);
  Options.store(Opts, "DirectoryIteratorTypes", Text.DirectoryIteratorTypes);
  Options.store(Opts, "DescriptorFunctions", Text.DescriptorFunctions);
  Options.store(Opts, "NonBlockingFunctions", Text.NonBlockingFunctions);
  Options.store(Opts, "FollowCalls", FollowCalls);
  Options.store(Opts, "MaxCallDepth", MaxCallDepth);
}

void BlockingCallCheck::registerMatchers(MatchFinder *Finder) {
  matchCoroutines(Finder, this);
}

void BlockingCallCheck::registerPPCallbacks(const SourceManager &SM,
                                            Preprocessor *PP,
                                            Preprocessor *) {
  PP->addPPCallbacks(std::make_unique<NonBlockingMacros>(SM, Evidence));
}

void BlockingCallCheck::check(const MatchFinder::MatchResult &Result) {
  const FunctionDecl *Coroutine = takeMatchedCoroutine(Result, Analysed);
  if (!Coroutine)
    return;
  const SourceManager &SM = *Result.SourceManager;
  Runtime RT = runtimeOf(*Coroutine);
  RT.SynchronousGenerator = isSynchronousGenerator(*Coroutine);
  BodyContext Body;
  Body.HandlesWouldBlock = handlesWouldBlock(*Coroutine, SM);
  // Statements come parents first, so the context of a call is complete
  // when the call is reached.
  forEachOwnStmt(coroutineBody(*Coroutine), [&](const Stmt &S) {
    noteFixContext(S, Body);
    if (isWithinAny(S.getBeginLoc(), Body.Unevaluated, SM))
      return;
    std::optional<BlockingCall> Found = classify(S, Body, *Result.Context);
    noteReadiness(S, Body, *Result.Context);
    if (Found) {
      report(*Found, RT, Body, *Result.Context);
      return;
    }
    if (!FollowCalls || MaxCallDepth == 0)
      return;
    if (const FunctionDecl *Helper = followedCallee(S, *Coroutine, SM))
      if (blockingPathStart(*Helper, MaxCallDepth, *Result.Context))
        reportIndirect(S, *Helper, RT);
  });
}

void BlockingCallCheck::onEndOfTranslationUnit() {
  // Summaries point into this translation unit's AST.
  Facts.clear();
  Summaries.clear();
  *Evidence = NonBlockingEvidence();
}

bool BlockingCallCheck::isDeclaredNonBlocking(
    const FunctionDecl &Callee) const {
  return annotationOf(Callee) == Annotation::NonBlocking ||
         (!NonBlockingFunctions.empty() &&
          NonBlockingFunctions.contains(&Callee));
}

const FunctionDecl *
BlockingCallCheck::followedCallee(const Stmt &S, const FunctionDecl &Caller,
                                  const SourceManager &SM) const {
  const FunctionDecl *Callee = nullptr;
  if (const auto *Call = llvm::dyn_cast<CallExpr>(&S)) {
    Callee = Call->getDirectCallee();
    const auto *Method = llvm::dyn_cast_or_null<CXXMethodDecl>(Callee);
    if (Method && Method->isInstance()) {
      const Expr *Object = objectArgument(*Call);
      if (!Object)
        return nullptr;
      if (Method->getParent()->isLambda()) {
        if (!isCalledInPlace(*Object, Caller))
          return nullptr;
      } else if (Method->isVirtual() && !isQualifiedCall(*Call)) {
        // Only a call whose final overrider is known: a final method or
        // class, or an object (not a pointer or reference) of known type.
        Callee = Method->getDevirtualizedMethod(Object, /*IsAppleKext=*/false);
      }
    }
  } else if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(&S)) {
    Callee = Construct->getConstructor();
  }
  const FunctionDecl *Definition = nullptr;
  if (!Callee || annotationOf(*Callee) != Annotation::None ||
      isDeclaredNonBlocking(*Callee) || !Callee->hasBody(Definition))
    return nullptr;
  // A coroutine's body runs where it is awaited and is analysed on its own;
  // library internals in system headers are classified by the lists above
  // (Asio's asynchronous operations end in non-blocking ::recv calls).
  if (Definition->isInvalidDecl() || Definition->isDependentContext() ||
      Definition->isTrivial() || coroutineBody(*Definition) ||
      SM.isInSystemHeader(Definition->getLocation()))
    return nullptr;
  return Definition;
}

const BlockingCallCheck::HelperFacts &
BlockingCallCheck::factsOf(const FunctionDecl &Helper,
                           const ASTContext &Context) {
  std::unique_ptr<HelperFacts> &Slot = Facts[&Helper];
  if (Slot)
    return *Slot;
  auto Found = std::make_unique<HelperFacts>();
  const SourceManager &SM = Context.getSourceManager();
  BodyContext Body;
  Body.HandlesWouldBlock = handlesWouldBlock(Helper, SM);
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
  bool Errors = false;
  auto Visit = [&](const Stmt &S) {
    if (const auto *E = llvm::dyn_cast<Expr>(&S))
      Errors |= E->containsErrors();
    if (Found->Blocks)
      return; // A blocking call of its own is the shortest path.
    noteFixContext(S, Body);
    if (isWithinAny(S.getBeginLoc(), Body.Unevaluated, SM))
      return;
    Found->Blocks = classify(S, Body, Context);
    noteReadiness(S, Body, Context);
    if (Found->Blocks)
      return;
    if (const FunctionDecl *Callee = followedCallee(S, Helper, SM))
      if (Seen.insert(Callee).second)
        Found->Calls.push_back({llvm::cast<Expr>(&S), Callee});
  };
  if (const auto *Constructor = llvm::dyn_cast<CXXConstructorDecl>(&Helper))
    for (const CXXCtorInitializer *Init : Constructor->inits())
      forEachOwnStmt(Init->getInit(), Visit);
  forEachOwnStmt(Helper.getBody(), Visit);
  // Like a coroutine that does not compile, a helper that does not is not
  // analysed: its half-typed body would give nonsense.
  if (Errors)
    Found = std::make_unique<HelperFacts>();
  Slot = std::move(Found);
  return *Slot;
}

std::optional<BlockingCallCheck::Hop>
BlockingCallCheck::blockingPathStart(const FunctionDecl &Helper, unsigned Depth,
                                     const ASTContext &Context) {
  {
    const HelperSummary &Known = Summaries[&Helper];
    if (Known.BlocksWithin && Known.BlocksWithin <= Depth)
      return Known.First;
    if (Depth <= Known.NoneWithin)
      return std::nullopt;
  }
  // Every call costs one unit of depth, so a recursive helper is asked again
  // with less and the search ends; what a helper still being searched
  // learns about itself on the way only refines its summary.
  const HelperFacts &Own = factsOf(Helper, Context);
  std::optional<Hop> First;
  unsigned Within = 0;
  if (Own.Blocks) {
    First = Hop{Own.Blocks->Call, nullptr};
    Within = 1;
  } else if (Depth > 1) {
    for (const Hop &Call : Own.Calls) {
      if (blockingPathStart(*Call.Callee, Depth - 1, Context)) {
        First = Call;
        Within = 1 + Summaries[Call.Callee].BlocksWithin;
        break;
      }
    }
  }
  HelperSummary &Known = Summaries[&Helper];
  if (!First) {
    Known.NoneWithin = std::max(Known.NoneWithin, Depth);
    return std::nullopt;
  }
  if (!Known.BlocksWithin || Within < Known.BlocksWithin) {
    Known.BlocksWithin = Within;
    Known.First = *First;
  }
  return Known.First;
}

void BlockingCallCheck::reportIndirect(const Stmt &Call,
                                       const FunctionDecl &Helper,
                                       const Runtime &RT) {
  SourceLocation Loc = Call.getBeginLoc();
  if (!Reported.first(Loc))
    return;
  // Summaries shorten along a path, so following them ends at a helper
  // that blocks itself.
  llvm::SmallVector<std::pair<const FunctionDecl *, Hop>, 4> Path;
  const FunctionDecl *Current = &Helper;
  for (;;) {
    Hop Next = Summaries.lookup(Current).First;
    Path.push_back({Current, Next});
    if (!Next.Callee)
      break;
    Current = Next.Callee;
  }
  const BlockingCall &Blocking = *Facts.find(Current)->second->Blocks;
  if (RT.SynchronousGenerator)
    diag(Loc, "%0 may block the thread that iterates this synchronous "
              "generator: %1 blocks within it; its consumer waits until it "
              "returns %2")
        << describeFunction(Helper) << Blocking.What << citation()
        << Call.getSourceRange();
  else
    diag(Loc, "%0 may block the thread that runs this coroutine: %1 blocks "
              "within it; every coroutine on its executor stalls until it "
              "returns %2")
        << describeFunction(Helper) << Blocking.What << citation()
        << Call.getSourceRange();
  for (const auto &[Caller, Step] : Path) {
    if (Step.Callee)
      diag(Step.Site->getBeginLoc(), "%0 calls %1 here", DiagnosticIDs::Note)
          << describeFunction(*Caller) << describeFunction(*Step.Callee)
          << Step.Site->getSourceRange();
    else
      diag(Step.Site->getBeginLoc(), "%0 blocks here", DiagnosticIDs::Note)
          << Blocking.What << Step.Site->getSourceRange();
  }
  if (RT.SynchronousGenerator) {
    adviseGenerator(Loc);
    return;
  }
  diag(Loc, "make %0 asynchronous and await it; if it must block, %1",
       DiagnosticIDs::Note)
      << describeFunction(Helper) << offloadAdvice(RT);
}

BlockingCallCheck::Runtime
BlockingCallCheck::runtimeOf(const FunctionDecl &Coroutine) const {
  Runtime RT;
  const CXXRecordDecl *Task = Coroutine.getReturnType()->getAsCXXRecordDecl();
  if (!Task)
    return RT;
  if (AsioAwaitableTypes.contains(Task)) {
    RT.Kind = Runtime::Asio;
    std::string Name = qualifiedName(*Task);
    auto [Namespace, Last] = StringRef(Name).rsplit("::");
    RT.AsioNamespace = Last.empty() ? "" : Namespace.str();
    // use_awaitable and steady_timer speak the default any_io_executor.
    if (const auto *Spec =
            llvm::dyn_cast<ClassTemplateSpecializationDecl>(Task)) {
      const TemplateArgumentList &Args = Spec->getTemplateArgs();
      if (Args.size() >= 2 && Args[1].getKind() == TemplateArgument::Type) {
        const CXXRecordDecl *Executor =
            Args[1].getAsType()->getAsCXXRecordDecl();
        RT.DefaultExecutor = Executor && qualifiedName(*Executor) ==
                                             asioPrefix(RT) + "any_io_executor";
      }
    }
  } else if (FollyTaskTypes.contains(Task)) {
    RT.Kind = Runtime::Folly;
  } else if (CppcoroTaskTypes.contains(Task)) {
    RT.Kind = Runtime::Cppcoro;
  } else if (LibcoroTaskTypes.contains(Task)) {
    RT.Kind = Runtime::Libcoro;
  } else if (ConcurrencppTaskTypes.contains(Task)) {
    RT.Kind = Runtime::Concurrencpp;
  } else if (AsyncSimpleTaskTypes.contains(Task)) {
    RT.Kind = Runtime::AsyncSimple;
  }
  return RT;
}

std::optional<BlockingCallCheck::BlockingCall>
BlockingCallCheck::classify(const Stmt &S, const BodyContext &Body,
                            const ASTContext &Context) const {
  if (const auto *Call = llvm::dyn_cast<CallExpr>(&S))
    return classifyCall(*Call, Body, Context);
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(&S))
    return classifyConstruction(*Construct);
  return std::nullopt;
}

std::optional<BlockingCallCheck::BlockingCall>
BlockingCallCheck::classifyCall(const CallExpr &Call, const BodyContext &Body,
                                const ASTContext &Context) const {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return std::nullopt;
  if (!NonBlockingFunctions.empty() && NonBlockingFunctions.contains(Callee))
    return std::nullopt;
  switch (annotationOf(*Callee)) {
  case Annotation::NonBlocking:
    return std::nullopt;
  case Annotation::Blocking:
    return BlockingCall{Family::Blocking, &Call,
                        "'" + qualifiedName(*Callee) + "'"};
  case Annotation::None:
    break;
  }
  std::optional<BlockingCall> Found;
  const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Callee);
  if (Method && Method->isInstance()) {
    if (const Expr *Object = objectArgument(Call))
      Found = classifyMethodCall(Call, *Method, *Object, Body);
  } else {
    Found = classifyFreeCall(Call, *Callee, Body, Context);
  }
  if (Found && pollsWithZeroTimeout(Call, listedName(*Callee), Context))
    return std::nullopt;
  return Found;
}

std::optional<BlockingCallCheck::BlockingCall>
BlockingCallCheck::classifyMethodCall(const CallExpr &Call,
                                      const CXXMethodDecl &Method,
                                      const Expr &Object,
                                      const BodyContext &Body) const {
  std::string Name = listedName(Method);
  if (Name.empty())
    return std::nullopt;
  if (isResultAccess(Name))
    if (const VarDecl *Var = namedVariable(&Object);
        Var && Body.Ready.contains(Var))
      return std::nullopt;
  const CXXRecordDecl *Record = objectRecord(Object);
  auto Named = [&Name](const CXXRecordDecl &Class) {
    return "'" + qualifiedName(Class) + "::" + Name + "'";
  };
  if (const CXXRecordDecl *Class = SyncAsioMethods.findClass(Name, Record))
    return BlockingCall{Family::SyncAsio, &Call,
                        "synchronous " + Named(*Class)};
  if (const CXXRecordDecl *Class = EventLoopMethods.findClass(Name, Record))
    return BlockingCall{Family::EventLoop, &Call, Named(*Class)};
  if (const CXXRecordDecl *Class = BlockingMethods.findClass(Name, Record))
    return BlockingCall{Family::Blocking, &Call, Named(*Class)};
  if (StreamOperations.contains(Name)) {
    std::string Stream = describeStream(Object);
    if (!Stream.empty())
      return BlockingCall{Family::Blocking, &Call,
                          "'" + Name + "' on " + Stream};
  }
  return std::nullopt;
}

std::optional<BlockingCallCheck::BlockingCall>
BlockingCallCheck::classifyFreeCall(const CallExpr &Call,
                                    const FunctionDecl &Callee,
                                    const BodyContext &Body,
                                    const ASTContext &Context) const {
  auto Named = [&Callee] { return "'" + qualifiedName(Callee) + "'"; };
  // Calling a coroutine creates a task; it blocks nothing by itself.
  if (const FunctionDecl *Definition = Callee.getDefinition();
      Definition && coroutineBody(*Definition))
    return std::nullopt;
  if (EventLoopFunctions.contains(&Callee))
    return BlockingCall{Family::EventLoop, &Call, Named()};
  if (SyncAsioFunctions.contains(&Callee))
    return BlockingCall{Family::SyncAsio, &Call, "synchronous " + Named()};
  bool Sleeps = SleepFunctions.contains(&Callee);
  if (Sleeps || BlockingFunctions.contains(&Callee)) {
    if (isLibcHomonym(Callee, Context) ||
        (DescriptorFunctions.contains(&Callee) &&
         usesNonBlockingDescriptor(Call, Callee, Body,
                                   Context.getSourceManager())) ||
        inspectsFileStatus(Callee))
      return std::nullopt;
    return BlockingCall{Sleeps ? Family::Sleep : Family::Blocking, &Call,
                        Named()};
  }
  std::string Name = listedName(Callee);
  if (Call.getNumArgs() > 0 && StreamOperations.contains(Name)) {
    // std::getline(std::cin, line), std::cin >> text: the stream comes first.
    std::string Stream = describeStream(*Call.getArg(0));
    if (!Stream.empty())
      return BlockingCall{Family::Blocking, &Call,
                          "'" + Name + "' on " + Stream};
  }
  return std::nullopt;
}

/// True for a C++ function in the global (or an anonymous) namespace that
/// shares its name with a C library function declared in this translation
/// unit: a test helper `connect(socket&, ...)` is not POSIX `::connect`.
bool BlockingCallCheck::isLibcHomonym(const FunctionDecl &Callee,
                                      const ASTContext &Context) const {
  if (Callee.isExternC() ||
      !Callee.getDeclContext()->getRedeclContext()->isFileContext() ||
      StringRef(qualifiedName(Callee)).contains("::"))
    return false;
  for (const NamedDecl *Found :
       Context.getTranslationUnitDecl()->lookup(Callee.getDeclName()))
    if (const auto *Function = llvm::dyn_cast<FunctionDecl>(Found);
        Function && Function->isExternC())
      return true;
  return false;
}

/// True when descriptor I/O is evidently non-blocking: the translation unit
/// makes descriptors O_NONBLOCK / SOCK_NONBLOCK, the function handles
/// EAGAIN-like results, the call passes MSG_DONTWAIT, or `connect` is given
/// a datagram socket (which only records the peer address).
bool BlockingCallCheck::usesNonBlockingDescriptor(
    const CallExpr &Call, const FunctionDecl &Callee, const BodyContext &Body,
    const SourceManager &SM) const {
  if (Evidence->NonBlockingDescriptors || Body.HandlesWouldBlock ||
      anyWithin(Evidence->DontWait, Call.getSourceRange(), SM))
    return true;
  if (Callee.getName() != "connect" || Call.getNumArgs() == 0)
    return false;
  const VarDecl *Socket = namedVariable(Call.getArg(0));
  return Socket && Socket->getInit() &&
         anyWithin(Evidence->Datagram, Socket->getInit()->getSourceRange(), SM);
}

bool BlockingCallCheck::handlesWouldBlock(const FunctionDecl &FD,
                                          const SourceManager &SM) const {
  return !Evidence->WouldBlock.empty() && FD.getBody() &&
         anyWithin(Evidence->WouldBlock, FD.getBody()->getSourceRange(), SM);
}

std::optional<BlockingCallCheck::BlockingCall>
BlockingCallCheck::classifyConstruction(
    const CXXConstructExpr &Construct) const {
  // Only a constructor given a file name opens one; default, copy and move
  // construction do not touch the file system.
  const CXXConstructorDecl *Constructor = Construct.getConstructor();
  if (!Constructor || Constructor->isCopyOrMoveConstructor() ||
      Construct.getNumArgs() == 0 ||
      llvm::isa<CXXDefaultArgExpr>(Construct.getArg(0)))
    return std::nullopt;
  if (const CXXRecordDecl *Iterator = findListedRecordOrBase(
          Constructor->getParent(), DirectoryIteratorTypes))
    return BlockingCall{Family::Blocking, &Construct,
                        "opening a directory with '" +
                            qualifiedName(*Iterator) + "'"};
  const CXXRecordDecl *Stream =
      findListedRecordOrBase(Constructor->getParent(), StreamTypes);
  if (!Stream)
    return std::nullopt;
  return BlockingCall{Family::Blocking, &Construct,
                      "opening a file with '" + qualifiedName(*Stream) + "'"};
}

/// "'std::cin'" or "a 'std::basic_ifstream'" when \p Stream is a blocking
/// stream, "" otherwise (string streams, std::cout, unrelated classes).
std::string BlockingCallCheck::describeStream(const Expr &Stream) const {
  const Expr *E = Stream.IgnoreParenImpCasts();
  if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E))
    if (StreamObjects.contains(Ref->getDecl()))
      return "'" + qualifiedName(*Ref->getDecl()) + "'";
  if (const CXXRecordDecl *Type =
          findListedRecordOrBase(objectRecord(*E), StreamTypes))
    return "a '" + qualifiedName(*Type) + "'";
  return "";
}

void BlockingCallCheck::report(const BlockingCall &Found, const Runtime &RT,
                               const BodyContext &Body, ASTContext &Context) {
  SourceLocation Loc = Found.Call->getBeginLoc();
  if (!Reported.first(Loc))
    return;
  if (RT.SynchronousGenerator) {
    diag(Loc, "%0 blocks the thread that iterates this synchronous "
              "generator; its consumer waits until it returns %1")
        << Found.What << citation() << Found.Call->getSourceRange();
    adviseGenerator(Loc);
    return;
  }
  diag(Loc, "%0 blocks the thread that runs this coroutine; every coroutine "
            "on its executor stalls until it returns %1")
      << Found.What << citation() << Found.Call->getSourceRange();
  bool CanAwait = RT.DefaultExecutor &&
                  !isWithinAny(Loc, Body.Handlers, Context.getSourceManager());
  switch (Found.Kind) {
  case Family::Sleep:
    adviseSleep(Found, RT, CanAwait, Context);
    return;
  case Family::SyncAsio:
    adviseSyncAsio(Found, RT, CanAwait,
                   Body.PostfixOperands.contains(Found.Call), Context);
    return;
  case Family::EventLoop:
    diag(Loc,
         "co_await the work directly instead of waiting for it on this "
         "thread",
         DiagnosticIDs::Note);
    return;
  case Family::Blocking:
    adviseOffload(Found, RT);
    return;
  }
}

void BlockingCallCheck::adviseSleep(const BlockingCall &Found,
                                    const Runtime &RT, bool CanAwait,
                                    ASTContext &Context) {
  SourceLocation Loc = Found.Call->getBeginLoc();
  const auto *Call = llvm::cast<CallExpr>(Found.Call);
  const FunctionDecl *Callee = Call->getDirectCallee();
  bool SleepFor = Callee && Call->getNumArgs() == 1 &&
                  qualifiedName(*Callee) == "std::this_thread::sleep_for";
  std::optional<std::string> Duration;
  if (SleepFor && CanAwait && !Loc.isMacroID() &&
      (RT.Kind == Runtime::Asio || RT.Kind == Runtime::Folly))
    Duration = writtenText(*Call->getArg(0), Context);
  if (!Duration) {
    diag(Loc, timerAdvice(RT), DiagnosticIDs::Note);
    return;
  }
  std::string P = asioPrefix(RT);
  std::string Replacement =
      RT.Kind == Runtime::Asio
          ? "co_await " + P + "steady_timer(co_await " + P +
                "this_coro::executor, " + *Duration + ").async_wait(" + P +
                "use_awaitable)"
          : "co_await folly::coro::sleep(" + *Duration + ")";
  diag(Loc,
       RT.Kind == Runtime::Asio ? "await an Asio timer instead of sleeping"
                                : timerAdvice(RT),
       DiagnosticIDs::Note)
      << FixItHint::CreateReplacement(Call->getSourceRange(), Replacement);
}

void BlockingCallCheck::adviseSyncAsio(const BlockingCall &Found,
                                       const Runtime &RT, bool CanAwait,
                                       bool NeedsParens, ASTContext &Context) {
  SourceLocation Loc = Found.Call->getBeginLoc();
  const auto *Call = llvm::cast<CallExpr>(Found.Call);
  const FunctionDecl *Callee = Call->getDirectCallee();
  std::string Twin = "async_" + listedName(*Callee);
  if (RT.Kind != Runtime::Asio) {
    diag(Loc,
         "use its asynchronous twin '%0' with a completion token that "
         "this coroutine can await",
         DiagnosticIDs::Note)
        << Twin;
    return;
  }
  std::string P = asioPrefix(RT);

  // Mechanical only: an operation of this coroutine's Asio whose twin takes
  // the same written arguments plus the completion token.
  DeclarationName TwinName(&Context.Idents.get(Twin));
  SourceLocation NameLoc;
  bool TwinExists = false;
  if (const auto *MemberCall = llvm::dyn_cast<CXXMemberCallExpr>(Call)) {
    if (const auto *Member =
            llvm::dyn_cast<MemberExpr>(MemberCall->getCallee()->IgnoreParens()))
      NameLoc = Member->getMemberLoc();
    TwinExists = declaresMember(
        objectRecord(*MemberCall->getImplicitObjectArgument()), TwinName);
  } else if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(
                 Call->getCallee()->IgnoreParenImpCasts())) {
    NameLoc = Ref->getLocation();
    TwinExists =
        !Callee->getDeclContext()->getRedeclContext()->lookup(TwinName).empty();
  }
  bool SameAsio = StringRef(qualifiedName(*Callee)).starts_with(P);
  unsigned WrittenArgs = 0;
  bool OnlyConstraintsDefaulted = true;
  for (const Expr *Arg : Call->arguments()) {
    if (const auto *Default = llvm::dyn_cast<CXXDefaultArgExpr>(Arg))
      // Asio constrains its templates with unnamed `constraint_t<...> = 0`
      // parameters; a defaulted named parameter means the twin would get
      // different arguments.
      OnlyConstraintsDefaulted &= Default->getParam()->getName().empty();
    else
      ++WrittenArgs;
  }
  SourceLocation RParen = Call->getRParenLoc();
  bool Mechanical = CanAwait && TwinExists && SameAsio &&
                    OnlyConstraintsDefaulted && !takesErrorCode(*Callee) &&
                    NameLoc.isValid() && !Loc.isMacroID() &&
                    !NameLoc.isMacroID() && !RParen.isMacroID();
  if (!Mechanical) {
    diag(Loc, "await its asynchronous twin '%0' with '%1use_awaitable' instead",
         DiagnosticIDs::Note)
        << Twin << P;
    return;
  }
  auto Note =
      diag(Loc, "await its asynchronous twin '%0' instead", DiagnosticIDs::Note)
      << Twin;
  Note << FixItHint::CreateInsertion(Loc,
                                     NeedsParens ? "(co_await " : "co_await ")
       << FixItHint::CreateInsertion(NameLoc, "async_")
       << FixItHint::CreateInsertion(RParen, (WrittenArgs ? ", " : "") + P +
                                                 "use_awaitable");
  if (NeedsParens)
    Note << FixItHint::CreateInsertion(
        Lexer::getLocForEndOfToken(RParen, 0, Context.getSourceManager(),
                                   Context.getLangOpts()),
        ")");
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
