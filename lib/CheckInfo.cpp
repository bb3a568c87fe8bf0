//===--- CheckInfo.cpp - what each check is, from Checks.def --------------===//

#include "CheckInfo.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Twine.h"

namespace clang::tidy::corolint {

static constexpr CheckInfo Checks[] = {
#define COROLINT_CHECK(Name, Class, GuideSection, HasFixIts, Precision, Tags,  \
                       Summary)                                                \
  {Name, GuideSection, HasFixIts, Precision, Tags, Summary},
#include "Checks.def"
};

llvm::ArrayRef<CheckInfo> allChecks() { return Checks; }

const CheckInfo *findCheck(llvm::StringRef Name) {
  const CheckInfo *Found = llvm::find_if(
      Checks, [Name](const CheckInfo &Info) { return Info.Name == Name; });
  return Found == std::end(Checks) ? nullptr : Found;
}

std::string configuredGuideURL(const ClangTidyOptions::OptionMap &Options,
                               llvm::StringRef Check) {
  for (const std::string &Key :
       {(Check + ".GuideURL").str(), std::string("GuideURL")}) {
    auto It = Options.find(Key);
    if (It != Options.end())
      return It->second.Value;
  }
  return "";
}

std::string guideSectionURL(llvm::StringRef GuideURL, llvm::StringRef Section) {
  if (Section.empty())
    return GuideURL.str();
  return (GuideURL + "#s" + Section).str();
}

std::string guideCitation(llvm::StringRef Section, llvm::StringRef GuideURL) {
  std::string Text = ("[guide §" + Section).str();
  if (!GuideURL.empty())
    Text += " " + guideSectionURL(GuideURL, Section);
  return Text + "]";
}

} // namespace clang::tidy::corolint
