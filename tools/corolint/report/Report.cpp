//===--- Report.cpp - the merged result of a scan -------------------------===//

#include "Report.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"
#include <set>
#include <tuple>

namespace corolint::scanner {

std::map<std::string, unsigned> ScanReport::findingsPerCheck() const {
  std::map<std::string, unsigned> Counts;
  for (const Finding &F : Findings)
    ++Counts[F.Check];
  return Counts;
}

void ReportBuilder::add(TUResult Result) {
  if (Result.Status == TUStatus::Skipped)
    ++Skipped;
  for (const Dependency &D : Result.Dependencies) {
    auto [It, Inserted] = Inputs.try_emplace(D.Path, D.Hash);
    if (!Inserted && It->second != D.Hash)
      It->second.clear(); // Changed during the scan: trust neither view.
  }
  unsigned Partial = Result.failed() ? Result.Findings.size() : 0;
  for (Finding &F : Result.Findings)
    Findings.push_back(std::move(F));
  if (Result.failed())
    Failures.push_back({Result.File, Result.Status, std::move(Result.Detail),
                        std::move(Result.CompileErrors), Partial});
}

static auto sortKey(const Finding &F) {
  return std::tie(F.Main.Loc.File, F.Main.Loc.Pos.Line, F.Main.Loc.Pos.Column,
                  F.Check, F.Main.Text);
}

void ReportBuilder::finish(ScanReport &Report) {
  llvm::sort(Findings, [](const Finding &A, const Finding &B) {
    return sortKey(A) < sortKey(B);
  });
  std::set<std::tuple<std::string, std::string, unsigned, std::string>> Seen;
  for (Finding &F : Findings)
    if (Seen.emplace(F.Check, F.Main.Loc.File, F.Main.Loc.Offset, F.Main.Text)
            .second)
      Report.Findings.push_back(std::move(F));
  Findings.clear();
  llvm::sort(Failures, [](const Failure &A, const Failure &B) {
    return A.File < B.File;
  });
  Report.Failures = std::move(Failures);
  Report.Inputs = std::move(Inputs);
  Report.Skipped = Skipped;
}

std::vector<BlockingRootCause> blockingRootCauses(const ScanReport &Report) {
  constexpr llvm::StringLiteral Suffix = " blocks here";
  std::map<std::tuple<std::string, unsigned, std::string>, std::vector<size_t>>
      Sites;
  for (size_t I = 0; I < Report.Findings.size(); ++I) {
    const Finding &F = Report.Findings[I];
    if (F.Check != "coro-blocking-call")
      continue;
    auto Root = llvm::find_if(F.Notes, [&](const Message &N) {
      return llvm::StringRef(N.Text).ends_with(Suffix);
    });
    if (Root != F.Notes.end())
      Sites[{relativePath(Root->Loc.File, Report.ProjectRoot),
             Root->Loc.Pos.Line,
             llvm::StringRef(Root->Text).drop_back(Suffix.size()).str()}]
          .push_back(I);
  }
  std::vector<BlockingRootCause> Causes;
  for (auto &[Root, Findings] : Sites)
    if (Findings.size() >= 2)
      Causes.push_back({std::get<0>(Root), std::get<1>(Root), std::get<2>(Root),
                        std::move(Findings)});
  return Causes;
}

std::string relativePath(llvm::StringRef Path, llvm::StringRef Root) {
  if (Root.empty() || !Path.starts_with(Root))
    return Path.str();
  llvm::StringRef Rest = Path.drop_front(Root.size());
  if (Root.ends_with("/"))
    return Rest.str();
  if (!Rest.consume_front("/"))
    return Path.str();
  return Rest.str();
}

std::string findingIdentity(const Finding &F, llvm::StringRef Root) {
  std::string Path = relativePath(F.Main.Loc.File, Root);
  std::string Identity = F.Check;
  for (const std::string *Part :
       {static_cast<const std::string *>(&Path), &F.Function, &F.Snippet}) {
    Identity += '\0';
    Identity += *Part;
  }
  return Identity;
}

std::vector<std::string> fingerprints(const std::vector<Finding> &Findings,
                                      llvm::StringRef Root) {
  llvm::StringMap<unsigned> Occurrences;
  std::vector<std::string> Result;
  for (const Finding &F : Findings) {
    std::string Identity = findingIdentity(F, Root);
    unsigned Index = Occurrences[Identity]++;
    Result.push_back(hashHex(Identity + '\0' + std::to_string(Index)));
  }
  return Result;
}

} // namespace corolint::scanner
