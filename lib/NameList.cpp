//===--- NameList.cpp - qualified-name lists from check options -----------===//

#include "NameList.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::corolint {

std::vector<std::string> splitNameList(llvm::StringRef Option) {
  llvm::SmallVector<llvm::StringRef, 16> Parts;
  Option.split(Parts, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  std::vector<std::string> Result;
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    Part.consume_front("::");
    if (!Part.empty())
      Result.push_back(Part.str());
  }
  return Result;
}

llvm::StringRef lastComponent(llvm::StringRef QualifiedName) {
  auto [Scope, Last] = QualifiedName.rsplit("::");
  return Last.empty() ? Scope : Last;
}

std::string qualifiedName(const NamedDecl &D) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  if (const IdentifierInfo *Id = D.getIdentifier())
    Parts.push_back(Id->getName());
  else
    return D.getNameAsString();
  for (const DeclContext *DC = D.getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = llvm::dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName());
    } else if (const auto *Record = llvm::dyn_cast<RecordDecl>(DC)) {
      if (Record->getIdentifier())
        Parts.push_back(Record->getName());
    } else if (!llvm::isa<LinkageSpecDecl>(DC)) {
      break; // Function-local declarations are named by their own name.
    }
  }
  std::string Name;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Name.empty())
      Name += "::";
    Name += *It;
  }
  return Name;
}

NameList::NameList(llvm::StringRef Option) {
  for (const std::string &Name : splitNameList(Option))
    add(Name);
}

void NameList::add(llvm::StringRef Name) {
  if (!Names.insert(Name).second)
    return;
  Ordered.push_back(Name.str());
  LastComponents.insert(lastComponent(Name));
}

bool NameList::contains(const NamedDecl *D) const {
  if (!D || Names.empty())
    return false;
  if (const IdentifierInfo *Id = D->getIdentifier();
      Id && !LastComponents.contains(Id->getName()))
    return false;
  return Names.contains(qualifiedName(*D));
}

bool NameList::containsMember(const NamedDecl &Scope,
                              llvm::StringRef Member) const {
  return LastComponents.contains(Member) &&
         Names.contains(qualifiedName(Scope) + "::" + Member.str());
}

bool NameList::containsRecordOrBase(const CXXRecordDecl *Record) const {
  if (!Record)
    return false;
  if (contains(Record))
    return true;
  Record = Record->getDefinition();
  if (!Record)
    return false;
  return !Record->forallBases(
      [this](const CXXRecordDecl *Base) { return !contains(Base); });
}

} // namespace clang::tidy::corolint
