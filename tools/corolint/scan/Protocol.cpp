//===--- Protocol.cpp - messages between the scanner and its workers ------===//

#include "Protocol.h"
#include "llvm/Support/Errno.h"
#include "llvm/Support/FormatVariadic.h"
#include <cerrno>
#include <unistd.h>

namespace corolint::scanner {

llvm::json::Value toJSON(const Job &J) {
  return llvm::json::Object{{"file", J.File},
                            {"directory", J.Directory},
                            {"arguments", J.Arguments},
                            {"config", J.Config},
                            {"skip-bodies", J.SkipBodies},
                            {"skip-bodies-in", J.SkipBodiesIn},
                            {"program-facts", J.ProgramFacts}};
}

bool fromJSON(const llvm::json::Value &V, Job &J, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("file", J.File) && O.map("directory", J.Directory) &&
         O.map("arguments", J.Arguments) && O.map("config", J.Config) &&
         O.map("skip-bodies", J.SkipBodies) &&
         O.map("skip-bodies-in", J.SkipBodiesIn) &&
         O.map("program-facts", J.ProgramFacts);
}

static std::string frameHeader(size_t Size) {
  std::string Header(4, '\0');
  for (int I = 0; I < 4; ++I)
    Header[I] = static_cast<char>((Size >> (8 * I)) & 0xff);
  return Header;
}

static size_t parseHeader(llvm::StringRef Header) {
  size_t Size = 0;
  for (int I = 3; I >= 0; --I)
    Size = (Size << 8) | static_cast<unsigned char>(Header[I]);
  return Size;
}

static llvm::Error writeAll(int Fd, llvm::StringRef Bytes) {
  while (!Bytes.empty()) {
    ssize_t N = llvm::sys::RetryAfterSignal(-1, ::write, Fd, Bytes.data(),
                                            Bytes.size());
    if (N < 0)
      return llvm::errorCodeToError(
          std::error_code(errno, std::generic_category()));
    Bytes = Bytes.drop_front(N);
  }
  return llvm::Error::success();
}

llvm::Error writeMessage(int Fd, const llvm::json::Value &Message) {
  std::string Payload = llvm::formatv("{0}", Message).str();
  return writeAll(Fd, frameHeader(Payload.size()) + Payload);
}

/// Reads exactly Size bytes; false at end of input before the first byte.
static llvm::Expected<bool> readExactly(int Fd, char *Out, size_t Size) {
  size_t Done = 0;
  while (Done < Size) {
    ssize_t N =
        llvm::sys::RetryAfterSignal(-1, ::read, Fd, Out + Done, Size - Done);
    if (N < 0)
      return llvm::errorCodeToError(
          std::error_code(errno, std::generic_category()));
    if (N == 0) {
      if (Done == 0)
        return false;
      return llvm::createStringError("truncated message");
    }
    Done += N;
  }
  return true;
}

llvm::Expected<std::optional<llvm::json::Value>> readMessage(int Fd) {
  char Header[4];
  llvm::Expected<bool> Got = readExactly(Fd, Header, 4);
  if (!Got)
    return Got.takeError();
  if (!*Got)
    return std::nullopt;
  std::string Payload(parseHeader(llvm::StringRef(Header, 4)), '\0');
  if (!Payload.empty()) {
    Got = readExactly(Fd, Payload.data(), Payload.size());
    if (!Got)
      return Got.takeError();
    if (!*Got)
      return llvm::createStringError("truncated message");
  }
  llvm::Expected<llvm::json::Value> V = llvm::json::parse(Payload);
  if (!V)
    return V.takeError();
  return std::optional<llvm::json::Value>(std::move(*V));
}

std::optional<std::string> MessageBuffer::next() {
  if (Data.size() < 4)
    return std::nullopt;
  size_t Size = parseHeader(llvm::StringRef(Data).take_front(4));
  if (Data.size() < 4 + Size)
    return std::nullopt;
  std::string Payload = Data.substr(4, Size);
  Data.erase(0, 4 + Size);
  return Payload;
}

} // namespace corolint::scanner
