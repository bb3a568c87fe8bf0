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
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <cstdint>
#include <optional>
#include <string>

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

/// What a blocking call is, which decides the advice given for it.
enum class BlockingFamily : std::uint8_t {
  Sleep,
  Blocking,
  EventLoop,
  SyncAsio
};

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
      SyncAsioOperations, NonBlockingFunctions;
};

class BlockingCallClassifier {
public:
  explicit BlockingCallClassifier(const BlockingCallLists &Lists);

  /// The blocking call \p S is, if it is one.
  std::optional<BlockingCall> classify(const Stmt &S,
                                       const ASTContext &Context) const;
  /// True when \p Callee is annotated either way: what it does is known
  /// without looking into its body.
  bool isAnnotated(const FunctionDecl &Callee) const;
  /// True when \p Callee is declared not to block (annotated or listed).
  bool isDeclaredNonBlocking(const FunctionDecl &Callee) const;

private:
  std::optional<BlockingCall> classifyCall(const CallExpr &Call,
                                           const ASTContext &Context) const;
  std::optional<BlockingCall> classifyMethodCall(const CallExpr &Call,
                                                 const CXXMethodDecl &Method,
                                                 const Expr &Object) const;
  std::optional<BlockingCall>
  classifyFreeCall(const CallExpr &Call, const FunctionDecl &Callee) const;
  std::optional<BlockingCall>
  classifyConstruction(const CXXConstructExpr &Construct) const;
  std::string describeStream(const Expr &Stream) const;

  NameList SleepFunctions, BlockingFunctions, EventLoopFunctions,
      SyncAsioFunctions;
  MethodTable BlockingMethods, EventLoopMethods, SyncAsioMethods;
  NameList StreamObjects, StreamTypes;
  llvm::StringSet<> StreamOperations;
  NameList NonBlockingFunctions;
};

/// The name a call's callee is listed under: its identifier, or
/// "operator>>" and the like for overloaded operators.
std::string listedName(const FunctionDecl &Callee);

} // namespace clang::tidy::corolint

#endif // COROLINT_CHECKS_BLOCKINGCALLCLASSIFIER_H
