//===--- CorolintCheck.cpp - base of every corolint check -----------------===//

#include "CorolintCheck.h"
#include "CheckInfo.h"

namespace clang::tidy::corolint {

static llvm::StringRef guideSectionOf(StringRef Check) {
  const CheckInfo *Info = findCheck(Check);
  assert(Info && "every check is listed in Checks.def");
  return Info ? Info->GuideSection : "";
}

CorolintCheck::CorolintCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      GuideURL(configuredGuideURL(Context->getOptions().CheckOptions, Name)),
      Citation(guideCitation(guideSectionOf(Name), GuideURL)) {
  recordGuideURL(Context->getCurrentFile(), Name, GuideURL);
}

void CorolintCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "GuideURL", GuideURL);
  for (const auto &[Key, Text] : Stored)
    Options.store(Opts, Key, Text);
}

std::string CorolintCheck::stringOption(StringRef Key, StringRef Default) {
  std::string Text = Options.get(Key, Default).str();
  Stored.emplace_back(Key.str(), Text);
  return Text;
}

std::string CorolintCheck::sharedStringOption(StringRef Key,
                                              StringRef Default) {
  std::string Text = Options.getLocalOrGlobal(Key, Default).str();
  Stored.emplace_back(Key.str(), Text);
  return Text;
}

bool CorolintCheck::boolOption(StringRef Key, bool Default) {
  bool Value = Options.get(Key, Default);
  Stored.emplace_back(Key.str(), Value ? "true" : "false");
  return Value;
}

} // namespace clang::tidy::corolint
