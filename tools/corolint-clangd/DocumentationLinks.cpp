//===--- DocumentationLinks.cpp - diagnostics link corolint's pages -------===//
//
// clangd gives every clang-tidy diagnostic an LSP codeDescription.href of
// https://clang.llvm.org/extra/clang-tidy/checks/<module>/<check>.html,
// computed by a function local to its Diagnostics.cpp. For corolint's checks
// that page does not exist. The link step wraps the one function that turns
// clangd's textDocument/publishDiagnostics into JSON
// (-Wl,--wrap=<its mangled name>, as FastCheckFilter.cpp does): every
// publication passes through here, and each diagnostic of a corolint check
// gets the link of its check's page instead:
//
// - under the guide URL its citation carries (the check's or the global
//   `GuideURL` option): "<folder of the guide>/checks/<check>.<extension>";
// - else the installed documentation,
//   file://<prefix>/share/doc/corolint/checks/<check>.md.
//
// Other diagnostics keep clangd's link.
//
//===----------------------------------------------------------------------===//

#include "CheckInfo.h"
#include "llvm/Support/JSON.h"

namespace clang::clangd {
// Only ever passed by reference; no clangd header is installed.
struct PublishDiagnosticsParams;
} // namespace clang::clangd

// The mangled name of llvm::json::Value
// clang::clangd::toJSON(const clang::clangd::PublishDiagnosticsParams &);
// CMakeLists.txt passes the same name to --wrap. The signature is checked
// against clangd 22 by test/clangd/docs-link.test.
#define COROLINT_PUBLISH_DIAGNOSTICS_TO_JSON                                   \
  "_ZN5clang6clangd6toJSONERKNS0_24PublishDiagnosticsParamsE"

llvm::json::Value
clangdPublishDiagnosticsToJSON(const clang::clangd::PublishDiagnosticsParams &)
    __asm__("__real_" COROLINT_PUBLISH_DIAGNOSTICS_TO_JSON);
llvm::json::Value corolintPublishDiagnosticsToJSON(
    const clang::clangd::PublishDiagnosticsParams &Params)
    __asm__("__wrap_" COROLINT_PUBLISH_DIAGNOSTICS_TO_JSON);

namespace {

using namespace clang::tidy::corolint;

/// The page of \p Check for a diagnostic that reads \p Message.
std::string checkPageLink(llvm::StringRef Check, llvm::StringRef Message) {
  std::string GuideURL = guideURLOfCitation(Message);
  if (GuideURL.empty())
    GuideURL = "file://" + uriEncodePath(COROLINT_INSTALLED_DOCS "/guide.md");
  return checkPageURL(GuideURL, Check);
}

void linkCheckPages(llvm::json::Array &Diagnostics) {
  for (llvm::json::Value &Entry : Diagnostics) {
    llvm::json::Object *Diagnostic = Entry.getAsObject();
    if (!Diagnostic)
      continue;
    std::optional<llvm::StringRef> Code = Diagnostic->getString("code");
    std::optional<llvm::StringRef> Message = Diagnostic->getString("message");
    if (!Code || !Message || !findCheck(*Code))
      continue;
    (*Diagnostic)["codeDescription"] =
        llvm::json::Object{{"href", checkPageLink(*Code, *Message)}};
  }
}

} // namespace

llvm::json::Value corolintPublishDiagnosticsToJSON(
    const clang::clangd::PublishDiagnosticsParams &Params) {
  llvm::json::Value Published = clangdPublishDiagnosticsToJSON(Params);
  if (llvm::json::Object *Object = Published.getAsObject())
    if (llvm::json::Array *Diagnostics = Object->getArray("diagnostics"))
      linkCheckPages(*Diagnostics);
  return Published;
}
