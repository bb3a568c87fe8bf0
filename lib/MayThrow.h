//===--- MayThrow.h - which failure can escape a function -------*- C++ -*-===//
//
// Real coroutines log, allocate and build strings, so almost none is provably
// exception-free, while their authors handle every *error* with care. What
// matters to a caller that cannot observe an exception (co_spawn with
// `detached`) is whether an operation that throws on an ordinary failure can
// escape: an Asio await with `use_awaitable` (not with an error-value token
// such as as_tuple or redirect_error), an Asio call without its error_code&
// argument, a `throw`, a parser such as std::stoi, or a call of a function
// whose body lets one of these out. Allocation failure and calls whose bodies
// are not visible do not count. An operation is covered by any enclosing try
// whose first matching handler does not rethrow.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_MAYTHROW_H
#define COROLINT_MAYTHROW_H

#include "NameList.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>

namespace clang::tidy::corolint {

/// True when \p Callee, called or constructed, is declared not to throw.
bool isNothrow(const FunctionDecl &Callee);

/// The token a completion-token wrapper listed in \p Wrappers passes the
/// completion on to (its first template argument: bind_executor(strand,
/// detached) wraps `detached`), or null.
const CXXRecordDecl *wrappedToken(const CXXRecordDecl &Token,
                                  const NameList &Wrappers);

// The defaults of ThrowModel's lists (coro-unchecked-spawn's options), as the
// libraries' current releases spell them.
// Where an operation that fails on ordinary errors (a closed socket, a
// refused connection) throws system_error unless given an error_code.
inline constexpr llvm::StringLiteral DefaultIoLibraryNamespaces =
    "::asio;::boost::asio;::boost::beast";
inline constexpr llvm::StringLiteral DefaultThrowingTokenTypes =
    "::asio::use_awaitable_t;::boost::asio::use_awaitable_t";
inline constexpr llvm::StringLiteral DefaultYieldTokenTypes =
    "::asio::basic_yield_context;::boost::asio::basic_yield_context";
inline constexpr llvm::StringLiteral DefaultErrorValueTokenTypes =
    "::asio::redirect_error_t;::asio::experimental::as_tuple_t;"
    "::asio::experimental::as_single_t;::asio::as_tuple_t;"
    "::boost::asio::redirect_error_t;::boost::asio::as_tuple_t;"
    "::boost::asio::experimental::as_tuple_t;"
    "::boost::asio::experimental::as_single_t";
// A timer's wait fails only when it is cancelled, which is how a coroutine
// is stopped, and setting or cancelling a timer does not fail in practice;
// post and dispatch do not fail. Closing or cancelling one's own socket or
// acceptor fails only if close(2) does on a valid descriptor: real code calls
// close() in its cleanup (often from a catch handler) and never expects it
// to throw. shutdown() is not here: it fails when the peer has gone.
inline constexpr llvm::StringLiteral DefaultNonFailingOperations =
    "::asio::basic_socket::close;::asio::basic_socket::cancel;"
    "::asio::basic_socket_acceptor::close;"
    "::asio::basic_socket_acceptor::cancel;"
    "::asio::basic_waitable_timer::async_wait;"
    "::asio::basic_waitable_timer::cancel;"
    "::asio::basic_waitable_timer::cancel_one;"
    "::asio::basic_waitable_timer::expires_at;"
    "::asio::basic_waitable_timer::expires_from_now;"
    "::asio::basic_deadline_timer::async_wait;"
    "::asio::basic_deadline_timer::cancel;"
    "::asio::basic_deadline_timer::cancel_one;"
    "::asio::basic_deadline_timer::expires_at;"
    "::asio::basic_deadline_timer::expires_from_now;"
    "::asio::post;::asio::dispatch;::asio::defer;"
    "::boost::asio::basic_socket::close;::boost::asio::basic_socket::cancel;"
    "::boost::asio::basic_socket_acceptor::close;"
    "::boost::asio::basic_socket_acceptor::cancel;"
    "::boost::asio::basic_waitable_timer::async_wait;"
    "::boost::asio::basic_waitable_timer::cancel;"
    "::boost::asio::basic_waitable_timer::cancel_one;"
    "::boost::asio::basic_waitable_timer::expires_at;"
    "::boost::asio::basic_waitable_timer::expires_from_now;"
    "::boost::asio::basic_deadline_timer::async_wait;"
    "::boost::asio::basic_deadline_timer::cancel;"
    "::boost::asio::basic_deadline_timer::cancel_one;"
    "::boost::asio::basic_deadline_timer::expires_at;"
    "::boost::asio::basic_deadline_timer::expires_from_now;"
    "::boost::asio::post;::boost::asio::dispatch;::boost::asio::defer";
inline constexpr llvm::StringLiteral DefaultThrowingFunctions =
    "::std::stoi;::std::stol;::std::stoll;::std::stoul;::std::stoull;"
    "::std::stof;::std::stod;::std::stold;::std::vector::at;::std::deque::at;"
    "::std::array::at;::std::basic_string::at;::std::basic_string_view::at;"
    "::std::map::at;::std::unordered_map::at;::nlohmann::basic_json::parse;"
    "::nlohmann::basic_json::at;::boost::json::parse;::boost::json::value::at;"
    "::boost::json::object::at;::boost::json::array::at;::boost::lexical_cast";
inline constexpr llvm::StringLiteral DefaultIoErrorTypes =
    "::std::runtime_error;::std::system_error;::boost::system::system_error";
inline constexpr llvm::StringLiteral DefaultTestAssertionMacros =
    "EXPECT_THROW;EXPECT_NO_THROW;EXPECT_ANY_THROW;ASSERT_THROW;"
    "ASSERT_NO_THROW;ASSERT_ANY_THROW;REQUIRE_THROWS;REQUIRE_THROWS_AS;"
    "REQUIRE_THROWS_WITH;REQUIRE_NOTHROW;CHECK_THROWS;CHECK_THROWS_AS;"
    "CHECK_THROWS_WITH;CHECK_NOTHROW";
inline constexpr llvm::StringLiteral DefaultTestAssertionFunctions =
    "assert_throws";

/// The lists that say which operations throw on an ordinary failure and
/// which handlers catch them; each is a check option.
struct ThrowModel {
  /// Namespaces of I/O libraries whose operations throw system_error.
  NameList IoNamespaces;
  /// Completion tokens that make an awaited operation throw its error.
  NameList ThrowingTokenTypes;
  /// Stackful tokens (yield_context) with which a call throws its error.
  NameList YieldTokenTypes;
  /// Completion tokens that deliver the error as a value.
  NameList ErrorValueTokenTypes;
  /// Tokens that pass the completion on to their first template argument.
  NameList TokenWrapperTypes;
  NameList AwaitableTypes;
  /// std::error_code and friends: an operation that yields one reports its
  /// error as a value.
  NameList ErrorValueTypes;
  /// Operations whose only failure is a cancellation (a timer's wait).
  NameList NonFailingOperations;
  /// Functions that throw on bad input (std::stoi, json::parse, at()).
  NameList ThrowingFunctions;
  /// Handler types that catch any standard exception.
  NameList CatchAllExceptionTypes;
  /// Handler types that catch an I/O library's system_error.
  NameList IoErrorTypes;
  /// Test macros whose argument is meant to throw (EXPECT_THROW).
  llvm::StringSet<> TestAssertionMacros;
  /// Substrings of names of test helpers whose callable argument is meant to
  /// throw (assert_throws).
  std::vector<std::string> TestAssertionFunctions;
};

/// An operation that throws on an ordinary failure and that nothing in the
/// analysed function catches.
struct EscapingThrow {
  enum Kind {
    IoAwait,
    IoCall,
    IoYield,
    Throw,
    ThrowingFunction,
    /// The work's body is not in this translation unit: nothing shows it
    /// handles its failures. Site and Origin are null.
    Unseen
  } Kind = Throw;
  /// Where it leaves the analysed function: the operation itself, or the
  /// call or await of the function it comes from.
  const Expr *Site = nullptr;
  /// The operation, possibly in a function the analysed one calls.
  const Expr *Origin = nullptr;
  /// The function that holds Origin when it is not the analysed one.
  const FunctionDecl *OriginFunction = nullptr;
  /// The function called or awaited at Site when it is not the operation.
  const FunctionDecl *Called = nullptr;
  /// The called function (an I/O operation or a listed thrower), or null.
  const FunctionDecl *Operation = nullptr;
  /// What a `throw` throws.
  QualType Thrown;

  /// One phrase saying what throws and why ("this await throws ...").
  std::string describe() const;
  /// How a note names Called: "'read_header'", "the lambda".
  std::string calledName() const;
};

class ThrowEscapeAnalysis {
public:
  ThrowEscapeAnalysis(const ThrowModel &Model, ASTContext &Context)
      : Model(Model), Context(Context) {}

  /// The first operation (in source order) that can let an exception out of
  /// running \p Function (a coroutine, a lambda, a callable), or none.
  std::optional<EscapingThrow> firstEscaping(const FunctionDecl &Function);

  ASTContext &context() const { return Context; }

private:
  class Scan;
  const ThrowModel &Model;
  ASTContext &Context;
  /// Per function: its escaping operation; null while it is being analysed
  /// (recursion ends there).
  llvm::DenseMap<const FunctionDecl *, std::optional<EscapingThrow>> Results;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_MAYTHROW_H
