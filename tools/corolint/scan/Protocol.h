//===--- Protocol.h - messages between the scanner and its workers --------===//
//
// A worker reads jobs on fd 3 and writes results on fd 4; its stdout and
// stderr go to a pipe the scanner keeps for failure reports. Each message is
// a 4-byte little-endian length followed by that many bytes of JSON.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SCANNER_PROTOCOL_H
#define COROLINT_SCANNER_PROTOCOL_H

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>
#include <vector>

namespace corolint::scanner {

constexpr int WorkerJobFd = 3;
constexpr int WorkerResultFd = 4;
/// argv[1] that turns the corolint executable into a worker.
constexpr llvm::StringLiteral WorkerFlag = "--corolint-worker";

/// One translation unit to analyse.
struct Job {
  std::string File;      ///< Absolute path of the main file.
  std::string Directory; ///< Working directory of the compile command.
  std::vector<std::string> Arguments; ///< Compiler arguments, argv[0] first.
  std::string Config;                 ///< Effective clang-tidy options as YAML.
  /// Parse without the bodies of non-template functions in headers where no
  /// finding is reported and whose path matches SkipBodiesIn.
  bool SkipBodies = true;
  std::string SkipBodiesIn = ".*";
  /// Export the whole-program facts (off only to measure what they cost).
  bool ProgramFacts = true;
};

llvm::json::Value toJSON(const Job &J);
bool fromJSON(const llvm::json::Value &V, Job &J, llvm::json::Path P);

/// Writes one framed message; blocks until it is written.
llvm::Error writeMessage(int Fd, const llvm::json::Value &Message);

/// Reads one framed message, blocking. std::nullopt at a clean end of input.
llvm::Expected<std::optional<llvm::json::Value>> readMessage(int Fd);

/// Splits framed messages out of bytes read from a non-blocking pipe.
class MessageBuffer {
public:
  void append(llvm::StringRef Bytes) {
    Data.append(Bytes.data(), Bytes.size());
  }
  /// The next complete message's payload, if one has fully arrived.
  std::optional<std::string> next();

private:
  std::string Data;
};

} // namespace corolint::scanner

#endif
