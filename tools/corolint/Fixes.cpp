//===--- Fixes.cpp - exporting and applying fix-its -----------------------===//

#include "Fixes.h"
#include "clang/Tooling/DiagnosticsYaml.h"
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
    llvm::consumeError(std::move(E)); // clang-tidy drops a conflicting edit too.
  }
  return Out;
}

llvm::Error exportFixes(llvm::StringRef File, const std::vector<Finding> &Findings) {
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
  std::error_code EC;
  llvm::raw_fd_ostream OS(File, EC, llvm::sys::fs::OF_Text);
  if (EC)
    return llvm::createStringError(llvm::formatv(
        "cannot write fixes to '{0}': {1}", File, EC.message()).str());
  llvm::yaml::Output YAML(OS);
  YAML << TUD;
  return llvm::Error::success();
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
      if (SamePoint || (A.Offset < E.Offset + E.Length &&
                        E.Offset < A.Offset + A.Length))
        return true;
    }
    return false;
  }

  std::set<Edit> Accepted;
};

} // namespace

llvm::Expected<FixSummary> applyFixes(const std::vector<Finding> &Findings) {
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
  for (const auto &[File, Edits] : ByFile) {
    auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false);
    if (!Buffer)
      return llvm::createStringError(llvm::formatv(
          "cannot read '{0}' to fix it: {1}", File,
          Buffer.getError().message()).str());
    std::string Fixed = Edits.apply((*Buffer)->getBuffer());
    std::error_code EC;
    llvm::raw_fd_ostream OS(File, EC, llvm::sys::fs::OF_None);
    if (EC)
      return llvm::createStringError(llvm::formatv(
          "cannot write fixes to '{0}': {1}", File, EC.message()).str());
    OS << Fixed;
    ++Summary.Files;
  }
  return Summary;
}

} // namespace corolint::scanner
