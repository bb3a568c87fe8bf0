//===--- Worker.cpp - analyses translation units for the scanner ----------===//
//
// Mirrors clang-tidy's runClangTidy (same argument adjusters, same diagnostic
// consumer, __clang_analyzer__ defined) so that findings equal clang-tidy's,
// and adds what the scanner needs while the AST is still alive: the function
// around each finding, its source line, and the files the TU read.
//
//===----------------------------------------------------------------------===//

#include "Worker.h"
#include "BodySkipping.h"
#include "CheckInfo.h"
#include "ClangTidy.h"
#include "ClangTidyDiagnosticConsumer.h"
#include "ClangTidyModule.h"
#include "ClangTidyOptions.h"
#include "EffectiveConfig.h"
#include "FileIO.h"
#include "Finding.h"
#include "GlobList.h"
#include "ProgramFacts.h"
#include "ProgramIndex.h"
#include "Protocol.h"
#include "SkippedBodies.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/HeaderSearch.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/PrettyStackTrace.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/Timer.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <cstdlib>
#include <thread>
#ifdef __linux__
#include <signal.h>
#include <sys/prctl.h>
#endif

namespace corolint::scanner {
namespace {

using namespace clang;
using clang::tidy::ClangTidyError;

/// The command of the one TU a job names.
class SingleCommandDatabase : public tooling::CompilationDatabase {
public:
  explicit SingleCommandDatabase(const Job &J)
      : Command(J.Directory, J.File, J.Arguments, /*Output=*/"") {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(llvm::StringRef) const override {
    return {Command};
  }
  std::vector<std::string> getAllFiles() const override {
    return {Command.Filename};
  }

private:
  tooling::CompileCommand Command;
};

/// Line, column and line text of byte offsets in a file's content.
struct TextPosition {
  Position Pos;
  llvm::StringRef LineText;
};

/// How many UTF-16 code units \p Text takes: two for a character beyond the
/// Basic Multilingual Plane (a four-byte UTF-8 sequence), one for any other,
/// and one for each byte that is not UTF-8 (it becomes U+FFFD, see utf8()).
unsigned utf16Length(llvm::StringRef Text) {
  unsigned Units = 0;
  for (size_t I = 0; I < Text.size();) {
    auto Lead = static_cast<llvm::UTF8>(Text[I]);
    unsigned Bytes = llvm::getNumBytesForUTF8(Lead);
    if (I + Bytes > Text.size() ||
        !llvm::isLegalUTF8Sequence(Text.bytes_begin() + I,
                                   Text.bytes_begin() + I + Bytes))
      Bytes = 1;
    Units += Bytes == 4 ? 2 : 1;
    I += Bytes;
  }
  return Units;
}

/// The position of \p Offset in \p Text, on line \p Line, which starts at
/// \p LineStart.
TextPosition positionOnLine(llvm::StringRef Text, size_t Offset, unsigned Line,
                            size_t LineStart) {
  size_t LineEnd = Text.find_first_of("\r\n", LineStart);
  TextPosition Result;
  Result.Pos.Line = Line;
  Result.Pos.Column = 1 + Offset - LineStart;
  Result.Pos.Utf16Column = 1 + utf16Length(Text.slice(LineStart, Offset));
  Result.LineText = Text.slice(LineStart, LineEnd);
  return Result;
}

TextPosition positionIn(llvm::StringRef Text, unsigned Offset) {
  size_t At = std::min<size_t>(Offset, Text.size());
  size_t LineStart = Text.rfind('\n', At); // Searches before At.
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  return positionOnLine(Text, At, 1 + Text.take_front(LineStart).count('\n'),
                        LineStart);
}

/// Positions of many offsets in one text: its line starts, found once (the
/// facts of a unit place hundreds of sites in one file).
class LineTable {
public:
  explicit LineTable(llvm::StringRef Text) : Text(Text) {
    Starts.push_back(0);
    for (size_t I = Text.find('\n'); I != llvm::StringRef::npos;
         I = Text.find('\n', I + 1))
      Starts.push_back(I + 1);
  }

