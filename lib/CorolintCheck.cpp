//===--- CorolintCheck.cpp - base of every corolint check -----------------===//

#include "CorolintCheck.h"

namespace clang::tidy::corolint {

std::string guideCitation(llvm::StringRef Section, llvm::StringRef GuideURL) {
  std::string Text = ("[guide §" + Section).str();
  if (!GuideURL.empty())
    Text += (" " + GuideURL + "#s" + Section).str();
  return Text + "]";
}

CorolintCheck::CorolintCheck(StringRef Name, ClangTidyContext *Context,
                             StringRef GuideSection)
    : ClangTidyCheck(Name, Context),
      GuideURL(Options.getLocalOrGlobal("GuideURL", "").str()),
      Citation(guideCitation(GuideSection, GuideURL)) {}

void CorolintCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "GuideURL", GuideURL);
}

} // namespace clang::tidy::corolint
