//===--- Baseline.cpp - accepting today's findings ------------------------===//

#include "Baseline.h"
#include "FileIO.h"
#include "Report.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

namespace corolint::scanner {

constexpr int BaselineVersion = 1;

static BaselineEntry entryFor(const Finding &F, llvm::StringRef Root) {
  return {F.Check, relativePath(F.Main.Loc.File, Root), F.Function,
          hashHex(F.Snippet), F.Main.Text};
}

static std::string keyOf(const BaselineEntry &E) {
  return E.Check + '\0' + E.Path + '\0' + E.Function + '\0' + E.SnippetHash;
}

llvm::Error writeBaseline(llvm::StringRef File,
                          const std::vector<Finding> &Findings,
                          llvm::StringRef ProjectRoot) {
  llvm::json::Array Entries;
  for (const Finding &F : Findings) {
    BaselineEntry E = entryFor(F, ProjectRoot);
    Entries.push_back(llvm::json::Object{{"check", E.Check},
                                         {"path", E.Path},
                                         {"function", E.Function},
                                         {"snippetHash", E.SnippetHash},
                                         {"message", E.Message}});
  }
  llvm::json::Value Baseline(
      llvm::json::Object{{"version", BaselineVersion},
                         {"tool", "corolint"},
                         {"findings", std::move(Entries)}});
  return writeFileAtomically(File, "the baseline", [&](llvm::raw_ostream &OS) {
    OS << llvm::formatv("{0:2}", Baseline) << "\n";
  });
}

llvm::Expected<std::vector<BaselineEntry>> readBaseline(llvm::StringRef File) {
  auto Fail = [&](const llvm::Twine &Why) {
    return llvm::createStringError(
        llvm::formatv("baseline '{0}': {1}", File, Why.str()).str());
  };
  auto Buffer = readInputFile(File);
  if (!Buffer)
    return Fail("cannot read: " + llvm::toString(Buffer.takeError()));
  llvm::Expected<llvm::json::Value> Root = parseJSON((*Buffer)->getBuffer());
  if (!Root)
    return Fail("malformed JSON: " + llvm::toString(Root.takeError()));
  const llvm::json::Object *O = Root->getAsObject();
  const llvm::json::Array *Findings = O ? O->getArray("findings") : nullptr;
  if (!Findings || O->getInteger("version") != BaselineVersion)
    return Fail("not a corolint baseline (version 1 with 'findings')");
  std::vector<BaselineEntry> Entries;
  for (const llvm::json::Value &V : *Findings) {
    const llvm::json::Object *F = V.getAsObject();
    auto Field = [&](llvm::StringRef Name) -> std::optional<std::string> {
      if (!F)
        return std::nullopt;
      if (std::optional<llvm::StringRef> S = F->getString(Name))
        return S->str();
      return std::nullopt;
    };
    auto Check = Field("check"), Path = Field("path"),
         Function = Field("function"), Hash = Field("snippetHash");
    if (!Check || !Path || !Function || !Hash)
      return Fail(llvm::formatv("entry {0} lacks check, path, function or "
                                "snippetHash",
                                Entries.size() + 1)
                      .str());
    Entries.push_back(
        {*Check, *Path, *Function, *Hash, Field("message").value_or("")});
  }
  return Entries;
}

std::vector<BaselineEntry>
applyBaseline(std::vector<Finding> &Findings,
              const std::vector<BaselineEntry> &Entries,
              llvm::StringRef ProjectRoot) {
  llvm::StringMap<std::vector<const BaselineEntry *>> Unused;
  for (const BaselineEntry &E : Entries)
    Unused[keyOf(E)].push_back(&E);
  std::vector<Finding> New;
  for (Finding &F : Findings) {
    auto It = Unused.find(keyOf(entryFor(F, ProjectRoot)));
    if (It != Unused.end() && !It->second.empty()) {
      It->second.pop_back();
      continue;
    }
    New.push_back(std::move(F));
  }
  Findings = std::move(New);
  std::vector<BaselineEntry> Stale;
  for (const BaselineEntry &E : Entries) {
    auto &Left = Unused[keyOf(E)];
    if (llvm::is_contained(Left, &E))
      Stale.push_back(E);
  }
  return Stale;
}

} // namespace corolint::scanner
