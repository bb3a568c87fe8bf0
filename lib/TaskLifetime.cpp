//===--- TaskLifetime.cpp - what a task's references point to -------------===//

#include "TaskLifetime.h"
#include "CoroutineModel.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::corolint {

Referent classifyObject(const Expr &Object) {
  const Expr *E = &Object;
  for (;;) {
    E = E->IgnoreParens();
    if (const auto *Cast = llvm::dyn_cast<ImplicitCastExpr>(E);
        Cast && (Cast->getCastKind() == CK_NoOp ||
                 Cast->getCastKind() == CK_DerivedToBase ||
                 Cast->getCastKind() == CK_UncheckedDerivedToBase)) {
      E = Cast->getSubExpr();
    } else if (const auto *Full = llvm::dyn_cast<FullExpr>(E)) {
      E = Full->getSubExpr();
    } else if (llvm::isa<MaterializeTemporaryExpr>(E)) {
      return {Referent::Temporary};
    } else if (const auto *Call = llvm::dyn_cast<CallExpr>(E);
               Call && Call->isCallToStdMove()) {
      E = Call->getArg(0);
    } else if (const auto *Member = llvm::dyn_cast<MemberExpr>(E);
               Member && !Member->isArrow() &&
               llvm::isa<FieldDecl>(Member->getMemberDecl())) {
      E = Member->getBase();
    } else {
      break;
    }
  }
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E);
  // A variable of an enclosing function, seen through a lambda's capture,
  // lives by that function's rules, not this one's.
  if (!Ref || Ref->refersToEnclosingVariableOrCapture())
    return {};
  const auto *Var = llvm::dyn_cast<VarDecl>(Ref->getDecl());
  // An init-capture lives in the closure, as long as the lambda does.
  if (!Var || !Var->hasLocalStorage() || Var->isInitCapture() ||
      Var->getType()->isReferenceType())
    return {};
  return {Referent::Local, Var};
}

Referent classifyView(const Expr &View) {
  const Expr *E = &View;
  for (;;) {
    E = E->IgnoreParens();
    if (const auto *Cast = llvm::dyn_cast<CastExpr>(E);
        Cast && (Cast->getCastKind() == CK_NoOp ||
                 Cast->getCastKind() == CK_ConstructorConversion ||
                 Cast->getCastKind() == CK_UserDefinedConversion)) {
      E = Cast->getSubExpr();
    } else if (const auto *Full = llvm::dyn_cast<FullExpr>(E)) {
      E = Full->getSubExpr();
    } else if (const auto *Bind = llvm::dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = Bind->getSubExpr();
    } else {
      break;
    }
  }
  if (const auto *Construct = llvm::dyn_cast<CXXConstructExpr>(E)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (Construct->getNumArgs() == 0)
      return {};
    const Expr *Source = Construct->getArg(0);
    if (Ctor->isCopyOrMoveConstructor()) {
      // A copy of a view made for the call: what the copied view looks at.
      const auto *Temporary = llvm::dyn_cast<MaterializeTemporaryExpr>(
          Source->IgnoreParenImpCasts());
      return Temporary ? classifyView(*Temporary->getSubExpr()) : Referent{};
    }
    if (Ctor->getNumParams() > 0 &&
        Ctor->getParamDecl(0)->getType()->isReferenceType())
      return classifyObject(*Source);
    return {};
  }
  if (const auto *Conversion = llvm::dyn_cast<CXXMemberCallExpr>(E);
      Conversion && llvm::isa<CXXConversionDecl>(Conversion->getMethodDecl()))
    return classifyObject(*Conversion->getImplicitObjectArgument());
  return {};
}

