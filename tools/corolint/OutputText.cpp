//===--- OutputText.cpp - clang-style diagnostics -------------------------===//

#include "Output.h"

namespace corolint::scanner {

using Colors = llvm::raw_ostream::Colors;

static void writeCaretLine(llvm::raw_ostream &OS, const Message &M) {
  // Tabs stay tabs, so the caret lines up with the code however it is shown.
  std::string Indent;
  llvm::StringRef Line = M.LineText;
  for (unsigned I = 0; I + 1 < M.Loc.Pos.Column && I < Line.size(); ++I)
    Indent += Line[I] == '\t' ? '\t' : ' ';
  OS << Line << "\n" << Indent;
  OS.changeColor(Colors::GREEN, /*Bold=*/true);
  OS << "^";
  OS.resetColor();
  OS << "\n";
}

static void writeMessage(llvm::raw_ostream &OS, const Message &M,
                         llvm::StringRef Level, Colors LevelColor,
                         llvm::StringRef Check) {
  OS.changeColor(Colors::SAVEDCOLOR, /*Bold=*/true);
  if (!M.Loc.File.empty())
    OS << M.Loc.File << ":" << M.Loc.Pos.Line << ":" << M.Loc.Pos.Column << ": ";
  OS.changeColor(LevelColor, /*Bold=*/true);
  OS << Level << ":";
  OS.changeColor(Colors::SAVEDCOLOR, /*Bold=*/true);
  OS << " " << M.Text;
  if (!Check.empty())
    OS << " [" << Check << "]";
  OS.resetColor();
  OS << "\n";
  if (!M.Loc.File.empty() && M.Loc.Pos.Line)
    writeCaretLine(OS, M);
}

void writeText(llvm::raw_ostream &OS, const ScanReport &Report) {
  for (const Finding &F : Report.Findings) {
    bool IsError = F.Level == "error";
    writeMessage(OS, F.Main, F.Level, IsError ? Colors::RED : Colors::MAGENTA,
                 F.Check);
    for (const Message &Note : F.Notes)
      writeMessage(OS, Note, "note", Colors::BLACK, "");
  }
}

} // namespace corolint::scanner
