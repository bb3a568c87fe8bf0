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
#include "FileIO.h"
#include "Fixes.h"
#include "Output.h"
#include "Progress.h"
#include "Protocol.h"
#include "Report.h"
#include "ScanMetadata.h"
#include "Scheduler.h"
#include "WholeProgram.h"
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
#include <csignal>
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

cl::opt<std::string>
    BuildPath("p",
              cl::desc("Build directory holding compile_commands.json\n"
                       "(or the database file itself). Default: .\n"),
              cl::value_desc("build-dir"), cl::cat(Category));
cl::list<std::string> Selectors(cl::Positional,
                                cl::desc("[file, directory or regex ...]"),
                                cl::cat(Category));
cl::opt<unsigned> Jobs(
    "j",
    cl::desc("Translation units analysed in parallel (default: all cores)"),
    cl::value_desc("N"), cl::init(0), cl::Prefix, cl::cat(Category));
cl::opt<std::string>
    Checks("checks", cl::desc(R"(Check globs, as clang-tidy's --checks, applied
on top of .clang-tidy files. Default: coro-*)"),
           cl::value_desc("globs"), cl::cat(Category));
cl::opt<std::string>
    Config("config", cl::desc(R"(Configuration in YAML or JSON, as clang-tidy's
--config; .clang-tidy files are then not read
unless it sets InheritParentConfig)"),
           cl::value_desc("yaml"), cl::cat(Category));
cl::opt<std::string> ConfigFile(
    "config-file",
    cl::desc(
        "Read the configuration from this file, as clang-tidy's --config-file"),
    cl::value_desc("path"), cl::cat(Category));
cl::opt<std::string>
    HeaderFilter("header-filter",
                 cl::desc(R"(Report findings in headers matching this regex
(overrides HeaderFilterRegex). Default: headers
below the project root)"),
                 cl::value_desc("regex"), cl::cat(Category));
cl::opt<std::string> ExcludeHeaderFilter(
    "exclude-header-filter",
    cl::desc("Do not report findings in headers matching this regex"),
    cl::value_desc("regex"), cl::cat(Category));
cl::opt<bool> SystemHeaders("system-headers",
                            cl::desc("Report findings in system headers too"),
                            cl::cat(Category));
cl::opt<std::string>
    WarningsAsErrors("warnings-as-errors",
                     cl::desc("Checks whose findings are reported as errors"),
                     cl::value_desc("globs"), cl::cat(Category));
cl::opt<std::string>
    ProjectRootFlag("project-root",
                    cl::desc(R"(Folder that paths are reported relative to
(SARIF %SRCROOT%, baselines). Default: the folder
holding the sources and the build directory)"),
                    cl::value_desc("dir"), cl::cat(Category));
cl::opt<Format>
    OutputFormat("format", cl::desc("Report format"), cl::init(Format::Text),
                 cl::values(clEnumValN(Format::Text, "text",
                                       "clang-style diagnostics (default)"),
                            clEnumValN(Format::JSON, "json",
                                       "JSON, schema in docs/scanner.md"),
                            clEnumValN(Format::SARIF, "sarif", "SARIF 2.1.0"),
                            clEnumValN(Format::HTML, "html",
                                       "a static site in the --output folder")),
                 cl::cat(Category));
cl::opt<std::string>
    OutputFile("output", cl::desc(R"(Write the report here instead of stdout
(for --format=html: the folder to write it to))"),
               cl::value_desc("file"), cl::cat(Category));
// Aliases are hidden by default, and --help shows only the category.
cl::alias OutputFileShort("o", cl::desc("Alias for --output"),
                          cl::aliasopt(OutputFile), cl::NotHidden,
                          cl::cat(Category));
cl::opt<std::string> GuideURL(
    "guide-url", cl::desc(R"(URL of the guide that SARIF rules' help links,
"#sN.M" appended (helpUri too, when it is an
absolute URI). Default: docs/guide.md)"),
    cl::value_desc("url"), cl::init("docs/guide.md"), cl::cat(Category));
