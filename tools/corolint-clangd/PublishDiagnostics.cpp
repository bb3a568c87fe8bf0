//===--- PublishDiagnostics.cpp - what the editor shows of corolint -------===//
//
// The link step wraps the one function that turns clangd's
// textDocument/publishDiagnostics into JSON (-Wl,--wrap=<its mangled name>,
// as FastCheckFilter.cpp does): every publication passes through here, and
// two things change before the editor sees it.
//
// Links. clangd gives every clang-tidy diagnostic an LSP
// codeDescription.href of
// https://clang.llvm.org/extra/clang-tidy/checks/<module>/<check>.html,
// computed by a function local to its Diagnostics.cpp; for corolint's checks
// that page does not exist. Each diagnostic of a corolint check links its
// check's page instead, looked up by the diagnostic's code (the check's name)
// and file, never read back out of the message:
// - under the guide URL the check was configured with for that file (its
//   `GuideURL` option or the global one, recorded by the check:
//   CheckInfo.h): "<folder of the guide>/checks/<check>.<extension>";
// - else the installed documentation,
//   file://<prefix>/share/doc/corolint/checks/<check>.md, <prefix> being
//   where this binary is installed.
// Other diagnostics keep clangd's link.
//
// One warning per dropped task. coro-discarded-task stays quiet where clang
// itself warns about a dropped [[nodiscard]] value, but only when clang-tidy
// shows that warning (clang-diagnostic-unused-value/-result enabled), and
// clangd shows compiler warnings without such a check. So in the editor the
// call got both. The check's warning says more (lazy or eager, what is lost)
// and carries the await fix-it, so clang's -Wunused-value/-Wunused-result
// warning is dropped where a coro-discarded-task warning covers it, as the
// scanner (which shows no compiler warnings) reports it.
//
//===----------------------------------------------------------------------===//

#include "CheckInfo.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include <tuple>

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

llvm::json::Value clangdPublishDiagnosticsToJSON(
    const clang::clangd::PublishDiagnosticsParams
        &) __asm__("__real_" COROLINT_PUBLISH_DIAGNOSTICS_TO_JSON);
llvm::json::Value corolintPublishDiagnosticsToJSON(
    const clang::clangd::PublishDiagnosticsParams
        &Params) __asm__("__wrap_" COROLINT_PUBLISH_DIAGNOSTICS_TO_JSON);

namespace {

using namespace clang::tidy::corolint;
using llvm::json::Array;
using llvm::json::Object;

/// Where the docs are installed: share/doc/corolint beside the bin/ folder
/// this binary runs from (an install moved with `cmake --install --prefix`),
/// else where the configured prefix puts them.
const std::string &installedDocs() {
  static const std::string Docs = [] {
    std::string Executable = llvm::sys::fs::getMainExecutable(
        nullptr, reinterpret_cast<void *>(&installedDocs));
    llvm::SmallString<256> Beside(
        llvm::sys::path::parent_path(llvm::sys::path::parent_path(Executable)));
    llvm::sys::path::append(Beside, "share", "doc", "corolint");
    return llvm::sys::fs::is_directory(Beside) ? std::string(Beside)
                                               : COROLINT_INSTALLED_DOCS;
  }();
  return Docs;
}

/// The path of a file:// \p URI as clangd writes it (percent-encoded), or
/// "" for another scheme.
std::string filePathOfURI(llvm::StringRef URI) {
  if (!URI.consume_front("file://"))
    return "";
  std::string Path;
  for (size_t I = 0; I < URI.size(); ++I) {
    if (URI[I] == '%' && I + 2 < URI.size() && llvm::isHexDigit(URI[I + 1]) &&
        llvm::isHexDigit(URI[I + 2])) {
      Path += static_cast<char>(llvm::hexFromNibbles(URI[I + 1], URI[I + 2]));
      I += 2;
    } else {
      Path += URI[I];
    }
  }
  return Path;
}

/// The page of \p Check for a diagnostic in \p File.
std::string checkPageLink(llvm::StringRef Check, llvm::StringRef File) {
  std::string GuideURL = recordedGuideURL(File, Check);
  if (GuideURL.empty())
    GuideURL = "file://" + uriEncodePath(installedDocs() + "/guide.md");
  return checkPageURL(GuideURL, Check);
}

void linkCheckPages(Array &Diagnostics, llvm::StringRef File) {
  for (llvm::json::Value &Entry : Diagnostics) {
    Object *Diagnostic = Entry.getAsObject();
    if (!Diagnostic)
      continue;
    std::optional<llvm::StringRef> Code = Diagnostic->getString("code");
    if (!Code || !findCheck(*Code))
      continue;
    (*Diagnostic)["codeDescription"] =
        Object{{"href", checkPageLink(*Code, File)}};
  }
}

/// An LSP position as (line, character), 0-based.
using Position = std::tuple<int64_t, int64_t>;

std::optional<Position> positionOf(const Object &Diagnostic,
                                   llvm::StringRef Edge) {
  const Object *Range = Diagnostic.getObject("range");
  const Object *At = Range ? Range->getObject(Edge) : nullptr;
  std::optional<int64_t> Line = At ? At->getInteger("line") : std::nullopt;
  std::optional<int64_t> Character =
      At ? At->getInteger("character") : std::nullopt;
  if (!Line || !Character)
    return std::nullopt;
  return Position{*Line, *Character};
}

bool hasCode(const llvm::json::Value &Entry,
             std::initializer_list<llvm::StringRef> Codes) {
  const Object *Diagnostic = Entry.getAsObject();
  std::optional<llvm::StringRef> Code =
      Diagnostic ? Diagnostic->getString("code") : std::nullopt;
  return Code && llvm::is_contained(Codes, *Code);
}

/// Whether \p Compiler's warning starts within \p Check's range.
bool covers(const llvm::json::Value &Check, const llvm::json::Value &Compiler) {
  std::optional<Position> Begin = positionOf(*Check.getAsObject(), "start");
  std::optional<Position> End = positionOf(*Check.getAsObject(), "end");
  std::optional<Position> At = positionOf(*Compiler.getAsObject(), "start");
  return Begin && End && At && *Begin <= *At && *At <= *End;
}

void dropCompilerDuplicatesOfDiscardedTasks(Array &Diagnostics) {
  std::vector<llvm::json::Value> DiscardedTasks;
  llvm::copy_if(Diagnostics, std::back_inserter(DiscardedTasks),
                [](const llvm::json::Value &Entry) {
                  return hasCode(Entry, {"coro-discarded-task"});
                });
  if (DiscardedTasks.empty())
    return;
  Array Kept;
  for (llvm::json::Value &Entry : Diagnostics) {
    bool Duplicate =
        hasCode(Entry, {"-Wunused-value", "-Wunused-result"}) &&
        llvm::any_of(DiscardedTasks, [&](const llvm::json::Value &Check) {
          return covers(Check, Entry);
        });
    if (!Duplicate)
      Kept.push_back(std::move(Entry));
  }
  Diagnostics = std::move(Kept);
}

} // namespace

llvm::json::Value corolintPublishDiagnosticsToJSON(
    const clang::clangd::PublishDiagnosticsParams &Params) {
  llvm::json::Value Published = clangdPublishDiagnosticsToJSON(Params);
  if (Object *Publication = Published.getAsObject())
    if (Array *Diagnostics = Publication->getArray("diagnostics")) {
      dropCompilerDuplicatesOfDiscardedTasks(*Diagnostics);
      linkCheckPages(*Diagnostics,
                     filePathOfURI(Publication->getString("uri").value_or("")));
    }
  return Published;
}
