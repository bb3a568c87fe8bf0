//===--- Main.cpp - corolint, the standalone scanner ----------------------===//
//
// corolint -p <build-dir> [file or regex ...]: analyses the translation units
// of a compilation database in parallel worker processes and reports the
// corolint checks' findings as text, JSON, SARIF or HTML. See docs/scanner.md.
//
//===----------------------------------------------------------------------===//

#include "Baseline.h"
#include "Cache.h"
#include "CompileDatabase.h"
#include "Config.h"
#include "Fixes.h"
#include "Output.h"
#include "Progress.h"
#include "Protocol.h"
#include "Report.h"
#include "Scheduler.h"
#include "Worker.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/WithColor.h"
#include <chrono>
#include <set>
#include <thread>

using namespace corolint::scanner;
namespace cl = llvm::cl;

// The front end links the engine's objects; naming its anchor documents that
// the registration must be there (see lib/CorolintModule.cpp).
extern volatile int CorolintModuleAnchorSource;

namespace {

enum class Format { Text, JSON, SARIF, HTML };
enum class ColorMode { Auto, Always, Never };
enum class ProgressMode { Auto, Bar, Plain, None };

/// Exit codes (docs/scanner.md).
constexpr int ExitClean = 0, ExitFindings = 1, ExitError = 2;

cl::OptionCategory Category("corolint options");

cl::opt<std::string> BuildPath("p", cl::desc("Build directory holding compile_commands.json\n"
                                             "(or the database file itself). Default: .\n"),
                               cl::value_desc("build-dir"), cl::cat(Category));
cl::list<std::string> Selectors(cl::Positional,
                                cl::desc("[file, directory or regex ...]"),
                                cl::cat(Category));
cl::opt<unsigned> Jobs("j", cl::desc("Translation units analysed in parallel (default: all cores)"),
                       cl::value_desc("N"), cl::init(0), cl::Prefix, cl::cat(Category));
cl::opt<std::string> Checks("checks", cl::desc(R"(Check globs, as clang-tidy's --checks, applied
on top of .clang-tidy files. Default: coro-*)"),
                            cl::value_desc("globs"), cl::cat(Category));
cl::opt<std::string> Config("config", cl::desc(R"(Configuration in YAML or JSON, as clang-tidy's
--config; .clang-tidy files are then not read
unless it sets InheritParentConfig)"),
                            cl::value_desc("yaml"), cl::cat(Category));
cl::opt<std::string> ConfigFile("config-file", cl::desc("Read the configuration from this file, as clang-tidy's --config-file"),
                                cl::value_desc("path"), cl::cat(Category));
cl::opt<std::string> HeaderFilter("header-filter", cl::desc(R"(Report findings in headers matching this regex
(overrides HeaderFilterRegex). Default: headers
below the project root)"),
                                  cl::value_desc("regex"), cl::cat(Category));
cl::opt<std::string> ExcludeHeaderFilter("exclude-header-filter",
                                         cl::desc("Do not report findings in headers matching this regex"),
                                         cl::value_desc("regex"), cl::cat(Category));
cl::opt<bool> SystemHeaders("system-headers", cl::desc("Report findings in system headers too"),
                            cl::cat(Category));
cl::opt<std::string> WarningsAsErrors("warnings-as-errors",
                                      cl::desc("Checks whose findings are reported as errors"),
                                      cl::value_desc("globs"), cl::cat(Category));
cl::opt<std::string> ProjectRootFlag("project-root", cl::desc(R"(Folder that paths are reported relative to
(SARIF %SRCROOT%, baselines). Default: the folder
holding the sources and the build directory)"),
                                     cl::value_desc("dir"), cl::cat(Category));
cl::opt<Format> OutputFormat(
    "format", cl::desc("Report format"), cl::init(Format::Text),
    cl::values(clEnumValN(Format::Text, "text", "clang-style diagnostics (default)"),
               clEnumValN(Format::JSON, "json", "JSON, schema in docs/scanner.md"),
               clEnumValN(Format::SARIF, "sarif", "SARIF 2.1.0"),
               clEnumValN(Format::HTML, "html", "a static site in the --output folder")),
    cl::cat(Category));
cl::opt<std::string> OutputFile("output", cl::desc(R"(Write the report here instead of stdout
(for --format=html: the folder to write it to))"),
                                cl::value_desc("file"), cl::cat(Category));
cl::alias OutputFileShort("o", cl::desc("Alias for --output"), cl::aliasopt(OutputFile));
cl::opt<std::string> GuideURL("guide-url", cl::desc(R"(Prefix of the SARIF rules' helpUri; "#sN.M" is
appended. Default: docs/guide.md)"),
                              cl::value_desc("url"), cl::init("docs/guide.md"), cl::cat(Category));
cl::opt<std::string> ExportFixes("export-fixes", cl::desc(R"(Write fix-its as YAML for clang-apply-replacements
(the format of clang-tidy's --export-fixes))"),
                                 cl::value_desc("file"), cl::cat(Category));
cl::opt<bool> Fix("fix", cl::desc(R"(Apply the fix-its attached to findings (never those
on notes, which may change behaviour))"),
                  cl::cat(Category));
cl::opt<std::string> BaselineFile("baseline", cl::desc(R"(Report only findings not recorded in this baseline;
list baseline entries that no longer match)"),
                                  cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> WriteBaselineFile("write-baseline", cl::desc("Record the current findings as a baseline"),
                                       cl::value_desc("file"), cl::cat(Category));
cl::opt<unsigned> Timeout("timeout", cl::desc("Per-TU analysis time limit; 0 for none (default: 300)"),
                          cl::value_desc("seconds"), cl::init(300), cl::cat(Category));
cl::opt<bool> KeepGoing("keep-going", cl::desc(R"(Go on after a TU fails to analyse (default: true;
--keep-going=false stops at the first failure))"),
                        cl::init(true), cl::cat(Category));
cl::opt<std::string> CacheDir("cache-dir", cl::desc("Result cache folder (default: <build-dir>/.corolint-cache)"),
                              cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> NoCache("no-cache", cl::desc("Neither read nor write the result cache"), cl::cat(Category));
cl::opt<ProgressMode> ProgressFlag(
    "progress", cl::desc("Progress on stderr"), cl::init(ProgressMode::Auto),
    cl::values(clEnumValN(ProgressMode::Auto, "auto", "bar on a terminal, else plain (default)"),
               clEnumValN(ProgressMode::Bar, "bar", "a redrawn progress bar"),
               clEnumValN(ProgressMode::Plain, "plain", "a line every --progress-interval"),
               clEnumValN(ProgressMode::None, "none", "no progress")),
    cl::cat(Category));
cl::opt<double> ProgressInterval("progress-interval",
                                 cl::desc("Seconds between plain progress lines (default: 10)"),
                                 cl::value_desc("seconds"), cl::init(10), cl::cat(Category));
cl::opt<bool> SkipBodies("skip-bodies", cl::desc(R"(Parse without the bodies of non-template functions
in headers where nothing is reported (system headers,
headers outside the project root); findings are the
same, see docs/scanner.md (default: true))"),
                         cl::init(true), cl::cat(Category));
cl::opt<std::string> SkipBodiesIn("skip-bodies-in", cl::desc(R"(Skip bodies only in those of these headers whose
path matches this regex (default: .*))"),
                                  cl::value_desc("regex"), cl::init(".*"), cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("No progress and no summary"), cl::cat(Category));
cl::opt<bool> ListChecks("list-checks", cl::desc("List the enabled checks and exit"), cl::cat(Category));

/// --color is also one of LLVM's own options; the scanner replaces it (see
/// main) with the auto/always/never form other tools use.
cl::opt<ColorMode> &colorOption() {
  static cl::opt<ColorMode> Color(
      "color", cl::desc("Colour the text report"), cl::init(ColorMode::Auto),
      cl::values(clEnumValN(ColorMode::Auto, "auto", "when writing to a terminal (default)"),
                 clEnumValN(ColorMode::Always, "always", "always"),
                 clEnumValN(ColorMode::Never, "never", "never")),
      cl::cat(Category));
  return Color;
}

int fail(const llvm::Twine &Message) {
  llvm::WithColor::error(llvm::errs(), "corolint") << Message << "\n";
  return ExitError;
}

void printVersion(llvm::raw_ostream &OS) {
  OS << "corolint version " << COROLINT_VERSION << " (clang-tidy engine from LLVM "
     << COROLINT_LLVM_VERSION << ")\n";
}

template <typename T> std::optional<T> given(const cl::opt<T> &Opt) {
  if (Opt.getNumOccurrences() == 0)
    return std::nullopt;
  return Opt.getValue();
}

ConfigRequest configRequest(std::string ProjectRoot) {
  ConfigRequest R;
  R.Checks = given(Checks);
  R.WarningsAsErrors = given(WarningsAsErrors);
  R.HeaderFilter = given(HeaderFilter);
  R.ExcludeHeaderFilter = given(ExcludeHeaderFilter);
  R.SystemHeaders = given(SystemHeaders);
  R.Config = given(Config);
  R.ConfigFile = given(ConfigFile);
  R.ProjectRoot = std::move(ProjectRoot);
  return R;
}

std::string currentDirectory() {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  return std::string(Cwd);
}

/// Absolute and, when it exists, free of symlinks like every path the
/// workers report.
std::string absolute(llvm::StringRef Path) {
  llvm::SmallString<256> Result(Path);
  llvm::sys::fs::make_absolute(Result);
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Result, Real))
    return std::string(Real);
  llvm::sys::path::remove_dots(Result, true);
  return std::string(Result);
}

int listChecks() {
  std::string Cwd = currentDirectory();
  auto Resolver = ConfigResolver::create(configRequest(Cwd));
  if (!Resolver)
    return fail(llvm::toString(Resolver.takeError()));
  llvm::SmallString<256> Probe(Cwd);
  llvm::sys::path::append(Probe, "corolint-probe.cpp");
  llvm::Expected<std::string> Config = (*Resolver)->configFor(Probe);
  if (!Config)
    return fail(llvm::toString(Config.takeError()));
  const std::vector<std::string> &Enabled = (*Resolver)->enabledChecks(*Config);
  if (Enabled.empty())
    return fail("no checks enabled");
  llvm::outs() << "Enabled checks:";
  for (const std::string &Check : Enabled)
    llvm::outs() << "\n    " << Check;
  llvm::outs() << "\n\n";
  return ExitClean;
}

ProgressStyle progressStyle() {
  if (Quiet)
    return ProgressStyle::None;
  switch (ProgressFlag) {
  case ProgressMode::Bar:
    return ProgressStyle::Bar;
  case ProgressMode::Plain:
    return ProgressStyle::Plain;
  case ProgressMode::None:
    return ProgressStyle::None;
  case ProgressMode::Auto:
    break;
  }
  return llvm::sys::Process::StandardErrIsDisplayed() ? ProgressStyle::Bar
                                                      : ProgressStyle::Plain;
}

unsigned parallelism() {
  if (Jobs)
    return Jobs;
  return std::max(1u, std::thread::hardware_concurrency());
}

/// A TU the scan prepared: its job, or the reason it cannot run.
struct Prepared {
  Job Work;
  std::string Problem;
};

/// Everything one scan needs and produces, in the order main runs it.
class Scan {
public:
  Scan(CompileDatabase DB, std::vector<size_t> Selected, std::string Root,
       std::string Executable)
      : DB(std::move(DB)), Selected(std::move(Selected)),
        Root(std::move(Root)), Executable(std::move(Executable)) {}

