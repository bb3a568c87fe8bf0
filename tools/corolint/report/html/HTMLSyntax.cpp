//===--- HTMLSyntax.cpp - escaping and C++ highlighting for HTML ----------===//
//
// The highlighter colours what a reader scans for (comments, literals,
// keywords, and the coroutine keywords that mark suspension points) with the
// tokens of Clang's own lexer in raw mode, and never loses or reorders a
// byte of the source, whatever the source contains: the text between tokens
// is copied as it is.
//
//===----------------------------------------------------------------------===//

#include "HTML.h"
#include "clang/Basic/IdentifierTable.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
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

const clang::LangOptions &cppLanguage() {
  static const clang::LangOptions Options = [] {
    clang::LangOptions Options;
    Options.CPlusPlus = Options.CPlusPlus11 = Options.CPlusPlus14 =
        Options.CPlusPlus17 = Options.CPlusPlus20 = Options.CPlusPlus23 = true;
    Options.Bool = Options.WChar = Options.Char8 = Options.LineComment = true;
    Options.Coroutines = true;
    return Options;
  }();
  return Options;
}

/// The kind of a raw identifier: keywords as C++23 knows them.
TokenKind identifierKind(llvm::StringRef Spelling) {
  static clang::IdentifierTable Keywords(cppLanguage());
  switch (Keywords.get(Spelling).getTokenID()) {
  case clang::tok::identifier:
    return TokenKind::Plain;
  case clang::tok::kw_co_await:
  case clang::tok::kw_co_yield:
  case clang::tok::kw_co_return:
    return TokenKind::Coroutine;
  default:
    return TokenKind::Keyword;
  }
}

TokenKind kindOf(const clang::Token &Tok) {
  if (Tok.is(clang::tok::comment))
    return TokenKind::Comment;
  if (Tok.is(clang::tok::numeric_constant))
    return TokenKind::Number;
  if (clang::tok::isStringLiteral(Tok.getKind()) ||
      Tok.isOneOf(clang::tok::char_constant, clang::tok::wide_char_constant,
                  clang::tok::utf8_char_constant,
                  clang::tok::utf16_char_constant,
                  clang::tok::utf32_char_constant))
    return TokenKind::String;
  if (Tok.is(clang::tok::raw_identifier))
    return identifierKind(Tok.getRawIdentifier());
  return TokenKind::Plain;
}

/// The <...> header name that follows an #include ending at \p Offset.
std::optional<Token> angledHeaderName(llvm::StringRef Source, size_t Offset) {
  size_t Open = Source.find_first_not_of(" \t", Offset);
  if (Open == llvm::StringRef::npos || Source[Open] != '<')
    return std::nullopt;
  size_t Close = Source.find_first_of(">\n", Open);
  if (Close == llvm::StringRef::npos || Source[Close] != '>')
    return std::nullopt;
  return Token{TokenKind::String, Open, Close + 1};
}

/// The tokens of \p Source as Clang's lexer sees them in raw mode (no
/// preprocessor: macros and includes are not expanded), comments kept. A
/// directive's '#' and name are one Directive token, and the <...> of an
/// #include is a String.
std::vector<Token> tokensOf(llvm::StringRef Source) {
  std::string Buffer = Source.str(); // The lexer reads up to a NUL.
  const char *Start = Buffer.c_str();
  clang::Lexer Lex(clang::SourceLocation(), cppLanguage(), Start, Start,
                   Start + Buffer.size());
  Lex.SetCommentRetentionState(true);
  std::vector<Token> Tokens;
  bool ExpectDirectiveName = false;
  for (;;) {
    clang::Token Tok;
    Lex.LexFromRawLexer(Tok);
    if (Tok.is(clang::tok::eof))
      break;
    size_t End = Lex.getBufferLocation() - Start;
    size_t Begin = End - Tok.getLength();
    if (Tok.is(clang::tok::hash) && Tok.isAtStartOfLine()) {
      Tokens.push_back({TokenKind::Directive, Begin, End});
      ExpectDirectiveName = true;
      continue;
    }
    bool IsDirectiveName = ExpectDirectiveName && !Tok.isAtStartOfLine() &&
                           Tok.is(clang::tok::raw_identifier);
    ExpectDirectiveName = false;
    if (IsDirectiveName) {
      Tokens.back().End = End;
      llvm::StringRef Name = Tok.getRawIdentifier();
      if (Name == "include" || Name == "include_next")
        if (std::optional<Token> Header = angledHeaderName(Source, End)) {
          Tokens.push_back(*Header);
          Lex.seek(Header->End, /*IsAtStartOfLine=*/false);
        }
      continue;
    }
    Tokens.push_back({kindOf(Tok), Begin, End});
  }
  return Tokens;
}

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
  std::vector<Token> Tokens = tokensOf(Source);
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
