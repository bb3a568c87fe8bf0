//===--- CompileDatabase.cpp - reading compile_commands.json --------------===//

#include "CompileDatabase.h"
#include "clang/Driver/Types.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/StringSaver.h"

namespace corolint::scanner {

namespace path = llvm::sys::path;

/// The canonical (symlink-free) name of \p Path relative to \p Base, as the
/// worker names files; lexically normalised when it does not exist.
static std::string normalise(llvm::StringRef Base, llvm::StringRef Path) {
  llvm::SmallString<256> Result;
  if (path::is_absolute(Path))
    Result = Path;
  else
    path::append(Result, Base, Path);
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Result, Real))
    return std::string(Real);
  path::remove_dots(Result, /*remove_dot_dot=*/true);
  return std::string(Result);
}

static llvm::Error entryError(const CompileDatabase &DB, unsigned Index,
                              const llvm::Twine &What) {
  return llvm::createStringError(
      llvm::formatv("{0}: entry {1}: {2}", DB.Path, Index, What.str()).str());
}

static llvm::Expected<CompileEntry>
parseEntry(const CompileDatabase &DB, unsigned Index, const llvm::json::Value &V) {
  const llvm::json::Object *O = V.getAsObject();
  if (!O)
    return entryError(DB, Index, "expected an object");
  CompileEntry Entry;
  Entry.Index = Index;
  std::optional<llvm::StringRef> Directory = O->getString("directory");
  std::optional<llvm::StringRef> File = O->getString("file");
  if (!Directory)
    return entryError(DB, Index, "missing string field 'directory'");
  if (!File || File->empty())
    return entryError(DB, Index, "missing string field 'file'");
  Entry.Directory = normalise(DB.Folder, *Directory);
  Entry.File = normalise(Entry.Directory, *File);

  if (const llvm::json::Value *Args = O->get("arguments")) {
    const llvm::json::Array *List = Args->getAsArray();
    if (!List)
      return entryError(DB, Index, "'arguments' must be an array of strings");
    for (const llvm::json::Value &Arg : *List) {
      std::optional<llvm::StringRef> S = Arg.getAsString();
      if (!S)
        return entryError(DB, Index, "'arguments' must be an array of strings");
      Entry.Arguments.push_back(S->str());
    }
  } else if (std::optional<llvm::StringRef> Command = O->getString("command")) {
    llvm::BumpPtrAllocator Alloc;
    llvm::StringSaver Saver(Alloc);
    llvm::SmallVector<const char *, 32> Argv;
    llvm::cl::TokenizeGNUCommandLine(*Command, Saver, Argv);
    for (const char *Arg : Argv)
      if (Arg) // The tokenizer marks line ends with null.
        Entry.Arguments.push_back(Arg);
  } else {
    return entryError(DB, Index, "needs 'arguments' or 'command'");
  }
  if (Entry.Arguments.empty())
    return entryError(DB, Index, "empty compile command");
  return Entry;
}

llvm::Expected<CompileDatabase> loadCompileDatabase(llvm::StringRef BuildDirOrFile) {
  CompileDatabase DB;
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  llvm::SmallString<256> Path(normalise(Cwd, BuildDirOrFile));
  // A build directory, existing or not (the error then names the file).
  if (!llvm::sys::fs::is_regular_file(Path))
    path::append(Path, "compile_commands.json");
  DB.Path = std::string(Path);
  DB.Folder = std::string(path::parent_path(Path));

  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return llvm::createStringError(llvm::formatv(
        "cannot read compilation database '{0}': {1}", DB.Path,
        Buffer.getError().message()).str());
  llvm::Expected<llvm::json::Value> Root = llvm::json::parse((*Buffer)->getBuffer());
  if (!Root)
    return llvm::createStringError(
        llvm::formatv("{0}: malformed JSON: {1}", DB.Path,
                      llvm::toString(Root.takeError())).str());
  const llvm::json::Array *Entries = Root->getAsArray();
  if (!Entries)
    return llvm::createStringError(
        DB.Path + ": expected an array of compile commands");
  unsigned Index = 0;
  for (const llvm::json::Value &V : *Entries) {
    llvm::Expected<CompileEntry> Entry = parseEntry(DB, ++Index, V);
    if (!Entry)
      return Entry.takeError();
    if (isCxxEntry(*Entry))
      DB.Entries.push_back(std::move(*Entry));
    else
      ++DB.NonCxxEntries;
  }
  return DB;
}

