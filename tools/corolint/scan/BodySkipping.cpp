//===--- BodySkipping.cpp - which function bodies a worker does not parse -===//

#include "BodySkipping.h"
#include "FileIO.h"
#include "SkippedBodies.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"
#include <vector>

namespace corolint::scanner {

using namespace clang;

BodySkipping lessSkipping(BodySkipping Mode) {
  return Mode == BodySkipping::AllInHeaders ? BodySkipping::NonTemplates
                                            : BodySkipping::None;
}

/// Where a raw lex stands in a lambda's first parameter, `[...](auto &&v`.
enum class GenericLambdaStep { None, AfterCapture, InParameters, AfterAuto };

/// Whether \p Source spells a class template or a generic lambda with a
/// named `auto` parameter (`[](auto &&v`), which a library's template body
/// may instantiate and which the AST would then (almost surely) find
/// reachable: a raw lex, so comments and string literals do not count.
/// Function templates rarely are (only through their name), and a generic
/// lambda whose parameters have no name (Asio's `[&](auto, auto)` handlers)
/// usually cannot hold a finding (see TemplateFinder): both are left to the
/// AST.
static bool spellsTypeReachableTemplates(llvm::StringRef Source) {
  LangOptions Lang;
  Lang.CPlusPlus = Lang.CPlusPlus11 = Lang.CPlusPlus20 = true;
  Lexer Raw(SourceLocation(), Lang, Source.begin(), Source.begin(),
            Source.end());
  // Inside `template <...>`: the depth of angle brackets, then the keyword.
  int TemplateAngles = -1;
  bool AfterTemplateHead = false;
  auto Lambda = GenericLambdaStep::None;
  Token T;
  for (bool AtEnd = false; !AtEnd;) {
    AtEnd = Raw.LexFromRawLexer(T);
    llvm::StringRef Word =
        T.is(tok::raw_identifier) ? T.getRawIdentifier() : "";
    if (AfterTemplateHead &&
        (Word == "class" || Word == "struct" || Word == "union"))
      return true;
    AfterTemplateHead = false;
    if (Word == "template")
      TemplateAngles = 0;
    else if (TemplateAngles >= 0 && T.is(tok::less))
      ++TemplateAngles;
    else if (TemplateAngles > 0 &&
             T.isOneOf(tok::greater, tok::greatergreater)) {
      TemplateAngles -= T.is(tok::greater) ? 1 : 2;
      if (TemplateAngles <= 0) {
        TemplateAngles = -1;
        AfterTemplateHead = true;
      }
    }
    bool Qualifier = Word == "const" || Word == "volatile";
    switch (Lambda) {
    case GenericLambdaStep::AfterAuto:
      if (!Word.empty() && !Qualifier)
        return true; // The parameter's name.
      if (!Qualifier &&
          !T.isOneOf(tok::amp, tok::ampamp, tok::star, tok::ellipsis))
        Lambda = GenericLambdaStep::None;
      break;
    case GenericLambdaStep::InParameters:
      if (Word == "auto")
        Lambda = GenericLambdaStep::AfterAuto;
      else if (!Qualifier)
        Lambda = GenericLambdaStep::None;
      break;
    case GenericLambdaStep::AfterCapture:
      Lambda = T.is(tok::l_paren) ? GenericLambdaStep::InParameters
                                  : GenericLambdaStep::None;
      break;
    case GenericLambdaStep::None:
      break;
    }
    if (T.is(tok::r_square))
      Lambda = GenericLambdaStep::AfterCapture;
  }
  return false;
}

BodySkipping initialSkipping(bool SkipBodies, llvm::StringRef Source) {
  if (!SkipBodies)
    return BodySkipping::None;
  return spellsTypeReachableTemplates(Source) ? BodySkipping::NonTemplates
                                              : BodySkipping::AllInHeaders;
}

BodySkipper::BodySkipper(const tidy::ClangTidyOptions &Opts,
                         llvm::StringRef SkipIn, llvm::StringRef Directory,
                         BodySkipping Mode)
    : Mode(Mode), SystemHeaders(Opts.SystemHeaders.value_or(false)),
      HasExcludeFilter(!Opts.ExcludeHeaderFilterRegex.value_or("").empty()),
      HeaderFilter(Opts.HeaderFilterRegex.value_or("")),
      ExcludeHeaderFilter(Opts.ExcludeHeaderFilterRegex.value_or("")),
      SkipIn(SkipIn), Directory(Directory) {}

bool BodySkipper::shouldSkip(const Decl &D, const SourceManager &SM) {
  if (Mode == BodySkipping::None || (D.isTemplated() && !skipsTemplates()))
    return false;
  return skipsBodiesIn(D.getLocation(), SM);
}

bool BodySkipper::skipsBodiesIn(SourceLocation Loc, const SourceManager &SM) {
  if (Loc.isInvalid())
    return true; // Declared by the compiler itself: no project code.
  Loc = SM.getExpansionLoc(Loc);
  FileID File = SM.getFileID(Loc);
  auto [It, New] = Decisions.try_emplace(File, false);
  if (New)
    It->second = !reportsIn(File, Loc, SM) && matchesSkipIn(File, SM);
  return It->second;
}

/// Mirrors ClangTidyDiagnosticConsumer::checkFilters: would a finding located
/// in \p File be reported?
bool BodySkipper::reportsIn(FileID File, SourceLocation Loc,
                            const SourceManager &SM) const {
  if (File == SM.getMainFileID())
    return true;
  if (SM.isInSystemHeader(Loc) && !SystemHeaders)
    return false;
  OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File);
  if (!Entry)
    return true; // Command-line macros and the like: reported.
  llvm::StringRef Name = Entry->getName();
  bool Excluded = HasExcludeFilter && ExcludeHeaderFilter.match(Name);
  // The report keeps a header whose spelled or canonical name matches.
  return (HeaderFilter.match(Name) ||
          HeaderFilter.match(canonicalPath(Directory, Name))) &&
         !Excluded;
}