  TextPosition positionOf(unsigned Offset) const {
    size_t At = std::min<size_t>(Offset, Text.size());
    // The last line start at or before At.
    auto Line = std::prev(llvm::upper_bound(Starts, At));
    return positionOnLine(Text, At, 1 + (Line - Starts.begin()), *Line);
  }

private:
  llvm::StringRef Text;
  std::vector<size_t> Starts;
};

/// Source text goes into JSON, which must be UTF-8: invalid bytes (a Latin-1
/// comment, say) become U+FFFD. File names keep their bytes (see
/// Finding.cpp's path encoding), so that they still name the file.
std::string utf8(llvm::StringRef Text) {
  return llvm::json::isUTF8(Text) ? Text.str() : llvm::json::fixUTF8(Text);
}

/// The innermost named function whose definition contains a location. Looks
/// only into declarations that contain it, so its cost does not grow with
/// the size of the TU's headers.
class EnclosingFunctionFinder {
public:
  explicit EnclosingFunctionFinder(const ASTContext &Ctx)
      : Ctx(Ctx), SM(Ctx.getSourceManager()) {}

  std::string find(SourceLocation Loc) {
    Best = nullptr;
    visit(Ctx.getTranslationUnitDecl(), Loc);
    return Best ? Best->getQualifiedNameAsString() : "";
  }

private:
  bool contains(const Decl *D, SourceLocation Loc) const {
    SourceRange Range = D->getSourceRange();
    if (Range.isInvalid())
      return false;
    return SM.isPointWithin(Loc, SM.getExpansionLoc(Range.getBegin()),
                            SM.getExpansionLoc(Range.getEnd()));
  }

  void visitDecl(const Decl *D, SourceLocation Loc) {
    if (const auto *Template = llvm::dyn_cast<TemplateDecl>(D))
      if (const NamedDecl *Pattern = Template->getTemplatedDecl())
        D = Pattern;
    if (!contains(D, Loc))
      return;
    if (const auto *FD = llvm::dyn_cast<FunctionDecl>(D)) {
      // A lambda is named after the function that contains it.
      const auto *Method = llvm::dyn_cast<CXXMethodDecl>(FD);
      if (!Method || !Method->getParent()->isLambda())
        Best = FD;
    }
    if (const auto *DC = llvm::dyn_cast<DeclContext>(D))
      visit(DC, Loc);
  }

  void visit(const DeclContext *DC, SourceLocation Loc) {
    for (const Decl *D : DC->decls())
      visitDecl(D, Loc);
  }

  const ASTContext &Ctx;
  const SourceManager &SM;
  const FunctionDecl *Best = nullptr;
};

/// Records, for every #include, the places its header was looked for before
/// the folder it was found in: a file created there later would be included
/// instead, so the cache must treat it as a change (include shadowing).
class ShadowRecorder : public PPCallbacks {
public:
  ShadowRecorder(Preprocessor &PP, const Job &J, TUResult &Result)
      : PP(PP), J(J), Result(Result) {}

  void InclusionDirective(SourceLocation HashLoc, const Token &IncludeTok,
                          llvm::StringRef FileName, bool IsAngled,
                          CharSourceRange, OptionalFileEntryRef File,
                          llvm::StringRef SearchPath, llvm::StringRef,
                          const Module *, bool,
                          SrcMgr::CharacteristicKind) override {
    if (!File || llvm::sys::path::is_absolute(FileName) ||
        IncludeTok.getIdentifierInfo()->getPPKeywordID() ==
            tok::pp_include_next)
      return;
    if (!IsAngled) {
      SourceManager &SM = PP.getSourceManager();
      OptionalFileEntryRef Includer =
          SM.getFileEntryRefForID(SM.getFileID(SM.getExpansionLoc(HashLoc)));
      if (Includer &&
          !candidate(Includer->getDir().getName(), FileName, SearchPath))
        return;
    }
    const HeaderSearch &HS = PP.getHeaderSearchInfo();
    auto Dirs =
        IsAngled ? llvm::make_range(HS.angled_dir_begin(), HS.search_dir_end())
                 : HS.search_dir_range();
    for (const DirectoryLookup &Dir : Dirs)
      if (!Dir.isNormalDir() || !candidate(Dir.getName(), FileName, SearchPath))
        return;
  }

private:
  /// Records \p Dir/\p FileName unless \p Dir is where the header was
  /// found; false once it is (the search ends there).
  bool candidate(llvm::StringRef Dir, llvm::StringRef FileName,
                 llvm::StringRef FoundIn) {
    if (canonical(Dir) == canonical(FoundIn))
      return false;
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, FileName);
    // A missing file's canonical name is its absolute one: one stat, rather
    // than a readlink per path component (a twentieth of an Asio unit's
    // time, for the dozens of folders each #include is looked for in).
    std::string Absent = absolutePath(J.Directory, Path);
    if (Seen.insert(Absent).second && !llvm::sys::fs::exists(Absent))
      Result.Absent.push_back(std::move(Absent));
    return true;
  }

