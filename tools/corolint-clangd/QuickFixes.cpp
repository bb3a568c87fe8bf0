//===--- QuickFixes.cpp - quick fixes that say what they do ---------------===//
//
// corolint's fix-its ride on notes (they change behaviour), and clangd titles
// a note's fix with the note's text and marks the only quick fix of a
// diagnostic as preferred (the one an editor applies on "auto fix"). For two
// kinds of edit that is wrong, so the link step wraps the function that turns
// a code action into JSON (-Wl,--wrap=<its mangled name>, as
// FastCheckFilter.cpp does) and, for the quick fixes of corolint's
// diagnostics:
//
// - a single insertion is titled by what it inserts, as clangd titles
//   compiler fix-its: "insert '(void)'", "insert 'co_await'", and the
//   capacity placeholder of coro-unbounded-channel "insert a placeholder
//   capacity 1024" ("replace the capacity with a placeholder 1024" when it
//   replaces one, "change to 'BoundedQueue' and insert a placeholder
//   capacity 1024" with the bounded twin); other fixes keep the note's text,
//   which names the change ("take 'line' by value", "await its asynchronous
//   twin 'async_read' instead");
// - a fix that only silences the warning (the '(void)' cast of an ignored
//   send) is never preferred.
//
//===----------------------------------------------------------------------===//

#include "CheckInfo.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"

namespace clang::clangd {
// Only ever passed by reference; no clangd header is installed.
struct CodeAction;
} // namespace clang::clangd

// The mangled name of llvm::json::Value
// clang::clangd::toJSON(const clang::clangd::CodeAction &); CMakeLists.txt
// passes the same name to --wrap. The signature is checked against clangd 22
// by test/clangd/quick-fix-titles.test.
#define COROLINT_CODE_ACTION_TO_JSON                                           \
  "_ZN5clang6clangd6toJSONERKNS0_10CodeActionE"

llvm::json::Value
clangdCodeActionToJSON(const clang::clangd::CodeAction &) __asm__(
    "__real_" COROLINT_CODE_ACTION_TO_JSON);
llvm::json::Value
corolintCodeActionToJSON(const clang::clangd::CodeAction &) __asm__(
    "__wrap_" COROLINT_CODE_ACTION_TO_JSON);

namespace {

using llvm::json::Array;
using llvm::json::Object;

constexpr llvm::StringLiteral CapacityPlaceholder = "/*capacity=*/";
constexpr llvm::StringLiteral SilencingCast = "(void)";

/// The text edits of \p Action, whether clangd sent them as `changes` or as
/// `documentChanges`.
std::vector<const Object *> editsOf(const Object &Action) {
  std::vector<const Object *> Edits;
  const Object *Edit = Action.getObject("edit");
  if (!Edit)
    return Edits;
  auto Collect = [&](const Array *List) {
    if (List)
      for (const llvm::json::Value &Entry : *List)
        if (const Object *TextEdit = Entry.getAsObject())
          Edits.push_back(TextEdit);
  };
  if (const Object *Changes = Edit->getObject("changes"))
    for (const auto &File : *Changes)
      Collect(File.second.getAsArray());
  if (const Array *DocumentChanges = Edit->getArray("documentChanges"))
    for (const llvm::json::Value &Change : *DocumentChanges)
      if (const Object *Document = Change.getAsObject())
        Collect(Document->getArray("edits"));
  return Edits;
}

bool isInsertion(const Object &TextEdit) {
  const Object *Range = TextEdit.getObject("range");
  return Range && Range->get("start") && Range->get("end") &&
         *Range->get("start") == *Range->get("end");
}

/// What a single edit inserting or writing \p Text does, or "" when the
/// note's text says it better.
std::string editTitle(llvm::StringRef Text, bool Insertion) {
  size_t Placeholder = Text.find(CapacityPlaceholder);
  if (Placeholder != llvm::StringRef::npos) {
    llvm::StringRef Number = Text.drop_front(Placeholder)
                                 .drop_front(CapacityPlaceholder.size())
                                 .take_while(llvm::isDigit);
    return ((Insertion ? "insert a placeholder capacity "
                       : "replace the capacity with a placeholder ") +
            Number)
        .str();
  }
  if (!Insertion)
    return "";
  // One line, as clangd writes the titles of compiler fix-its.
  std::string Flat;
  for (llvm::StringRef Line : llvm::split(Text.trim(), '\n'))
    Flat += (Flat.empty() ? "" : " ") + Line.trim().str();
  return "insert '" + Flat + "'";
}

bool isCorolintQuickFix(const Object &Action) {
  const Array *Diagnostics = Action.getArray("diagnostics");
  if (Action.getString("kind") != "quickfix" || !Diagnostics ||
      Diagnostics->empty())
    return false;
  const Object *Diagnostic = Diagnostics->front().getAsObject();
  std::optional<llvm::StringRef> Code =
      Diagnostic ? Diagnostic->getString("code") : std::nullopt;
  return Code && clang::tidy::corolint::findCheck(*Code);
}

/// The title of a bounded twin's fix, which renames the queue and inserts
/// the placeholder: "change to 'BoundedQueue' and insert a placeholder
/// capacity 1024"; "" for other fixes of several edits.
std::string placeholderEditsTitle(const std::vector<const Object *> &Edits) {
  std::string Title;
  bool HasPlaceholder = false;
  for (const Object *Edit : Edits) {
    llvm::StringRef Text = Edit->getString("newText").value_or("");
    HasPlaceholder |= Text.contains(CapacityPlaceholder);
    std::string Part = isInsertion(*Edit) || Text.contains(CapacityPlaceholder)
                           ? editTitle(Text, isInsertion(*Edit))
                           : "change to '" + Text.trim().str() + "'";
    Title += (Title.empty() ? "" : " and ") + Part;
  }
  return HasPlaceholder ? Title : "";
}

void describeQuickFix(Object &Action) {
  std::vector<const Object *> Edits = editsOf(Action);
  if (Edits.size() > 1) {
    std::string Title = placeholderEditsTitle(Edits);
    if (!Title.empty())
      Action["title"] = Title;
    return;
  }
  std::optional<llvm::StringRef> Text =
      Edits.empty() ? std::nullopt : Edits.front()->getString("newText");
  if (!Text)
    return;
  bool Insertion = isInsertion(*Edits.front());
  std::string Title = editTitle(*Text, Insertion);
  if (!Title.empty())
    Action["title"] = Title;
  if (Insertion && Text->trim() == SilencingCast)
    Action.erase("isPreferred");
}

} // namespace

llvm::json::Value
corolintCodeActionToJSON(const clang::clangd::CodeAction &Action) {
  llvm::json::Value Sent = clangdCodeActionToJSON(Action);
  if (Object *Fix = Sent.getAsObject(); Fix && isCorolintQuickFix(*Fix))
    describeQuickFix(*Fix);
  return Sent;
}
