//===--- Progress.cpp - progress and the closing summary, on stderr -------===//

#include "Progress.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include <cmath>

namespace corolint::scanner {

Progress::Progress(llvm::raw_ostream &OS, ProgressStyle Style, unsigned Total,
                   double PlainIntervalSeconds)
    : OS(OS), Style(Style), Total(Total), Interval(PlainIntervalSeconds) {}

double Progress::elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
      .count();
}

static std::string duration(double Seconds) {
  unsigned S = static_cast<unsigned>(std::lround(Seconds));
  if (S >= 3600)
    return llvm::formatv("{0}:{1:2}:{2:2}", S / 3600, S / 60 % 60, S % 60);
  return llvm::formatv("{0}:{1:2}", S / 60, S % 60);
}

std::string Progress::counts() const {
  std::string Text = llvm::formatv("{0}/{1} translation units", Done, Total);
  if (Failed)
    Text += llvm::formatv(", {0} failed", Failed);
  if (Cached)
    Text += llvm::formatv(", {0} from cache", Cached);
  return Text;
}

std::string Progress::eta() const {
  unsigned Analysed = Done - Cached;
  if (Analysed == 0 || Done >= Total)
    return "--:--";
  // Cache hits take no time; the rest is paced by the TUs analysed so far.
  double PerTU = elapsed() / Analysed;
  return duration(PerTU * (Total - Done));
}

void Progress::finished(bool IsFailed, bool FromCache) {
  ++Done;
  Failed += IsFailed;
  Cached += FromCache;
}

void Progress::drawBar(llvm::ArrayRef<std::string> Running) {
  constexpr unsigned Width = 24;
  unsigned Filled = Total ? Width * Done / Total : Width;
  std::string Line = "[" + std::string(Filled, '=') +
                     std::string(Width - Filled, ' ') + "] " + counts() + "  " +
                     duration(elapsed()) + " ETA " + eta();
  if (!Running.empty())
    Line += "  " + llvm::sys::path::filename(Running.front()).str();
  unsigned Columns = llvm::sys::Process::StandardErrColumns();
  if (Columns > 1 && Line.size() >= Columns)
    Line.resize(Columns - 1);
  OS << "\r\033[K" << Line;
  OS.flush();
  BarShown = true;
}

void Progress::tick(llvm::ArrayRef<std::string> Running) {
  double Now = elapsed();
  if (Style == ProgressStyle::Bar && Now - LastDraw >= 0.1) {
    drawBar(Running);
    LastDraw = Now;
  } else if (Style == ProgressStyle::Plain && Now - LastDraw >= Interval &&
             Done > ReportedDone && Done < Total) {
    // Only news: a CI log should not fill with identical lines.
    OS << "corolint: " << counts() << ", elapsed " << duration(Now) << ", ETA "
       << eta() << "\n";
    LastDraw = Now;
    ReportedDone = Done;
  }
}

void Progress::done() {
  if (Style == ProgressStyle::Bar && BarShown)
    OS << "\r\033[K";
  else if (Style == ProgressStyle::Plain)
    OS << "corolint: " << counts() << ", elapsed " << duration(elapsed())
       << "\n";
  OS.flush();
}

/// Blocking calls reached from several call sites, so that fourteen reports
/// of one save() read as one problem.
static void writeBlockingRootCauses(llvm::raw_ostream &OS,
                                    const ScanReport &Report) {
  std::vector<BlockingRootCause> Causes = blockingRootCauses(Report);
  if (!Causes.empty())
    OS << "  blocking calls reached from several call sites:\n";
  for (const BlockingRootCause &Cause : Causes)
    OS << llvm::formatv("    {0}:{1}: {2} ({3} call sites)\n", Cause.File,
                        Cause.Line, Cause.What, Cause.Findings.size());
}

void writeFailures(llvm::raw_ostream &OS, const ScanReport &Report) {
  for (const Failure &F : Report.Failures) {
    OS << "    " << relativePath(F.File, Report.ProjectRoot) << ": "
       << statusName(F.Status);
    // A crash's detail ends with the worker's last words (a stack dump).
    llvm::SmallVector<llvm::StringRef, 16> Lines;
    llvm::StringRef(F.Detail).split(Lines, '\n', -1, /*KeepEmpty=*/false);
    if (!Lines.empty())
      OS << ": " << Lines.front();
    if (F.PartialFindings)
      OS << llvm::formatv(" ({0} finding{1} reported from it, possibly "
                          "incomplete)",
                          F.PartialFindings, F.PartialFindings == 1 ? "" : "s");
    OS << "\n";
    constexpr size_t ShownLines = 12;
    for (size_t I = 1; I < Lines.size() && I < ShownLines; ++I)
      OS << "      " << Lines[I] << "\n";
    constexpr size_t ShownErrors = 3;
    for (size_t I = 0; I < F.CompileErrors.size() && I < ShownErrors; ++I) {
      const Message &E = F.CompileErrors[I].Main;
      OS << "      ";
      if (!E.Loc.File.empty())
        OS << relativePath(E.Loc.File, Report.ProjectRoot) << ":"
           << E.Loc.Pos.Line << ":" << E.Loc.Pos.Column << ": ";
      OS << "error: " << E.Text << "\n";
    }
    if (F.CompileErrors.size() > ShownErrors)
      OS << llvm::formatv("      ... and {0} more errors\n",
                          F.CompileErrors.size() - ShownErrors);
  }
}

void writeSummary(llvm::raw_ostream &OS, const ScanReport &Report) {
  auto PerCheck = Report.findingsPerCheck();
  size_t Width = std::string("findings").size();
  for (const std::string &Check : Report.EnabledChecks)
    Width = std::max(Width, Check.size());
  for (const auto &[Check, Count] : PerCheck)
    Width = std::max(Width, Check.size());
  auto Row = [&](llvm::StringRef Name, llvm::StringRef Value) {
    OS << "  " << Name << std::string(Width + 2 - Name.size(), ' ') << Value
       << "\n";
  };

  OS << "corolint summary\n";
  Row("check", "findings");
  for (const std::string &Check : Report.EnabledChecks)
    if (!PerCheck.count(Check))
      PerCheck[Check] = 0;
  for (const auto &[Check, Count] : PerCheck)
    Row(Check, std::to_string(Count));
  Row("total", std::to_string(Report.Findings.size()));
  writeBlockingRootCauses(OS, Report);
  if (Report.SuppressedByBaseline)
    Row("in baseline", std::to_string(Report.SuppressedByBaseline));
  unsigned Failed = Report.Failures.size();
  OS << llvm::formatv("  files analysed: {0} of {1} ({2} from cache)\n",
                      Report.TranslationUnits - Failed - Report.Skipped,
                      Report.TranslationUnits, Report.FromCache);
  if (Report.Skipped)
    OS << llvm::formatv("  files skipped:  {0} (not C++)\n", Report.Skipped);
  OS << llvm::formatv("  files failed:   {0}\n", Failed);
  writeFailures(OS, Report);
  OS << llvm::formatv("  time:           {0:f1} s\n", Report.Seconds);
  OS << llvm::formatv("  cross-TU pass:  {0:f1} ms\n",
                      1000 * Report.WholeProgramSeconds);
}

} // namespace corolint::scanner