const ValueDecl *storageRoot(const Expr &Target) {
  const Expr *E = &Target;
  for (unsigned Depth = 0; Depth < 16; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Member = llvm::dyn_cast<MemberExpr>(E)) {
      const Expr *Base = Member->getBase()->IgnoreParenImpCasts();
      if (Member->isArrow() || llvm::isa<CXXThisExpr>(Base))
        return Member->getMemberDecl();
      E = Base;
    } else if (const auto *Ref = llvm::dyn_cast<DeclRefExpr>(E)) {
      return Ref->getDecl();
    } else if (const auto *Subscript = llvm::dyn_cast<ArraySubscriptExpr>(E)) {
      E = Subscript->getBase();
    } else if (const auto *Operator = llvm::dyn_cast<CXXOperatorCallExpr>(E);
               Operator && Operator->getNumArgs() > 0) {
      E = Operator->getArg(0); // tasks_[key] = ..., *slot = ...
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

std::optional<TaskCall> asTaskCall(const Expr &E) {
  TaskCall Call;
  if (const auto *Operator = llvm::dyn_cast<CXXOperatorCallExpr>(&E)) {
    if (Operator->getOperator() != OO_Call || Operator->getNumArgs() == 0)
      return std::nullopt;
    const Expr *Closure = Operator->getArg(0);
    const CXXRecordDecl *Record =
        Closure->getType().getNonReferenceType()->getAsCXXRecordDecl();
    Call.Object = Closure;
    Call.ClosureCall = Record && Record->isLambda();
    Call.Args.append(Operator->arg_begin() + 1, Operator->arg_end());
  } else if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(&E)) {
    const auto *Callee =
        llvm::dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParens());
    if (Callee && !Callee->isArrow())
      Call.Object = Member->getImplicitObjectArgument();
    Call.Args.append(Member->arg_begin(), Member->arg_end());
  } else if (const auto *Plain = llvm::dyn_cast<CallExpr>(&E)) {
    Call.Args.append(Plain->arg_begin(), Plain->arg_end());
  } else {
    return std::nullopt;
  }
  Call.Coroutine = llvm::cast<CallExpr>(E).getDirectCallee();
  if (!Call.Coroutine)
    return std::nullopt;
  if (const auto *Method = llvm::dyn_cast<CXXMethodDecl>(Call.Coroutine);
      Method && Method->isStatic())
    Call.Object = nullptr;
  return Call;
}

const LambdaExpr *closureObject(const Expr &E) {
  const Expr *Object = E.IgnoreUnlessSpelledInSource();
  if (const auto *Lambda = llvm::dyn_cast<LambdaExpr>(Object))
    return Lambda;
  const auto *Ref = llvm::dyn_cast<DeclRefExpr>(Object);
  const auto *Var = Ref ? llvm::dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType() ||
      !Var->getInit())
    return nullptr;
  return llvm::dyn_cast<LambdaExpr>(
      Var->getInit()->IgnoreUnlessSpelledInSource());
}

namespace {

/// True when \p Param can be taken by value without changing what the
/// coroutine does: a const or rvalue reference to a copyable type.
bool canTakeByValue(const ParmVarDecl &Param) {
  QualType Type = Param.getType();
  if (!Type->isReferenceType())
    return false;
  QualType Pointee = Type.getNonReferenceType();
  if (Type->isLValueReferenceType() && !Pointee.isConstQualified())
    return false;
  if (Pointee.isVolatileQualified() || Pointee->isIncompleteType() ||
      Pointee->isArrayType() || Pointee->isFunctionType())
    return false;
  const CXXRecordDecl *Record = Pointee->getAsCXXRecordDecl();
  if (!Record)
    return true;
  if (!Record->hasDefinition() || Record->isAbstract())
    return false;
  if (Type->isRValueReferenceType())
    return true;
  if (Record->needsImplicitCopyConstructor())
    return !Record->defaultedCopyConstructorIsDeleted();
  return llvm::any_of(Record->ctors(), [](const CXXConstructorDecl *Ctor) {
    return Ctor->isCopyConstructor() && !Ctor->isDeleted();
  });
}

} // namespace