bool BodySkipper::matchesSkipIn(FileID File, const SourceManager &SM) const {
  OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File);
  return Entry && SkipIn.match(Entry->getName());
}

namespace {

/// The unqualified names that the enabled checks' options list (blocking
/// functions, spawn functions, task and channel types, ...): the last
/// component of every entry of every option value.
llvm::StringSet<>
listedNames(const tidy::ClangTidyOptions::OptionMap &Options) {
  llvm::StringSet<> Names;
  for (const auto &Option : Options) {
    llvm::SmallVector<llvm::StringRef> Entries;
    llvm::StringRef(Option.getValue().Value)
        .split(Entries, llvm::StringRef(";,"), -1, false);
    for (llvm::StringRef Entry : Entries) {
      Entry = Entry.trim();
      Names.insert(Entry.substr(Entry.rfind("::") == llvm::StringRef::npos
                                    ? 0
                                    : Entry.rfind("::") + 2));
    }
  }
  return Names;
}

/// Whether no instantiation of the generic lambda \p Lambda can hold a
/// finding or instantiate anything: its signature needs no instantiation
/// beyond the invented `auto` parameters, and its body, free of anything
/// dependent on them, only calls non-template functions that return nothing
/// and that no check lists (`[&](auto, auto) { io_context.stop(); }`). Such
/// a lambda instantiated only in a skipped library body loses nothing.
class InertGenericLambda {
public:
  explicit InertGenericLambda(const llvm::StringSet<> &Listed)
      : Listed(Listed) {}

