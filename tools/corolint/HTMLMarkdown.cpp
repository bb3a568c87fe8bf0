//===--- HTMLMarkdown.cpp - docs/ Markdown as HTML ------------------------===//
//
// Just the Markdown that docs/guide.md and docs/checks/*.md are written in,
// so that the HTML report can carry them. Raw HTML is not passed through
// (other than the guide's `<a id="sN.M"></a>` anchors): everything else is
// escaped, so a document can never inject markup into the report.
//
//===----------------------------------------------------------------------===//

#include "HTML.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"

namespace corolint::scanner::html {

namespace {

using Lines = std::vector<std::string>;

bool isBlank(llvm::StringRef Line) { return Line.trim().empty(); }

size_t indentOf(llvm::StringRef Line) {
  size_t Indent = Line.find_first_not_of(' ');
  return Indent == llvm::StringRef::npos ? Line.size() : Indent;
}

bool isFence(llvm::StringRef Line) { return Line.ltrim().starts_with("```"); }

/// `<a id="s3.2"></a>`: the only HTML the documents may contain.
std::optional<std::string> anchorId(llvm::StringRef Line) {
  static const llvm::Regex Anchor("^<a id=\"([A-Za-z0-9_.:-]+)\"></a>$");
  llvm::SmallVector<llvm::StringRef, 2> Groups;
  if (!Anchor.match(Line.trim(), &Groups))
    return std::nullopt;
  return Groups[1].str();
}

struct Heading {
  unsigned Level;
  llvm::StringRef Text;
};

std::optional<Heading> headingOf(llvm::StringRef Line) {
  size_t Level = Line.find_first_not_of('#');
  if (Level == 0 || Level > 6 || Level == llvm::StringRef::npos ||
      Line[Level] != ' ')
    return std::nullopt;
  return Heading{static_cast<unsigned>(Level), Line.drop_front(Level).trim()};
}

struct ListMarker {
  bool Ordered;
  size_t Indent;        ///< Spaces before the marker.
  size_t ContentIndent; ///< Where the item's text starts.
  unsigned Start;       ///< The number of an ordered item.
};

std::optional<ListMarker> listMarkerOf(llvm::StringRef Line) {
  size_t Indent = indentOf(Line);
  llvm::StringRef Rest = Line.drop_front(Indent);
  size_t MarkerEnd;
  bool Ordered = false;
  unsigned Start = 1;
  if (!Rest.empty() && llvm::StringRef("-*+").contains(Rest[0])) {
    MarkerEnd = 1;
  } else {
    size_t Digits = Rest.find_first_not_of("0123456789");
    if (Digits == 0 || Digits == llvm::StringRef::npos || Digits > 9 ||
        Rest[Digits] != '.')
      return std::nullopt;
    Rest.take_front(Digits).getAsInteger(10, Start);
    MarkerEnd = Digits + 1;
    Ordered = true;
  }
  if (MarkerEnd >= Rest.size() || Rest[MarkerEnd] != ' ')
    return std::nullopt;
  size_t Spaces = Rest.drop_front(MarkerEnd).find_first_not_of(' ');
  return ListMarker{Ordered, Indent, Indent + MarkerEnd + Spaces, Start};
}

bool isTableSeparator(llvm::StringRef Line) {
  static const llvm::Regex Separator(
      "^ *\\|? *:?-+:? *(\\| *:?-+:? *)*\\|? *$");
  return Line.contains('-') && Separator.match(Line);
}

/// The cells of a pipe table row; a '|' inside a code span is not a border.
std::vector<std::string> tableCells(llvm::StringRef Row) {
  Row = Row.trim();
  Row.consume_front("|");
  if (Row.ends_with("|") && !Row.ends_with("\\|"))
    Row = Row.drop_back();
  std::vector<std::string> Cells(1);
  bool InCode = false;
  for (size_t I = 0; I < Row.size(); ++I) {
    char C = Row[I];
    if (C == '\\' && I + 1 < Row.size() && Row[I + 1] == '|') {
      Cells.back() += '|';
      ++I;
      continue;
    }
    if (C == '`')
      InCode = !InCode;
    if (C == '|' && !InCode)
      Cells.emplace_back();
    else
      Cells.back() += C;
  }
  for (std::string &Cell : Cells)
    Cell = llvm::StringRef(Cell).trim().str();
  return Cells;
}

/// The text of a heading without Markdown syntax: what ids and titles use.
std::string plainText(llvm::StringRef Text) {
  static const llvm::Regex Link("\\[([^]]*)\\]\\([^)]*\\)");
  std::string Out = Text.str();
  while (Link.match(Out))
    Out = Link.sub("\\1", Out);
  llvm::erase_if(Out, [](char C) { return C == '`' || C == '*'; });
  return Out;
}

/// GitHub's heading ids: lower case, punctuation dropped, spaces as '-'.
std::string slugOf(llvm::StringRef Text) {
  std::string Slug;
  for (char C : plainText(Text)) {
    if (C == ' ')
      Slug += '-';
    else if (llvm::isAlnum(C) || C == '-' || C == '_' ||
             static_cast<unsigned char>(C) >= 0x80)
      Slug += llvm::toLower(C);
  }
  return Slug;
}

bool isCppFence(llvm::StringRef Language) {
  return Language == "cpp" || Language == "c++" || Language == "cxx" ||
         Language == "c" || Language == "h" || Language == "hpp";
}

/// Whether \p Href may appear in the report: relative, in-page, or web.
bool isSafeHref(llvm::StringRef Href) {
  size_t Colon = Href.find(':');
  if (Colon == llvm::StringRef::npos ||
      Href.find_first_of("/?#") < Colon) // "a/b:c" has no scheme.
    return true;
  std::string Scheme = Href.take_front(Colon).lower();
  return Scheme == "http" || Scheme == "https" || Scheme == "mailto";
}

class Renderer {
public:
  Renderer(LinkRewriter RewriteLink, RenderedMarkdown &Out)
      : RewriteLink(RewriteLink), Out(Out) {}