  /// canonicalPath, remembered: every #include asks about the same folders
  /// again, and each answer costs a readlink per path component (a third of
  /// an Asio unit's system time before).
  llvm::StringRef canonical(llvm::StringRef Path) {
    auto [It, New] = Canonical.try_emplace(Path);
    if (New)
      It->second = canonicalPath(J.Directory, Path);
    return It->second;
  }

  Preprocessor &PP;
  const Job &J;
  TUResult &Result;
  llvm::StringSet<> Seen;
  llvm::StringMap<std::string> Canonical;
};

/// Turns clang-tidy's errors into the scanner's findings. While a TU's
/// compiler instance is alive it reads source text from its buffers and
/// finds enclosing functions; afterwards (diagnostics from the driver) it
/// falls back to the files on disk.
class ResultBuilder {
public:
  ResultBuilder(const Job &J, const tidy::ClangTidyOptions &Options,
                TUResult &Result)
      : J(J), Options(Options), Result(Result) {}

  /// Findings in headers are kept when \p Filter matches the header's name
  /// as clang spelled it or its canonical name: clang-tidy matches the
  /// spelled name only, so a header reached through a symbolic link (or
  /// "..") below the project root would silently be dropped.
  void filterHeaders(llvm::StringRef Filter) { HeaderFilter.emplace(Filter); }

  void add(const std::vector<ClangTidyError> &Errors, CompilerInstance *CI) {
    std::optional<EnclosingFunctionFinder> Functions;
    if (CI && CI->hasASTContext())
      Functions.emplace(CI->getASTContext());
    for (const ClangTidyError &Error : Errors) {
      Finding F = convert(Error, CI);
      if (llvm::StringRef(Error.DiagnosticName)
              .starts_with("clang-diagnostic-")) {
        if (Error.DiagLevel == ClangTidyError::Error)
          Result.CompileErrors.push_back(std::move(F));
        continue; // Compiler warnings are not corolint's findings.
      }
      if (!inReportedFile(F, Error.Message.FilePath))
        continue;
      if (Functions && !F.Main.Loc.File.empty())
        F.Function = utf8(Functions->find(locationOf(F.Main.Loc, *CI)));
      if (PromoteNoteFixes)
        for (Message &Note : F.Notes)
          llvm::append_range(F.Main.Fixes, std::exchange(Note.Fixes, {}));
      Result.Findings.push_back(std::move(F));
    }
  }

  /// The whole-program facts the checks exported, with their places
  /// reported like findings'.
  void addFacts(tidy::corolint::TranslationUnitFacts Facts,
                CompilerInstance &CI) {
    // Many sites share a few files: each is resolved and indexed once.
    llvm::StringMap<std::string> Canonical;
    llvm::StringMap<LineTable> Lines;
    auto Place = [&](tidy::corolint::FactSite &Site) {
      if (Site.File.empty())
        return; // No such site (a function that does not block).
      auto Known = Canonical.try_emplace(Site.File);
      if (Known.second)
        Known.first->second = canonicalPath(J.Directory, Site.File);
      Site.File = Known.first->second;
      auto Table = Lines.find(Site.File);
      if (Table == Lines.end())
        Table = Lines.try_emplace(Site.File, textOf(Site.File, &CI)).first;
      TextPosition P = Table->second.positionOf(Site.Offset);
      Site.Line = P.Pos.Line;
      Site.Column = P.Pos.Column;
      Site.Utf16Column = P.Pos.Utf16Column;
      Site.LineText = utf8(P.LineText);
    };
    for (auto &Entry : Facts.Functions) {
      Place(Entry.second.BlockingSite);
      Place(Entry.second.EscapeSite);
      for (tidy::corolint::CallFact &Call : Entry.second.Calls)
        Place(Call.Site);
    }
    // A finding made from these facts is reported where the TU's own would
    // be: not in a header the filter leaves out.
    std::string Spelled;
    llvm::erase_if(Facts.CoroutineCalls,
                   [&](tidy::corolint::CoroutineCallFact &Call) {
                     Spelled = Call.Site.File;
                     Place(Call.Site);
                     return !reportsIn(Call.Site.File, Spelled);
                   });
    EnclosingFunctionFinder Functions(CI.getASTContext());
    for (tidy::corolint::CoroutineCallFact &Call : Facts.CoroutineCalls)
      Call.Function = utf8(Functions.find(
          locationOf(Location{Call.Site.File, Call.Site.Offset, {}}, CI)));
    for (tidy::corolint::UnseenSpawnFact &Spawn : Facts.UnseenSpawns)
      Place(Spawn.Site);
    llvm::StringRef Blocking = "coro-blocking-call";
    Facts.BlockingGuideURL =
        tidy::corolint::configuredGuideURL(Options.CheckOptions, Blocking);
    if (tidy::GlobList(Options.WarningsAsErrors.value_or(""))
            .contains(Blocking))
      Facts.BlockingLevel = "error";
    Result.Facts = std::move(Facts);
  }