  bool test(const LambdaExpr &Lambda) {
    const CXXMethodDecl *Call = Lambda.getCallOperator();
    const TemplateParameterList *Params = Lambda.getTemplateParameterList();
    if (!Call || !Params || Lambda.getExplicitTemplateParameters().size() ||
        Params->getRequiresClause() || Call->getTrailingRequiresClause() ||
        Lambda.hasExplicitResultType() || Call->isInvalidDecl())
      return false;
    for (const NamedDecl *Param : *Params) {
      const auto *Type = dyn_cast<TemplateTypeParmDecl>(Param);
      if (!Type || Type->hasTypeConstraint() || Type->hasDefaultArgument())
        return false;
    }
    if (llvm::any_of(Call->parameters(),
                     [](const ParmVarDecl *P) { return P->hasDefaultArg(); }))
      return false;
    const auto *Proto = Call->getType()->getAs<FunctionProtoType>();
    if (!Proto || Proto->getExceptionSpecType() == EST_DependentNoexcept ||
        Proto->getExceptionSpecType() == EST_Unevaluated)
      return false;
    return inert(Lambda.getBody());
  }

private:
  bool inert(const Stmt *S) {
    if (!S)
      return true;
    if (const auto *E = dyn_cast<Expr>(S);
        E && (E->isInstantiationDependent() || E->containsErrors()))
      return false;
    if (!inertNode(*S))
      return false;
    return llvm::all_of(S->children(),
                        [this](const Stmt *Child) { return inert(Child); });
  }

  bool inertNode(const Stmt &S) {
    if (isa<CompoundStmt, NullStmt, ParenExpr, IntegerLiteral,
            CXXBoolLiteralExpr, CharacterLiteral, FloatingLiteral,
            StringLiteral, CXXNullPtrLiteralExpr, CXXThisExpr>(S))
      return true;
    if (const auto *Return = dyn_cast<ReturnStmt>(&S))
      return !Return->getRetValue();
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(&S))
      return !Cast->getConversionFunction();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
      return unlisted(Ref->getDecl());
    if (const auto *Member = dyn_cast<MemberExpr>(&S))
      return unlisted(Member->getMemberDecl());
    if (const auto *Call = dyn_cast<CallExpr>(&S)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      return Callee && Callee->getReturnType()->isVoidType() &&
             !Callee->isTemplated() &&
             Callee->getTemplatedKind() == FunctionDecl::TK_NonTemplate &&
             !isa<ClassTemplateSpecializationDecl>(Callee->getDeclContext()) &&
             unlisted(Callee);
    }
    return false;
  }

  /// Neither the declaration nor the class of its type is named in a check's
  /// options.
  bool unlisted(const ValueDecl *D) {
    if (!D || !D->getDeclName().isIdentifier() || Listed.contains(D->getName()))
      return false;
    const CXXRecordDecl *Record =
        D->getType().getNonReferenceType()->getAsCXXRecordDecl();
    return !Record || !Record->getIdentifier() ||
           !Listed.contains(Record->getName());
  }

  const llvm::StringSet<> &Listed;
};

/// The project's templates a skipped template body could instantiate: those
/// reached through a type (members of class templates, member templates,
/// generic lambdas that could hold a finding, partial specializations of the
/// libraries' templates: asio::async_result for the project's token) and
/// namespace-scope function
/// templates, which only argument-dependent lookup of their name reaches.
class TemplateFinder : public RecursiveASTVisitor<TemplateFinder> {
public:
  explicit TemplateFinder(const llvm::StringSet<> &Listed) : Inert(Listed) {}

  bool ReachableByType = false;
  llvm::DenseSet<DeclarationName> FunctionTemplateNames;

  bool VisitTemplateDecl(TemplateDecl *D) {
    // Neither has a body an instantiation could bring in; the owner of a
    // template template parameter is a template itself.
    if (isa<ConceptDecl, TypeAliasTemplateDecl, TemplateTemplateParmDecl>(D))
      return true;
    if (isa<FunctionTemplateDecl>(D) &&
        D->getDeclContext()->getRedeclContext()->isFileContext()) {
      FunctionTemplateNames.insert(D->getDeclName());
      return true;
    }
    return reachableByType();
  }
  bool VisitClassTemplatePartialSpecializationDecl(
      ClassTemplatePartialSpecializationDecl *) {
    return reachableByType();
  }
  bool VisitVarTemplatePartialSpecializationDecl(
      VarTemplatePartialSpecializationDecl *) {
    return reachableByType();
  }
  bool VisitLambdaExpr(LambdaExpr *E) {
    return E->isGenericLambda() && !Inert.test(*E) ? reachableByType() : true;
  }

private:
  InertGenericLambda Inert;

