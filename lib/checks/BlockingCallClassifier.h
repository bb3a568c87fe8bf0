//===--- BlockingCallClassifier.h - which calls block a thread --*- C++ -*-===//
//
// The vocabulary of coro-blocking-call: sleeps, blocking waits, nested event
// loops, blocking streams and synchronous Asio operations, as the check's
// options list them, plus the guide's corolint::blocking and
// corolint::nonblocking annotations. One question: does this statement
// block the calling thread, and what is it?
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_BLOCKINGCALLCLASSIFIER_H
#define COROLINT_CHECKS_BLOCKINGCALLCLASSIFIER_H

#include "NameList.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class PPCallbacks;
namespace tidy::corolint {

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

/// What a blocking call is, which decides the advice given for it.
enum class BlockingFamily { Sleep, Blocking, EventLoop, SyncAsio };

/// One blocking call.
struct BlockingCall {
  BlockingFamily Kind;
  const Expr *Call;
  std::string What; ///< E.g. "'std::future::get'", quoted for diag().
};

/// The option values the classifier is made of (see the check's docs page).
struct BlockingCallLists {
  llvm::StringRef SleepFunctions, BlockingFunctions, BlockingMethods,
      EventLoopFunctions, EventLoopMethods, BlockingStreamObjects,
      BlockingStreamTypes, BlockingStreamOperations, AsioNamespaces,
      SyncAsioOperations, NonBlockingFunctions, DirectoryIteratorTypes,
      DescriptorFunctions;
};

/// Futures and results whose readiness a function observed before a call:
/// `get()` on them returns at once.
using ReadyVariables = llvm::SmallPtrSet<const VarDecl *, 4>;

/// Macro expansions outside system headers that tell a non-blocking
/// descriptor from a blocking one, for one translation unit.
struct NonBlockingEvidence {
  bool NonBlockingDescriptors = false;    ///< O_NONBLOCK, SOCK_NONBLOCK.
  std::vector<SourceLocation> WouldBlock; ///< EAGAIN and friends.
  std::vector<SourceLocation> DontWait;   ///< MSG_DONTWAIT.
  std::vector<SourceLocation> Datagram;   ///< SOCK_DGRAM.
  /// Bodies of the functions that handle EAGAIN-like results, found on
  /// first use.
  std::optional<std::vector<SourceRange>> WouldBlockHandlers;
};

class BlockingCallClassifier {
public:
  explicit BlockingCallClassifier(const BlockingCallLists &Lists);

  /// The blocking call \p S is, if it is one. \p Ready, when given, holds
  /// the variables whose readiness the function observed before \p S.
  std::optional<BlockingCall>
  classify(const Stmt &S, const ASTContext &Context,
           const ReadyVariables *Ready = nullptr) const;
  /// Adds to \p Ready what \p S observes: `f.wait_for(0s)`, `f.is_ready()`,
  /// `f.status()`, `f.hasResult()`, or a co_await of an expression naming f.
  void noteReadiness(const Stmt &S, ReadyVariables &Ready,
                     const ASTContext &Context) const;
  /// Preprocessor callbacks that collect the non-blocking evidence of the
  /// translation unit being parsed.
  std::unique_ptr<PPCallbacks> evidenceCollector(const SourceManager &SM);
  /// Forgets the evidence of the translation unit that ended.
  void clearEvidence() { *Evidence = NonBlockingEvidence(); }
  /// True when \p Callee is annotated either way: what it does is known
  /// without looking into its body.
  bool isAnnotated(const FunctionDecl &Callee) const;
  /// True when \p Callee is declared not to block (annotated or listed).
  bool isDeclaredNonBlocking(const FunctionDecl &Callee) const;

private:
  std::optional<BlockingCall> classifyCall(const CallExpr &Call,
                                           const ASTContext &Context,
                                           const ReadyVariables *Ready) const;
  std::optional<BlockingCall>
  classifyMethodCall(const CallExpr &Call, const CXXMethodDecl &Method,
                     const Expr &Object, const ReadyVariables *Ready) const;
  std::optional<BlockingCall> classifyFreeCall(const CallExpr &Call,
                                               const FunctionDecl &Callee,
                                               const ASTContext &Context) const;
  bool isLibcHomonym(const FunctionDecl &Callee,
                     const ASTContext &Context) const;
  bool usesNonBlockingDescriptor(const CallExpr &Call,
                                 const FunctionDecl &Callee,
                                 const ASTContext &Context) const;
  std::optional<BlockingCall>
  classifyConstruction(const CXXConstructExpr &Construct) const;
  std::string describeStream(const Expr &Stream) const;

  NameList SleepFunctions, BlockingFunctions, EventLoopFunctions,
      SyncAsioFunctions;
  MethodTable BlockingMethods, EventLoopMethods, SyncAsioMethods;
  NameList StreamObjects, StreamTypes;
  llvm::StringSet<> StreamOperations;
  NameList NonBlockingFunctions, DirectoryIteratorTypes, DescriptorFunctions;
  /// Shared with the preprocessor callbacks, which the preprocessor owns.
  std::shared_ptr<NonBlockingEvidence> Evidence =
      std::make_shared<NonBlockingEvidence>();
};

/// The name a call's callee is listed under: its identifier, or
/// "operator>>" and the like for overloaded operators.
std::string listedName(const FunctionDecl &Callee);

} // namespace tidy::corolint
} // namespace clang

#endif // COROLINT_CHECKS_BLOCKINGCALLCLASSIFIER_H