/// A driver that compiles C sources as C++ (clang++, g++, c++, ...).
static bool isCxxDriver(llvm::ArrayRef<std::string> Arguments) {
  for (llvm::StringRef Arg : Arguments.drop_front())
    if (Arg.consume_front("--driver-mode="))
      return Arg == "g++";
  llvm::StringRef Program = path::filename(Arguments.front());
  Program = Program.take_until([](char C) { return C == '-' || C == '.'; });
  return Program.ends_with("++");
}

bool isCxxEntry(const CompileEntry &Entry) {
  namespace types = clang::driver::types;
  llvm::ArrayRef<std::string> Args = Entry.Arguments;
  std::optional<types::ID> Given; // -x: applies to the inputs after it.
  for (size_t I = 1; I < Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    if (path::filename(Arg) == path::filename(Entry.File))
      break; // Only an -x before the file applies to it.
    llvm::StringRef Language;
    if (Arg == "-x" && I + 1 < Args.size())
      Language = Args[++I];
    else if (Arg.starts_with("-x") && Arg.size() > 2)
      Language = Arg.drop_front(2);
    else
      continue;
    Given = Language == "none"
                ? std::nullopt
                : std::optional(types::lookupTypeForTypeSpecifier(
                      Language.str().c_str()));
  }
  types::ID Type = Given ? *Given
                         : types::lookupTypeForExtension(
                               path::extension(Entry.File).drop_front());
  if (Type == types::TY_C && !Given && isCxxDriver(Args))
    return true;
  // An extension the driver does not know (.inl, none): it would be linker
  // input; analysing it as C++ costs little and loses nothing.
  return Type == types::TY_INVALID || types::isCXX(Type);
}

static bool isUnder(llvm::StringRef File, llvm::StringRef Dir) {
  return File.starts_with(Dir) &&
         (Dir.ends_with("/") || File.drop_front(Dir.size()).starts_with("/"));
}

static llvm::Expected<std::vector<size_t>>
selectOne(const CompileDatabase &DB, const std::string &Selector) {
  std::vector<size_t> Picked;
  if (llvm::sys::fs::exists(Selector)) {
    llvm::SmallString<256> Cwd;
    llvm::sys::fs::current_path(Cwd);
    std::string Abs = normalise(Cwd, Selector);
    bool IsDir = llvm::sys::fs::is_directory(Abs);
    for (size_t I = 0; I < DB.Entries.size(); ++I)
      if (IsDir ? isUnder(DB.Entries[I].File, Abs) : DB.Entries[I].File == Abs)
        Picked.push_back(I);
    if (Picked.empty())
      return llvm::createStringError(llvm::formatv(
          "'{0}' has no entry in the compilation database '{1}'", Selector,
          DB.Path).str());
    return Picked;
  }
  llvm::Regex Pattern(Selector);
  std::string Why;
  if (!Pattern.isValid(Why))
    return llvm::createStringError(llvm::formatv(
        "'{0}' is neither an existing file nor a valid regular expression: {1}",
        Selector, Why).str());
  for (size_t I = 0; I < DB.Entries.size(); ++I)
    if (Pattern.match(DB.Entries[I].File))
      Picked.push_back(I);
  if (Picked.empty())
    return llvm::createStringError(llvm::formatv(
        "no file in the compilation database '{0}' matches '{1}'", DB.Path,
        Selector).str());
  return Picked;
}