  bool reachableByType() {
    ReachableByType = true;
    return false; // Decided: stop the traversal.
  }
};

/// Does a template argument name a declaration whose file keeps its bodies
/// (the project's)? Only through such an argument can a skipped body reach
/// the project's templates: by a member, a call operator or argument-dependent
/// lookup.
class ProjectArgumentFinder {
public:
  ProjectArgumentFinder(BodySkipper &Skipper, const SourceManager &SM)
      : Skipper(Skipper), SM(SM) {}

  bool namesProject(const FunctionDecl &Instantiation) {
    for (const DeclContext *DC = &Instantiation; DC && !DC->isFileContext();
         DC = DC->getParent()) {
      if (const auto *FD = dyn_cast<FunctionDecl>(DC))
        if (const TemplateArgumentList *Args =
                FD->getTemplateSpecializationArgs())
          if (anyNamesProject(Args->asArray()))
            return true;
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(DC))
        if (anyNamesProject(Spec->getTemplateArgs().asArray()))
          return true;
    }
    return false;
  }

private:
  bool anyNamesProject(llvm::ArrayRef<TemplateArgument> Args) {
    return llvm::any_of(
        Args, [this](const TemplateArgument &A) { return namesProject(A); });
  }

  bool namesProject(const TemplateArgument &A) {
    switch (A.getKind()) {
    case TemplateArgument::Type:
      return namesProject(A.getAsType());
    case TemplateArgument::Declaration:
      return isProject(A.getAsDecl());
    case TemplateArgument::Template:
    case TemplateArgument::TemplateExpansion:
      return isProject(A.getAsTemplateOrTemplatePattern().getAsTemplateDecl());
    case TemplateArgument::Pack:
      return anyNamesProject(A.pack_elements());
    case TemplateArgument::Expression:
      return true; // Not seen in instantiations; assume the worst.
    case TemplateArgument::Null:
    case TemplateArgument::Integral:
    case TemplateArgument::NullPtr:
    case TemplateArgument::StructuralValue:
      return false;
    }
    llvm_unreachable("unknown template argument kind");
  }

  bool namesProject(QualType T) {
    const Type *Canonical = T.getCanonicalType().getTypePtr();
    if (!Visited.insert(Canonical).second)
      return false;
    if (const Type *Inner = Canonical->getPointeeOrArrayElementType();
        Inner != Canonical)
      return namesProject(QualType(Inner, 0));
    if (const auto *Ref = dyn_cast<ReferenceType>(Canonical))
      return namesProject(Ref->getPointeeType());
    if (const auto *Member = dyn_cast<MemberPointerType>(Canonical))
      return namesProject(Member->getPointeeType()) ||
             isProject(Member->getMostRecentCXXRecordDecl());
    if (const auto *Function = dyn_cast<FunctionProtoType>(Canonical))
      return namesProject(Function->getReturnType()) ||
             llvm::any_of(Function->getParamTypes(),
                          [this](QualType P) { return namesProject(P); });
    if (const auto *Tag = dyn_cast<TagType>(Canonical)) {
      const TagDecl *D = Tag->getDecl();
      if (isProject(D))
        return true;
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(D))
        return anyNamesProject(Spec->getTemplateArgs().asArray());
    }
    return false;
  }

  bool isProject(const Decl *D) {
    return D && !Skipper.skipsBodiesIn(D->getLocation(), SM);
  }

  BodySkipper &Skipper;
  const SourceManager &SM;
  llvm::SmallPtrSet<const Type *, 16> Visited;
};

