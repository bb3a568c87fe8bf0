//===--- OutputText.cpp - clang-style diagnostics -------------------------===//

#include "Output.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Unicode.h"

namespace corolint::scanner {

using Colors = llvm::raw_ostream::Colors;

static bool isBidiControl(llvm::UTF32 C) {
  return (C >= 0x202A && C <= 0x202E) || (C >= 0x2066 && C <= 0x2069) ||
         C == 0x200E || C == 0x200F || C == 0x061C;
}

static std::string hexDigits(unsigned Value, unsigned Width) {
  std::string Digits;
  llvm::raw_string_ostream(Digits)
      << llvm::format_hex_no_prefix(Value, Width, /*Upper=*/true);
  return Digits;
}

static std::string visible(llvm::StringRef Text, bool KeepInvalidBytes) {
  std::string Out;
  const auto *P = reinterpret_cast<const llvm::UTF8 *>(Text.begin());
  const auto *End = reinterpret_cast<const llvm::UTF8 *>(Text.end());
  while (P < End) {
    unsigned Length = llvm::getNumBytesForUTF8(*P);
    llvm::UTF32 C;
    const llvm::UTF8 *Next = P;
    if (P + Length > End ||
        llvm::convertUTF8Sequence(&Next, End, &C, llvm::strictConversion) !=
            llvm::conversionOK) {
      if (KeepInvalidBytes)
        Out += static_cast<char>(*P);
      else
        Out += "<" + hexDigits(*P, 2) + ">";
      ++P;
      continue;
    }
    if ((C < 0x20 && C != '\t') || C == 0x7F || (C >= 0x80 && C < 0xA0) ||
        isBidiControl(C))
      Out += "<U+" + hexDigits(C, 4) + ">";
    else
      Out.append(reinterpret_cast<const char *>(P), Next - P);
    P = Next;
  }
  return Out;
}

std::string visibleText(llvm::StringRef Text) { return visible(Text, false); }

/// A file name as the text report shows it: like visibleText, but bytes
/// that are not UTF-8 stay as they are, so that the name still names the
/// file.
static std::string visibleName(llvm::StringRef Name) {
  return visible(Name, true);
}

/// What puts the caret under the character after \p Before as a terminal
/// shows it (like clang's caret): tabs stay tabs, so the caret lines up
/// however wide they are shown; every other character takes as many spaces
/// as its display width (two for CJK and emoji, none for a combining mark).
static std::string caretIndent(llvm::StringRef Before) {
  std::string Indent;
  while (!Before.empty()) {
    unsigned Length = std::min<unsigned>(
        llvm::getNumBytesForUTF8(static_cast<llvm::UTF8>(Before.front())),
        Before.size());
    llvm::StringRef Char = Before.take_front(Length);
    if (Char == "\t")
      Indent += '\t';
    else
      Indent.append(std::max(llvm::sys::unicode::columnWidthUTF8(Char), 0),
                    ' ');
    Before = Before.drop_front(Length);
  }
  return Indent;
}

static void writeCaretLine(llvm::raw_ostream &OS, const Message &M) {
  // Escapes shown before the column take their own width.
  llvm::StringRef Line = M.LineText;
  std::string Indent = caretIndent(visibleText(Line.take_front(std::min<size_t>(
      M.Loc.Pos.Column ? M.Loc.Pos.Column - 1 : 0, Line.size()))));
  OS << visibleText(Line) << "\n" << Indent;
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
    OS << visibleName(M.Loc.File) << ":" << M.Loc.Pos.Line << ":"
       << M.Loc.Pos.Column << ": ";
  OS.changeColor(LevelColor, /*Bold=*/true);
  OS << Level << ":";
  OS.changeColor(Colors::SAVEDCOLOR, /*Bold=*/true);
  OS << " " << visibleText(M.Text);
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