  /// Resolves each TU's configuration; any broken configuration file stops
  /// the scan before it starts.
  llvm::Error prepare() {
    auto Resolver = ConfigResolver::create(configRequest(Root));
    if (!Resolver)
      return Resolver.takeError();
    std::set<std::string> Checks;
    for (size_t Index : Selected) {
      const CompileEntry &Entry = DB.Entries[Index];
      Prepared P;
      P.Work.File = Entry.File;
      P.Work.Directory = Entry.Directory;
      P.Work.Arguments = analysisArguments(Entry.Arguments, COROLINT_RESOURCE_DIR);
      P.Work.SkipBodies = SkipBodies;
      P.Work.SkipBodiesIn = SkipBodiesIn;
      if (!llvm::sys::fs::exists(Entry.File))
        P.Problem = llvm::formatv("source file not found ({0}, entry {1})",
                                  DB.Path, Entry.Index);
      else if (!llvm::sys::fs::is_directory(Entry.Directory))
        P.Problem = llvm::formatv("directory '{0}' not found ({1}, entry {2})",
                                  Entry.Directory, DB.Path, Entry.Index);
      llvm::Expected<std::string> Config = (*Resolver)->configFor(Entry.File);
      if (!Config)
        return Config.takeError();
      P.Work.Config = std::move(*Config);
      for (const std::string &Check : (*Resolver)->enabledChecks(P.Work.Config))
        Checks.insert(Check);
      Work.push_back(std::move(P));
    }
    if (Checks.empty())
      return llvm::createStringError(
          "no checks enabled; see --checks and the Checks of .clang-tidy");
    Report.EnabledChecks.assign(Checks.begin(), Checks.end());
    return llvm::Error::success();
  }

