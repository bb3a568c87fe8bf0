//===--- CorolintCheck.h - base of every corolint check ---------*- C++ -*-===//
//
// Every corolint diagnostic ends with a citation of the guide section that
// explains its rule. Teams that host the guide can set the global option
// `GuideURL` (or a check-local one) so that the citation carries a link.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_COROLINTCHECK_H
#define COROLINT_COROLINTCHECK_H

#include "ClangTidyCheck.h"
#include <string>

namespace clang::tidy::corolint {

/// "[guide §3.2]", or "[guide §3.2 <URL>#s3.2]" when \p GuideURL is set.
std::string guideCitation(llvm::StringRef Section, llvm::StringRef GuideURL);

class CorolintCheck : public ClangTidyCheck {
public:
  CorolintCheck(StringRef Name, ClangTidyContext *Context,
                StringRef GuideSection);

  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  /// The citation that ends every warning of this check.
  const std::string &citation() const { return Citation; }

private:
  std::string GuideURL;
  std::string Citation;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_COROLINTCHECK_H
