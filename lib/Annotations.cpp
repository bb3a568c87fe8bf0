//===--- Annotations.cpp - the corolint:: annotations of the guide --------===//

#include "Annotations.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::corolint {

static std::optional<CorolintAnnotation>
findOn(const Decl &D, llvm::ArrayRef<llvm::StringRef> Names) {
  if (!D.hasAttrs())
    return std::nullopt;
  for (const auto *Attr : D.specific_attrs<AnnotateAttr>()) {
    const llvm::StringRef *Name = llvm::find(Names, Attr->getAnnotation());
    if (Name == Names.end())
      continue;
    CorolintAnnotation Found{*Name, ""};
    if (Attr->args_size() > 0)
      if (const auto *Text = llvm::dyn_cast<StringLiteral>(
              (*Attr->args_begin())->IgnoreParenImpCasts()))
        Found.Argument = Text->getString().str();
    return Found;
  }
  return std::nullopt;
}

static const Decl *instantiatedFrom(const Decl &D) {
  if (const auto *Record = llvm::dyn_cast<CXXRecordDecl>(&D))
    return Record->getTemplateInstantiationPattern();
  if (const auto *Function = llvm::dyn_cast<FunctionDecl>(&D))
    return Function->getTemplateInstantiationPattern();
  return nullptr;
}

std::optional<CorolintAnnotation>
findCorolintAnnotation(const Decl &D, llvm::ArrayRef<llvm::StringRef> Names) {
  for (const Decl *Redecl : D.redecls())
    if (std::optional<CorolintAnnotation> Found = findOn(*Redecl, Names))
      return Found;
  if (const Decl *Pattern = instantiatedFrom(D))
    for (const Decl *Redecl : Pattern->redecls())
      if (std::optional<CorolintAnnotation> Found = findOn(*Redecl, Names))
        return Found;
  return std::nullopt;
}

} // namespace clang::tidy::corolint