  void useCache(std::string Folder) {
    Cache.emplace(std::move(Folder), toolIdentity(Executable));
  }

  llvm::Error run(ProgressStyle Style) {
    auto Start = std::chrono::steady_clock::now();
    Progress Bar(llvm::errs(), Style, Work.size(), ProgressInterval);
    std::vector<std::string> Keys(Work.size());
    bool Stop = false;
    auto Finish = [&](size_t Id, TUResult Result) {
      if (Result.FromCache)
        ++Report.FromCache;
      else if (Cache && !Result.failed())
        if (std::optional<std::string> Warning = Cache->store(Keys[Id], Result))
          llvm::WithColor::warning(llvm::errs(), "corolint") << *Warning << "\n";
      Stop |= Result.failed() && !KeepGoing;
      Bar.finished(Result.failed(), Result.FromCache);
      Builder.add(std::move(Result));
    };

    // Replay what the cache has; queue the rest.
    std::vector<size_t> Queue;
    std::vector<double> Cost(Work.size(), -1); // Seconds last time; -1: new.
    for (size_t Id = 0; Id < Work.size(); ++Id) {
      const Prepared &P = Work[Id];
      if (!P.Problem.empty()) {
        Finish(Id, notAnalysed(P, P.Problem));
        continue;
      }
      if (Cache) {
        Keys[Id] = Cache->keyFor(P.Work);
        CacheLookup Found = Cache->lookup(Keys[Id]);
        if (Found.Hit) {
          Finish(Id, std::move(*Found.Hit));
          continue;
        }
        Cost[Id] = Found.PreviousSeconds.value_or(-1);
      }
      Queue.push_back(Id);
    }
    // Longest first, so that a slow TU does not start last and leave the
    // other workers idle; TUs never analysed before go first, in order.
    llvm::sort(Queue, [&](size_t A, size_t B) {
      bool NewA = Cost[A] < 0, NewB = Cost[B] < 0;
      if (NewA != NewB)
        return NewA;
      if (Cost[A] != Cost[B])
        return Cost[A] > Cost[B];
      return A < B;
    });

    size_t Queued = 0;
    auto Next = [&]() -> std::optional<ScheduledJob> {
      while (Queued < Queue.size()) {
        size_t Id = Queue[Queued++];
        if (!Stop)
          return ScheduledJob{Id, Work[Id].Work};
        Finish(Id, notAnalysed(Work[Id], "skipped: an earlier translation "
                                         "unit failed (--keep-going=false)"));
      }
      return std::nullopt;
    };
    SchedulerOptions Options{Executable, parallelism(), Timeout};
    llvm::Error E = runJobs(Options, Next, Finish,
                            [&](llvm::ArrayRef<std::string> Running) {
                              Bar.tick(Running);
                            });
    Bar.done();
    Report.TranslationUnits = Work.size();
    Report.ProjectRoot = Root;
    Builder.finish(Report);
    Report.Seconds = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - Start)
                         .count();
    return E;
  }

