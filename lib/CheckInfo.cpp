//===--- CheckInfo.cpp - what each check is, from Checks.def --------------===//

#include "CheckInfo.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Path.h"
#include <mutex>

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

namespace {
/// The guide URLs of recordGuideURL(), by "<file>\0<check>": clangd builds
/// several files at once, each with its own options.
struct RecordedGuideURLs {
  std::mutex Lock;
  llvm::StringMap<std::string> ByFileAndCheck;
};

RecordedGuideURLs &recorded() {
  static RecordedGuideURLs URLs;
  return URLs;
}

std::string fileAndCheck(llvm::StringRef MainFile, llvm::StringRef Check) {
  return (MainFile + llvm::StringRef("\0", 1) + Check).str();
}
} // namespace

void recordGuideURL(llvm::StringRef MainFile, llvm::StringRef Check,
                    llvm::StringRef GuideURL) {
  RecordedGuideURLs &URLs = recorded();
  std::lock_guard<std::mutex> Guard(URLs.Lock);
  if (GuideURL.empty())
    URLs.ByFileAndCheck.erase(fileAndCheck(MainFile, Check));
  else
    URLs.ByFileAndCheck[fileAndCheck(MainFile, Check)] = GuideURL.str();
}

std::string recordedGuideURL(llvm::StringRef MainFile, llvm::StringRef Check) {
  RecordedGuideURLs &URLs = recorded();
  std::lock_guard<std::mutex> Guard(URLs.Lock);
  return URLs.ByFileAndCheck.lookup(fileAndCheck(MainFile, Check));
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
