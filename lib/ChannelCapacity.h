//===--- ChannelCapacity.h - what a channel's capacity is -------*- C++ -*-===//
//
// A channel such as Asio's experimental::channel takes its capacity as a
// constructor argument. These answers tell which argument it is, its value
// when it is a compile-time constant, and when a send cannot find the
// channel full.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHANNELCAPACITY_H
#define COROLINT_CHANNELCAPACITY_H

#include "NameList.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/APSInt.h"
#include <optional>

namespace clang::tidy::corolint {

/// The argument a channel constructor takes its capacity from: the first
/// count parameter (Asio's `max_buffer_size`, defaulted to 0).
const Expr *capacityArgument(const CXXConstructExpr &Construct);

/// A make function forwards its arguments to the constructor, so the first
/// count among them is the capacity.
const Expr *forwardedCapacityArgument(const CallExpr &Make);

/// The compile-time value of a capacity argument as the std::size_t it
/// becomes (a forwarded `-1` is SIZE_MAX), if it has one.
std::optional<llvm::APSInt> constantCapacity(const Expr &E,
                                             ASTContext &Context);

/// True when \p TrySend is a `try_send` that provably finds room: its
/// channel is a local variable of a \p ChannelTypes class built with a
/// constant capacity of at least 1, the call is in no loop, and nothing
/// before it in the function can have sent on the channel (every earlier
/// use is a call of a member whose name does not contain "send").
bool isFirstSendOnFreshChannel(const CXXMemberCallExpr &TrySend,
                               const NameList &ChannelTypes,
                               ASTContext &Context);

} // namespace clang::tidy::corolint

#endif // COROLINT_CHANNELCAPACITY_H