  ScanReport Report;

private:
  static TUResult notAnalysed(const Prepared &P, std::string Why) {
    TUResult Result;
    Result.File = P.Work.File;
    Result.Status = TUStatus::NotAnalysed;
    Result.Detail = std::move(Why);
    return Result;
  }

  CompileDatabase DB;
  std::vector<size_t> Selected;
  std::string Root;
  std::string Executable;
  std::vector<Prepared> Work;
  std::optional<ResultCache> Cache;
  ReportBuilder Builder;
};

/// Where the report goes: --output, or stdout. The HTML report is a folder,
/// checked here so that a bad --output fails before the scan.
class ReportStream {
public:
  llvm::Error open() {
    if (OutputFormat == Format::HTML) {
      if (OutputFile.empty())
        return llvm::createStringError(
            "--format=html needs --output=<folder> to write the report to");
      return prepareHTMLFolder(OutputFile);
    }
    if (OutputFile.empty())
      return llvm::Error::success();
    std::error_code EC;
    File.emplace(OutputFile, EC, llvm::sys::fs::OF_Text);
    if (EC)
      return llvm::createStringError(llvm::formatv(
          "cannot write the report to '{0}': {1}", OutputFile, EC.message()).str());
    return llvm::Error::success();
  }
  llvm::raw_ostream &stream() {
    return File ? static_cast<llvm::raw_ostream &>(*File) : llvm::outs();
  }

private:
  std::optional<llvm::raw_fd_ostream> File;
};

