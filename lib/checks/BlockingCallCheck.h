//===--- BlockingCallCheck.h - coro-blocking-call ---------------*- C++ -*-===//
//
// Finds calls that block the thread inside a coroutine: sleeps, blocking
// waits, nested event loops, blocking I/O and synchronous Asio operations,
// made directly or through helpers whose bodies the translation unit has.
// See docs/checks/coro-blocking-call.md.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_BLOCKINGCALLCHECK_H
#define COROLINT_CHECKS_BLOCKINGCALLCHECK_H

#include "CorolintCheck.h"
#include "CoroutineModel.h"
#include "NameList.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <vector>
#include <optional>

namespace clang::tidy::corolint {

/// "Class::method" pairs. A call matches when its object's class, or one of
/// that class's bases, is listed with the called method's name; so
/// "std::future::wait" matches although libstdc++ declares wait() in a base.
class MethodTable {
public:
  void add(llvm::StringRef ClassAndMethod);
  /// The listed class that \p Object is or derives from and that lists
  /// \p Method, or null.
  const CXXRecordDecl *findClass(llvm::StringRef Method,
                                 const CXXRecordDecl *Object) const;

private:
  llvm::StringMap<llvm::StringSet<>> ClassesByMethod;
};

class BlockingCallCheck : public CorolintCheck {
public:
  BlockingCallCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;

  /// What a blocking call is, which decides the advice given for it.
  enum class Family { Sleep, Blocking, EventLoop, SyncAsio };

  /// The runtime a coroutine runs on, known from its return type.
  struct Runtime {
    enum Kind {
      Unknown,
      Asio,
      Folly,
      Cppcoro,
      Libcoro,
      Concurrencpp,
      AsyncSimple
    } Kind = Unknown;
    /// "asio" or "boost::asio" for Asio awaitables.
    std::string AsioNamespace;
    /// False when an Asio awaitable has a non-default executor, so that
    /// `use_awaitable` and `steady_timer` would not fit it.
    bool DefaultExecutor = true;
    /// A coroutine that only co_yields: nothing else runs on its thread
    /// while it blocks, but whoever iterates it waits.
    bool SynchronousGenerator = false;
  };

  /// One blocking call found in a coroutine body.
  struct BlockingCall {
    Family Kind;
    const Expr *Call;
    std::string What; ///< E.g. "'std::future::get'", quoted for diag().
  };

  /// Where in the body a fix-it that adds `co_await` would not compile, or
  /// would change the meaning of the surrounding expression.
  struct BodyContext {
    llvm::SmallPtrSet<const Expr *, 4> PostfixOperands;
    llvm::SmallVector<SourceRange, 2> Handlers;
    llvm::SmallVector<SourceRange, 2> Unevaluated;
    /// Futures and results whose readiness was checked or awaited earlier
    /// in the body: a later get() returns at once.
    llvm::SmallPtrSet<const VarDecl *, 4> Ready;
    /// The function handles EAGAIN / EWOULDBLOCK / EINPROGRESS: its
    /// descriptors are non-blocking.
    bool HandlesWouldBlock = false;
  };

  /// Macro expansions outside system headers that tell a non-blocking
  /// descriptor from a blocking one.
  struct NonBlockingEvidence {
    bool NonBlockingDescriptors = false; ///< O_NONBLOCK, SOCK_NONBLOCK.
    std::vector<SourceLocation> WouldBlock;   ///< EAGAIN and friends.
    std::vector<SourceLocation> DontWait;     ///< MSG_DONTWAIT.
    std::vector<SourceLocation> Datagram;     ///< SOCK_DGRAM.
  };

  /// One step of the way from a call in a coroutine to a blocking call:
  /// the statement of a helper that calls the next helper or blocks.
  struct Hop {
    const Expr *Site = nullptr;
    const FunctionDecl *Callee = nullptr; ///< Null when Site blocks.
  };

private:
  /// What one helper's own body does: the first blocking call in it, and
  /// the helpers it calls that may be followed (one call site each).
  struct HelperFacts {
    std::optional<BlockingCall> Blocks;
    llvm::SmallVector<Hop, 4> Calls;
  };
  /// Whether a helper blocks within some number of calls: a path of at most
  /// BlocksWithin helpers (0: none found yet) starting with First, and
  /// no path of at most NoneWithin helpers.
  struct HelperSummary {
    unsigned BlocksWithin = 0;
    unsigned NoneWithin = 0;
    Hop First;
  };

