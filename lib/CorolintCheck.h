//===--- CorolintCheck.h - base of every corolint check ---------*- C++ -*-===//
//
// Every corolint diagnostic ends with a citation of the guide section that
// explains its rule (its row of Checks.def). Teams that host the guide can
// set the global option `GuideURL` (or a check-local one) so that the
// citation carries a link.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_COROLINTCHECK_H
#define COROLINT_COROLINTCHECK_H

#include "ClangTidyCheck.h"
#include "NameList.h"
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::corolint {

class CorolintCheck : public ClangTidyCheck {
public:
  CorolintCheck(StringRef Name, ClangTidyContext *Context);

  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  /// The citation that ends every warning of this check.
  const std::string &citation() const { return Citation; }

  // Options: each is read here once, under its key with its default, and
  // stored back by storeOptions() as it was read; a check declares no
  // storeOptions() of its own.

  /// The text of the option \p Key, or \p Default.
  std::string stringOption(StringRef Key, StringRef Default);
  /// The text of the option \p Key of this check, else of the option \p Key
  /// that every check reads (set once for several checks), else \p Default.
  std::string sharedStringOption(StringRef Key, StringRef Default);
  /// A ';'-separated list of qualified names (see NameList.h).
  NameList nameListOption(StringRef Key, StringRef Default) {
    return NameList(stringOption(Key, Default));
  }
  bool boolOption(StringRef Key, bool Default);
  template <typename T> T integerOption(StringRef Key, T Default) {
    T Value = Options.get<T>(Key, Default);
    Stored.emplace_back(Key.str(), std::to_string(Value));
    return Value;
  }

private:
  std::string GuideURL;
  std::string Citation;
  /// Every option read, with the text storeOptions() writes for it.
  std::vector<std::pair<std::string, std::string>> Stored;
};

} // namespace clang::tidy::corolint

#endif // COROLINT_COROLINTCHECK_H
