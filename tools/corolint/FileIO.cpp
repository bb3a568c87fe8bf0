//===--- FileIO.cpp - reading inputs and writing outputs safely -----------===//

#include "FileIO.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace corolint::scanner {

namespace fs = llvm::sys::fs;

static llvm::Error fileError(const llvm::Twine &Path, const llvm::Twine &Why) {
  return llvm::createStringError(
      llvm::formatv("'{0}': {1}", Path.str(), Why.str()).str());
}

llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
readInputFile(const llvm::Twine &Path) {
  std::string Name = Path.str();
  // O_NONBLOCK: opening a FIFO must not wait for a writer.
  int FD = ::open(Name.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (FD < 0)
    return fileError(Name,
                     std::error_code(errno, std::generic_category()).message());
  struct stat Status;
  std::unique_ptr<llvm::MemoryBuffer> Result;
  llvm::Error E = llvm::Error::success();
  if (::fstat(FD, &Status) != 0)
    E = fileError(Name,
                  std::error_code(errno, std::generic_category()).message());
  else if (!S_ISREG(Status.st_mode))
    E = fileError(Name, S_ISDIR(Status.st_mode) ? "is a directory"
                                                : "is not a regular file");
  else if (uint64_t(Status.st_size) > MaxInputBytes)
    E = fileError(Name, llvm::formatv("is larger than the limit of {0} MiB",
                                      MaxInputBytes >> 20));
  else if (auto Buffer = llvm::MemoryBuffer::getOpenFile(
               FD, Name, Status.st_size, /*RequiresNullTerminator=*/false))
    Result = std::move(*Buffer);
  else
    E = fileError(Name, Buffer.getError().message());
  ::close(FD);
  if (E)
    return std::move(E);
  return std::move(Result);
}

/// The deepest nesting of arrays and objects in \p Text, stopping early once
/// it exceeds \p Limit. Brackets inside strings do not count.
static unsigned nestingDepth(llvm::StringRef Text, unsigned Limit) {
  unsigned Depth = 0, Deepest = 0;
  bool InString = false, Escaped = false;
  for (char C : Text) {
    if (InString) {
      if (Escaped)
        Escaped = false;
      else if (C == '\\')
        Escaped = true;
      else if (C == '"')
        InString = false;
      continue;
    }
    if (C == '"')
      InString = true;
    else if (C == '[' || C == '{') {
      Deepest = std::max(Deepest, ++Depth);
      if (Deepest > Limit)
        return Deepest;
    } else if ((C == ']' || C == '}') && Depth)
      --Depth;
  }
  return Deepest;
}

llvm::Expected<llvm::json::Value> parseJSON(llvm::StringRef Text) {
  if (nestingDepth(Text, MaxJSONDepth) > MaxJSONDepth)
    return llvm::createStringError(
        llvm::formatv("JSON nested deeper than {0} levels", MaxJSONDepth)
            .str());
  return llvm::json::parse(Text);
}

llvm::Error takeStreamError(llvm::raw_fd_ostream &OS, const llvm::Twine &What) {
  OS.flush();
  if (!OS.has_error())
    return llvm::Error::success();
  std::error_code EC = OS.error();
  OS.clear_error();
  return llvm::createStringError(
      llvm::formatv("cannot write {0}: {1}", What.str(), EC.message()).str());
}

static llvm::Error
writeDirectly(llvm::StringRef Path, llvm::StringRef What,
              llvm::function_ref<void(llvm::raw_ostream &)> Write) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, fs::OF_None);
  if (EC)
    return llvm::createStringError(
        llvm::formatv("cannot write {0} to '{1}': {2}", What, Path,
                      EC.message())
            .str());
  Write(OS);
  return takeStreamError(OS, llvm::formatv("{0} to '{1}'", What, Path).str());
}

