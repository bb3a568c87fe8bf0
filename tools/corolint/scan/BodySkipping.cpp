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

/// Whether \p Source defines a class template, whose members a library's
/// template body instantiated with it would (almost surely) be found to
/// reach: a raw lex, so comments and string literals do not count. Function
/// templates and generic lambdas are left to the AST: most never reach a
/// library body (a lambda handed to std::visit is instantiated in a constexpr
/// body, which Sema always parses), or cannot hold a finding.
static bool spellsClassTemplate(llvm::StringRef Source) {
  LangOptions Lang;
  Lang.CPlusPlus = Lang.CPlusPlus11 = Lang.CPlusPlus20 = true;
  Lexer Raw(SourceLocation(), Lang, Source.begin(), Source.begin(),
            Source.end());
  // Inside `template <...>`: the depth of angle brackets, then the keyword.
  int TemplateAngles = -1;
  bool AfterTemplateHead = false;
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
  }
  return false;
}

BodySkipping initialSkipping(bool SkipBodies, llvm::StringRef Source) {
  if (!SkipBodies)
    return BodySkipping::None;
  return spellsClassTemplate(Source) ? BodySkipping::NonTemplates
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

  bool test(const CXXRecordDecl &Closure) {
    const CXXMethodDecl *Call = Closure.getLambdaCallOperator();
    const TemplateParameterList *Params =
        Closure.getGenericLambdaTemplateParameterList();
    if (!Call || !Params ||
        !Closure.getLambdaExplicitTemplateParameters().empty() ||
        Params->getRequiresClause() || Call->getTrailingRequiresClause() ||
        !hasUnwrittenResultType(*Call) || Call->isInvalidDecl())
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
    return inert(Call->getBody());
  }

private:
  /// Written as `[](auto x) {...}`: a plain `auto` to deduce from the body,
  /// which an explicit result type could make depend on the parameters.
  static bool hasUnwrittenResultType(const CXXMethodDecl &Call) {
    const auto *Auto = Call.getDeclaredReturnType()->getAs<AutoType>();
    return Auto && !Auto->isDecltypeAuto() && !Auto->isConstrained();
  }

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
/// namespace-scope function templates, which only argument-dependent lookup
/// of their name reaches. A cheap first filter: ArgumentReach decides.
class TemplateFinder : public RecursiveASTVisitor<TemplateFinder> {
public:
  explicit TemplateFinder(InertGenericLambda &Inert) : Inert(Inert) {}

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
    return E->isGenericLambda() && !Inert.test(*E->getLambdaClass())
               ? reachableByType()
               : true;
  }

private:
  InertGenericLambda &Inert;

  bool reachableByType() {
    ReachableByType = true;
    return false; // Decided: stop the traversal.
  }
};

/// What of the project a skipped library body could reach through the
/// template arguments of its instantiation. A body sees an argument's type and
/// whatever that type leads to: its bases, its members, the types in their
/// signatures, its nested types and other specializations' arguments.
class ArgumentReach {
public:
  enum class Goal {
    /// Any declaration of the project: the start of argument-dependent
    /// lookup, which may find a namespace-scope function template.
    AnyDeclaration,
    /// Code of the project that an instantiation could still bring in: a
    /// class template's members, a member template, a generic lambda that
    /// could hold a finding. A class with none of it, however the library
    /// uses it (constructs, copies, compares it), instantiates nothing.
    TemplateCode,
  };

  ArgumentReach(Goal Sought, BodySkipper &Skipper, const SourceManager &SM,
                InertGenericLambda &Inert)
      : Sought(Sought), Skipper(Skipper), SM(SM), Inert(Inert) {}

  bool fromArguments(const FunctionDecl &Instantiation) {
    for (const DeclContext *DC = &Instantiation; DC && !DC->isFileContext();
         DC = DC->getParent()) {
      if (const auto *FD = dyn_cast<FunctionDecl>(DC))
        if (const TemplateArgumentList *Args =
                FD->getTemplateSpecializationArgs())
          if (anyReaches(Args->asArray()))
            return true;
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(DC))
        if (anyReaches(Spec->getTemplateArgs().asArray()))
          return true;
    }
    return false;
  }