  void recordShadowing(Preprocessor &PP) {
    PP.addPPCallbacks(std::make_unique<ShadowRecorder>(PP, J, Result));
  }

  void addDependencies(const SourceManager &SM) {
    for (auto It = SM.fileinfo_begin(), End = SM.fileinfo_end(); It != End;
         ++It) {
      std::optional<llvm::StringRef> Data = It->second->getBufferDataIfLoaded();
      if (!Data)
        continue; // Looked up but never read: its content cannot matter.
      Result.Dependencies.push_back(
          {canonicalPath(J.Directory, It->first.getName()), hashHex(*Data)});
    }
    llvm::sort(Result.Dependencies,
               [](const Dependency &A, const Dependency &B) {
                 return A.Path < B.Path;
               });
  }

private:
  bool inReportedFile(const Finding &F, llvm::StringRef Spelled) {
    return reportsIn(F.Main.Loc.File, Spelled);
  }

  bool reportsIn(const std::string &File, llvm::StringRef Spelled) {
    if (!HeaderFilter || File.empty() || File == J.File)
      return true;
    return HeaderFilter->match(Spelled) || HeaderFilter->match(File);
  }

  SourceLocation locationOf(const Location &L, CompilerInstance &CI) {
    SourceManager &SM = CI.getSourceManager();
    FileID FID = fileIdOf(L.File, &CI);
    if (FID.isInvalid())
      return {};
    return SM.getComposedLoc(FID, L.Offset);
  }

  FileID fileIdOf(llvm::StringRef Path, CompilerInstance *CI) {
    if (!CI || !CI->hasSourceManager())
      return {};
    SourceManager &SM = CI->getSourceManager();
    if (OptionalFileEntryRef File =
            SM.getFileManager().getOptionalFileRef(Path))
      return SM.translateFile(*File);
    return {};
  }

  llvm::StringRef textOf(llvm::StringRef Path, CompilerInstance *CI) {
    FileID FID = fileIdOf(Path, CI);
    if (FID.isValid())
      if (std::optional<llvm::StringRef> Data =
              CI->getSourceManager().getBufferDataOrNone(FID))
        return *Data;
    auto &Buffer = DiskFiles[Path];
    if (!Buffer)
      if (auto Read =
              llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false))
        Buffer = std::move(*Read);
    return Buffer ? Buffer->getBuffer() : llvm::StringRef();
  }

  Message convert(const tooling::DiagnosticMessage &In, CompilerInstance *CI,
                  llvm::StringRef BuildDirectory) {
    Message Out;
    Out.Text = utf8(In.Message);
    if (!In.FilePath.empty()) {
      std::string File = canonicalPath(BuildDirectory, In.FilePath);
      TextPosition P = positionIn(textOf(File, CI), In.FileOffset);
      Out.Loc.File = File;
      Out.Loc.Offset = In.FileOffset;
      Out.Loc.Pos = P.Pos;
      Out.LineText = utf8(P.LineText);
    }
    for (const auto &FileFixes : In.Fix)
      for (const tooling::Replacement &R : FileFixes.second) {
        Replacement Edit;
        std::string File = canonicalPath(BuildDirectory, R.getFilePath());
        Edit.File = File;
        Edit.Offset = R.getOffset();
        Edit.Length = R.getLength();
        Edit.Text = utf8(R.getReplacementText());
        llvm::StringRef Text = textOf(File, CI);
        Edit.Begin = positionIn(Text, Edit.Offset).Pos;
        Edit.End = positionIn(Text, Edit.Offset + Edit.Length).Pos;
        Out.Fixes.push_back(std::move(Edit));
      }
    return Out;
  }