llvm::Error
writeFileAtomically(llvm::StringRef Path, llvm::StringRef What,
                    llvm::function_ref<void(llvm::raw_ostream &)> Write) {
  llvm::SmallString<256> Target(Path);
  fs::file_status Status;
  bool Exists = !fs::status(Path, Status);
  if (Exists && !fs::is_regular_file(Status))
    return writeDirectly(Path, What, Write);
  // A symbolic link stays a link: the file it points at is replaced.
  llvm::SmallString<256> Real;
  if (Exists && !fs::real_path(Path, Real))
    Target = Real;
  auto Fail = [&](const llvm::Twine &Why) {
    return llvm::createStringError(
        llvm::formatv("cannot write {0} to '{1}': {2}", What, Path, Why.str())
            .str());
  };
  llvm::Expected<fs::TempFile> Temp = fs::TempFile::create(
      Target + ".corolint-%%%%%%.tmp", fs::all_read | fs::all_write);
  if (!Temp)
    return Fail(llvm::toString(Temp.takeError()));
  // The replacement keeps the file's permissions: a report or baseline
  // readable only by its owner must not become readable by everyone.
  if (Exists)
    if (std::error_code EC =
            fs::setPermissions(Temp->FD, Status.permissions())) {
      llvm::consumeError(Temp->discard());
      return Fail("cannot keep its permissions: " + EC.message());
    }
  llvm::Error Written = llvm::Error::success();
  {
    llvm::raw_fd_ostream OS(Temp->FD, /*shouldClose=*/false);
    Write(OS);
    Written =
        takeStreamError(OS, llvm::formatv("{0} to '{1}'", What, Path).str());
  }
  if (!Written && ::fsync(Temp->FD) != 0)
    Written = Fail(std::error_code(errno, std::generic_category()).message());
  if (Written) {
    llvm::consumeError(Temp->discard());
    return Written;
  }
  if (llvm::Error E = Temp->keep(Target))
    return Fail(llvm::toString(std::move(E)));
  return llvm::Error::success();
}

llvm::Expected<std::string> currentDirectory() {
  llvm::SmallString<256> Cwd;
  if (std::error_code EC = fs::current_path(Cwd))
    return llvm::createStringError(EC, "cannot read the current directory: " +
                                           EC.message());
  return std::string(Cwd);
}

llvm::Error checkWritable(llvm::StringRef Path, llvm::StringRef What) {
  auto Fail = [&](const llvm::Twine &Why) {
    return llvm::createStringError(
        llvm::formatv("cannot write {0} to '{1}': {2}", What, Path, Why.str())
            .str());
  };
  if (fs::is_directory(Path))
    return Fail("is a directory");
  fs::file_status Status;
  if (!fs::status(Path, Status) && !fs::is_regular_file(Status))
    return fs::access(Path, fs::AccessMode::Write) ? Fail("not writable")
                                                   : llvm::Error::success();
  llvm::Expected<std::string> Cwd = currentDirectory();
  if (!Cwd)
    return Fail(llvm::toString(Cwd.takeError()));
  llvm::SmallString<256> Folder(Path);
  llvm::sys::path::make_absolute(*Cwd, Folder);
  llvm::sys::path::remove_filename(Folder);
  if (std::error_code EC = fs::access(Folder, fs::AccessMode::Write))
    return Fail(EC.message());
  if (!fs::is_directory(Folder))
    return Fail("'" + Folder + "' is not a folder");
  return llvm::Error::success();
}

// Lexical ".." removal would be wrong here: GCC's include paths climb out
// of symlinked folders ("/lib/gcc/.../../../../include").
std::string canonicalPath(llvm::StringRef Directory, llvm::StringRef Path) {
  std::string Absolute = absolutePath(Directory, Path);
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Absolute, Real))
    return std::string(Real);
  return Absolute;
}

std::string absolutePath(llvm::StringRef Directory, llvm::StringRef Path) {
  llvm::SmallString<256> Absolute;
  if (llvm::sys::path::is_absolute(Path))
    Absolute = Path;
  else
    llvm::sys::path::append(Absolute, Directory, Path);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/false);
  return std::string(Absolute);
}

} // namespace corolint::scanner