private:
  bool anyReaches(llvm::ArrayRef<TemplateArgument> Args) {
    return llvm::any_of(
        Args, [this](const TemplateArgument &A) { return reaches(A); });
  }

  bool reaches(const TemplateArgument &A) {
    switch (A.getKind()) {
    case TemplateArgument::Type:
      return reaches(A.getAsType());
    case TemplateArgument::Declaration:
      return reaches(*A.getAsDecl());
    case TemplateArgument::Template:
    case TemplateArgument::TemplateExpansion:
      // A project template as an argument: new specializations of it.
      return isProject(A.getAsTemplateOrTemplatePattern().getAsTemplateDecl());
    case TemplateArgument::Pack:
      return anyReaches(A.pack_elements());
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

  /// A function or an object of the project given as a non-type argument.
  bool reaches(const ValueDecl &D) {
    if (!isProject(&D))
      return false;
    if (Sought == Goal::AnyDeclaration)
      return true;
    const auto *Function = dyn_cast<FunctionDecl>(&D);
    return (Function && Function->isTemplateInstantiation()) ||
           reaches(D.getType());
  }

  bool reaches(QualType T) {
    const Type *Canonical = T.getCanonicalType().getTypePtr();
    if (!Visited.insert(Canonical).second)
      return false;
    if (const Type *Inner = Canonical->getPointeeOrArrayElementType();
        Inner != Canonical)
      return reaches(QualType(Inner, 0));
    if (const auto *Ref = dyn_cast<ReferenceType>(Canonical))
      return reaches(Ref->getPointeeType());
    if (const auto *Member = dyn_cast<MemberPointerType>(Canonical))
      return reaches(Member->getPointeeType()) ||
             reachesRecord(Member->getMostRecentCXXRecordDecl());
    if (const auto *Function = dyn_cast<FunctionProtoType>(Canonical))
      return reaches(Function->getReturnType()) ||
             llvm::any_of(Function->getParamTypes(),
                          [this](QualType P) { return reaches(P); });
    if (const auto *Tag = dyn_cast<TagType>(Canonical))
      return reachesRecord(dyn_cast<CXXRecordDecl>(Tag->getDecl()));
    return false;
  }

  bool reachesRecord(const CXXRecordDecl *Record) {
    if (!Record)
      return false; // An enumeration: nothing to instantiate.
    if (isProject(Record))
      return Sought == Goal::AnyDeclaration || holdsTemplateCode(*Record);
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record);
    if (!Spec)
      return false;
    // The library's template specialized by the project for its own types
    // (asio::async_result for the project's completion token).
    const auto *Partial =
        Spec->getSpecializedTemplateOrPartial()
            .dyn_cast<ClassTemplatePartialSpecializationDecl *>();
    return (Partial && isProject(Partial)) ||
           anyReaches(Spec->getTemplateArgs().asArray());
  }

  bool holdsTemplateCode(const CXXRecordDecl &Record) {
    // Also when not instantiated yet (`holder<int> make();`): a library body
    // using it instantiates it.
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&Record);
        Spec && Spec->getSpecializationKind() != TSK_ExplicitSpecialization)
      return true;
    const CXXRecordDecl *Definition = Record.getDefinition();
    if (!Definition || !VisitedRecords.insert(Definition).second)
      return false;
    if (Definition->isGenericLambda())
      return !Inert.test(*Definition);
    return llvm::any_of(Definition->bases(),
                        [this](const CXXBaseSpecifier &Base) {
                          return reaches(Base.getType());
                        }) ||
           llvm::any_of(Definition->decls(), [this](const Decl *Member) {
             return memberLeadsToTemplateCode(*Member);
           });
  }

  bool memberLeadsToTemplateCode(const Decl &Member) {
    const Decl *D = &Member;
    if (const auto *Friend = dyn_cast<FriendDecl>(D))
      D = Friend->getFriendDecl(); // A befriended class is not a member.
    if (!D)
      return false;
    if (isa<TemplateDecl, ClassTemplatePartialSpecializationDecl,
            VarTemplatePartialSpecializationDecl>(D))
      return true;
    if (const auto *Nested = dyn_cast<CXXRecordDecl>(D))
      return !Nested->isInjectedClassName() && holdsTemplateCode(*Nested);
    if (const auto *Value = dyn_cast<ValueDecl>(D))
      return reaches(Value->getType()); // Fields, and functions' signatures.
    if (const auto *Alias = dyn_cast<TypedefNameDecl>(D))
      return reaches(Alias->getUnderlyingType());
    return false;
  }

  bool isProject(const Decl *D) {
    return D && !Skipper.skipsBodiesIn(D->getLocation(), SM);
  }

  Goal Sought;
  BodySkipper &Skipper;
  const SourceManager &SM;
  InertGenericLambda &Inert;
  llvm::SmallPtrSet<const Type *, 16> Visited;
  llvm::SmallPtrSet<const CXXRecordDecl *, 16> VisitedRecords;
};

class BodySkippingConsumer : public MultiplexConsumer {
public:
  BodySkippingConsumer(std::unique_ptr<ASTConsumer> Tidy, BodySkipper &Skipper,
                       const SourceManager &SM,
                       const tidy::ClangTidyOptions::OptionMap &CheckOptions)
      : MultiplexConsumer(std::move(Tidy)), Skipper(Skipper), SM(SM),
        Listed(listedNames(CheckOptions)), Inert(Listed), Templates(Inert) {}

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
    // Without a project template nothing can be lost: skip the walks over
    // every instantiation the unit made.
    bool LostByType = Templates.ReachableByType &&
                      lostAnInstantiation(ArgumentReach::Goal::TemplateCode);
    bool LostByName =
        !LostByType && !Templates.FunctionTemplateNames.empty() &&
        lostAnInstantiation(ArgumentReach::Goal::AnyDeclaration) &&
        librariesDeclare(*Context.getTranslationUnitDecl());
    if (LostByType || LostByName) {
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

  /// A skipped template body, instantiated with arguments that reach what
  /// \p Sought names: it may have instantiated templates of the project,
  /// which exist now.
  bool lostAnInstantiation(ArgumentReach::Goal Sought) {
    ArgumentReach Arguments(Sought, Skipper, SM, Inert);
    return llvm::any_of(Instantiations, [&](const FunctionDecl *D) {
      const FunctionDecl *Pattern = D->getTemplateInstantiationPattern();
      return Pattern && clang::tidy::corolint::skippedDefinition(*Pattern) &&
             Arguments.fromArguments(*D);
    });
  }

  BodySkipper &Skipper;
  const SourceManager &SM;
  llvm::StringSet<> Listed;
  InertGenericLambda Inert;
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
