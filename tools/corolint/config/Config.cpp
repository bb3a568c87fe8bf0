//===--- Config.cpp - the effective clang-tidy configuration of each TU ---===//

#include "Config.h"
#include "ClangTidy.h"
#include "ClangTidyModule.h"
#include "ClangTidyOptions.h"
#include "EffectiveConfig.h"
#include "FileIO.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace corolint::scanner {

using clang::tidy::ClangTidyOptions;
namespace path = llvm::sys::path;

namespace {

constexpr llvm::StringLiteral DefaultChecks = "-*,coro-*";
/// Appended to every configuration: the scanner reports corolint's findings,
/// not compiler warnings, and does not run the static analyzer (a project's
/// `Checks: '*'` would otherwise make every scan an analyzer run). Compile
/// errors are reported whatever the checks say.
constexpr llvm::StringLiteral ForcedChecks =
    ",-clang-analyzer-*,-clang-diagnostic-*";
/// Lines after the YAML keep the precedence of each check option, which
/// decides between a check-local and a global option of the same name.
constexpr llvm::StringLiteral PriorityComment = "# corolint-priority ";

std::string defaultHeaderFilter(llvm::StringRef ProjectRoot) {
  // Relative names are spelled relative to the build directory, which is
  // part of the project; absolute ones must lie below its root (which may be
  // "/" itself).
  std::string Folder = ProjectRoot.ends_with("/") ? ProjectRoot.str()
                                                  : (ProjectRoot + "/").str();
  return "^(" + llvm::Regex::escape(Folder) + "|[^/])";
}

llvm::Error checkRegex(llvm::StringRef Flag,
                       const std::optional<std::string> &R) {
  std::string Why;
  if (R && !llvm::Regex(*R).isValid(Why))
    return llvm::createStringError(
        llvm::formatv("invalid {0} '{1}': {2}", Flag, *R, Why).str());
  return llvm::Error::success();
}

/// clang-tidy's FileOptionsProvider with custom handlers. That constructor
/// leaves the file system unset (and the first lookup dereferences it), so
/// this sets the real one.
class HandlerFileOptionsProvider : public clang::tidy::FileOptionsProvider {
public:
  HandlerFileOptionsProvider(ClangTidyOptions Defaults,
                             ClangTidyOptions Overrides,
                             ConfigFileHandlers Handlers)
      : FileOptionsProvider(clang::tidy::ClangTidyGlobalOptions(),
                            std::move(Defaults), std::move(Overrides),
                            std::move(Handlers)) {
    FS = llvm::vfs::getRealFileSystem();
  }
};

} // namespace

struct ConfigResolver::Impl {
  std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Provider;
  /// Configuration files that failed to parse: path -> why.
  std::shared_ptr<llvm::StringMap<std::string>> BrokenFiles =
      std::make_shared<llvm::StringMap<std::string>>();
  /// Folders whose `.clang-tidy` was checked to be readable: folder -> error.
  llvm::StringMap<std::string> CheckedFolders;
  llvm::StringMap<std::vector<std::string>> EnabledByConfig;

  std::string readabilityError(llvm::StringRef Folder);
};

ConfigResolver::ConfigResolver(std::unique_ptr<Impl> I) : I(std::move(I)) {}
ConfigResolver::~ConfigResolver() = default;

/// clang-tidy skips a `.clang-tidy` it cannot read and quietly uses the
/// parent's; the scanner reports it. Walks up until the first readable one.
std::string ConfigResolver::Impl::readabilityError(llvm::StringRef Folder) {
  for (llvm::StringRef Dir = Folder; !Dir.empty();
       Dir = path::parent_path(Dir)) {
    auto [It, Inserted] = CheckedFolders.try_emplace(Dir);
    if (!Inserted)
      return It->second;
    llvm::SmallString<256> File(Dir);
    path::append(File, ".clang-tidy");
    llvm::sys::fs::file_status Status;
    if (llvm::sys::fs::status(File, Status, /*Follow=*/false))
      continue; // No configuration here.
    std::string Why;
    if (llvm::sys::fs::is_symlink_file(Status) && !llvm::sys::fs::exists(File))
      Why = "'" + File.str().str() + "': dangling symbolic link";
    else if (auto Buffer = readInputFile(File); !Buffer)
      Why = llvm::toString(Buffer.takeError());
    if (!Why.empty())
      Why = llvm::formatv("cannot read configuration file {0}", Why);
    CheckedFolders[Dir] = Why;
    return Why; // The nearest configuration decides, readable or not.
  }
  return "";
}

