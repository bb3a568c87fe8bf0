//===--- HTMLFolder.cpp - the folder a report is written into ---------===//
//
// A report writes only inside its folder, never through a symbolic link, and
// replaces only what an earlier report wrote there (its manifest).
//
//===----------------------------------------------------------------------===//

#include "FileIO.h"
#include "HTMLSite.h"
#include "Output.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace corolint::scanner::html {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

llvm::Error writeFile(llvm::StringRef Path, llvm::StringRef Content) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, fs::OF_None);
  if (EC)
    return llvm::createStringError(
        llvm::formatv("cannot write '{0}': {1}", Path, EC.message()).str());
  OS << Content;
  return takeStreamError(OS, "'" + Path + "'");
}

std::string joinPath(llvm::StringRef A, llvm::StringRef B) {
  llvm::SmallString<256> Out(A);
  path::append(Out, B);
  return std::string(Out);
}

/// An error unless \p Path, below \p Folder, reaches no symbolic link on
/// the way (a symlinked subfolder would take the report out of its folder).
llvm::Error checkNoLinks(llvm::StringRef Folder, llvm::StringRef Relative) {
  llvm::SmallString<256> Path(Folder);
  for (auto It = path::begin(Relative, path::Style::posix),
            End = path::end(Relative);
       It != End; ++It) {
    path::append(Path, *It);
    fs::file_status Status;
    if (!fs::status(Path, Status, /*Follow=*/false) &&
        Status.type() == fs::file_type::symlink_file)
      return llvm::createStringError(
          llvm::formatv("'{0}' is a symbolic link; the HTML report writes only "
                        "inside '{1}'",
                        Path, Folder)
              .str());
  }
  return llvm::Error::success();
}

/// Removes the files the previous report in \p Folder listed in its
/// manifest; files it did not write stay.
llvm::Error removePreviousReport(llvm::StringRef Folder) {
  auto Manifest = readInputFile(joinPath(Folder, ManifestName));
  if (!Manifest) {
    llvm::consumeError(Manifest.takeError());
    return llvm::Error::success(); // No report here, or one without a manifest.
  }
  llvm::SmallVector<llvm::StringRef, 64> Files;
  (*Manifest)->getBuffer().split(Files, '\n', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Relative : Files) {
    if (path::is_absolute(Relative) || Relative.contains(".."))
      continue; // Not a name this writer records.
    if (llvm::Error E = checkNoLinks(
            Folder, path::parent_path(Relative, path::Style::posix)))
      return E;
    std::string File = joinPath(Folder, Relative);
    if (std::error_code EC = fs::remove(File))
      return llvm::createStringError(
          llvm::formatv("cannot remove '{0}': {1}", File, EC.message()).str());
  }
  return llvm::Error::success();
}

/// Writes \p Relative (a posix path below the report folder) and records
/// it in the manifest. A symbolic link in its place is replaced, never
/// followed.
llvm::Error Site::emit(llvm::StringRef Relative, llvm::StringRef Content) {
  if (llvm::Error E =
          checkNoLinks(Folder, path::parent_path(Relative, path::Style::posix)))
    return E;
  std::string File = joinPath(Folder, Relative);
  fs::file_status Status;
  if (!fs::status(File, Status, /*Follow=*/false) &&
      Status.type() == fs::file_type::symlink_file)
    if (std::error_code EC = fs::remove(File))
      return llvm::createStringError(
          llvm::formatv("cannot replace the link '{0}': {1}", File,
                        EC.message())
              .str());
  Written.push_back(Relative.str());
  return writeFile(File, Content);
}

namespace {

/// Whether \p Folder holds a report this writer made (its index names the
/// generator), which may be replaced.
bool holdsReport(llvm::StringRef Folder) {
  if (fs::is_regular_file(joinPath(Folder, ManifestName)))
    return true;
  auto Index = readInputFile(joinPath(Folder, "index.html"));
  if (!Index) {
    llvm::consumeError(Index.takeError());
    return false;
  }
  return (*Index)->getBuffer().contains(
      "<meta name=\"generator\" content=\"corolint ");
}

bool isEmptyFolder(llvm::StringRef Folder) {
  std::error_code EC;
  fs::directory_iterator It(Folder, EC);
  return !EC && It == fs::directory_iterator();
}

} // namespace

} // namespace corolint::scanner::html

namespace corolint::scanner {

namespace fs = llvm::sys::fs;

llvm::Error prepareHTMLFolder(llvm::StringRef Folder) {
  auto Fail = [&](const llvm::Twine &Why) {
    return llvm::createStringError(
        ("--format=html writes a folder: " + Why).str());
  };
  fs::file_status Status;
  if (!fs::status(Folder, Status) && !fs::is_directory(Status))
    return Fail("'" + Folder + "' exists and is not a folder");
  if (fs::is_directory(Status)) {
    if (!html::isEmptyFolder(Folder) && !html::holdsReport(Folder))
      return Fail("'" + Folder +
                  "' is neither empty nor a previous corolint report");
    return llvm::Error::success();
  }
  if (std::error_code EC = fs::create_directories(Folder))
    return Fail("cannot create '" + Folder + "': " + EC.message());
  return llvm::Error::success();
}

} // namespace corolint::scanner
