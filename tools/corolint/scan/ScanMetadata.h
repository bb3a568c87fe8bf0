//===--- ScanMetadata.h - on what a scan ran ------------------------------===//
//
// What a report says about the scan itself, so that a report read weeks
// later still tells which code it describes.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SCANNER_SCANMETADATA_H
#define COROLINT_SCANNER_SCANMETADATA_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace corolint::scanner {

/// The commit checked out in the git repository that holds \p Folder, or ""
/// when there is none (or no git): the report stays complete without it.
std::string gitCommitOf(llvm::StringRef Folder);

} // namespace corolint::scanner

#endif