  Finding convert(const ClangTidyError &Error, CompilerInstance *CI) {
    llvm::StringRef BuildDirectory =
        Error.BuildDirectory.empty() ? llvm::StringRef(J.Directory)
                                     : llvm::StringRef(Error.BuildDirectory);
    Finding F;
    F.Check = utf8(Error.DiagnosticName);
    F.Level = Error.DiagLevel == ClangTidyError::Error || Error.IsWarningAsError
                  ? "error"
                  : "warning";
    F.Main = convert(Error.Message, CI, BuildDirectory);
    for (const tooling::DiagnosticMessage &Note : Error.Notes)
      F.Notes.push_back(convert(Note, CI, BuildDirectory));
    F.Snippet = collapseWhitespace(F.Main.LineText);
    if (tidy::corolint::findCheck(F.Check))
      F.GuideURL =
          tidy::corolint::configuredGuideURL(Options.CheckOptions, F.Check);
    return F;
  }

  const Job &J;
  const tidy::ClangTidyOptions &Options;
  TUResult &Result;
  std::optional<llvm::Regex> HeaderFilter;
  llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> DiskFiles;
  /// Test-only (COROLINT_TEST_PROMOTE_NOTE_FIXES): treat the fixes of notes
  /// as the finding's own, so that --fix can be tested whatever fix-its the
  /// checks of this build put on warnings.
  bool PromoteNoteFixes =
      llvm::sys::Process::GetEnv("COROLINT_TEST_PROMOTE_NOTE_FIXES")
          .has_value();
};

/// clang-tidy's frontend action, plus collection of results before the AST
/// goes away.
class AnalysisAction : public ASTFrontendAction {
public:
  AnalysisAction(tidy::ClangTidyASTConsumerFactory &Factory,
                 tidy::ClangTidyDiagnosticConsumer &Diagnostics,
                 ResultBuilder &Builder, BodySkipper *Skipper)
      : Factory(Factory), Diagnostics(Diagnostics), Builder(Builder),
        Skipper(Skipper) {}

  std::unique_ptr<ASTConsumer>
  CreateASTConsumer(CompilerInstance &CI, llvm::StringRef File) override {
    Builder.recordShadowing(CI.getPreprocessor());
    std::unique_ptr<ASTConsumer> Tidy = Factory.createASTConsumer(CI, File);
    if (!Skipper)
      return Tidy;
    CI.getFrontendOpts().SkipFunctionBodies = true;
    return makeBodySkippingConsumer(std::move(Tidy), *Skipper,
                                    CI.getSourceManager(),
                                    Factory.getCheckOptions());
  }

  void EndSourceFileAction() override {
    CompilerInstance &CI = getCompilerInstance();
    Builder.add(Diagnostics.take(), &CI);
    Builder.addDependencies(CI.getSourceManager());
    if (CI.hasASTContext())
      Builder.addFacts(tidy::corolint::takeProgramFacts(), CI);
  }

private:
  tidy::ClangTidyASTConsumerFactory &Factory;
  tidy::ClangTidyDiagnosticConsumer &Diagnostics;
  ResultBuilder &Builder;
  BodySkipper *Skipper;
};

class AnalysisActionFactory : public tooling::FrontendActionFactory {
public:
  AnalysisActionFactory(tidy::ClangTidyContext &Context,
                        tidy::ClangTidyDiagnosticConsumer &Diagnostics,
                        ResultBuilder &Builder, BodySkipper *Skipper)
      : Factory(Context), Diagnostics(Diagnostics), Builder(Builder),
        Skipper(Skipper) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<AnalysisAction>(Factory, Diagnostics, Builder,
                                            Skipper);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    // Like clang-tidy: code may test __clang_analyzer__.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    return FrontendActionFactory::runInvocation(Invocation, Files,
                                                PCHContainerOps, DiagConsumer);
  }

private:
  tidy::ClangTidyASTConsumerFactory Factory;
  tidy::ClangTidyDiagnosticConsumer &Diagnostics;
  ResultBuilder &Builder;
  BodySkipper *Skipper;
};