llvm::SmallVector<FixItHint, 2> takeByValueFixes(const ParmVarDecl &Param,
                                                 const FunctionDecl &Coroutine,
                                                 const SourceManager &SM,
                                                 const LangOptions &LangOpts) {
  llvm::SmallVector<FixItHint, 2> Fixes;
  if (!canTakeByValue(Param))
    return Fixes;
  const FunctionDecl *Written = Coroutine.getTemplateInstantiationPattern();
  if (!Written)
    Written = &Coroutine;
  unsigned Index = Param.getFunctionScopeIndex();
  for (const FunctionDecl *Redecl : Written->redecls()) {
    if (Index >= Redecl->getNumParams())
      return {};
    const ParmVarDecl *P = Redecl->getParamDecl(Index);
    const TypeSourceInfo *Info = P->getTypeSourceInfo();
    auto Reference = Info ? Info->getTypeLoc().getAs<ReferenceTypeLoc>()
                          : ReferenceTypeLoc();
    if (!Reference)
      return {};
    // Type locations do not cover qualifiers: `const` starts the parameter.
    SourceRange Whole(P->getBeginLoc(), Reference.getSourceRange().getEnd());
    SourceRange Pointee =
        Reference.getPointeeLoc().getUnqualifiedLoc().getSourceRange();
    if (Whole.getBegin().isMacroID() || Whole.getEnd().isMacroID() ||
        Pointee.getBegin().isMacroID() || Pointee.getEnd().isMacroID() ||
        SM.isInSystemHeader(Whole.getBegin()))
      return {};
    // Only a `const` may come first: not an attribute or a `volatile`.
    llvm::StringRef Before = Lexer::getSourceText(
        CharSourceRange::getCharRange(Whole.getBegin(), Pointee.getBegin()), SM,
        LangOpts);
    if (!Before.trim().empty() && Before.trim() != "const")
      return {};
    std::string Type =
        Lexer::getSourceText(CharSourceRange::getTokenRange(Pointee), SM,
                             LangOpts)
            .str();
    // `const T &name` loses its space with the '&'.
    SourceLocation After =
        Lexer::getLocForEndOfToken(Whole.getEnd(), 0, SM, LangOpts);
    if (After.isValid() &&
        isAsciiIdentifierContinue(*SM.getCharacterData(After)))
      Type += ' ';
    Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Whole), Type));
  }
  return Fixes;
}

namespace {

bool isLoop(const Stmt *S) {
  return llvm::isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
}

bool declaresIn(const Stmt *Init, const VarDecl &Var) {
  const auto *Decls = llvm::dyn_cast_or_null<DeclStmt>(Init);
  return Decls && llvm::is_contained(Decls->decls(), &Var);
}

/// True when \p Var lives in the scope \p S opens.
bool declares(const Stmt *S, const VarDecl &Var) {
  if (const auto *Block = llvm::dyn_cast<CompoundStmt>(S))
    return llvm::any_of(Block->body(), [&Var](const Stmt *Child) {
      return declaresIn(Child, Var);
    });
  if (const auto *For = llvm::dyn_cast<ForStmt>(S))
    return declaresIn(For->getInit(), Var) ||
           For->getConditionVariable() == &Var;
  if (const auto *If = llvm::dyn_cast<IfStmt>(S))
    return declaresIn(If->getInit(), Var) || If->getConditionVariable() == &Var;
  if (const auto *While = llvm::dyn_cast<WhileStmt>(S))
    return While->getConditionVariable() == &Var;
  if (const auto *Switch = llvm::dyn_cast<SwitchStmt>(S))
    return declaresIn(Switch->getInit(), Var) ||
           Switch->getConditionVariable() == &Var;
  if (const auto *Range = llvm::dyn_cast<CXXForRangeStmt>(S))
    return Range->getLoopVariable() == &Var;
  return false;
}

/// Where a variable of the scope \p S dies when control reaches its end.
SourceLocation scopeEnd(const Stmt *S) {
  if (const auto *Block = llvm::dyn_cast<CompoundStmt>(S))
    return Block->getRBracLoc();
  return S->getEndLoc();
}

bool findPath(const Stmt *From, const Stmt *To,
              llvm::SmallVectorImpl<const Stmt *> &Path) {
  if (!From)
    return false;
  Path.push_back(From);
  if (From == To)
    return true;
  if (!llvm::isa<LambdaExpr>(From))
    for (const Stmt *Child : From->children())
      if (findPath(Child, To, Path))
        return true;
  Path.pop_back();
  return false;
}

enum class Outcome { Continue, Waits, Dies, Unclear };
struct Event {
  Outcome What = Outcome::Continue;
  SourceLocation Where;
};

class DeathSearch {
public:
  DeathSearch(llvm::ArrayRef<const Stmt *> Path, unsigned Scope,
              llvm::function_ref<bool(const Stmt &)> Waits)
      : Path(Path), Scope(Scope), Waits(Waits) {}