llvm::Expected<std::vector<size_t>>
selectEntries(const CompileDatabase &DB, llvm::ArrayRef<std::string> Selectors) {
  std::vector<size_t> All;
  if (Selectors.empty()) {
    for (size_t I = 0; I < DB.Entries.size(); ++I)
      All.push_back(I);
    return All;
  }
  std::vector<bool> Chosen(DB.Entries.size());
  for (const std::string &Selector : Selectors) {
    llvm::Expected<std::vector<size_t>> Picked = selectOne(DB, Selector);
    if (!Picked)
      return Picked.takeError();
    for (size_t I : *Picked)
      Chosen[I] = true;
  }
  for (size_t I = 0; I < Chosen.size(); ++I)
    if (Chosen[I])
      All.push_back(I);
  return All;
}

static std::string commonAncestor(llvm::StringRef A, llvm::StringRef B) {
  auto ItA = path::begin(A), EndA = path::end(A);
  auto ItB = path::begin(B), EndB = path::end(B);
  llvm::SmallString<256> Common;
  for (; ItA != EndA && ItB != EndB && *ItA == *ItB; ++ItA, ++ItB)
    path::append(Common, *ItA);
  return std::string(Common);
}

static bool isFilesystemRoot(llvm::StringRef Dir) {
  return Dir.empty() || Dir == path::root_path(Dir);
}

std::string projectRoot(const CompileDatabase &DB) {
  std::optional<std::string> Sources;
  for (const CompileEntry &Entry : DB.Entries) {
    llvm::StringRef Dir = path::parent_path(Entry.File);
    Sources = Sources ? commonAncestor(*Sources, Dir) : Dir.str();
  }
  if (!Sources)
    return DB.Folder;
  std::string WithDatabase = commonAncestor(*Sources, DB.Folder);
  if (!isFilesystemRoot(WithDatabase))
    return WithDatabase;
  return isFilesystemRoot(*Sources) ? DB.Folder : *Sources;
}

/// Programs that run the real compiler named by their first argument.
static bool isCompilerLauncher(llvm::StringRef Program) {
  llvm::StringRef Name = path::stem(Program);
  return Name == "ccache" || Name == "sccache" || Name == "distcc" ||
         Name == "icecc" || Name == "buildcache";
}

/// Flags that make the compiler load code named in the database.
static bool loadsPlugin(llvm::StringRef Arg) {
  return Arg.starts_with("-fplugin=") || Arg.starts_with("-fpass-plugin=") ||
         Arg.starts_with("-fplugin-arg-");
}

/// "-Xclang -load -Xclang x.so" and friends: how many arguments at \p I form
/// such a group (0: none). libTooling strips them too, but only when more
/// arguments follow; this does not depend on that.
static size_t pluginGroupAt(llvm::ArrayRef<std::string> Args, size_t I) {
  if (Args[I] != "-Xclang" || I + 1 >= Args.size())
    return 0;
  llvm::StringRef Flag = Args[I + 1];
  if (Flag != "-load" && Flag != "-plugin" && Flag != "-add-plugin" &&
      !Flag.starts_with("-plugin-arg-"))
    return 0;
  bool HasValue = I + 3 < Args.size() && Args[I + 2] == "-Xclang";
  return HasValue ? 4 : 2;
}

std::vector<std::string> analysisArguments(llvm::ArrayRef<std::string> Arguments,
                                           llvm::StringRef ResourceDir) {
  while (Arguments.size() > 1 && isCompilerLauncher(Arguments.front()))
    Arguments = Arguments.drop_front();
  std::vector<std::string> Result;
  bool HasResourceDir = false;
  for (size_t I = 0; I < Arguments.size(); ++I) {
    if (size_t Group = pluginGroupAt(Arguments, I)) {
      I += Group - 1;
      continue;
    }
    const std::string &Arg = Arguments[I];
    if (loadsPlugin(Arg))
      continue;
    HasResourceDir |= llvm::StringRef(Arg).starts_with("-resource-dir");
    Result.push_back(Arg);
  }
  if (!HasResourceDir && !Result.empty())
    Result.insert(Result.begin() + 1, ("-resource-dir=" + ResourceDir).str());
  return Result;
}

} // namespace corolint::scanner
