//===--- UnboundedChannelCheck.h - coro-unbounded-channel ---*- C++ -*-===//
//
// Finds queues and channels without a capacity (they never push back on a
// producer), home-made queues (a container member pushed and drained by
// coroutines) without a size limit, and ignored results of non-blocking sends
// (which silently drop the message when the channel is full). See
// docs/checks/coro-unbounded-channel.md.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_UNBOUNDEDCHANNELCHECK_H
#define COROLINT_CHECKS_UNBOUNDEDCHANNELCHECK_H

#include "CorolintCheck.h"
#include "CoroutineModel.h"
#include "HomeMadeQueue.h"
#include "NameList.h"

namespace clang::tidy::corolint {

class UnboundedChannelCheck : public CorolintCheck {
public:
  UnboundedChannelCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void reportUnboundedObject(const DeclaratorDecl &Object, ASTContext &Context);
  void reportHomeMadeQueue(const FieldDecl &Queue, ASTContext &Context);
  void reportUnboundedAllocation(const Expr &Allocation, QualType Queue,
                                 ASTContext &Context);
  void checkCall(const CallExpr &Call, ASTContext &Context);
  void reportUnboundedFactory(const CallExpr &Call);
  void checkMakeFunction(const CallExpr &Call, ASTContext &Context);
  void checkChannelCapacity(SourceLocation Loc, QualType Channel,
                            const Expr *Capacity, ASTContext &Context);
  void reportIgnoredSends(const CompoundStmt &Block, ASTContext &Context);
  bool suggestBoundedTemplate(const DeclaratorDecl &Object,
                              ASTContext &Context);
  void nameBoundedTwin(SourceLocation Loc, const NamedDecl *Unbounded);
  std::string capacityPlaceholder() const;

  uint64_t MaxCapacity;
  NameList UnboundedQueueTypes, UnboundedFactories, BoundedChannelTypes,
      MakeFunctions, TrySendFunctions, QueueContainers;
  QueueVocabulary QueueWords;
  ReportOnce Reported;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_CHECKS_UNBOUNDEDCHANNELCHECK_H