/// ExtraArgs and ExtraArgsBefore of the effective configuration, placed the
/// way clang-tidy places them.
tooling::ArgumentsAdjuster
extraArgumentsAdjuster(const tidy::ClangTidyOptions &Opts) {
  return [Opts](const tooling::CommandLineArguments &Args, llvm::StringRef) {
    tooling::CommandLineArguments Adjusted = Args;
    if (Opts.ExtraArgsBefore) {
      auto At = Adjusted.begin();
      if (At != Adjusted.end() && !llvm::StringRef(*At).starts_with("-"))
        ++At;
      Adjusted.insert(At, Opts.ExtraArgsBefore->begin(),
                      Opts.ExtraArgsBefore->end());
    }
    if (Opts.ExtraArgs)
      Adjusted.insert(Adjusted.end(), Opts.ExtraArgs->begin(),
                      Opts.ExtraArgs->end());
    return Adjusted;
  };
}

/// Recurses until the stack overflows (COROLINT_TEST_OVERFLOW_ON): a crash
/// whose stack dump is deeper than the scanner keeps.
[[gnu::noinline]] unsigned overflowStack(unsigned Depth) {
  if (Depth == ~0u)
    return 0;
  volatile char Frame[256];
  Frame[Depth % sizeof(Frame)] = static_cast<char>(Depth);
  return overflowStack(Depth + 1) + Frame[0];
}

void honourTestHooks(llvm::StringRef File) {
  if (std::optional<std::string> Overflow =
          llvm::sys::Process::GetEnv("COROLINT_TEST_OVERFLOW_ON"))
    if (!Overflow->empty() && File.contains(*Overflow)) {
      llvm::errs() << llvm::StringRef("a NUL byte: \0\n", 15);
      overflowStack(0);
    }
  if (std::optional<std::string> Crash =
          llvm::sys::Process::GetEnv("COROLINT_TEST_CRASH_ON"))
    if (!Crash->empty() && File.contains(*Crash))
      std::abort();
  if (std::optional<std::string> Hang =
          llvm::sys::Process::GetEnv("COROLINT_TEST_HANG_ON"))
    if (!Hang->empty() && File.contains(*Hang))
      for (;;)
        std::this_thread::sleep_for(std::chrono::hours(1));
}

/// Test-only (COROLINT_TEST_EDIT_AFTER_ANALYSIS): a TU whose file name
/// contains the value has its source edited once analysed, as an editor would
/// during a scan.
void editAfterAnalysis(llvm::StringRef File) {
  std::optional<std::string> Edit =
      llvm::sys::Process::GetEnv("COROLINT_TEST_EDIT_AFTER_ANALYSIS");
  if (!Edit || Edit->empty() || !File.contains(*Edit))
    return;
  std::error_code EC;
  llvm::raw_fd_ostream OS(File, EC, llvm::sys::fs::OF_Append);
  if (!EC)
    OS << "// edited during the scan\n";
}

