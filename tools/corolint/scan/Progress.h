//===--- Progress.h - progress and the closing summary, on stderr ---------===//

#ifndef COROLINT_SCANNER_PROGRESS_H
#define COROLINT_SCANNER_PROGRESS_H

#include "Report.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <string>

namespace corolint::scanner {

enum class ProgressStyle {
  Bar,   ///< A redrawn bar with counts and ETA (a terminal).
  Plain, ///< A line per interval with news (CI logs).
  None,
};

class Progress {
public:
  Progress(llvm::raw_ostream &OS, ProgressStyle Style, unsigned Total,
           double PlainIntervalSeconds);

  /// Records one finished TU.
  void finished(bool Failed, bool FromCache);
  /// Redraws when due; \p Running names the TUs being analysed.
  void tick(llvm::ArrayRef<std::string> Running);
  /// Clears the bar, or writes a last plain line.
  void done();

private:
  double elapsed() const;
  std::string counts() const;
  std::string eta() const;
  void drawBar(llvm::ArrayRef<std::string> Running);

  llvm::raw_ostream &OS;
  ProgressStyle Style;
  unsigned Total, Done = 0, Failed = 0, Cached = 0, ReportedDone = 0;
  double Interval;
  std::chrono::steady_clock::time_point Start =
      std::chrono::steady_clock::now();
  double LastDraw = -1e9;
  bool BarShown = false;
};

/// The closing table: findings per check, TUs analysed, failed (named, with
/// their first compiler errors), from cache, time.
void writeSummary(llvm::raw_ostream &OS, const ScanReport &Report);

/// The failed TUs of the summary, each with why: printed even under --quiet.
void writeFailures(llvm::raw_ostream &OS, const ScanReport &Report);

} // namespace corolint::scanner

#endif
