//===--- HomeMadeQueue.h - a container member used as a queue ---*- C++ -*-===//
//
// The most common unbounded queue in real coroutine code is no queue type at
// all: a per-connection std::deque member that one member function pushes
// and then wakes the consumer (cancels a timer, notifies a condition, signals
// a channel), and that a coroutine loop of the same class drains, awaiting a
// write between pops. Nothing bounds it unless the class compares its size
// against a limit. This file recognizes that shape in one class.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_HOMEMADEQUEUE_H
#define COROLINT_HOMEMADEQUEUE_H

#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringSet.h"
#include <vector>

namespace clang::tidy::corolint {

/// The method names that make a container member a queue, and the calls
/// that wake its consumer: sets of unqualified method names, each built from
/// a ';'-separated check option.
struct QueueVocabulary {
  QueueVocabulary(llvm::StringRef Push, llvm::StringRef Pop,
                  llvm::StringRef WakeUp);
  llvm::StringSet<> PushMethods;
  llvm::StringSet<> PopMethods;
  llvm::StringSet<> WakeUpMethods;
};

/// One push into a home-made queue, with the wake-up that follows it in the
/// same function and the await of the loop that drains the queue.
struct UnboundedPush {
  const CXXMemberCallExpr *Push;
  const CXXMemberCallExpr *WakeUp;
  const CoawaitExpr *ConsumerAwait;
};

/// The pushes that make the data member \p Queue an unbounded home-made
/// queue, found in the bodies of its class's member functions (and the
/// lambdas in them) that this translation unit defines. Empty when the class
/// bounds the queue (compares its `size()` with anything but zero), never
/// drains it in an awaiting loop, or pushes without waking a consumer.
std::vector<UnboundedPush> findUnboundedPushes(const FieldDecl &Queue,
                                               const QueueVocabulary &Words,
                                               ASTContext &Context);

} // namespace clang::tidy::corolint

#endif // COROLINT_HOMEMADEQUEUE_H
