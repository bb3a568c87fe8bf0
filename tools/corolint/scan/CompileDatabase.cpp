//===--- CompileDatabase.cpp - reading compile_commands.json --------------===//

#include "CompileDatabase.h"
#include "FileIO.h"
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

static llvm::Expected<CompileEntry> parseEntry(const CompileDatabase &DB,
                                               unsigned Index,
                                               const llvm::json::Value &V) {
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

llvm::Expected<CompileDatabase>
loadCompileDatabase(llvm::StringRef BuildDirOrFile) {
  CompileDatabase DB;
  llvm::Expected<std::string> Cwd = currentDirectory();
  if (!Cwd)
    return Cwd.takeError();
  llvm::SmallString<256> Path(normalise(*Cwd, BuildDirOrFile));
  // A build directory, existing or not (the error then names the file).
  if (!llvm::sys::fs::is_regular_file(Path))
    path::append(Path, "compile_commands.json");
  DB.Path = std::string(Path);
  DB.Folder = std::string(path::parent_path(Path));

  auto Buffer = readInputFile(Path);
  if (!Buffer)
    return llvm::createStringError(
        llvm::formatv("cannot read compilation database {0}",
                      llvm::toString(Buffer.takeError()))
            .str());
  llvm::StringRef Text = (*Buffer)->getBuffer();
  // JSON parsers may ignore a byte order mark (RFC 8259 §8.1); editors on
  // Windows write one.
  Text.consume_front("\xEF\xBB\xBF");
  llvm::Expected<llvm::json::Value> Root = parseJSON(Text);
  if (!Root)
    return llvm::createStringError(
        llvm::formatv("{0}: malformed JSON: {1}", DB.Path,
                      llvm::toString(Root.takeError()))
            .str());
  const llvm::json::Array *Entries = Root->getAsArray();
  if (!Entries)
    return llvm::createStringError(DB.Path +
                                   ": expected an array of compile commands");
  unsigned Index = 0;
  for (const llvm::json::Value &V : *Entries) {
    llvm::Expected<CompileEntry> Entry = parseEntry(DB, ++Index, V);
    if (!Entry)
      return Entry.takeError();
    DB.Entries.push_back(std::move(*Entry));
  }
  return DB;
}

static bool isUnder(llvm::StringRef File, llvm::StringRef Dir) {
  return File.starts_with(Dir) &&
         (Dir.ends_with("/") || File.drop_front(Dir.size()).starts_with("/"));
}

static llvm::Expected<std::vector<size_t>>
selectOne(const CompileDatabase &DB, const std::string &Selector) {
  std::vector<size_t> Picked;
  if (llvm::sys::fs::exists(Selector)) {
    llvm::Expected<std::string> Cwd = currentDirectory();
    if (!Cwd)
      return Cwd.takeError();
    std::string Abs = normalise(*Cwd, Selector);
    bool IsDir = llvm::sys::fs::is_directory(Abs);
    for (size_t I = 0; I < DB.Entries.size(); ++I)
      if (IsDir ? isUnder(DB.Entries[I].File, Abs) : DB.Entries[I].File == Abs)
        Picked.push_back(I);
    if (Picked.empty())
      return llvm::createStringError(
          llvm::formatv("'{0}' has no entry in the compilation database '{1}'",
                        Selector, DB.Path)
              .str());
    return Picked;
  }
  llvm::Regex Pattern(Selector);
  std::string Why;
  if (!Pattern.isValid(Why))
    return llvm::createStringError(
        llvm::formatv("'{0}' is neither an existing file nor a valid regular "
                      "expression: {1}",
                      Selector, Why)
            .str());
  for (size_t I = 0; I < DB.Entries.size(); ++I)
    if (Pattern.match(DB.Entries[I].File))
      Picked.push_back(I);
  if (Picked.empty())
    return llvm::createStringError(
        llvm::formatv("no file in the compilation database '{0}' matches '{1}'",
                      DB.Path, Selector)
            .str());
  return Picked;
}

llvm::Expected<std::vector<size_t>>
selectEntries(const CompileDatabase &DB,
              llvm::ArrayRef<std::string> Selectors) {
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

llvm::Expected<std::vector<std::string>>
expandResponseFiles(const CompileEntry &Entry) {
  llvm::BumpPtrAllocator Alloc;
  llvm::SmallVector<const char *, 32> Argv;
  for (const std::string &Arg : Entry.Arguments)
    Argv.push_back(Arg.c_str());
  llvm::cl::ExpansionContext Expander(Alloc, llvm::cl::TokenizeGNUCommandLine);
  Expander.setCurrentDir(Entry.Directory);
  if (llvm::Error E = Expander.expandResponseFiles(Argv))
    return llvm::createStringError(
        llvm::formatv("cannot expand a response file: {0}",
                      llvm::toString(std::move(E)))
            .str());
  std::vector<std::string> Result;
  for (const char *Arg : Argv)
    if (Arg) // The tokenizer may mark line ends with null.
      Result.push_back(Arg);
  return Result;
}

/// Flags that write a file, followed by a separate value (-MF x) or with a
/// joined one (-MFx, -MF=x is not a spelling clang accepts for all).
static constexpr llvm::StringLiteral WritingWithValue[] = {
    "-MF",
    "-MT",
    "-MQ",
    "-MJ",
    "--serialize-diagnostics",
    "-serialize-diagnostic-file",
    "-dependency-file",
    "-dependency-dot",
    "-header-include-file",
    "-module-dependency-dir",
    "-fmodules-cache-path",
    "-stats-file",
    "-ftime-trace",
    "-save-temps",
    "-fsave-optimization-record",
    "-foptimization-record-file",
    "-fmodule-output",
    "-fcrash-diagnostics-dir",
    "-save-stats",
    "--save-stats",
    "-fproc-stat-report",
    "-dumpdir",
    "-ftime-trace-file"};
/// Of those, the ones that take their value as the next argument.
static constexpr llvm::StringLiteral SeparateValue[] = {
    "-o",
    "-MF",
    "-MT",
    "-MQ",
    "-MJ",
    "--serialize-diagnostics",
    "-serialize-diagnostic-file",
    "-dependency-file",
    "-dependency-dot",
    "-header-include-file",
    "-module-dependency-dir",
    "-dumpdir"};
/// Flags without a value that make the compiler write a file.
static constexpr llvm::StringLiteral WritingAlone[] = {
    "-M", "-MM", "-MD", "-MMD", "--analyze", "-module-file-info"};

/// How many arguments at \p I form one file-writing flag (0: none).
static size_t writingFlagAt(llvm::ArrayRef<std::string> Args, size_t I) {
  llvm::StringRef Arg = Args[I];
  if (llvm::is_contained(WritingAlone, Arg))
    return 1;
  if (llvm::is_contained(SeparateValue, Arg))
    return std::min<size_t>(2, Args.size() - I);
  for (llvm::StringRef Flag : WritingWithValue)
    if (Arg.starts_with(Flag))
      return 1; // -o/x, -MFx, -ftime-trace=..., -save-temps=obj, ...
  return 0;
}

/// "-Xclang -stats-file=x" or "-Xclang -dependency-file -Xclang x": how many
/// arguments at \p I hand a writing flag to the compiler (0: none).
static size_t forwardedWritingFlagAt(llvm::ArrayRef<std::string> Args,
                                     size_t I) {
  if (Args[I] != "-Xclang" || I + 1 >= Args.size())
    return 0;
  size_t Own = writingFlagAt(Args.slice(I + 1, 1), 0);
  if (!Own)
    return 0;
  bool Separate =
      llvm::is_contained(SeparateValue, llvm::StringRef(Args[I + 1]));
  bool HasValue = Separate && I + 3 < Args.size() && Args[I + 2] == "-Xclang";
  return HasValue ? 4 : 2;
}

static bool removedBy(llvm::ArrayRef<std::string> Patterns,
                      llvm::StringRef Arg) {
  return llvm::any_of(Patterns, [&](llvm::StringRef Pattern) {
    return Pattern.ends_with("*") ? Arg.starts_with(Pattern.drop_back())
                                  : Arg == Pattern;
  });
}

std::vector<std::string>
analysisArguments(llvm::ArrayRef<std::string> Arguments,
                  llvm::StringRef ResourceDir, const ArgumentEdits &Edits) {
  while (Arguments.size() > 1 && isCompilerLauncher(Arguments.front()))
    Arguments = Arguments.drop_front();
  std::vector<std::string> Result;
  bool HasResourceDir = false;
  for (size_t I = 0; I < Arguments.size(); ++I) {
    if (I > 0) {
      size_t Group = pluginGroupAt(Arguments, I);
      Group = Group ? Group : forwardedWritingFlagAt(Arguments, I);
      Group = Group ? Group : writingFlagAt(Arguments, I);
      if (Group) {
        I += Group - 1;
        continue;
      }
    }
    const std::string &Arg = Arguments[I];
    if (loadsPlugin(Arg) || (I > 0 && removedBy(Edits.Remove, Arg)))
      continue;
    HasResourceDir |= llvm::StringRef(Arg).starts_with("-resource-dir");
    Result.push_back(Arg);
  }
  if (Result.empty())
    return Result;
  Result.insert(Result.begin() + 1, Edits.Before.begin(), Edits.Before.end());
  llvm::append_range(Result, Edits.After);
  if (!HasResourceDir)
    Result.insert(Result.begin() + 1, ("-resource-dir=" + ResourceDir).str());
  return Result;
}

/// The language -x gives \p File (the last -x before it wins; one after it
/// applies to later inputs only), if any.
static std::optional<clang::driver::types::ID>
explicitLanguage(llvm::ArrayRef<std::string> Arguments, llvm::StringRef File) {
  std::optional<clang::driver::types::ID> Language;
  for (size_t I = 0; I < Arguments.size(); ++I) {
    llvm::StringRef Arg = Arguments[I], Name;
    if (I > 0 && path::filename(Arg) == path::filename(File))
      break;
    if (Arg == "-x" && I + 1 < Arguments.size())
      Name = Arguments[++I];
    else if (Arg.starts_with("-x") && Arg.size() > 2)
      Name = Arg.drop_front(2);
    else
      continue;
    // The driver's lookup takes a C string; Name may end inside a longer one.
    std::string Spelled = Name.str();
    clang::driver::types::ID Id =
        clang::driver::types::lookupTypeForTypeSpecifier(Spelled.c_str());
    Language = Name == "none" ? std::nullopt : std::optional(Id);
  }
  return Language;
}

/// Whether clang would find a CUDA installation for this command (the one
/// --cuda-path names, or the default one), or is told not to need one.
static bool hasCUDAInstallation(llvm::ArrayRef<std::string> Arguments) {
  llvm::SmallString<128> Root("/usr/local/cuda");
  for (llvm::StringRef Arg : Arguments) {
    if (Arg == "-nocudainc")
      return true;
    if (Arg.consume_front("--cuda-path="))
      Root = Arg;
  }
  llvm::sys::path::append(Root, "include", "cuda.h");
  return llvm::sys::fs::exists(Root);
}

std::string notCPlusPlus(llvm::ArrayRef<std::string> Arguments,
                         llvm::StringRef File) {
  namespace types = clang::driver::types;
  types::ID Language =
      explicitLanguage(Arguments, File).value_or(types::TY_INVALID);
  if (Language == types::TY_INVALID) {
    Language =
        types::lookupTypeForExtension(path::extension(File).drop_front());
    // Like clang's driver: a C++ driver compiles C files as C++.
    bool CXXDriver =
        !Arguments.empty() && path::filename(Arguments.front()).contains("++");
    if (CXXDriver && Language == types::TY_C)
      Language = types::TY_CXX;
    if (CXXDriver && Language == types::TY_CHeader)
      Language = types::TY_CXXHeader;
  }
  if (Language == types::TY_INVALID)
    return llvm::formatv("skipped: '{0}' is not a C++ source file",
                         path::filename(File));
  if (types::isCuda(Language) && !hasCUDAInstallation(Arguments))
    return "skipped: CUDA source, and no CUDA installation to parse it with";
  if (types::isCXX(Language))
    return "";
  return llvm::formatv("skipped: {0} source, which cannot hold C++ coroutines",
                       types::getTypeName(Language));
}

} // namespace corolint::scanner
