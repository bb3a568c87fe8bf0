//===--- BlockingCallRewrites.cpp - blocking calls made awaits ------------===//

#include "BlockingCallRewrites.h"
#include "ASTHelpers.h"
#include "BlockingCallClassifier.h"
#include "NameList.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::corolint {
namespace {

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

} // namespace

std::optional<std::string> awaitTimerInstead(const CallExpr &Sleep,
                                             const Runtime &RT,
                                             ASTContext &Context) {
  const FunctionDecl *Callee = Sleep.getDirectCallee();
  if (!Callee || Sleep.getNumArgs() != 1 || Sleep.getBeginLoc().isMacroID() ||
      qualifiedName(*Callee) != "std::this_thread::sleep_for" ||
      (RT.Kind != Runtime::Asio && RT.Kind != Runtime::Folly))
    return std::nullopt;
  std::optional<std::string> Duration = writtenText(*Sleep.getArg(0), Context);
  if (!Duration)
    return std::nullopt;
  if (RT.Kind == Runtime::Folly)
    return "co_await folly::coro::sleep(" + *Duration + ")";
  std::string P = RT.asioPrefix();
  return "co_await " + P + "steady_timer(co_await " + P +
         "this_coro::executor, " + *Duration + ").async_wait(" + P +
         "use_awaitable)";
}

llvm::SmallVector<FixItHint, 4> awaitAsyncTwinFixes(const CallExpr &Call,
                                                    const Runtime &RT,
                                                    bool NeedsParens,
                                                    ASTContext &Context) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (RT.Kind != Runtime::Asio || !Callee)
    return {};
  std::string P = RT.asioPrefix();
  // Mechanical only: an operation of this coroutine's Asio whose twin takes
  // the same written arguments plus the completion token.
  DeclarationName TwinName(&Context.Idents.get("async_" + listedName(*Callee)));
  SourceLocation NameLoc;
  bool TwinExists = false;
  if (const auto *MemberCall = llvm::dyn_cast<CXXMemberCallExpr>(&Call)) {
    if (const auto *Member =
            llvm::dyn_cast<MemberExpr>(MemberCall->getCallee()->IgnoreParens()))
      NameLoc = Member->getMemberLoc();
    TwinExists = declaresMember(
        calledOnClass(*MemberCall->getImplicitObjectArgument()), TwinName);
  } else if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(
                 Call.getCallee()->IgnoreParenImpCasts())) {
    NameLoc = Ref->getLocation();
    TwinExists =
        !Callee->getDeclContext()->getRedeclContext()->lookup(TwinName).empty();
  }
  bool SameAsio = StringRef(qualifiedName(*Callee)).starts_with(P);
  unsigned WrittenArgs = 0;
  bool OnlyConstraintsDefaulted = true;
  for (const Expr *Arg : Call.arguments()) {
    if (const auto *Default = llvm::dyn_cast<CXXDefaultArgExpr>(Arg))
      // Asio constrains its templates with unnamed `constraint_t<...> = 0`
      // parameters; a defaulted named parameter means the twin would get
      // different arguments.
      OnlyConstraintsDefaulted &= Default->getParam()->getName().empty();
    else
      ++WrittenArgs;
  }
  SourceLocation Loc = Call.getBeginLoc();
  SourceLocation RParen = Call.getRParenLoc();
  if (!TwinExists || !SameAsio || !OnlyConstraintsDefaulted ||
      takesErrorCode(*Callee) || NameLoc.isInvalid() || Loc.isMacroID() ||
      NameLoc.isMacroID() || RParen.isMacroID())
    return {};
  llvm::SmallVector<FixItHint, 4> Fixes = {
      FixItHint::CreateInsertion(Loc, NeedsParens ? "(co_await " : "co_await "),
      FixItHint::CreateInsertion(NameLoc, "async_"),
      FixItHint::CreateInsertion(RParen, (WrittenArgs ? ", " : "") + P +
                                             "use_awaitable")};
  if (NeedsParens)
    Fixes.push_back(FixItHint::CreateInsertion(
        Lexer::getLocForEndOfToken(RParen, 0, Context.getSourceManager(),
                                   Context.getLangOpts()),
        ")"));
  return Fixes;
}

} // namespace clang::tidy::corolint