/// Writes the report in --format; returns false on an error.
bool writeReport(llvm::raw_ostream &OS, const ScanReport &Report) {
  switch (OutputFormat) {
  case Format::Text: {
    bool Colors = colorOption() == ColorMode::Always ||
                  (colorOption() == ColorMode::Auto && OS.has_colors());
    OS.enable_colors(Colors);
    writeText(OS, Report);
    break;
  }
  case Format::JSON:
    writeJSON(OS, Report);
    break;
  case Format::SARIF:
    writeSARIF(OS, Report);
    break;
  case Format::HTML:
    if (llvm::Error E = writeHTML(OutputFile, Report)) {
      fail(llvm::toString(std::move(E)));
      return false;
    }
    break;
  }
  OS.flush();
  return true;
}

/// Applies --write-baseline and --baseline; returns false on an error.
bool handleBaseline(ScanReport &Report) {
  if (!WriteBaselineFile.empty())
    if (llvm::Error E = writeBaseline(WriteBaselineFile, Report.Findings,
                                      Report.ProjectRoot)) {
      fail(llvm::toString(std::move(E)));
      return false;
    }
  if (BaselineFile.empty())
    return true;
  llvm::Expected<std::vector<BaselineEntry>> Entries = readBaseline(BaselineFile);
  if (!Entries) {
    fail(llvm::toString(Entries.takeError()));
    return false;
  }
  size_t Before = Report.Findings.size();
  std::vector<BaselineEntry> Stale =
      applyBaseline(Report.Findings, *Entries, Report.ProjectRoot);
  Report.SuppressedByBaseline = Before - Report.Findings.size();
  if (!Stale.empty() && !Quiet) {
    llvm::errs() << llvm::formatv(
        "corolint: {0} baseline entr{1} no longer match{2} any finding:\n",
        Stale.size(), Stale.size() == 1 ? "y" : "ies",
        Stale.size() == 1 ? "es" : "");
    for (const BaselineEntry &E : Stale)
      llvm::errs() << "  " << E.Path << ": " << E.Check << " in "
                   << (E.Function.empty() ? "<file scope>" : E.Function)
                   << ": " << E.Message << "\n";
  }
  return true;
}

/// Applies --export-fixes and --fix; returns false on an error.
bool handleFixes(const ScanReport &Report) {
  if (!ExportFixes.empty())
    if (llvm::Error E = exportFixes(ExportFixes, Report.Findings)) {
      fail(llvm::toString(std::move(E)));
      return false;
    }
  if (!Fix)
    return true;
  if (!Report.Failures.empty()) {
    // Like clang-tidy: edits computed from a TU that did not compile (or
    // whose findings are incomplete) are not trusted.
    llvm::WithColor::warning(llvm::errs(), "corolint")
        << "translation units failed to analyse; fix-its have NOT been "
           "applied\n";
    return true;
  }
  llvm::Expected<FixSummary> Applied = applyFixes(Report.Findings);
  if (!Applied) {
    fail(llvm::toString(Applied.takeError()));
    return false;
  }
  if (!Quiet)
    llvm::errs() << llvm::formatv(
        "corolint: applied the fix-its of {0} finding(s) in {1} file(s){2}\n",
        Applied->Applied, Applied->Files,
        Applied->Conflicting
            ? llvm::formatv("; {0} skipped: their edits overlap others",
                            Applied->Conflicting).str()
            : std::string());
  return true;
}

