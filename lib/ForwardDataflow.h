//===--- ForwardDataflow.h - one forward may-analysis solver ----*- C++ -*-===//
//
// The solver every flow-sensitive analysis of corolint runs on: a forward
// may-analysis over the Clang CFG of one function body. An analysis supplies
// the lattice (its state type, with operator== and a join) and the transfer
// functions; the solver takes blocks from Clang's ForwardDataflowWorklist,
// which hands them out in reverse post-order. In that order every block of a
// loop-free graph is visited once, after all its predecessors; first-in
// first-out order revisits a block whenever one more predecessor is done,
// which makes a long switch cubic.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_FORWARDDATAFLOW_H
#define COROLINT_FORWARDDATAFLOW_H

#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include "llvm/Support/ErrorHandling.h"
#include <optional>
#include <vector>

namespace clang::tidy::corolint {

/// Runs \p Analysis to its fixpoint over \p Graph and returns the state at
/// the entry of each block (by block ID; none for unreachable blocks).
///
/// The analysis provides:
///  * `using State = ...;` with `bool operator==(const State &) const`;
///  * `State initialState()`: the state at the entry of the function;
///  * `void transfer(const CFGElement &, State &)`;
///  * `void transferEdge(const CFGBlock &From, unsigned SuccIndex, State &)`:
///    refines the state on one outgoing edge (a branch on a condition);
///  * `void join(State &Into, const State &From)`: may-merge of two paths;
///    it only ever grows \p Into, so that the fixpoint is reached.
template <typename AnalysisT>
std::vector<std::optional<typename AnalysisT::State>>
solveForwardMay(const CFG &Graph, AnalysisT &Analysis) {
  using State = typename AnalysisT::State;
  std::vector<std::optional<State>> In(Graph.getNumBlockIDs());
  PostOrderCFGView Order(&Graph);
  ForwardDataflowWorklist Worklist(Graph, &Order);
  In[Graph.getEntry().getBlockID()] = Analysis.initialState();
  Worklist.enqueueBlock(&Graph.getEntry());
  while (const CFGBlock *Block = Worklist.dequeue()) {
    const std::optional<State> &Entry = In[Block->getBlockID()];
    if (!Entry)
      llvm_unreachable("a queued block has an entry state");
    State Now = *Entry;
    for (const CFGElement &Element : *Block)
      Analysis.transfer(Element, Now);
    unsigned SuccIndex = 0;
    for (const CFGBlock::AdjacentBlock &Succ : Block->succs()) {
      unsigned Index = SuccIndex++;
      const CFGBlock *Target = Succ.getReachableBlock();
      if (!Target)
        continue;
      State Out = Now;
      Analysis.transferEdge(*Block, Index, Out);
      std::optional<State> &TargetIn = In[Target->getBlockID()];
      if (TargetIn) {
        State Joined = *TargetIn;
        Analysis.join(Joined, Out);
        if (Joined == *TargetIn)
          continue;
        Out = std::move(Joined);
      }
      TargetIn = std::move(Out);
      Worklist.enqueueBlock(Target);
    }
  }
  return In;
}

} // namespace clang::tidy::corolint

#endif // COROLINT_FORWARDDATAFLOW_H