  Runtime runtimeOf(const FunctionDecl &Coroutine) const;
  bool isDeclaredNonBlocking(const FunctionDecl &Callee) const;
  const FunctionDecl *followedCallee(const Stmt &S, const FunctionDecl &Caller,
                                     const SourceManager &SM) const;
  const HelperFacts &factsOf(const FunctionDecl &Helper,
                             const ASTContext &Context);
  std::optional<Hop> blockingPathStart(const FunctionDecl &Helper,
                                       unsigned Depth,
                                       const ASTContext &Context);
  void reportIndirect(const Stmt &Call, const FunctionDecl &Helper,
                      const Runtime &RT);
  std::optional<BlockingCall> classify(const Stmt &S, const BodyContext &Body,
                                       const ASTContext &Context) const;
  std::optional<BlockingCall> classifyCall(const CallExpr &Call,
                                           const BodyContext &Body,
                                           const ASTContext &Context) const;
  std::optional<BlockingCall> classifyMethodCall(const CallExpr &Call,
                                                 const CXXMethodDecl &Method,
                                                 const Expr &Object,
                                                 const BodyContext &Body) const;
  std::optional<BlockingCall>
  classifyFreeCall(const CallExpr &Call, const FunctionDecl &Callee,
                   const BodyContext &Body, const ASTContext &Context) const;
  bool isLibcHomonym(const FunctionDecl &Callee,
                     const ASTContext &Context) const;
  bool usesNonBlockingDescriptor(const CallExpr &Call,
                                 const FunctionDecl &Callee,
                                 const BodyContext &Body,
                                 const SourceManager &SM) const;
  bool handlesWouldBlock(const FunctionDecl &FD,
                         const SourceManager &SM) const;
  std::optional<BlockingCall>
  classifyConstruction(const CXXConstructExpr &Construct) const;
  std::string describeStream(const Expr &Stream) const;

  void report(const BlockingCall &Found, const Runtime &RT,
              const BodyContext &Body, ASTContext &Context);
  void adviseSleep(const BlockingCall &Found, const Runtime &RT, bool CanAwait,
                   ASTContext &Context);
  void adviseSyncAsio(const BlockingCall &Found, const Runtime &RT,
                      bool CanAwait, bool NeedsParens, ASTContext &Context);
  void adviseOffload(const BlockingCall &Found, const Runtime &RT);
  void adviseGenerator(SourceLocation Loc);

  struct OptionText {
    std::string SleepFunctions, BlockingFunctions, BlockingMethods,
        EventLoopFunctions, EventLoopMethods, BlockingStreamObjects,
        BlockingStreamTypes, BlockingStreamOperations, AsioNamespaces,
        SyncAsioOperations, AsioAwaitableTypes, FollyTaskTypes,
        CppcoroTaskTypes, LibcoroTaskTypes, ConcurrencppTaskTypes,
        AsyncSimpleTaskTypes, DirectoryIteratorTypes, DescriptorFunctions,
        NonBlockingFunctions;
  } Text;
  bool FollowCalls;
  unsigned MaxCallDepth;

  NameList SleepFunctions, BlockingFunctions, EventLoopFunctions,
      SyncAsioFunctions;
  MethodTable BlockingMethods, EventLoopMethods, SyncAsioMethods;
  NameList StreamObjects, StreamTypes, DirectoryIteratorTypes,
      DescriptorFunctions;
  llvm::StringSet<> StreamOperations;
  NameList AsioAwaitableTypes, FollyTaskTypes, CppcoroTaskTypes,
      LibcoroTaskTypes, ConcurrencppTaskTypes, AsyncSimpleTaskTypes,
      NonBlockingFunctions;
  /// Shared with the preprocessor callbacks, which may outlive a run.
  std::shared_ptr<NonBlockingEvidence> Evidence =
      std::make_shared<NonBlockingEvidence>();

  // Per translation unit: every helper's body is walked once, and its
  // summary is refined only when a deeper search is asked of it.
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<HelperFacts>> Facts;
  llvm::DenseMap<const FunctionDecl *, HelperSummary> Summaries;

  llvm::DenseSet<const FunctionDecl *> Analysed;
  ReportOnce Reported;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_CHECKS_BLOCKINGCALLCHECK_H