static ClangTidyOptions defaultOptions(const ConfigRequest &R) {
  ClangTidyOptions Defaults;
  Defaults.Checks = DefaultChecks.str();
  Defaults.WarningsAsErrors = "";
  Defaults.HeaderFilterRegex = defaultHeaderFilter(R.ProjectRoot);
  Defaults.SystemHeaders = false;
  Defaults.FormatStyle = "none";
  Defaults.User = llvm::sys::Process::GetEnv("USER");
  return Defaults;
}

static ClangTidyOptions overrideOptions(const ConfigRequest &R) {
  ClangTidyOptions Overrides;
  Overrides.Checks = R.Checks;
  Overrides.WarningsAsErrors = R.WarningsAsErrors;
  Overrides.HeaderFilterRegex = R.HeaderFilter;
  Overrides.ExcludeHeaderFilterRegex = R.ExcludeHeaderFilter;
  Overrides.SystemHeaders = R.SystemHeaders;
  return Overrides;
}

llvm::Expected<std::unique_ptr<ConfigResolver>>
ConfigResolver::create(const ConfigRequest &R) {
  if (llvm::Error E = checkRegex("--header-filter", R.HeaderFilter))
    return std::move(E);
  if (llvm::Error E =
          checkRegex("--exclude-header-filter", R.ExcludeHeaderFilter))
    return std::move(E);
  if (R.Config && R.ConfigFile)
    return llvm::createStringError("--config and --config-file are mutually "
                                   "exclusive; give only one");
  auto I = std::make_unique<Impl>();
  if (R.Config || R.ConfigFile) {
    std::string Text, Source;
    if (R.ConfigFile) {
      auto Buffer = readInputFile(*R.ConfigFile);
      if (!Buffer)
        return llvm::createStringError(
            llvm::formatv("cannot read configuration file {0}",
                          llvm::toString(Buffer.takeError()))
                .str());
      Text = (*Buffer)->getBuffer().str();
      Source = *R.ConfigFile;
    } else {
      Text = *R.Config;
      Source = "--config";
    }
    std::string Diagnostics;
    llvm::ErrorOr<ClangTidyOptions> Parsed =
        clang::tidy::parseConfigurationWithDiags(
            llvm::MemoryBufferRef(Text, Source),
            [&](const llvm::SMDiagnostic &D) {
              Diagnostics += D.getMessage();
            });
    if (!Parsed)
      return llvm::createStringError(
          llvm::formatv("invalid configuration in {0}: {1}", Source,
                        Diagnostics.empty() ? Parsed.getError().message()
                                            : Diagnostics)
              .str());
    I->Provider = std::make_unique<clang::tidy::ConfigOptionsProvider>(
        clang::tidy::ClangTidyGlobalOptions(),
        ClangTidyOptions::getDefaults().merge(defaultOptions(R), 0),
        std::move(*Parsed), overrideOptions(R), llvm::vfs::getRealFileSystem());
  } else {
    // clang-tidy's own reader, except that a file that does not parse is
    // remembered (and reported by configFor) instead of printed and skipped.
    auto Broken = I->BrokenFiles;
    auto ParseRemembering =
        [Broken](
            llvm::MemoryBufferRef Buffer) -> llvm::ErrorOr<ClangTidyOptions> {
      std::string Diagnostics;
      llvm::ErrorOr<ClangTidyOptions> Parsed =
          clang::tidy::parseConfigurationWithDiags(
              Buffer, [&](const llvm::SMDiagnostic &D) {
                Diagnostics +=
                    llvm::formatv("{0}:{1}: {2}", D.getLineNo(),
                                  D.getColumnNo() + 1, D.getMessage());
              });
      if (Parsed)
        return Parsed;
      (*Broken)[Buffer.getBufferIdentifier()] =
          Diagnostics.empty() ? Parsed.getError().message() : Diagnostics;
      return ClangTidyOptions();
    };
    std::vector<std::pair<
        std::string,
        std::function<llvm::ErrorOr<ClangTidyOptions>(llvm::MemoryBufferRef)>>>
        Handlers;
    Handlers.emplace_back(".clang-tidy", ParseRemembering);
    I->Provider = std::make_unique<HandlerFileOptionsProvider>(
        defaultOptions(R), overrideOptions(R), std::move(Handlers));
  }
  return std::unique_ptr<ConfigResolver>(new ConfigResolver(std::move(I)));
}