std::string defaultBuildPath() { return BuildPath.empty() ? "." : BuildPath.getValue(); }

int scanMain(int argc, char **argv) {
  llvm::Expected<CompileDatabase> DB = loadCompileDatabase(defaultBuildPath());
  if (!DB)
    return fail(llvm::toString(DB.takeError()));
  llvm::Expected<std::vector<size_t>> Selected = selectEntries(*DB, Selectors);
  if (!Selected)
    return fail(llvm::toString(Selected.takeError()));
  if (Selected->empty())
    return fail(DB->Path + (DB->NonCxxEntries
                                ? llvm::formatv(": no C++ compile commands ({0} "
                                                "C or other entries skipped)",
                                                DB->NonCxxEntries).str()
                                : std::string(": no compile commands")));
  if (std::string Why; !llvm::Regex(SkipBodiesIn).isValid(Why))
    return fail("invalid --skip-bodies-in regex '" + SkipBodiesIn + "': " + Why);
  std::string Root = ProjectRootFlag.empty() ? projectRoot(*DB)
                                             : absolute(ProjectRootFlag);
  ReportStream Output;
  if (llvm::Error E = Output.open())
    return fail(llvm::toString(std::move(E)));

  std::string Executable = llvm::sys::fs::getMainExecutable(
      argv[0], reinterpret_cast<void *>(&printVersion));
  std::string CacheFolder;
  if (!NoCache) {
    llvm::SmallString<256> Folder(CacheDir.empty() ? llvm::StringRef(DB->Folder)
                                                   : llvm::StringRef(CacheDir));
    if (CacheDir.empty())
      llvm::sys::path::append(Folder, ".corolint-cache");
    CacheFolder = absolute(Folder);
  }
  Scan S(std::move(*DB), std::move(*Selected), Root, Executable);
  if (llvm::Error E = S.prepare())
    return fail(llvm::toString(std::move(E)));
  if (!CacheFolder.empty())
    S.useCache(CacheFolder);
  if (llvm::Error E = S.run(progressStyle()))
    return fail(llvm::toString(std::move(E)));

  ScanReport &Report = S.Report;
  Report.GuideURL = GuideURL;
  Report.CommandLine.assign(argv, argv + argc);
  bool Ok = handleBaseline(Report);
  Report.Fingerprints = fingerprints(Report.Findings, Report.ProjectRoot);
  Ok &= writeReport(Output.stream(), Report);
  Ok &= handleFixes(Report);
  if (!Quiet)
    writeSummary(llvm::errs(), Report);
  if (!Ok || !Report.Failures.empty())
    return ExitError;
  return Report.Findings.empty() ? ExitClean : ExitFindings;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM X(argc, argv);
  if (argc >= 2 && llvm::StringRef(argv[1]) == WorkerFlag)
    return runWorker();
  (void)CorolintModuleAnchorSource;

  if (cl::Option *LLVMColor = cl::getRegisteredOptions().lookup("color"))
    LLVMColor->removeArgument();
  colorOption();
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter(printVersion);
  if (!cl::ParseCommandLineOptions(
          argc, argv,
          "corolint: finds concurrency pitfalls in C++20 coroutine code.\n\n"
          "  corolint -p <build-dir> [file, directory or regex ...]\n\n"
          "Analyses the translation units of compile_commands.json in parallel.\n"
          "Exit status: 0 no findings, 1 findings, 2 usage, configuration or\n"
          "input error, or a translation unit that failed to analyse.\n",
          &llvm::errs()))
    return ExitError;
  if (ListChecks)
    return listChecks();
  return scanMain(argc, argv);
}