  /// The blocks of \p Text; in a tight list, paragraphs lose their <p>.
  std::string blocks(const Lines &Text, bool Tight = false) {
    std::string Html;
    size_t I = 0;
    while (I < Text.size()) {
      llvm::StringRef Line = Text[I];
      if (isBlank(Line)) {
        ++I;
      } else if (std::optional<std::string> Id = anchorId(Line)) {
        Out.Ids.insert(*Id);
        Html += "<a id=\"" + escape(*Id) + "\"></a>\n";
        ++I;
      } else if (isFence(Line)) {
        Html += codeBlock(Text, I);
      } else if (std::optional<Heading> H = headingOf(Line)) {
        Html += heading(*H);
        ++I;
      } else if (startsTable(Text, I)) {
        Html += table(Text, I);
      } else if (listMarkerOf(Line)) {
        Html += list(Text, I);
      } else {
        Html += paragraph(Text, I, Tight);
      }
    }
    return Html;
  }

private:
  static bool startsTable(const Lines &Text, size_t I) {
    return llvm::StringRef(Text[I]).ltrim().starts_with("|") &&
           I + 1 < Text.size() && isTableSeparator(Text[I + 1]);
  }

  /// Whether \p Line ends a paragraph by starting another block. An ordered
  /// list interrupts a paragraph only when it starts at 1, as in CommonMark.
  static bool interruptsParagraph(llvm::StringRef Line) {
    if (isBlank(Line) || isFence(Line) || anchorId(Line) || headingOf(Line))
      return true;
    std::optional<ListMarker> Marker = listMarkerOf(Line);
    return Marker && (!Marker->Ordered || Marker->Start == 1);
  }

  std::string paragraph(const Lines &Text, size_t &I, bool Tight) {
    std::string Joined = llvm::StringRef(Text[I++]).trim().str();
    while (I < Text.size() && !interruptsParagraph(Text[I]) &&
           !startsTable(Text, I))
      Joined += "\n" + llvm::StringRef(Text[I++]).trim().str();
    std::string Html = inlines(Joined);
    return Tight ? Html + "\n" : "<p>" + Html + "</p>\n";
  }

