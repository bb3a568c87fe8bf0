//===--- HTML.h - building blocks of the HTML report ----------------------===//
//
// Escaping, C++ syntax highlighting (Clang's lexer) and the Markdown of docs/
// (cmark-gfm), shared by the pages of the HTML report (OutputHTML.cpp). Every
// string from a source file, a path or a message goes through escape().
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SCANNER_HTML_H
#define COROLINT_SCANNER_HTML_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace corolint::scanner::html {

/// \p Text as HTML text or attribute value: &, <, >, " and ' escaped, bytes
/// that are not UTF-8 replaced by U+FFFD.
std::string escape(llvm::StringRef Text);

/// A C++ source as highlighted HTML, one fragment per line ('\n' ends a
/// line; a trailing '\r' is dropped). Comments, string and character
/// literals, numbers, keywords, the coroutine keywords and preprocessor
/// directives, as Clang's lexer reads them, become <span>s with a class; a
/// token containing one of \p Marked (byte offsets) also gets the class "at".
/// Tokens that span lines (block comments, raw strings) are split so that every
/// line is balanced.
std::vector<std::string> highlightCpp(llvm::StringRef Source,
                                      llvm::ArrayRef<unsigned> Marked = {});

/// A Markdown document rendered as HTML.
struct RenderedMarkdown {
  std::string Title; ///< The text of the first heading.
  std::string Body;
  std::set<std::string> Ids; ///< Every id an element of Body carries.
};

/// Maps a link target as written to its href, or nullopt to render the
/// link's text without a link (a document the report does not carry).
using LinkRewriter =
    llvm::function_ref<std::optional<std::string>(llvm::StringRef Target)>;

/// Renders the Markdown of docs/ as GitHub does (CommonMark and tables, by
/// cmark-gfm in its safe mode), with GitHub's heading ids, the `<a
/// id="..."></a>` anchors, C++ code blocks highlighted and links passed
/// through \p RewriteLink. Any other HTML is shown as text.
RenderedMarkdown renderMarkdown(llvm::StringRef Markdown,
                                LinkRewriter RewriteLink);

/// The style sheet and the script every page inlines (HTMLAssets.cpp).
extern const char *const ReportCSS;
extern const char *const ReportJS;

} // namespace corolint::scanner::html

#endif