/// One analysis of the TU, skipping bodies as \p Skipping says; sets
/// \p LostInstantiations when the parse proved that mode unsafe.
TUResult analyseOnce(const Job &J, tidy::ClangTidyOptions Opts,
                     BodySkipping Skipping, bool &LostInstantiations) {
  TUResult Result;
  (void)tidy::corolint::takeProgramFacts(); // Forget an earlier analysis'.
  Result.File = J.File;
  ResultBuilder Builder(J, Opts, Result);
  // The skipper decides by the header filter as the user wrote it.
  std::optional<BodySkipper> Skipper;
  if (Skipping != BodySkipping::None)
    Skipper.emplace(Opts, J.SkipBodiesIn, J.Directory, Skipping);
  // The header filter is applied by the builder, on spelled and canonical
  // names.
  if (Opts.HeaderFilterRegex && !Opts.HeaderFilterRegex->empty()) {
    Builder.filterHeaders(*Opts.HeaderFilterRegex);
    Opts.HeaderFilterRegex = ".*";
  }
  tidy::ClangTidyContext Context(std::make_unique<tidy::DefaultOptionsProvider>(
                                     tidy::ClangTidyGlobalOptions(), Opts),
                                 /*AllowEnablingAnalyzerAlphaCheckers=*/false,
                                 /*EnableModuleHeadersParsing=*/false,
                                 /*ExperimentalCustomChecks=*/false);
  tidy::ClangTidyDiagnosticConsumer Diagnostics(
      Context, nullptr,
      /*RemoveIncompatibleErrors=*/true,
      /*GetFixesFromNotes=*/false);
  auto DiagOpts = std::make_unique<DiagnosticOptions>();
  DiagnosticsEngine Engine(DiagnosticIDs::create(), *DiagOpts, &Diagnostics,
                           /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(std::move(DiagOpts), &Engine);

  SingleCommandDatabase Database(J);
  tooling::ClangTool Tool(Database, {J.File});
  Tool.setPrintErrorMessage(false);
  Tool.appendArgumentsAdjuster(extraArgumentsAdjuster(Opts));
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
  Tool.setDiagnosticConsumer(&Diagnostics);

  AnalysisActionFactory Factory(Context, Diagnostics, Builder,
                                Skipper ? &*Skipper : nullptr);
  int ToolStatus = Tool.run(&Factory);
  LostInstantiations = Skipper && Skipper->MayHaveLostInstantiations;
  // Diagnostics that came before any source file (the driver's).
  Builder.add(Diagnostics.take(), nullptr);

  if (!Result.CompileErrors.empty())
    Result.Status = TUStatus::CompileError;
  else if (ToolStatus != 0) {
    Result.Status = TUStatus::NotAnalysed;
    Result.Detail = "the compile command could not be processed";
  }
  return Result;
}

/// How much a unit's first parse skips, by its main file's text (unreadable:
/// the parse reports why).
BodySkipping initialSkippingFor(const Job &J) {
  auto Main = llvm::MemoryBuffer::getFile(J.File, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false);
  return initialSkipping(J.SkipBodies, Main ? (*Main)->getBuffer() : "");
}

TUResult analyse(const Job &J) {
  auto Start = std::chrono::steady_clock::now();
  // Names the TU in the stack dump the scanner shows when this worker dies.
  llvm::PrettyStackTraceFormat Analysing("analysing %s", J.File.c_str());
  honourTestHooks(J.File);

  llvm::ErrorOr<tidy::ClangTidyOptions> Opts = parseEffectiveConfig(J.Config);
  TUResult Result;
  if (!Opts) {
    Result.File = J.File;
    Result.Status = TUStatus::NotAnalysed;
    Result.Detail = "invalid configuration: " + Opts.getError().message();
    return Result;
  }
  // The scanner registers corolint's checks alone, and none of them looks
  // into a body where it reports nothing but through lib/SkippedBodies.
  BodySkipping Skipping = initialSkippingFor(J);
  (void)clang::tidy::corolint::skippedBodyWasNeeded(); // Forget older units'.
  tidy::corolint::collectProgramFacts(J.ProgramFacts);
  // The reduce phase makes the findings across TUs, from every TU's facts.
  tidy::corolint::allowProgramIndex(false);
  while (true) {
    bool LostInstantiations = false;
    Result = analyseOnce(J, *Opts, Skipping, LostInstantiations);
    // A check needed a body that was skipped: its answer might differ from
    // a full parse's, so the unit is analysed again with every body.
    if (clang::tidy::corolint::skippedBodyWasNeeded())
      Skipping = BodySkipping::None;
    else if (LostInstantiations)
      Skipping = lessSkipping(Skipping);
    else
      break;
  }
  Result.Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  editAfterAnalysis(J.File);
  return Result;
}

void dieWithParent() {
#ifdef __linux__
  // A scanner killed outright must not leave workers analysing for minutes.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
}

} // namespace

int runWorker() {
  dieWithParent();
  llvm::setBugReportMsg("corolint worker crashed; the scanner reports its "
                        "translation unit as failed.\n");
  llvm::InitializeAllTargetInfos();
  llvm::InitializeAllTargetMCs();
  llvm::InitializeAllAsmParsers();
  for (;;) {
    llvm::Expected<std::optional<llvm::json::Value>> Message =
        readMessage(WorkerJobFd);
    if (!Message) {
      llvm::errs() << "corolint worker: " << llvm::toString(Message.takeError())
                   << "\n";
      return 1;
    }
    std::optional<llvm::json::Value> &Received = *Message;
    if (!Received)
      return 0; // The scanner closed the pipe: no more work.
    Job J;
    llvm::json::Path::Root Root("job");
    if (!fromJSON(*Received, J, Root)) {
      llvm::errs() << "corolint worker: malformed job: "
                   << llvm::toString(Root.getError()) << "\n";
      return 1;
    }
    if (llvm::Error E = writeMessage(WorkerResultFd, toJSON(analyse(J)))) {
      llvm::errs() << "corolint worker: " << llvm::toString(std::move(E))
                   << "\n";
      return 1;
    }
  }
}

} // namespace corolint::scanner