  std::string heading(const Heading &H) {
    std::string Base = slugOf(H.Text), Id = Base;
    for (unsigned N = 1; Out.Ids.count(Id); ++N)
      Id = Base + "-" + std::to_string(N);
    Out.Ids.insert(Id);
    if (Out.Title.empty())
      Out.Title = plainText(H.Text);
    std::string Level = std::to_string(H.Level);
    return "<h" + Level + " id=\"" + escape(Id) + "\">" + inlines(H.Text) +
           "</h" + Level + ">\n";
  }

  std::string codeBlock(const Lines &Text, size_t &I) {
    size_t Indent = indentOf(Text[I]);
    llvm::StringRef Language =
        llvm::StringRef(Text[I]).trim().drop_front(3).trim();
    std::string Code;
    for (++I; I < Text.size() && !isFence(Text[I]); ++I) {
      llvm::StringRef Line = Text[I];
      Code += Line.drop_front(std::min(Indent, indentOf(Line))).str() + "\n";
    }
    ++I; // The closing fence (or the end of an unterminated block).
    if (!Code.empty())
      Code.pop_back();
    std::string Body;
    if (isCppFence(Language))
      Body = llvm::join(highlightCpp(Code), "\n");
    else
      Body = escape(Code);
    return "<pre class=\"code\" tabindex=\"0\"><code>" + Body +
           "</code></pre>\n";
  }

  std::string table(const Lines &Text, size_t &I) {
    std::vector<std::string> Header = tableCells(Text[I]);
    std::vector<std::string> Align;
    for (const std::string &Cell : tableCells(Text[I + 1])) {
      llvm::StringRef C = Cell;
      if (C.starts_with(":") && C.ends_with(":"))
        Align.push_back(" class=\"center\"");
      else if (C.ends_with(":"))
        Align.push_back(" class=\"right\"");
      else
        Align.push_back("");
    }
    auto AlignOf = [&](size_t Column) {
      return Column < Align.size() ? Align[Column] : std::string();
    };
    std::string Html = "<div class=\"table-wrap\" role=\"region\" "
                       "tabindex=\"0\" aria-label=\"Table\">\n<table>\n"
                       "<thead><tr>";
    for (size_t C = 0; C < Header.size(); ++C)
      Html +=
          "<th scope=\"col\"" + AlignOf(C) + ">" + inlines(Header[C]) + "</th>";
    Html += "</tr></thead>\n<tbody>\n";
    for (I += 2;
         I < Text.size() && llvm::StringRef(Text[I]).ltrim().starts_with("|");
         ++I) {
      Html += "<tr>";
      std::vector<std::string> Cells = tableCells(Text[I]);
      for (size_t C = 0; C < Cells.size(); ++C)
        Html += "<td" + AlignOf(C) + ">" + inlines(Cells[C]) + "</td>";
      Html += "</tr>\n";
    }
    return Html + "</tbody>\n</table>\n</div>\n";
  }

  /// The list starting at Text[I], with every item of its kind at its
  /// indentation; nested blocks are rendered from each item's own lines.
  std::string list(const Lines &Text, size_t &I) {
    ListMarker First = *listMarkerOf(Text[I]);
    std::vector<Lines> Items;
    bool Loose = false;
    while (I < Text.size()) {
      std::optional<ListMarker> Marker = listMarkerOf(Text[I]);
      if (!Marker || Marker->Ordered != First.Ordered ||
          Marker->Indent != First.Indent)
        break;
      Items.push_back(listItem(Text, I, *Marker, Loose));
      size_t Next = I;
      while (Next < Text.size() && isBlank(Text[Next]))
        ++Next;
      std::optional<ListMarker> Following =
          Next < Text.size() ? listMarkerOf(Text[Next]) : std::nullopt;
      if (!Following || Following->Ordered != First.Ordered ||
          Following->Indent != First.Indent)
        break;
      Loose |= Next != I;
      I = Next;
    }
    std::string Tag = First.Ordered ? "ol" : "ul";
    std::string Html = "<" + Tag;
    if (First.Ordered && First.Start != 1)
      Html += " start=\"" + std::to_string(First.Start) + "\"";
    Html += ">\n";
    for (const Lines &Item : Items)
      Html += "<li>" + blocks(Item, !Loose) + "</li>\n";
    return Html + "</" + Tag + ">\n";
  }

