//===--- ScanMetadata.cpp - on what a scan ran ----------------------------===//

#include "ScanMetadata.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include <optional>

namespace corolint::scanner {

std::string gitCommitOf(llvm::StringRef Folder) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return "";
  llvm::SmallString<128> Output;
  if (llvm::sys::fs::createTemporaryFile("corolint-git", "txt", Output))
    return "";
  llvm::FileRemover RemoveOutput(Output);
  std::string Dir = Folder.str();
  llvm::StringRef Args[] = {"git",      "-C",      Dir,   "rev-parse",
                            "--verify", "--quiet", "HEAD"};
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(Output), llvm::StringRef("")};
  // A repository on a hung network share must not hang the report.
  if (llvm::sys::ExecuteAndWait(*Git, Args, /*Env=*/std::nullopt, Redirects,
                                /*SecondsToWait=*/10) != 0)
    return "";
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Text =
      llvm::MemoryBuffer::getFile(Output);
  if (!Text)
    return "";
  llvm::StringRef Commit = (*Text)->getBuffer().trim();
  bool IsHash =
      !Commit.empty() && Commit.size() <= 64 &&
      Commit.find_first_not_of("0123456789abcdef") == llvm::StringRef::npos;
  return IsHash ? Commit.str() : "";
}

} // namespace corolint::scanner
