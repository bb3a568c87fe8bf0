//===--- BlockingCallRewrites.h - blocking calls made awaits ----*- C++ -*-===//
//
// coro-blocking-call's mechanical fix-its: the edits that turn a blocking
// call into an await of what the coroutine's runtime offers instead, when
// the edit keeps the call's meaning (arguments as written, no macro, errors
// reported the same way). Anything less mechanical stays advice in a note.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_BLOCKINGCALLREWRITES_H
#define COROLINT_CHECKS_BLOCKINGCALLREWRITES_H

#include "TaskModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace clang::tidy::corolint {

/// What replaces `std::this_thread::sleep_for(D)` in a coroutine of \p RT:
/// `co_await <asio>::steady_timer(co_await <asio>::this_coro::executor,
/// D).async_wait(<asio>::use_awaitable)` under Asio,
/// `co_await folly::coro::sleep(D)` under folly; none for another runtime,
/// another sleep, or a duration that a macro writes.
std::optional<std::string> awaitTimerInstead(const CallExpr &Sleep,
                                             const Runtime &RT,
                                             ASTContext &Context);

/// The edits that make \p Call, a synchronous operation of the coroutine's
/// Asio (\p RT), an await of its asynchronous twin ("async_" + its name)
/// with `use_awaitable`: `co_await` before it (in parentheses when
/// \p NeedsParens), "async_" before its name, the token after its written
/// arguments. None when the twin does not exist, would take other
/// arguments, reports errors otherwise (an `error_code&` overload) or a
/// macro writes part of the call.
llvm::SmallVector<FixItHint, 4> awaitAsyncTwinFixes(const CallExpr &Call,
                                                    const Runtime &RT,
                                                    bool NeedsParens,
                                                    ASTContext &Context);

} // namespace clang::tidy::corolint

#endif // COROLINT_CHECKS_BLOCKINGCALLREWRITES_H