class BodySkippingConsumer : public MultiplexConsumer {
public:
  BodySkippingConsumer(std::unique_ptr<ASTConsumer> Tidy, BodySkipper &Skipper,
                       const SourceManager &SM,
                       const tidy::ClangTidyOptions::OptionMap &CheckOptions)
      : MultiplexConsumer(std::move(Tidy)), Skipper(Skipper), SM(SM),
        Listed(listedNames(CheckOptions)), Templates(Listed) {}

  bool shouldSkipFunctionBody(Decl *D) override {
    return Skipper.shouldSkip(*D, SM);
  }

  bool HandleTopLevelDecl(DeclGroupRef Group) override {
    if (Skipper.skipsTemplates() && !Templates.ReachableByType)
      for (Decl *D : Group)
        if (!Skipper.skipsBodiesIn(D->getLocation(), SM))
          Templates.TraverseDecl(D);
    return MultiplexConsumer::HandleTopLevelDecl(Group);
  }

  void HandleCXXImplicitFunctionInstantiation(FunctionDecl *D) override {
    if (Skipper.skipsTemplates())
      Instantiations.push_back(D);
    MultiplexConsumer::HandleCXXImplicitFunctionInstantiation(D);
  }

  void HandleTranslationUnit(ASTContext &Context) override {
    // Without a project template nothing can be lost: skip the walk over
    // every instantiation the unit made.
    bool HasTemplates =
        Templates.ReachableByType || !Templates.FunctionTemplateNames.empty();
    if (HasTemplates && lostAnInstantiation() &&
        (Templates.ReachableByType ||
         librariesDeclare(*Context.getTranslationUnitDecl()))) {
      Skipper.MayHaveLostInstantiations = true;
      return; // The unit is analysed again; running the checks is waste.
    }
    MultiplexConsumer::HandleTranslationUnit(Context);
  }

private:
  /// Whether a header whose bodies are skipped declares a name of the
  /// project's namespace-scope function templates at namespace scope or as a
  /// friend: only then can a library's body call it by that name.
  bool librariesDeclare(const DeclContext &DC) {
    for (const Decl *D : DC.decls()) {
      if (const auto *Friend = dyn_cast<FriendDecl>(D))
        D = Friend->getFriendDecl();
      if (const auto *Named = dyn_cast_or_null<NamedDecl>(D);
          Named &&
          Templates.FunctionTemplateNames.contains(Named->getDeclName()) &&
          Skipper.skipsBodiesIn(Named->getLocation(), SM))
        return true;
      if (isa_and_nonnull<NamespaceDecl, LinkageSpecDecl, ExportDecl,
                          CXXRecordDecl>(D) &&
          librariesDeclare(*cast<DeclContext>(D)))
        return true;
    }
    return false;
  }

  /// A skipped template body, instantiated with the project's types: it may
  /// have instantiated templates of the project, which exist now.
  bool lostAnInstantiation() {
    ProjectArgumentFinder Arguments(Skipper, SM);
    return llvm::any_of(Instantiations, [&](const FunctionDecl *D) {
      const FunctionDecl *Pattern = D->getTemplateInstantiationPattern();
      return Pattern && clang::tidy::corolint::skippedDefinition(*Pattern) &&
             Arguments.namesProject(*D);
    });
  }

  BodySkipper &Skipper;
  const SourceManager &SM;
  llvm::StringSet<> Listed;
  TemplateFinder Templates;
  std::vector<const FunctionDecl *> Instantiations;
};

} // namespace

std::unique_ptr<ASTConsumer> makeBodySkippingConsumer(
    std::unique_ptr<ASTConsumer> Tidy, BodySkipper &Skipper,
    const SourceManager &SM,
    const tidy::ClangTidyOptions::OptionMap &CheckOptions) {
  return std::make_unique<BodySkippingConsumer>(std::move(Tidy), Skipper, SM,
                                                CheckOptions);
}

} // namespace corolint::scanner