llvm::Expected<std::string> ConfigResolver::configFor(llvm::StringRef File) {
  std::string Unreadable = I->readabilityError(path::parent_path(File));
  if (!Unreadable.empty())
    return llvm::createStringError(Unreadable);
  ClangTidyOptions Options = I->Provider->getOptions(File);
  if (!I->BrokenFiles->empty()) {
    std::string Message;
    for (const auto &Broken : *I->BrokenFiles)
      Message += llvm::formatv("{0}malformed configuration file '{1}': {2}",
                               Message.empty() ? "" : "\n", Broken.getKey(),
                               Broken.getValue());
    return llvm::createStringError(Message);
  }
  Options.Checks = Options.Checks.value_or("") + ForcedChecks.str();
  std::string Text = clang::tidy::configurationAsText(Options);
  std::vector<std::pair<std::string, unsigned>> Priorities;
  for (const auto &Option : Options.CheckOptions)
    Priorities.emplace_back(Option.getKey().str(), Option.getValue().Priority);
  llvm::sort(Priorities);
  for (const auto &[Key, Priority] : Priorities)
    Text += llvm::formatv("{0}{1}={2}\n", PriorityComment, Key, Priority);
  return Text;
}

llvm::ErrorOr<ClangTidyOptions> parseEffectiveConfig(llvm::StringRef Text) {
  llvm::ErrorOr<ClangTidyOptions> Options = clang::tidy::parseConfiguration(
      llvm::MemoryBufferRef(Text, "<corolint configuration>"));
  if (!Options)
    return Options;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    if (!Line.consume_front(PriorityComment))
      continue;
    auto [Key, Value] = Line.rsplit('=');
    unsigned Priority = 0;
    auto It = Options->CheckOptions.find(Key);
    if (It != Options->CheckOptions.end() && !Value.getAsInteger(10, Priority))
      It->second.Priority = Priority;
  }
  return Options;
}

const std::vector<std::string> &
ConfigResolver::enabledChecks(llvm::StringRef Config) {
  auto [It, Inserted] = I->EnabledByConfig.try_emplace(Config);
  if (!Inserted)
    return It->second;
  llvm::ErrorOr<ClangTidyOptions> Options = parseEffectiveConfig(Config);
  if (!Options)
    return It->second;
  std::vector<std::string> Registered = registeredChecks();
  llvm::StringSet<> Known;
  for (const std::string &Name : Registered)
    Known.insert(Name);
  for (std::string &Name : clang::tidy::getCheckNames(
           ClangTidyOptions::getDefaults().merge(*Options, 0),
           /*AllowEnablingAnalyzerAlphaCheckers=*/false,
           /*ExperimentalCustomChecks=*/false))
    if (Known.contains(Name))
      It->second.push_back(std::move(Name));
  return It->second;
}

std::vector<std::string> registeredChecks() {
  clang::tidy::ClangTidyCheckFactories Factories;
  for (const auto &Module : clang::tidy::ClangTidyModuleRegistry::entries())
    Module.instantiate()->addCheckFactories(Factories);
  std::vector<std::string> Names;
  for (const auto &Factory : Factories)
    Names.push_back(Factory.getKey().str());
  llvm::sort(Names);
  return Names;
}

} // namespace corolint::scanner
