//===--- BodySkipping.h - which function bodies a worker does not parse ---===//
//
// Most of a cold scan goes into the bodies of functions in headers where no
// finding is ever reported (docs/scanner.md, "Skipped function bodies"). A
// worker parses without them in the most aggressive mode that is safe for the
// unit at hand and steps down when a parse shows it was not:
//
//   AllInHeaders  the bodies of every function in such headers, templates
//                 included: the cheapest parse;
//   NonTemplates  only the non-template ones;
//   None          every body.
//
// A template body instantiated with the project's types can instantiate the
// project's own templates (a generic lambda coroutine handed to a library's
// callback API); when that may have happened the unit is analysed again in
// NonTemplates mode.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SCANNER_BODYSKIPPING_H
#define COROLINT_SCANNER_BODYSKIPPING_H

#include "ClangTidyOptions.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <string>

namespace corolint::scanner {

enum class BodySkipping { None, NonTemplates, AllInHeaders };

/// The next, safer mode after a parse in \p Mode proved unsafe.
BodySkipping lessSkipping(BodySkipping Mode);

/// The mode a unit starts in: AllInHeaders unless its main file \p Source
/// defines a class template (then the first parse would almost surely be
/// wasted).
BodySkipping initialSkipping(bool SkipBodies, llvm::StringRef Source);

/// Decides, per function, whether the parser skips its body: only in headers
/// where clang-tidy reports nothing (system headers, headers outside the
/// project root) and whose path matches --skip-bodies-in.
class BodySkipper {
public:
  BodySkipper(const clang::tidy::ClangTidyOptions &Opts, llvm::StringRef SkipIn,
              llvm::StringRef Directory, BodySkipping Mode);

  bool shouldSkip(const clang::Decl &D, const clang::SourceManager &SM);

  /// Whether bodies declared at \p Loc are skipped (whatever the function).
  bool skipsBodiesIn(clang::SourceLocation Loc, const clang::SourceManager &SM);

  bool skipsTemplates() const { return Mode == BodySkipping::AllInHeaders; }

  /// Set by the consumer: a skipped template instantiation may have
  /// instantiated the project's templates, so the parse must be repeated.
  bool MayHaveLostInstantiations = false;

private:
  bool reportsIn(clang::FileID File, clang::SourceLocation Loc,
                 const clang::SourceManager &SM) const;
  bool matchesSkipIn(clang::FileID File, const clang::SourceManager &SM) const;

  BodySkipping Mode;
  bool SystemHeaders, HasExcludeFilter;
  llvm::Regex HeaderFilter, ExcludeHeaderFilter, SkipIn;
  std::string Directory;
  llvm::DenseMap<clang::FileID, bool> Decisions;
};

/// clang-tidy's consumer \p Tidy, asked by the parser which bodies to skip.
/// When template bodies are skipped it watches for lost instantiations and
/// then leaves the checks unrun (their results would be discarded).
/// \p CheckOptions, the enabled checks' options with their defaults, name what
/// the checks look for: a generic lambda using none of it cannot be lost.
std::unique_ptr<clang::ASTConsumer> makeBodySkippingConsumer(
    std::unique_ptr<clang::ASTConsumer> Tidy, BodySkipper &Skipper,
    const clang::SourceManager &SM,
    const clang::tidy::ClangTidyOptions::OptionMap &CheckOptions);

} // namespace corolint::scanner

#endif // COROLINT_SCANNER_BODYSKIPPING_H
