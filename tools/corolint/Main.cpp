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
#include "ShardResult.h"
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
// Hidden: bench/run.py turns it off to measure what the summaries cost. Such
// a scan reports none of the findings that need another TU's facts, so its
// results must reach neither the cache nor a merge.
cl::opt<bool> ProgramFacts(
    "program-facts",
    cl::desc("Collect the whole-program summaries (default: true; false "
             "only for benchmarks, with --no-cache and without --shard)"),
    cl::init(true), cl::Hidden, cl::cat(Category));
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
               cl::desc(R"(Parse without the bodies of functions in headers
where nothing is reported (system headers, headers
outside the project root), templates included unless
the project's templates could be reached; findings are
the same, see docs/scanner.md (default: true))"),
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
cl::opt<std::string>
    ShardFlag("shard",
              cl::desc(R"(Analyse only shard I of N (1 <= I <= N) and write
its TUs' results to --output for `corolint merge`)"),
              cl::value_desc("I/N"), cl::cat(Category));
cl::opt<std::string>
    IndexFile("index",
              cl::desc(R"(Write the whole-program index, which corolint-clangd
reads to agree with the scan across files, to this file
(default: <build-dir>/.corolint-index.json after a scan
of the whole database; 'none': do not write it))"),
              cl::value_desc("file"), cl::cat(Category));
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

/// corolint and LLVM versions: what shards and their merge must share.
std::string toolVersion() {
  return llvm::formatv("corolint {0} (LLVM {1})", COROLINT_VERSION,
                       COROLINT_LLVM_VERSION);
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

/// Absolute and, when it exists, free of symlinks like every path the
/// workers report.
llvm::Expected<std::string> absolute(llvm::StringRef Path) {
  llvm::Expected<std::string> Cwd = currentDirectory();
  if (!Cwd)
    return Cwd.takeError();
  llvm::SmallString<256> Result(Path);
  llvm::sys::path::make_absolute(*Cwd, Result);
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Result, Real))
    return std::string(Real);
  llvm::sys::path::remove_dots(Result, true);
  return std::string(Result);
}