cl::opt<std::string>
    ExportFixes("export-fixes",
                cl::desc(R"(Write fix-its as YAML for clang-apply-replacements
(the format of clang-tidy's --export-fixes))"),
                cl::value_desc("file"), cl::cat(Category));
cl::opt<bool>
    Fix("fix", cl::desc(R"(Apply the fix-its attached to findings (never those
on notes, which may change behaviour))"),
        cl::cat(Category));
cl::opt<std::string>
    BaselineFile("baseline",
                 cl::desc(R"(Report only findings not recorded in this baseline;
list baseline entries that no longer match)"),
                 cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string>
    WriteBaselineFile("write-baseline",
                      cl::desc("Record the current findings as a baseline"),
                      cl::value_desc("file"), cl::cat(Category));
cl::opt<unsigned>
    Timeout("timeout",
            cl::desc("Per-TU analysis time limit; 0 for none (default: 300)"),
            cl::value_desc("seconds"), cl::init(300), cl::cat(Category));
cl::opt<bool>
    KeepGoing("keep-going",
              cl::desc(R"(Go on after a TU fails to analyse (default: true;
--keep-going=false stops at the first failure))"),
              cl::init(true), cl::cat(Category));
cl::opt<std::string> CacheDir(
    "cache-dir",
    cl::desc("Result cache folder (default: <build-dir>/.corolint-cache)"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> NoCache("no-cache",
                      cl::desc("Neither read nor write the result cache"),
                      cl::cat(Category));
cl::opt<ProgressMode> ProgressFlag(
    "progress", cl::desc("Progress on stderr"), cl::init(ProgressMode::Auto),
    cl::values(clEnumValN(ProgressMode::Auto, "auto",
                          "bar on a terminal, else plain (default)"),
               clEnumValN(ProgressMode::Bar, "bar", "a redrawn progress bar"),
               clEnumValN(ProgressMode::Plain, "plain",
                          "a line every --progress-interval"),
               clEnumValN(ProgressMode::None, "none", "no progress")),
    cl::cat(Category));
cl::opt<double> ProgressInterval(
    "progress-interval",
    cl::desc("Seconds between plain progress lines (default: 10)"),
    cl::value_desc("seconds"), cl::init(10), cl::cat(Category));
cl::opt<bool>
    SkipBodies("skip-bodies",
               cl::desc(R"(Parse without the bodies of non-template functions
in headers where nothing is reported (system headers,
headers outside the project root); findings are the
same, see docs/scanner.md (default: true))"),
               cl::init(true), cl::cat(Category));
cl::opt<std::string>
    SkipBodiesIn("skip-bodies-in",
                 cl::desc(R"(Skip bodies only in those of these headers whose
path matches this regex (default: .*))"),
                 cl::value_desc("regex"), cl::init(".*"), cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("No progress and no summary"),
                    cl::cat(Category));
cl::list<std::string>
    ExtraArgs("extra-arg",
              cl::desc(R"(Append this argument to every compile command
(as clang-tidy's --extra-arg); repeatable)"),
              cl::value_desc("arg"), cl::cat(Category));
cl::list<std::string>
    ExtraArgsBefore("extra-arg-before",
                    cl::desc(R"(Insert this argument right after the compiler
in every compile command; repeatable)"),
                    cl::value_desc("arg"), cl::cat(Category));
cl::list<std::string>
    RemoveArgs("remove-arg",
               cl::desc(R"(Drop this argument from every compile command; a
trailing '*' drops every argument it prefixes
(-W*), as clangd's CompileFlags: Remove; repeatable)"),
               cl::value_desc("arg"), cl::cat(Category));
cl::opt<bool> ListChecks("list-checks",
                         cl::desc("List the enabled checks and exit"),
                         cl::cat(Category));

/// --color is also one of LLVM's own options; the scanner replaces it (see
/// main) with the auto/always/never form other tools use.
cl::opt<ColorMode> &colorOption() {
  static cl::opt<ColorMode> Color(
      "color", cl::desc("Colour the text report"), cl::init(ColorMode::Auto),
      cl::values(clEnumValN(ColorMode::Auto, "auto",
                            "when writing to a terminal (default)"),
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
  OS << "corolint version " << COROLINT_VERSION
     << " (clang-tidy engine from LLVM " << COROLINT_LLVM_VERSION << ")\n";
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

/// -j, or all cores; never more workers than TUs to analyse.
unsigned parallelism(size_t Queued) {
  unsigned Wanted = Jobs ? Jobs.getValue()
                         : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::clamp<size_t>(Queued, 1, Wanted));
}

ArgumentEdits argumentEdits() {
  return {
      std::vector<std::string>(ExtraArgsBefore.begin(), ExtraArgsBefore.end()),
      std::vector<std::string>(ExtraArgs.begin(), ExtraArgs.end()),
      std::vector<std::string>(RemoveArgs.begin(), RemoveArgs.end())};
}

/// Why the source file of an entry cannot be analysed, or "".
std::string sourceProblem(const CompileDatabase &DB,
                          const CompileEntry &Entry) {
  llvm::sys::fs::file_status Status;
  std::error_code EC = llvm::sys::fs::status(Entry.File, Status);
  std::string Where = llvm::formatv("{0}, entry {1}", DB.Path, Entry.Index);
  if (EC == std::errc::no_such_file_or_directory)
    return llvm::formatv("source file not found ({0})", Where);
  if (EC)
    return llvm::formatv("cannot read the source file: {0} ({1})", EC.message(),
                         Where);
  if (llvm::sys::fs::is_directory(Status))
    return llvm::formatv("'file' names a directory, not a source file ({0})",
                         Where);
  if (!llvm::sys::fs::is_regular_file(Status))
    return llvm::formatv("the source file is not a regular file ({0})", Where);
  if (!llvm::sys::fs::is_directory(Entry.Directory))
    return llvm::formatv("directory '{0}' not found ({1})", Entry.Directory,
                         Where);
  return "";
}

/// A TU the scan prepared: its job, or the reason it cannot run.
struct Prepared {
  Job Work;
  std::string Problem;
  std::string Skip; ///< Why it is skipped without a failure (not C++).
};

/// Everything one scan needs and produces, in the order main runs it.
class Scan {
public:
  Scan(CompileDatabase DB, std::vector<size_t> Selected, std::string Root,
       std::string Executable)
      : DB(std::move(DB)), Selected(std::move(Selected)), Root(std::move(Root)),
        Executable(std::move(Executable)) {}

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
      P.Work.SkipBodies = SkipBodies;
      P.Work.SkipBodiesIn = SkipBodiesIn;
      P.Problem = sourceProblem(DB, Entry);
      llvm::Expected<std::vector<std::string>> Arguments =
          expandResponseFiles(Entry);
      if (!Arguments) {
        std::string Why = llvm::toString(Arguments.takeError());
        if (P.Problem.empty())
          P.Problem =
              llvm::formatv("{0} ({1}, entry {2})", Why, DB.Path, Entry.Index);
      } else {
        P.Work.Arguments = analysisArguments(*Arguments, COROLINT_RESOURCE_DIR,
                                             argumentEdits());
        P.Skip = notCPlusPlus(P.Work.Arguments, Entry.File);
      }
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
    std::vector<TUResult> Results;
    bool Stop = false;
    auto Finish = [&](size_t Id, TUResult Result) {
      if (Result.FromCache)
        ++Report.FromCache;
      else if (Cache && Result.Status == TUStatus::Analysed)
        if (std::optional<std::string> Warning = Cache->store(Keys[Id], Result))
          llvm::WithColor::warning(llvm::errs(), "corolint")
              << *Warning << "\n";
      Stop |= Result.failed() && !KeepGoing;
      Bar.finished(Result.failed(), Result.FromCache);
      Results.push_back(std::move(Result));
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
      if (!P.Skip.empty()) {
        Finish(Id, notAnalysed(P, P.Skip, TUStatus::Skipped));
        continue;
      }
      if (Cache) {
        Keys[Id] = Cache->keyFor(P.Work);
        CacheLookup Found = Cache->lookup(P.Work, Keys[Id]);
        if (!Found.Problem.empty()) {
          Finish(Id, notAnalysed(P, Found.Problem));
          continue;
        }
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
    SchedulerOptions Options{Executable, parallelism(Queue.size()), Timeout};
    llvm::Error E = runJobs(
        Options, Next, Finish,
        [&](llvm::ArrayRef<std::string> Running) { Bar.tick(Running); });
    Bar.done();
    // The cache holds each TU's own result; what depends on other TUs is
    // worked out afresh on every run.
    applyWholeProgramIndex(Results);
    for (TUResult &Result : Results)
      Builder.add(std::move(Result));
    Report.TranslationUnits = Work.size();
    Report.ProjectRoot = Root;
    Builder.finish(Report);
    Report.Seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
            .count();
    return E;
  }

  ScanReport Report;

private:
  static TUResult notAnalysed(const Prepared &P, std::string Why,
                              TUStatus Status = TUStatus::NotAnalysed) {
    TUResult Result;
    Result.File = P.Work.File;
    Result.Status = Status;
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

/// Where the report goes: --output, or stdout. Checked before the scan so
/// that a bad --output fails first; written only once the report is
/// complete, through a temporary file, so that a failed or interrupted run
/// leaves the previous report as it was.
class ReportStream {
public:
  llvm::Error check() {
    if (OutputFormat == Format::HTML) {
      if (OutputFile.empty())
        return llvm::createStringError(
            "--format=html needs --output=<folder> to write the report to");
      return prepareHTMLFolder(OutputFile);
    }
    if (OutputFile.empty())
      return llvm::Error::success();
    return checkWritable(OutputFile, "the report");
  }

  llvm::Error write(const ScanReport &Report) {
    if (OutputFormat == Format::HTML)
      return writeHTML(OutputFile, Report);
    if (!OutputFile.empty())
      return writeFileAtomically(
          OutputFile, "the report",
          [&](llvm::raw_ostream &OS) { format(OS, Report); });
    format(llvm::outs(), Report);
    return takeStreamError(llvm::outs(), "the report to stdout");
  }

private:
  static void format(llvm::raw_ostream &OS, const ScanReport &Report) {
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
      break;
    }
  }
};

/// The --baseline entries, read before the scan: a missing or malformed
/// baseline stops it before it starts, and --write-baseline to the same file
/// cannot change what it compares against.
llvm::Expected<std::optional<std::vector<BaselineEntry>>> loadBaseline() {
  if (BaselineFile.empty())
    return std::nullopt;
  llvm::Expected<std::vector<BaselineEntry>> Entries =
      readBaseline(BaselineFile);
  if (!Entries)
    return Entries.takeError();
  return std::optional(std::move(*Entries));
}

/// Applies --write-baseline and --baseline; returns false on an error.
bool handleBaseline(ScanReport &Report,
                    const std::optional<std::vector<BaselineEntry>> &Entries) {
  if (!WriteBaselineFile.empty())
    if (llvm::Error E = writeBaseline(WriteBaselineFile, Report.Findings,
                                      Report.ProjectRoot)) {
      fail(llvm::toString(std::move(E)));
      return false;
    }
  if (!Entries)
    return true;
  size_t Before = Report.Findings.size();
  std::vector<BaselineEntry> Stale =
      applyBaseline(Report.Findings, *Entries, Report.ProjectRoot);
  Report.SuppressedByBaseline = Before - Report.Findings.size();
  Report.UsedBaseline = true;
  Report.FixedSinceBaseline = Stale;
  if (!Stale.empty() && !Quiet) {
    llvm::errs() << llvm::formatv(
        "corolint: {0} baseline entr{1} no longer match{2} any finding:\n",
        Stale.size(), Stale.size() == 1 ? "y" : "ies",
        Stale.size() == 1 ? "es" : "");
    for (const BaselineEntry &E : Stale)
      llvm::errs() << "  " << E.Path << ": " << E.Check << " in "
                   << (E.Function.empty() ? "<file scope>" : E.Function) << ": "
                   << E.Message << "\n";
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
  llvm::Expected<FixSummary> Applied =
      applyFixes(Report.Findings, Report.Inputs, Report.ProjectRoot);
  if (!Applied) {
    fail(llvm::toString(Applied.takeError()));
    return false;
  }
  for (const auto &[File, Why] : Applied->Refused)
    llvm::WithColor::warning(llvm::errs(), "corolint")
        << "not fixing '" << File << "': " << Why << "\n";
  if (!Quiet)
    llvm::errs() << llvm::formatv(
        "corolint: applied the fix-its of {0} finding(s) in {1} file(s){2}\n",
        Applied->Applied, Applied->Changed.size(),
        Applied->Conflicting
            ? llvm::formatv("; {0} skipped: their edits overlap others",
                            Applied->Conflicting)
                  .str()
            : std::string());
  return true;
}

std::string defaultBuildPath() {
  return BuildPath.empty() ? "." : BuildPath.getValue();
}

int scanMain(int argc, char **argv) {
  std::string StartedAt = utcTimestamp();
  llvm::Expected<CompileDatabase> DB = loadCompileDatabase(defaultBuildPath());
  if (!DB)
    return fail(llvm::toString(DB.takeError()));
  llvm::Expected<std::vector<size_t>> Selected = selectEntries(*DB, Selectors);
  if (!Selected)
    return fail(llvm::toString(Selected.takeError()));
  if (Selected->empty())
    return fail(DB->Path + ": no compile commands");
  if (!ProjectRootFlag.empty() && !llvm::sys::fs::is_directory(ProjectRootFlag))
    return fail("--project-root '" + ProjectRootFlag + "' is not a folder");
  if (std::string Why; !llvm::Regex(SkipBodiesIn).isValid(Why))
    return fail("invalid --skip-bodies-in regex '" + SkipBodiesIn +
                "': " + Why);
  std::string Root =
      ProjectRootFlag.empty() ? projectRoot(*DB) : absolute(ProjectRootFlag);
  ReportStream Output;
  if (llvm::Error E = Output.check())
    return fail(llvm::toString(std::move(E)));
  if (!WriteBaselineFile.empty())
    if (llvm::Error E = checkWritable(WriteBaselineFile, "the baseline"))
      return fail(llvm::toString(std::move(E)));
  if (!ExportFixes.empty())
    if (llvm::Error E = checkWritable(ExportFixes, "fixes"))
      return fail(llvm::toString(std::move(E)));
  auto Baseline = loadBaseline();
  if (!Baseline)
    return fail(llvm::toString(Baseline.takeError()));

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
  Report.StartedAt = StartedAt;
  if (OutputFormat == Format::HTML)
    Report.GitCommit = gitCommitOf(Report.ProjectRoot);
  bool Ok = handleBaseline(Report, *Baseline);
  Report.Fingerprints = fingerprints(Report.Findings, Report.ProjectRoot);
  if (llvm::Error E = Output.write(Report)) {
    fail(llvm::toString(std::move(E)));
    Ok = false;
  }
  Ok &= handleFixes(Report);
  // Failed TUs are never silent: --quiet drops the summary, not them.
  if (!Quiet)
    writeSummary(llvm::errs(), Report);
  else if (!Report.Failures.empty()) {
    llvm::errs() << llvm::formatv("corolint: files failed: {0}\n",
                                  Report.Failures.size());
    writeFailures(llvm::errs(), Report);
  }
  if (!Ok || !Report.Failures.empty())
    return ExitError;
  return Report.Findings.empty() ? ExitClean : ExitFindings;
}

} // namespace

int main(int argc, char **argv) {
  // A closed stdout or a full disk is an error the scanner reports (exit 2),
  // not a signal that kills it: EPIPE and EFBIG reach the stream checks.
  llvm::InitLLVM X(argc, argv, /*InstallPipeSignalExitHandler=*/false);
  std::signal(SIGPIPE, SIG_IGN);
  std::signal(SIGXFSZ, SIG_IGN);
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
          "Analyses the translation units of compile_commands.json in "
          "parallel.\n"
          "Exit status: 0 no findings, 1 findings, 2 usage, configuration or\n"
          "input error, or a translation unit that failed to analyse.\n",
          &llvm::errs()))
    return ExitError;
  int Status = ListChecks ? listChecks() : scanMain(argc, argv);
  if (llvm::Error E = takeStreamError(llvm::outs(), "to stdout"))
    Status = fail(llvm::toString(std::move(E)));
  // Nothing more can be said on a broken stderr; LLVM must not abort over it.
  llvm::errs().clear_error();
  return Status;
}
