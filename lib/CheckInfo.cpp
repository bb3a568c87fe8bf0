//===--- CheckInfo.cpp - what each check is, from Checks.def --------------===//

#include "CheckInfo.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

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

std::string guideURLOfCitation(llvm::StringRef Message) {
  static const llvm::Regex Citation("\\[guide §[0-9.]+ ([^] ]+)#s[0-9.]+\\]");
  llvm::SmallVector<llvm::StringRef, 2> Match;
  return Citation.match(Message, &Match) ? Match[1].str() : "";
}

std::string checkPageURL(llvm::StringRef GuideURL, llvm::StringRef Check) {
  llvm::StringRef Guide = GuideURL.split('#').first;
  llvm::StringRef Folder = Guide.take_front(Guide.rfind('/') + 1);
  if (Folder.ends_with("//")) // "https://host": the guide is the site.
    Folder = Guide;
  llvm::StringRef Extension =
      llvm::sys::path::extension(Guide.drop_front(Folder.size()));
  return (Folder + (Folder.ends_with("/") || Folder.empty() ? "" : "/") +
          "checks/" + Check + (Extension.empty() ? ".md" : Extension))
      .str();
}

std::string uriEncodePath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C))
      Out += C;
    else
      Out += "%" + llvm::utohexstr(C, /*LowerCase=*/false, 2);
  }
  return Out;
}

} // namespace clang::tidy::corolint