int listChecks() {
  llvm::Expected<std::string> Cwd = currentDirectory();
  if (!Cwd)
    return fail(llvm::toString(Cwd.takeError()));
  auto Resolver = ConfigResolver::create(configRequest(*Cwd));
  if (!Resolver)
    return fail(llvm::toString(Resolver.takeError()));
  llvm::SmallString<256> Probe(*Cwd);
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
  switch (ProgressFlag.getValue()) {
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
      P.Work.ProgramFacts = ProgramFacts;
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
    Results.resize(Work.size());
    if (Checks.empty())
      return llvm::createStringError(
          "no checks enabled; see --checks and the Checks of .clang-tidy");
    EnabledChecks.assign(Checks.begin(), Checks.end());
    return llvm::Error::success();
  }

  void useCache(std::string Folder) {
    Cache.emplace(std::move(Folder), toolIdentity(Executable));
  }

  /// Analyses the prepared TUs whose positions are \p Ids.
  llvm::Error run(llvm::ArrayRef<size_t> Ids, ProgressStyle Style) {
    auto Start = std::chrono::steady_clock::now();
    Progress Bar(llvm::errs(), Style, Ids.size(), ProgressInterval);
    std::vector<std::string> Keys(Work.size());
    bool Stop = false;
    auto Finish = [&](size_t Id, TUResult Result) {
      if (!Result.FromCache && Cache && Result.Status == TUStatus::Analysed)
        if (std::optional<std::string> Warning = Cache->store(Keys[Id], Result))
          llvm::WithColor::warning(llvm::errs(), "corolint")
              << *Warning << "\n";
      Stop |= Result.failed() && !KeepGoing;
      Bar.finished(Result.failed(), Result.FromCache);
      Results[Id] = std::move(Result);
    };

    // Replay what the cache has; queue the rest.
    std::vector<size_t> Queue;
    std::vector<double> Cost(Work.size(), -1); // Seconds last time; -1: new.
    for (size_t Id : Ids) {
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
    Seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
            .count();
    return E;
  }

  /// The results of the TUs that ran, in database order.
  std::vector<ShardUnit> takeResults() {
    std::vector<ShardUnit> Units;
    for (size_t Id = 0; Id < Results.size(); ++Id)
      if (std::optional<TUResult> &Result = Results[Id])
        Units.push_back({static_cast<unsigned>(Id), std::move(*Result)});
    return Units;
  }

  /// What every shard of this scan shares (the git commit aside).
  ScanIdentity identity(std::vector<std::string> CommandLine) const {
    std::string Jobs;
    for (const Prepared &P : Work)
      Jobs += llvm::formatv("{0}\n", toJSON(P.Work)).str();
    ScanIdentity Identity;
    Identity.Tool = toolVersion();
    Identity.Database = databaseDigest(DB);
    Identity.Configuration = hashHex(Jobs);
    Identity.CommandLine = std::move(CommandLine);
    Identity.ProjectRoot = Root;
    Identity.EnabledChecks = EnabledChecks;
    Identity.TranslationUnits = Work.size();
    return Identity;
  }

  /// Positions of the prepared TUs that belong to \p Shard.
  std::vector<size_t> idsOf(std::optional<ShardSpec> Shard) const {
    std::vector<size_t> Ids;
    for (size_t Id = 0; Id < Work.size(); ++Id)
      if (!Shard ||
          inShard(*Shard, Work[Id].Work.File, Work[Id].Work.Directory))
        Ids.push_back(Id);
    return Ids;
  }

  double Seconds = 0;

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
  std::vector<std::string> EnabledChecks;
  std::vector<std::optional<TUResult>> Results;
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
    switch (OutputFormat.getValue()) {
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

std::string dashed(const cl::Option &O) {
  return (O.ArgStr.size() == 1 ? "-" : "--") + O.ArgStr.str();
}

/// The options that decide the findings, as reports show the command line:
/// the same for a full scan and for every shard of it, so that their merge
/// reports byte for byte what the full scan reports. Output options, -j, the
/// cache, progress and --shard are left out; -p is the database's absolute
/// path; the rest come in a fixed order.
std::vector<std::string> analysisCommand(llvm::StringRef Database) {
  std::vector<std::string> Line{"corolint", "-p", Database.str()};
  auto Add = [&](const cl::Option &O, const llvm::Twine &Value) {
    Line.push_back((dashed(O) + "=" + Value).str());
  };
  for (const cl::opt<std::string> *O :
       {&Checks, &Config, &ConfigFile, &HeaderFilter, &ExcludeHeaderFilter,
        &WarningsAsErrors, &ProjectRootFlag, &SkipBodiesIn})
    if (O->getNumOccurrences())
      Add(*O, O->getValue());
  for (const cl::opt<bool> *O :
       {&SystemHeaders, &KeepGoing, &SkipBodies, &ProgramFacts})
    if (O->getNumOccurrences())
      Add(*O, O->getValue() ? "true" : "false");
  if (Timeout.getNumOccurrences())
    Add(Timeout, llvm::Twine(Timeout.getValue()));
  // cl::list's operator& yields its vector of values.
  for (const cl::list<std::string> *L :
       {std::addressof(ExtraArgsBefore), std::addressof(ExtraArgs),
        std::addressof(RemoveArgs)})
    for (const std::string &Arg : *L)
      Add(*L, Arg);
  Line.insert(Line.end(), Selectors.begin(), Selectors.end());
  return Line;
}

/// The first of \p Options given on the command line, if any.
const cl::Option *
firstGiven(std::initializer_list<const cl::Option *> Options) {
  for (const cl::Option *O : Options)
    if (O->getNumOccurrences())
      return O;
  return nullptr;
}

/// The report options, checked before any analysis: an unusable --output,
/// --write-baseline or --export-fixes, or a missing or malformed --baseline,
/// stops the scan (or the merge) before it starts.
llvm::Expected<std::optional<std::vector<BaselineEntry>>>
checkReportOptions(ReportStream &Output) {
  if (llvm::Error E = Output.check())
    return std::move(E);
  if (!WriteBaselineFile.empty())
    if (llvm::Error E = checkWritable(WriteBaselineFile, "the baseline"))
      return std::move(E);
  if (!ExportFixes.empty())
    if (llvm::Error E = checkWritable(ExportFixes, "fixes"))
      return std::move(E);
  return loadBaseline();
}

/// A scan's TU results and what its report says about it: the same for a
/// full scan and for the merge of its shards.
struct ScanOutcome {
  std::vector<TUResult> Results; ///< One per selected TU, in database order.
  ScanIdentity Scan;
  double Seconds = 0; ///< For the summary on stderr, never in a report.
};

/// Where the whole-program index goes: --index, else (\p DefaultFolder
/// given) that folder's .corolint-index.json; none for 'none'.
std::optional<std::string> indexDestination(llvm::StringRef DefaultFolder) {
  if (IndexFile == "none" || !ProgramFacts)
    return std::nullopt;
  if (!IndexFile.empty())
    return IndexFile.getValue();
  if (DefaultFolder.empty())
    return std::nullopt;
  llvm::SmallString<256> Path(DefaultFolder);
  llvm::sys::path::append(Path, clang::tidy::corolint::ProgramIndexFileName);
  return std::string(Path);
}

/// Writes \p Index for the editor. It is a by-product of the report: where
/// the user did not ask for it, failing to write it only warns.
bool writeIndex(const clang::tidy::corolint::ProgramIndex &Index,
                llvm::StringRef Path) {
  llvm::Error E = writeFileAtomically(
      Path, "whole-program index",
      [&](llvm::raw_ostream &OS) { OS << Index.toJSON() << "\n"; });
  if (!E)
    return true;
  if (IndexFile.getNumOccurrences()) {
    fail(llvm::toString(std::move(E)));
    return false;
  }
  llvm::errs() << "corolint: warning: " << llvm::toString(std::move(E)) << "\n";
  return true;
}

/// An error if --index names a file that cannot be written: checked before
/// the scan or merge starts.
llvm::Error checkIndexOption() {
  if (IndexFile.empty() || IndexFile == "none")
    return llvm::Error::success();
  return checkWritable(IndexFile, "the whole-program index");
}

/// The one path from TU results to reports, exit status included, for a
/// full scan and for `corolint merge` alike. \p IndexPath, if any, receives
/// the whole-program index.
int reportScan(ScanOutcome Outcome, ReportStream &Output,
               const std::optional<std::vector<BaselineEntry>> &Baseline,
               const std::optional<std::string> &IndexPath) {
  // The cache holds each TU's own result; what depends on other TUs is
  // worked out afresh on every run (and on every merge).
  auto Start = std::chrono::steady_clock::now();
  clang::tidy::corolint::ProgramIndex Index =
      applyWholeProgramIndex(Outcome.Results);
  double IndexSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  bool IndexWritten = !IndexPath || writeIndex(Index, *IndexPath);
  ScanReport Report;
  ReportBuilder Builder;
  for (TUResult &Result : Outcome.Results) {
    Report.FromCache += Result.FromCache;
    Builder.add(std::move(Result));
  }
  Builder.finish(Report);
  Report.TranslationUnits = Outcome.Scan.TranslationUnits;
  Report.ProjectRoot = Outcome.Scan.ProjectRoot;
  Report.EnabledChecks = Outcome.Scan.EnabledChecks;
  Report.CommandLine = Outcome.Scan.CommandLine;
  Report.GitCommit = Outcome.Scan.GitCommit;
  Report.GuideURL = GuideURL;
  Report.Seconds = Outcome.Seconds;
  Report.WholeProgramSeconds = IndexSeconds;
  bool Ok = IndexWritten && handleBaseline(Report, Baseline);
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

/// --shard writes TU results, not a report: the report options belong to
/// `corolint merge`.
llvm::Error checkShardOptions() {
  if (const cl::Option *O =
          firstGiven({&OutputFormat, &BaselineFile, &WriteBaselineFile,
                      &ExportFixes, &Fix, &GuideURL, &colorOption()}))
    return llvm::createStringError(
        dashed(*O) +
        " applies to the report: pass it to 'corolint merge', which writes "
        "the report from the shards' results");
  if (IndexFile.getNumOccurrences())
    return llvm::createStringError(
        "--index needs every TU's facts: pass it to 'corolint merge'");
  if (OutputFile.empty())
    return llvm::createStringError(
        "--shard needs --output=<file> to write the shard's results to");
  return checkWritable(OutputFile, "the shard result");
}

/// Writes a shard's results; its exit status says only whether they were
/// written: findings and failures are the merge's verdict.
int writeShard(const ShardSpec &Shard, ScanIdentity Identity,
               std::vector<ShardUnit> Units, double Seconds) {
  unsigned Cached = 0;
  std::vector<const ShardUnit *> Failed;
  for (const ShardUnit &U : Units) {
    Cached += U.Result.FromCache;
    if (U.Result.failed())
      Failed.push_back(&U);
  }
  std::string Summary = llvm::formatv(
      "corolint: shard {0}/{1}: {2} of {3} translation units ({4} from "
      "cache, {5} failed) in {6:f1} s; results in '{7}'\n",
      Shard.Index, Shard.Count, Units.size(), Identity.TranslationUnits, Cached,
      Failed.size(), Seconds, OutputFile);
  for (const ShardUnit *U : Failed)
    Summary += llvm::formatv("  {0}: {1}\n", U->Result.File,
                             statusName(U->Result.Status));
  if (llvm::Error E = writeShardResult(
          OutputFile, {Shard, std::move(Identity), std::move(Units)}))
    return fail(llvm::toString(std::move(E)));
  if (!Quiet || !Failed.empty())
    llvm::errs() << Summary;
  return ExitClean;
}

int scanMain(const char *Argv0) {
  std::optional<ShardSpec> Shard;
  if (ShardFlag.getNumOccurrences()) {
    llvm::Expected<ShardSpec> Spec = parseShardSpec(ShardFlag);
    if (!Spec)
      return fail(llvm::toString(Spec.takeError()));
    Shard = *Spec;
    if (llvm::Error E = checkShardOptions())
      return fail(llvm::toString(std::move(E)));
  }
  if (!ProgramFacts && (!NoCache || Shard))
    return fail("--program-facts=false leaves out what other translation "
                "units need: it takes --no-cache and no --shard");
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
  llvm::Expected<std::string> Root =
      ProjectRootFlag.empty() ? llvm::Expected<std::string>(projectRoot(*DB))
                              : absolute(ProjectRootFlag);
  if (!Root)
    return fail(llvm::toString(Root.takeError()));
  if (llvm::Error E = checkIndexOption())
    return fail(llvm::toString(std::move(E)));
  ReportStream Output;
  std::optional<std::vector<BaselineEntry>> Baseline;
  if (!Shard) {
    auto Loaded = checkReportOptions(Output);
    if (!Loaded)
      return fail(llvm::toString(Loaded.takeError()));
    Baseline = std::move(*Loaded);
  }

  std::string Executable = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&printVersion));
  std::string CacheFolder;
  if (!NoCache) {
    llvm::SmallString<256> Folder(CacheDir.empty() ? llvm::StringRef(DB->Folder)
                                                   : llvm::StringRef(CacheDir));
    if (CacheDir.empty())
      llvm::sys::path::append(Folder, ".corolint-cache");
    llvm::Expected<std::string> Absolute = absolute(Folder);
    if (!Absolute)
      return fail(llvm::toString(Absolute.takeError()));
    CacheFolder = std::move(*Absolute);
  }
  std::vector<std::string> CommandLine = analysisCommand(DB->Path);
  std::string DatabaseFolder = DB->Folder;
  Scan S(std::move(*DB), std::move(*Selected), *Root, Executable);
  if (llvm::Error E = S.prepare())
    return fail(llvm::toString(std::move(E)));
  if (!CacheFolder.empty())
    S.useCache(CacheFolder);
  if (llvm::Error E = S.run(S.idsOf(Shard), progressStyle()))
    return fail(llvm::toString(std::move(E)));

  ScanIdentity Identity = S.identity(std::move(CommandLine));
  // Shards record the commit for whichever report their merge writes.
  if (Shard || OutputFormat == Format::HTML)
    Identity.GitCommit = gitCommitOf(*Root);
  if (Shard)
    return writeShard(*Shard, std::move(Identity), S.takeResults(), S.Seconds);
  ScanOutcome Outcome{{}, std::move(Identity), S.Seconds};
  for (ShardUnit &U : S.takeResults())
    Outcome.Results.push_back(std::move(U.Result));
  // An index of some files only would hide the others' functions.
  return reportScan(std::move(Outcome), Output, Baseline,
                    indexDestination(Selectors.empty() ? DatabaseFolder : ""));
}

/// `corolint merge RESULT...`: the report of the scan whose shards wrote
/// these result files.
int mergeMain() {
  if (const cl::Option *O = firstGiven({&BuildPath,
                                        &Jobs,
                                        &Checks,
                                        &Config,
                                        &ConfigFile,
                                        &HeaderFilter,
                                        &ExcludeHeaderFilter,
                                        &SystemHeaders,
                                        &WarningsAsErrors,
                                        &ProjectRootFlag,
                                        &Timeout,
                                        &KeepGoing,
                                        &CacheDir,
                                        &NoCache,
                                        &ProgramFacts,
                                        &ProgressFlag,
                                        &ProgressInterval,
                                        &SkipBodies,
                                        &SkipBodiesIn,
                                        std::addressof(ExtraArgs),
                                        std::addressof(ExtraArgsBefore),
                                        std::addressof(RemoveArgs),
                                        &ListChecks,
                                        &ShardFlag}))
    return fail("'corolint merge' takes no " + dashed(*O) +
                ": it applies to the analysis; pass it to every shard run");
  if (Selectors.empty())
    return fail("'corolint merge' needs the result file of every shard: "
                "corolint merge RESULT... [report options]");
  auto Start = std::chrono::steady_clock::now();
  ReportStream Output;
  auto Baseline = checkReportOptions(Output);
  if (!Baseline)
    return fail(llvm::toString(Baseline.takeError()));
  if (llvm::Error E = checkIndexOption())
    return fail(llvm::toString(std::move(E)));
  std::vector<ShardResult> Shards;
  for (const std::string &Path : Selectors) {
    llvm::Expected<ShardResult> Shard = readShardResult(Path);
    if (!Shard)
      return fail(llvm::toString(Shard.takeError()));
    Shards.push_back(std::move(*Shard));
  }
  llvm::Expected<MergedScan> Merged = mergeShards(Selectors, std::move(Shards));
  if (!Merged)
    return fail(llvm::toString(Merged.takeError()));
  if (Merged->Scan.Tool != toolVersion())
    return fail("the shards were analysed by " + Merged->Scan.Tool +
                "; merge them with the same version (this is " + toolVersion() +
                ")");
  ScanOutcome Outcome{
      std::move(Merged->Results), std::move(Merged->Scan),
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count()};
  return reportScan(std::move(Outcome), Output, *Baseline,
                    indexDestination(""));
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
  // `corolint merge RESULT...` takes the report options of a scan; the
  // positional arguments are then result files.
  bool Merge = argc >= 2 && llvm::StringRef(argv[1]) == "merge";
  std::vector<const char *> Args{Merge ? "corolint merge" : argv[0]};
  Args.insert(Args.end(), argv + 1 + Merge, argv + argc);
  if (!cl::ParseCommandLineOptions(
          Args.size(), Args.data(),
          "corolint: finds concurrency pitfalls in C++20 coroutine code.\n\n"
          "  corolint -p <build-dir> [file, directory or regex ...]\n"
          "  corolint -p <build-dir> --shard=I/N -o <result> [...]\n"
          "  corolint merge <result>... [report options]\n\n"
          "Analyses the translation units of compile_commands.json in "
          "parallel.\n"
          "--shard analyses a deterministic 1/N of them and writes their\n"
          "results; merge writes the report of all N shards' results, the\n"
          "same report a full scan writes.\n"
          "Exit status: 0 no findings, 1 findings, 2 usage, configuration or\n"
          "input error, or a translation unit that failed to analyse (a\n"
          "shard: 0 once its results are written).\n",
          &llvm::errs()))
    return ExitError;
  int Status = Merge        ? mergeMain()
               : ListChecks ? listChecks()
                            : scanMain(argv[0]);
  if (llvm::Error E = takeStreamError(llvm::outs(), "to stdout"))
    Status = fail(llvm::toString(std::move(E)));
  // Nothing more can be said on a broken stderr; LLVM must not abort over it.
  llvm::errs().clear_error();
  return Status;
}