  /// The lines of one item, dedented to its content; sets \p Loose when
  /// blank lines separate its blocks.
  static Lines listItem(const Lines &Text, size_t &I, const ListMarker &Marker,
                        bool &Loose) {
    Lines Item{llvm::StringRef(Text[I]).drop_front(Marker.ContentIndent).str()};
    bool InFence = isFence(Item.front());
    for (++I; I < Text.size(); ++I) {
      llvm::StringRef Line = Text[I];
      if (isBlank(Line)) {
        size_t Next = I;
        while (Next < Text.size() && isBlank(Text[Next]))
          ++Next;
        if (Next == Text.size() || indentOf(Text[Next]) < Marker.ContentIndent)
          break;
        if (!InFence)
          Loose = true;
        Item.push_back("");
        continue;
      }
      if (indentOf(Line) >= Marker.ContentIndent) {
        Item.push_back(Line.drop_front(Marker.ContentIndent).str());
        InFence ^= isFence(Item.back());
        continue;
      }
      // A lazy continuation of the item's last paragraph.
      if (InFence || interruptsParagraph(Line) || isBlank(Item.back()))
        break;
      Item.push_back(Line.trim().str());
    }
    return Item;
  }

  std::string inlines(llvm::StringRef Text);
  bool codeSpan(llvm::StringRef Text, size_t &I, std::string &Html);
  bool link(llvm::StringRef Text, size_t &I, std::string &Html);
  bool emphasis(llvm::StringRef Text, size_t &I, std::string &Html);