  /// The first thing that happens in \p S that decides the question, \p S
  /// being a statement inside Path[Level].
  Event scan(const Stmt *S, unsigned Level) {
    Event Found;
    forEachOwnStmt(S, [&](const Stmt &Node) {
      if (Found.What != Outcome::Continue)
        return;
      if (llvm::isa<LambdaExpr>(Node))
        return;
      if (isInside(Node, Excluded)) // The escape itself waits for nothing.
        return;
      if (Waits(Node))
        Found = {Outcome::Waits, Node.getBeginLoc()};
      else if (llvm::isa<ReturnStmt, CoreturnStmt, CXXThrowExpr>(Node) ||
               (llvm::isa<BreakStmt, ContinueStmt>(Node) &&
                leavesScope(Node, S, Level)))
        Found = {Outcome::Dies, Node.getBeginLoc()};
      else if (llvm::isa<GotoStmt, IndirectGotoStmt>(Node))
        Found = {Outcome::Unclear, Node.getBeginLoc()};
    });
    return Found;
  }

  void exclude(const Stmt *S) { Excluded = S; }

private:
  /// True for a break or continue that ends an iteration of a loop (or a
  /// switch) enclosing the variable's scope.
  bool leavesScope(const Stmt &Jump, const Stmt *Scanned, unsigned Level) {
    bool IsBreak = llvm::isa<BreakStmt>(Jump);
    llvm::SmallVector<const Stmt *, 8> Inner;
    findPath(Scanned, &Jump, Inner);
    for (const Stmt *S : Inner)
      if (S != &Jump && (isLoop(S) || (IsBreak && llvm::isa<SwitchStmt>(S))))
        return false; // Its target is inside the scanned statement.
    for (unsigned J = Level + 1; J-- > 0;)
      if (isLoop(Path[J]) || (IsBreak && llvm::isa<SwitchStmt>(Path[J])))
        return J <= Scope;
    return true;
  }

  static bool isInside(const Stmt &Node, const Stmt *Excluded) {
    if (!Excluded)
      return false;
    SourceRange Range = Excluded->getSourceRange();
    return Range.fullyContains(Node.getSourceRange());
  }

  llvm::ArrayRef<const Stmt *> Path;
  unsigned Scope;
  llvm::function_ref<bool(const Stmt &)> Waits;
  const Stmt *Excluded = nullptr;
};

} // namespace

std::optional<SourceLocation>
deathBeforeWait(const Stmt &Body, const Stmt &EscapeAt, const VarDecl &Var,
                llvm::function_ref<bool(const Stmt &)> Waits) {
  llvm::SmallVector<const Stmt *, 16> Path;
  if (!findPath(&Body, &EscapeAt, Path))
    return std::nullopt;
  unsigned Last = Path.size() - 1;
  std::optional<unsigned> Scope;
  if (llvm::isa<ParmVarDecl>(Var))
    Scope = 0;
  for (unsigned I = Last; !Scope && I-- > 0;)
    if (declares(Path[I], Var))
      Scope = I;
  if (!Scope)
    return std::nullopt;

  DeathSearch Search(Path, *Scope, Waits);
  for (unsigned Level = Last; Level-- > *Scope;) {
    const Stmt *Container = Path[Level];
    const Stmt *Child = Path[Level + 1];
    Event Found;
    if (const auto *Block = llvm::dyn_cast<CompoundStmt>(Container)) {
      const Stmt *const *After = llvm::find(Block->body(), Child);
      for (++After; After != Block->body_end(); ++After) {
        Found = Search.scan(*After, Level);
        if (Found.What != Outcome::Continue)
          break;
      }
    } else if (isLoop(Container) && Level > *Scope) {
      // The loop runs again: a later iteration may leave first.
      Search.exclude(&EscapeAt);
      Found = Search.scan(Container, Level);
      Search.exclude(nullptr);
    }
    if (Found.What == Outcome::Dies)
      return Found.Where;
    if (Found.What != Outcome::Continue)
      return std::nullopt;
  }
  return scopeEnd(Path[*Scope]);
}

} // namespace clang::tidy::corolint
