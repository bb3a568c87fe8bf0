//===--- HTMLSyntax.cpp - escaping and C++ highlighting for HTML ----------===//
//
// The highlighter is a small lexer, not a parser: it only has to colour
// what a reader scans for (comments, literals, keywords, and the coroutine
// keywords that mark suspension points), and must never lose or reorder a
// byte of the source, whatever the source contains.
//
//===----------------------------------------------------------------------===//

#include "HTML.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/JSON.h"
#include <algorithm>

namespace corolint::scanner::html {

std::string escape(llvm::StringRef Text) {
  std::string Fixed;
  if (!llvm::json::isUTF8(Text)) {
    Fixed = llvm::json::fixUTF8(Text);
    Text = Fixed;
  }
  std::string Out;
  Out.reserve(Text.size());
  for (char C : Text) {
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '"':
      Out += "&quot;";
      break;
    case '\'':
      Out += "&#39;";
      break;
    default:
      Out += C;
    }
  }
  return Out;
}

namespace {

enum class TokenKind {
  Plain,
  Comment,
  String,
  Number,
  Keyword,
  Coroutine,
  Directive
};

struct Token {
  TokenKind Kind;
  size_t Begin, End;
};

/// The CSS class of a kind; Plain tokens get a <span> only when marked.
llvm::StringRef classOf(TokenKind Kind) {
  switch (Kind) {
  case TokenKind::Comment:
    return "c";
  case TokenKind::String:
    return "s";
  case TokenKind::Number:
    return "n";
  case TokenKind::Keyword:
    return "k";
  case TokenKind::Coroutine:
    return "co";
  case TokenKind::Directive:
    return "p";
  case TokenKind::Plain:
    break;
  }
  return "";
}

bool isIdentifierStart(char C) {
  return llvm::isAlpha(C) || C == '_' || C == '$' ||
         static_cast<unsigned char>(C) >= 0x80; // UTF-8 stays in one token.
}

bool isIdentifierBody(char C) {
  return isIdentifierStart(C) || llvm::isDigit(C);
}

bool isKeyword(llvm::StringRef Word) {
  // clang-format off
  static const llvm::StringSet<> Keywords = {
      "alignas", "alignof", "asm", "auto", "bool", "break", "case", "catch",
      "char", "char8_t", "char16_t", "char32_t", "class", "concept", "const",
      "consteval", "constexpr", "constinit", "const_cast", "continue",
      "decltype", "default", "delete", "do", "double", "dynamic_cast", "else",
      "enum", "explicit", "export", "extern", "false", "final", "float", "for",
      "friend", "goto", "if", "import", "inline", "int", "long", "module",
      "mutable", "namespace", "new", "noexcept", "nullptr", "operator",
      "override", "private", "protected", "public", "register",
      "reinterpret_cast", "requires", "return", "short", "signed", "sizeof",
      "static", "static_assert", "static_cast", "struct", "switch", "template",
      "this", "thread_local", "throw", "true", "try", "typedef", "typeid",
      "typename", "union", "unsigned", "using", "virtual", "void", "volatile",
      "wchar_t", "while"};
  // clang-format on
  return Keywords.contains(Word);
}

class Lexer {
public:
  explicit Lexer(llvm::StringRef Source) : Text(Source) {}

  std::vector<Token> run() {
    while (Pos < Text.size()) {
      char C = Text[Pos];
      if (C == '\n') {
        AtLineStart = true;
        InInclude = false;
        ++Pos;
      } else if (llvm::isSpace(C)) {
        ++Pos;
      } else {
        lexToken();
      }
    }
    return std::move(Tokens);
  }

private:
  char peek(size_t Ahead = 0) const {
    return Pos + Ahead < Text.size() ? Text[Pos + Ahead] : '\0';
  }

  void add(TokenKind Kind, size_t Begin) {
    Tokens.push_back({Kind, Begin, Pos});
    AtLineStart = false;
  }

  void lexToken() {
    size_t Begin = Pos;
    char C = Text[Pos];
    if (C == '/' && peek(1) == '/')
      return lexLineComment(Begin);
    if (C == '/' && peek(1) == '*')
      return lexBlockComment(Begin);
    if (C == '#' && AtLineStart)
      return lexDirective(Begin);
    if (C == '"' || C == '\'')
      return lexQuoted(Begin, C);
    if (llvm::isDigit(C) || (C == '.' && llvm::isDigit(peek(1))))
      return lexNumber(Begin);
    if (isIdentifierStart(C))
      return lexWord(Begin);
    if (C == '<' && InInclude)
      return lexHeaderName(Begin);
    ++Pos;
    add(TokenKind::Plain, Begin);
  }

  /// Up to the end of the line, or further after a backslash-newline.
  void lexLineComment(size_t Begin) {
    while (Pos < Text.size() && Text[Pos] != '\n') {
      if (Text[Pos] == '\\' && peek(1) == '\n')
        ++Pos;
      else if (Text[Pos] == '\\' && peek(1) == '\r' && peek(2) == '\n')
        Pos += 2;
      ++Pos;
    }
    add(TokenKind::Comment, Begin);
  }

  void lexBlockComment(size_t Begin) {
    size_t End = Text.find("*/", Pos + 2);
    Pos = End == llvm::StringRef::npos ? Text.size() : End + 2;
    add(TokenKind::Comment, Begin);
  }

  /// '#' and the directive's name; "#include <...>" makes the header name
  /// a string.
  void lexDirective(size_t Begin) {
    ++Pos;
    while (Pos < Text.size() && (Text[Pos] == ' ' || Text[Pos] == '\t'))
      ++Pos;
    size_t NameBegin = Pos;
    while (Pos < Text.size() && isIdentifierBody(Text[Pos]))
      ++Pos;
    llvm::StringRef Name = Text.slice(NameBegin, Pos);
    add(TokenKind::Directive, Begin);
    InInclude = Name == "include" || Name == "include_next" || Name == "import";
  }

