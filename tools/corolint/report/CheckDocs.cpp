//===--- CheckDocs.cpp - what each check is, from its documentation -------===//

#include "CheckDocs.h"

namespace corolint::scanner {

static const CheckDoc Docs[] = {
#include "CheckDocs.inc"
    CheckDoc{"", "", "", ""}, // Keeps the array non-empty without any docs.
};

const CheckDoc *findCheckDoc(llvm::StringRef Check) {
  for (const CheckDoc &Doc : Docs)
    if (!Doc.Name.empty() && Doc.Name == Check)
      return &Doc;
  return nullptr;
}

} // namespace corolint::scanner
