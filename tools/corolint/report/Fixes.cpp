//===--- Fixes.cpp - exporting and applying fix-its -----------------------===//

#include "Fixes.h"
#include "FileIO.h"
#include "Report.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include <map>
#include <set>
#include <tuple>

namespace corolint::scanner {

namespace tooling = clang::tooling;

static tooling::DiagnosticMessage toolingMessage(const Message &M) {
  tooling::DiagnosticMessage Out(M.Text);
  Out.FilePath = M.Loc.File;
  Out.FileOffset = M.Loc.Offset;
  for (const Replacement &R : M.Fixes) {
    llvm::Error E = Out.Fix[R.File].add(
        tooling::Replacement(R.File, R.Offset, R.Length, R.Text));
    llvm::consumeError(
        std::move(E)); // clang-tidy drops a conflicting edit too.
  }
  return Out;
}

llvm::Error exportFixes(llvm::StringRef File,
                        const std::vector<Finding> &Findings) {
  tooling::TranslationUnitDiagnostics TUD;
  // One file for the whole scan, the way run-clang-tidy merges them.
  TUD.MainSourceFile = "";
  for (const Finding &F : Findings) {
    tooling::Diagnostic D;
    D.DiagnosticName = F.Check;
    D.DiagLevel = F.Level == "error" ? tooling::Diagnostic::Error
                                     : tooling::Diagnostic::Warning;
    D.Message = toolingMessage(F.Main);
    for (const Message &Note : F.Notes)
      D.Notes.push_back(toolingMessage(Note));
    TUD.Diagnostics.push_back(std::move(D));
  }
  return writeFileAtomically(File, "fixes", [&](llvm::raw_ostream &OS) {
    llvm::yaml::Output YAML(OS);
    YAML << TUD;
  });
}

namespace {

struct Edit {
  unsigned Offset, Length;
  std::string Text;
  auto key() const { return std::tie(Offset, Length, Text); }
  bool operator<(const Edit &O) const { return key() < O.key(); }
  bool operator==(const Edit &O) const { return key() == O.key(); }
};

/// The accepted edits of one file, kept free of overlaps.
class FileEdits {
public:
  /// Adds all of \p New or, when one would overlap an accepted edit, none.
  bool tryAdd(const std::vector<Edit> &New) {
    for (const Edit &E : New)
      if (!Accepted.count(E) && overlaps(E))
        return false;
    Accepted.insert(New.begin(), New.end());
    return true;
  }

  std::string apply(llvm::StringRef Code) const {
    std::string Result;
    unsigned Done = 0;
    for (const Edit &E : Accepted) {
      Result += Code.slice(Done, E.Offset);
      Result += E.Text;
      Done = E.Offset + E.Length;
    }
    return Result + Code.drop_front(std::min<size_t>(Done, Code.size())).str();
  }

private:
  bool overlaps(const Edit &E) const {
    for (const Edit &A : Accepted) {
      bool SamePoint = A.Offset == E.Offset && (!A.Length || !E.Length);
      if (SamePoint ||
          (A.Offset < E.Offset + E.Length && E.Offset < A.Offset + A.Length))
        return true;
    }
    return false;
  }

  std::set<Edit> Accepted;
};

} // namespace

/// Why \p File must not be patched, or "" when it may.
static std::string refusal(const std::string &File, llvm::StringRef Content,
                           const std::map<std::string, std::string> &Inputs,
                           llvm::StringRef ProjectRoot) {
  auto It = Inputs.find(File);
  if (It == Inputs.end() || relativePath(File, ProjectRoot) == File)
    return "not a file of the scan below the project root";
  if (It->second.empty() || hashHex(Content) != It->second)
    return "changed since it was analysed";
  return "";
}

llvm::Expected<FixSummary>
applyFixes(const std::vector<Finding> &Findings,
           const std::map<std::string, std::string> &Inputs,
           llvm::StringRef ProjectRoot) {
  FixSummary Summary;
  std::map<std::string, FileEdits> ByFile;
  for (const Finding &F : Findings) {
    if (F.Main.Fixes.empty())
      continue;
    std::map<std::string, std::vector<Edit>> Edits;
    for (const Replacement &R : F.Main.Fixes)
      Edits[R.File].push_back({R.Offset, R.Length, R.Text});
    bool Fits = true;
    for (const auto &[File, FileEdit] : Edits) {
      auto It = ByFile.find(File);
      FileEdits Trial = It == ByFile.end() ? FileEdits() : It->second;
      Fits &= Trial.tryAdd(FileEdit);
    }
    if (!Fits) {
      ++Summary.Conflicting;
      continue;
    }
    for (const auto &[File, FileEdit] : Edits)
      ByFile[File].tryAdd(FileEdit);
    ++Summary.Applied;
  }
  auto Failed = [&](const llvm::Twine &Why) {
    std::string Message = Why.str();
    if (!Summary.Changed.empty())
      Message +=
          "; files already changed: " + llvm::join(Summary.Changed, ", ");
    return llvm::createStringError(Message);
  };
  for (const auto &[File, Edits] : ByFile) {
    auto Buffer = readInputFile(File);
    if (!Buffer)
      return Failed("cannot read a file to fix it: " +
                    llvm::toString(Buffer.takeError()));
    llvm::StringRef Content = (*Buffer)->getBuffer();
    if (std::string Why = refusal(File, Content, Inputs, ProjectRoot);
        !Why.empty()) {
      Summary.Refused.emplace_back(File, std::move(Why));
      continue;
    }
    std::string Fixed = Edits.apply(Content);
    if (llvm::Error E = writeFileAtomically(
            File, "fixes", [&](llvm::raw_ostream &OS) { OS << Fixed; }))
      return Failed(llvm::toString(std::move(E)));
    Summary.Changed.push_back(File);
  }
  return Summary;
}

} // namespace corolint::scanner