  LinkRewriter RewriteLink;
  RenderedMarkdown &Out;
};

/// Where the code span opened at \p I ends (after its closing backticks),
/// or npos.
size_t codeSpanEnd(llvm::StringRef Text, size_t I) {
  size_t Ticks = Text.find_first_not_of('`', I) - I;
  if (I + Ticks > Text.size())
    return llvm::StringRef::npos;
  std::string Fence(Ticks, '`');
  for (size_t Close = Text.find(Fence, I + Ticks);
       Close != llvm::StringRef::npos; Close = Text.find(Fence, Close + 1)) {
    size_t After = Close + Ticks;
    if ((After >= Text.size() || Text[After] != '`') && Text[Close - 1] != '`')
      return After;
  }
  return llvm::StringRef::npos;
}

bool Renderer::codeSpan(llvm::StringRef Text, size_t &I, std::string &Html) {
  size_t End = codeSpanEnd(Text, I);
  if (End == llvm::StringRef::npos)
    return false;
  size_t Ticks = Text.find_first_not_of('`', I) - I;
  llvm::StringRef Code = Text.slice(I + Ticks, End - Ticks);
  if (Code.size() >= 2 && Code.front() == ' ' && Code.back() == ' ' &&
      !Code.trim().empty())
    Code = Code.drop_front().drop_back();
  std::string Flat = Code.str();
  std::replace(Flat.begin(), Flat.end(), '\n', ' ');
  Html += "<code>" + escape(Flat) + "</code>";
  I = End;
  return true;
}

/// [text](target): the text may hold code spans and nested brackets, the
/// target balanced parentheses.
bool Renderer::link(llvm::StringRef Text, size_t &I, std::string &Html) {
  size_t Depth = 0, Close = I;
  for (; Close < Text.size(); ++Close) {
    char C = Text[Close];
    if (C == '`') {
      size_t End = codeSpanEnd(Text, Close);
      if (End != llvm::StringRef::npos)
        Close = End - 1;
    } else if (C == '[') {
      ++Depth;
    } else if (C == ']' && --Depth == 0) {
      break;
    }
  }
  if (Close >= Text.size() || Close == I + 1 || Close + 1 >= Text.size() ||
      Text[Close + 1] != '(')
    return false;
  size_t TargetEnd = Close + 2;
  for (size_t Parens = 1; TargetEnd < Text.size(); ++TargetEnd) {
    if (Text[TargetEnd] == '(')
      ++Parens;
    else if (Text[TargetEnd] == ')' && --Parens == 0)
      break;
  }
  if (TargetEnd >= Text.size())
    return false;
  llvm::StringRef Label = Text.slice(I + 1, Close);
  llvm::StringRef Target = Text.slice(Close + 2, TargetEnd).trim();
  if (Target.empty() || Target.contains(' '))
    return false;
  std::optional<std::string> Href = RewriteLink(Target);
  if (Href && isSafeHref(*Href))
    Html += "<a href=\"" + escape(*Href) + "\">" + inlines(Label) + "</a>";
  else
    Html += inlines(Label);
  I = TargetEnd + 1;
  return true;
}

/// **strong** and *emphasis*; a '*' next to a space is just a star.
bool Renderer::emphasis(llvm::StringRef Text, size_t &I, std::string &Html) {
  bool Strong = Text.substr(I).starts_with("**");
  llvm::StringRef Delimiter = Strong ? "**" : "*";
  size_t Begin = I + Delimiter.size();
  if (Begin >= Text.size() || llvm::isSpace(Text[Begin]))
    return false;
  size_t End = Text.find(Delimiter, Begin);
  while (End != llvm::StringRef::npos &&
         (llvm::isSpace(Text[End - 1]) || End == Begin))
    End = Text.find(Delimiter, End + 1);
  if (End == llvm::StringRef::npos)
    return false;
  llvm::StringRef Tag = Strong ? "strong" : "em";
  Html += "<" + Tag.str() + ">" + inlines(Text.slice(Begin, End)) + "</" +
          Tag.str() + ">";
  I = End + Delimiter.size();
  return true;
}

std::string Renderer::inlines(llvm::StringRef Text) {
  std::string Html;
  size_t Plain = 0; // Start of text not yet written.
  auto Flush = [&](size_t Until) { Html += escape(Text.slice(Plain, Until)); };
  for (size_t I = 0; I < Text.size();) {
    size_t Start = I;
    char C = Text[I];
    bool Handled = false;
    if (C == '\\' && I + 1 < Text.size() && llvm::isPunct(Text[I + 1])) {
      Flush(I);
      Html += escape(Text.substr(I + 1, 1));
      I += 2;
      Plain = I;
      continue;
    }
    std::string Piece;
    if (C == '`')
      Handled = codeSpan(Text, I, Piece);
    else if (C == '[')
      Handled = link(Text, I, Piece);
    else if (C == '*')
      Handled = emphasis(Text, I, Piece);
    if (Handled) {
      Flush(Start);
      Html += Piece;
      Plain = I;
    } else {
      // A run of backticks that opens nothing is text as a whole.
      I = C == '`' ? Text.find_first_not_of('`', I) : I + 1;
      if (I == llvm::StringRef::npos)
        I = Text.size();
    }
  }
  Flush(Text.size());
  return Html;
}

} // namespace

RenderedMarkdown renderMarkdown(llvm::StringRef Markdown,
                                LinkRewriter RewriteLink) {
  Lines Text;
  llvm::SmallVector<llvm::StringRef, 0> Split;
  Markdown.split(Split, '\n');
  for (llvm::StringRef Line : Split) {
    Line.consume_back("\r");
    std::string Expanded;
    for (char C : Line) // Tabs as four spaces, enough for indentation.
      Expanded += C == '\t' ? std::string(4, ' ') : std::string(1, C);
    Text.push_back(std::move(Expanded));
  }
  RenderedMarkdown Out;
  Out.Body = Renderer(RewriteLink, Out).blocks(Text);
  return Out;
}

} // namespace corolint::scanner::html
