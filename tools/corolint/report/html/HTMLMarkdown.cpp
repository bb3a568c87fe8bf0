//===--- HTMLMarkdown.cpp - docs/ Markdown as HTML ------------------------===//
//
// The guide and the check pages are parsed and rendered by cmark-gfm (GitHub's
// CommonMark with its table extension) in its safe mode. What the report adds
// is done on cmark's tree before rendering: GitHub's heading ids, the guide's
// `<a id="sN.M"></a>` anchors, links rewritten to the pages the report
// carries, C++ code highlighted by Clang's lexer, and tables in a scrollable
// region. Any other raw HTML is shown as text, so a document can never inject
// markup into the report.
//
//===----------------------------------------------------------------------===//

#include "HTML.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <memory>

namespace corolint::scanner::html {

namespace {

struct NodeDeleter {
  void operator()(cmark_node *Node) const { cmark_node_free(Node); }
};
using OwnedNode = std::unique_ptr<cmark_node, NodeDeleter>;

struct ParserDeleter {
  void operator()(cmark_parser *Parser) const { cmark_parser_free(Parser); }
};

struct CStringDeleter {
  void operator()(char *Text) const { free(Text); }
};

cmark_node_type typeOf(cmark_node *Node) { return cmark_node_get_type(Node); }

llvm::StringRef literalOf(cmark_node *Node) {
  const char *Literal = cmark_node_get_literal(Node);
  return Literal ? Literal : "";
}

/// `<a id="s3.2">`: the only HTML the documents may contain (with its `</a>`).
std::optional<std::string> anchorId(llvm::StringRef Tag) {
  static const llvm::Regex Anchor("^<a id=\"([A-Za-z0-9_.:-]+)\">$");
  llvm::SmallVector<llvm::StringRef, 2> Groups;
  if (!Anchor.match(Tag.trim(), &Groups))
    return std::nullopt;
  return Groups[1].str();
}

/// The children of \p Node, collected first: the passes below replace nodes.
std::vector<cmark_node *> childrenOf(cmark_node *Node) {
  std::vector<cmark_node *> Children;
  for (cmark_node *Child = cmark_node_first_child(Node); Child;
       Child = cmark_node_next(Child))
    Children.push_back(Child);
  return Children;
}

/// Every node below \p Root in document order, collected before any change.
std::vector<cmark_node *> nodesOf(cmark_node *Root) {
  std::vector<cmark_node *> Nodes;
  cmark_iter *Iter = cmark_iter_new(Root);
  for (cmark_event_type Event;
       (Event = cmark_iter_next(Iter)) != CMARK_EVENT_DONE;)
    if (Event == CMARK_EVENT_ENTER && cmark_iter_get_node(Iter) != Root)
      Nodes.push_back(cmark_iter_get_node(Iter));
  cmark_iter_free(Iter);
  return Nodes;
}

/// The text a reader sees in \p Node: what titles and heading ids use.
std::string plainText(cmark_node *Node) {
  std::string Text;
  for (cmark_node *Part : nodesOf(Node)) {
    cmark_node_type Type = typeOf(Part);
    if (Type == CMARK_NODE_TEXT || Type == CMARK_NODE_CODE)
      Text += literalOf(Part);
    else if (Type == CMARK_NODE_SOFTBREAK || Type == CMARK_NODE_LINEBREAK)
      Text += ' ';
  }
  return Text;
}

/// GitHub's heading ids: lower case, punctuation dropped, spaces as '-'.
std::string slugOf(llvm::StringRef Text) {
  std::string Slug;
  for (char C : Text) {
    if (C == ' ')
      Slug += '-';
    else if (llvm::isAlnum(C) || C == '-' || C == '_' ||
             static_cast<unsigned char>(C) >= 0x80)
      Slug += llvm::toLower(C);
  }
  return Slug;
}

bool isCppFence(llvm::StringRef Info) {
  llvm::StringRef Language = Info.split(' ').first;
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

/// A node that renders as \p Html (and \p Closing after its children).
cmark_node *literalHtml(cmark_node_type Type, const std::string &Html,
                        const std::string &Closing = "") {
  cmark_node *Node = cmark_node_new(Type);
  cmark_node_set_on_enter(Node, Html.c_str());
  cmark_node_set_on_exit(Node, Closing.c_str());
  return Node;
}

/// Puts \p Replacement where \p Old was and frees \p Old with its subtree.
void replaceNode(cmark_node *Old, cmark_node *Replacement) {
  cmark_node_replace(Old, Replacement);
  cmark_node_free(Old);
}

/// Moves the children of \p Node in its place and frees it.
void unwrapNode(cmark_node *Node) {
  for (cmark_node *Child : childrenOf(Node))
    cmark_node_insert_before(Node, Child);
  cmark_node_unlink(Node);
  cmark_node_free(Node);
}

class TreeRewriter {
public:
  TreeRewriter(LinkRewriter RewriteLink, RenderedMarkdown &Out,
               cmark_llist *Extensions)
      : RewriteLink(RewriteLink), Out(Out), Extensions(Extensions) {}

  void rewrite(cmark_node *Document) {
    // Links and raw HTML first: headings are rendered with their final inlines.
    rewriteInlines(Document);
    // Collected before any change: replacing a node frees its subtree.
    std::vector<cmark_node *> Blocks;
    for (cmark_node *Node : nodesOf(Document)) {
      cmark_node_type Type = typeOf(Node);
      if (Type == CMARK_NODE_HEADING || Type == CMARK_NODE_CODE_BLOCK ||
          llvm::StringRef(cmark_node_get_type_string(Node)) == "table")
        Blocks.push_back(Node);
    }
    for (cmark_node *Node : Blocks) {
      cmark_node_type Type = typeOf(Node);
      if (Type == CMARK_NODE_HEADING)
        heading(Node);
      else if (Type == CMARK_NODE_CODE_BLOCK)
        codeBlock(Node);
      else
        table(Node);
    }
  }

private:
  /// Rewrites links and raw HTML below \p Parent, children before parents.
  void rewriteInlines(cmark_node *Parent) {
    for (cmark_node *Child = cmark_node_first_child(Parent); Child;) {
      cmark_node_type Type = typeOf(Child);
      if (std::optional<std::string> Id = anchorParagraph(Child)) {
        cmark_node *Next = cmark_node_next(Child);
        replaceNode(Child,
                    literalHtml(CMARK_NODE_CUSTOM_BLOCK, anchor(*Id) + "\n"));
        Child = Next;
        continue;
      }
      rewriteInlines(Child);
      if (Type == CMARK_NODE_LINK || Type == CMARK_NODE_IMAGE)
        Child = link(Child);
      else if (Type == CMARK_NODE_HTML_INLINE || Type == CMARK_NODE_HTML_BLOCK)
        Child = rawHtml(Child);
      else
        Child = cmark_node_next(Child);
    }
  }

  /// The anchor's id when \p Node is `<a id="..."></a>` and nothing else:
  /// an inline anchor on a line of its own makes a paragraph in CommonMark.
  static std::optional<std::string> anchorParagraph(cmark_node *Node) {
    if (typeOf(Node) != CMARK_NODE_PARAGRAPH)
      return std::nullopt;
    std::vector<cmark_node *> Children = childrenOf(Node);
    if (Children.size() != 2)
      return std::nullopt;
    return anchorPairId(Children[0]);
  }

  /// The id of the anchor \p Node opens, when the next node closes it.
  static std::optional<std::string> anchorPairId(cmark_node *Node) {
    cmark_node *Next = cmark_node_next(Node);
    if (typeOf(Node) != CMARK_NODE_HTML_INLINE || !Next ||
        typeOf(Next) != CMARK_NODE_HTML_INLINE || literalOf(Next) != "</a>")
      return std::nullopt;
    return anchorId(literalOf(Node));
  }

  std::string anchor(const std::string &Id) {
    Out.Ids.insert(Id);
    return "<a id=\"" + escape(Id) + "\"></a>";
  }

  /// A link the report can follow keeps its (rewritten) target; any other
  /// link, and every image, becomes its text. Returns the node after it.
  cmark_node *link(cmark_node *Node) {
    cmark_node *Next = cmark_node_next(Node);
    std::optional<std::string> Href;
    if (typeOf(Node) == CMARK_NODE_LINK)
      Href = RewriteLink(cmark_node_get_url(Node));
    if (Href && isSafeHref(*Href))
      cmark_node_set_url(Node, Href->c_str());
    else
      unwrapNode(Node);
    return Next;
  }

  /// An anchor `<a id="...">` directly followed by its `</a>` stays that
  /// anchor; any other HTML is text. Returns the node after what it replaced.
  cmark_node *rawHtml(cmark_node *Node) {
    llvm::StringRef Html = literalOf(Node);
    cmark_node *Next = cmark_node_next(Node);
    if (std::optional<std::string> Id = anchorPairId(Node)) {
      cmark_node *After = cmark_node_next(Next);
      cmark_node_unlink(Next);
      cmark_node_free(Next);
      replaceNode(Node, literalHtml(CMARK_NODE_CUSTOM_INLINE, anchor(*Id)));
      return After;
    }
    cmark_node *Text = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(Text, Html.str().c_str());
    if (typeOf(Node) == CMARK_NODE_HTML_BLOCK) {
      cmark_node *Paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH);
      cmark_node_append_child(Paragraph, Text);
      Text = Paragraph;
    }
    replaceNode(Node, Text);
    return Next;
  }

  /// The heading with GitHub's id (unique within the document).
  void heading(cmark_node *Node) {
    std::string Text = plainText(Node);
    std::string Base = slugOf(Text), Id = Base;
    for (unsigned N = 1; Out.Ids.count(Id); ++N)
      Id = Base + "-" + std::to_string(N);
    Out.Ids.insert(Id);
    if (Out.Title.empty())
      Out.Title = Text;
    std::string Level = std::to_string(cmark_node_get_heading_level(Node));
    std::string Inner = renderInlines(Node);
    replaceNode(Node, literalHtml(CMARK_NODE_CUSTOM_BLOCK,
                                  "<h" + Level + " id=\"" + escape(Id) + "\">" +
                                      Inner + "</h" + Level + ">\n"));
  }

  /// The inline HTML of the heading \p Node: what cmark renders between
  /// its <hN> and </hN>.
  std::string renderInlines(cmark_node *Node) {
    std::unique_ptr<char, CStringDeleter> Html(
        cmark_render_html(Node, CMARK_OPT_DEFAULT, Extensions));
    llvm::StringRef Rendered = llvm::StringRef(Html.get()).rtrim("\n");
    Rendered = Rendered.drop_front(Rendered.find('>') + 1);
    return Rendered.take_front(Rendered.rfind('<')).str();
  }

  void codeBlock(cmark_node *Node) {
    std::string Code = literalOf(Node).str();
    if (!Code.empty() && Code.back() == '\n')
      Code.pop_back();
    std::string Body = isCppFence(cmark_node_get_fence_info(Node))
                           ? llvm::join(highlightCpp(Code), "\n")
                           : escape(Code);
    replaceNode(Node, literalHtml(CMARK_NODE_CUSTOM_BLOCK,
                                  "<pre class=\"code\" tabindex=\"0\"><code>" +
                                      Body + "</code></pre>\n"));
  }

  /// A wide table scrolls in a region of its own that keyboards can reach.
  void table(cmark_node *Node) {
    cmark_node *Region =
        literalHtml(CMARK_NODE_CUSTOM_BLOCK,
                    "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" "
                    "aria-label=\"Table\">\n",
                    "</div>\n");
    cmark_node_insert_before(Node, Region);
    cmark_node_unlink(Node);
    cmark_node_append_child(Region, Node);
  }

  LinkRewriter RewriteLink;
  RenderedMarkdown &Out;
  cmark_llist *Extensions;
};

} // namespace

RenderedMarkdown renderMarkdown(llvm::StringRef Markdown,
                                LinkRewriter RewriteLink) {
  cmark_gfm_core_extensions_ensure_registered();
  std::unique_ptr<cmark_parser, ParserDeleter> Parser(
      cmark_parser_new(CMARK_OPT_DEFAULT));
  cmark_parser_attach_syntax_extension(Parser.get(),
                                       cmark_find_syntax_extension("table"));
  cmark_parser_feed(Parser.get(), Markdown.data(), Markdown.size());
  OwnedNode Document(cmark_parser_finish(Parser.get()));
  cmark_llist *Extensions = cmark_parser_get_syntax_extensions(Parser.get());

  RenderedMarkdown Out;
  TreeRewriter(RewriteLink, Out, Extensions).rewrite(Document.get());
  std::unique_ptr<char, CStringDeleter> Html(
      cmark_render_html(Document.get(), CMARK_OPT_DEFAULT, Extensions));
  Out.Body = Html.get();
  return Out;
}

} // namespace corolint::scanner::html