  void lexHeaderName(size_t Begin) {
    size_t End = Text.find_first_of(">\n", Pos);
    Pos = End == llvm::StringRef::npos || Text[End] == '\n' ? End : End + 1;
    if (Pos == llvm::StringRef::npos)
      Pos = Text.size();
    add(TokenKind::String, Begin);
    InInclude = false;
  }

  /// A string or character literal from \p Begin (which may be a prefix
  /// such as u8) whose quote is at Pos; ends at the closing quote or, when
  /// unterminated, at the end of the line.
  void lexQuoted(size_t Begin, char Quote) {
    ++Pos;
    while (Pos < Text.size() && Text[Pos] != Quote && Text[Pos] != '\n') {
      if (Text[Pos] == '\\' && Pos + 1 < Text.size())
        ++Pos;
      ++Pos;
    }
    if (Pos < Text.size() && Text[Pos] == Quote)
      ++Pos;
    add(TokenKind::String, Begin);
  }

  /// R"delim( ... )delim" from \p Begin (its prefix); the quote is at Pos.
  void lexRawString(size_t Begin) {
    size_t Open = Text.find('(', Pos + 1);
    llvm::StringRef Delimiter =
        Open == llvm::StringRef::npos ? "" : Text.slice(Pos + 1, Open);
    if (Open == llvm::StringRef::npos || Delimiter.size() > 16 ||
        Delimiter.find_first_of(" \\\n\t)") != llvm::StringRef::npos)
      return lexQuoted(Begin, '"'); // Not a raw string after all.
    std::string Close = (")" + Delimiter + "\"").str();
    size_t End = Text.find(Close, Open + 1);
    Pos = End == llvm::StringRef::npos ? Text.size() : End + Close.size();
    add(TokenKind::String, Begin);
  }

  /// A pp-number: digits, letters, '.', digit separators, and signs after
  /// an exponent.
  void lexNumber(size_t Begin) {
    while (Pos < Text.size()) {
      char C = Text[Pos];
      if ((C == '+' || C == '-') && Pos > Begin &&
          llvm::StringRef("eEpP").contains(Text[Pos - 1]))
        ++Pos;
      else if (C == '\'' && isIdentifierBody(peek(1)))
        Pos += 2;
      else if (llvm::isAlnum(C) || C == '.' || C == '_')
        ++Pos;
      else
        break;
    }
    add(TokenKind::Number, Begin);
  }

  void lexWord(size_t Begin) {
    while (Pos < Text.size() && isIdentifierBody(Text[Pos]))
      ++Pos;
    llvm::StringRef Word = Text.slice(Begin, Pos);
    char Next = peek();
    if (Next == '"' && (Word == "R" || Word == "u8R" || Word == "uR" ||
                        Word == "UR" || Word == "LR"))
      return lexRawString(Begin);
    if ((Next == '"' || Next == '\'') &&
        (Word == "u8" || Word == "u" || Word == "U" || Word == "L"))
      return lexQuoted(Begin, Next);
    if (Word == "co_await" || Word == "co_yield" || Word == "co_return")
      add(TokenKind::Coroutine, Begin);
    else
      add(isKeyword(Word) ? TokenKind::Keyword : TokenKind::Plain, Begin);
  }

  llvm::StringRef Text;
  size_t Pos = 0;
  bool AtLineStart = true;
  bool InInclude = false;
  std::vector<Token> Tokens;
};

/// Writes Source[Begin, End) into \p Out, wrapped in a span when it has a
/// class or is marked.
void emitSegment(std::string &Out, llvm::StringRef Source, size_t Begin,
                 size_t End, llvm::StringRef Class, bool Marked) {
  if (Begin >= End)
    return;
  std::string Text = escape(Source.slice(Begin, End));
  if (Class.empty() && !Marked) {
    Out += Text;
    return;
  }
  std::string Classes = Class.str();
  if (Marked)
    Classes += Classes.empty() ? "at" : " at";
  Out += "<span class=\"" + Classes + "\">" + Text + "</span>";
}

} // namespace

std::vector<std::string> highlightCpp(llvm::StringRef Source,
                                      llvm::ArrayRef<unsigned> Marked) {
  std::vector<Token> Tokens = Lexer(Source).run();
  auto IsMarked = [&](const Token &T) {
    return llvm::any_of(Marked, [&](unsigned Offset) {
      return Offset >= T.Begin && Offset < T.End;
    });
  };
  std::vector<std::string> Lines;
  std::string Line;
  size_t Pos = 0;
  // Emits Source[Pos, Until) in \p Class, splitting it at line ends.
  auto EmitUntil = [&](size_t Until, llvm::StringRef Class, bool IsMark) {
    while (Pos < Until) {
      size_t Newline = Source.find('\n', Pos);
      size_t End = std::min(Until, Newline);
      size_t TextEnd = End;
      if (End == Newline && TextEnd > Pos && Source[TextEnd - 1] == '\r')
        --TextEnd;
      emitSegment(Line, Source, Pos, TextEnd, Class, IsMark);
      Pos = End;
      if (Pos == Newline && Pos < Until) {
        Lines.push_back(std::move(Line));
        Line.clear();
        ++Pos;
      }
    }
  };
  for (const Token &T : Tokens) {
    EmitUntil(T.Begin, "", false);
    EmitUntil(T.End, classOf(T.Kind), IsMarked(T));
  }
  EmitUntil(Source.size(), "", false);
  if (!Line.empty() || Source.empty() || Source.back() != '\n')
    Lines.push_back(std::move(Line));
  return Lines;
}

} // namespace corolint::scanner::html
