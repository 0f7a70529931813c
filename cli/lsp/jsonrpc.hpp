// JSON-RPC 2.0 over a byte stream with LSP's framing: `Content-Length: N` headers, a blank line,
// then N bytes of JSON. Reading never trusts the peer: header lines and bodies are bounded, and
// a malformed message is reported to the caller (who answers it) rather than ending the session.
#pragma once

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

namespace scalepol::lsp {

using nlohmann::json;

// JSON-RPC and LSP error codes.
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
inline constexpr int kServerNotInitialized = -32002;
inline constexpr int kRequestFailed = -32803;

// 16 MiB: far above any policy (the engine refuses sources over 1 MiB), small enough that a
// bogus length cannot make the server allocate without bound.
inline constexpr std::size_t kMaxMessageBytes = 16u << 20;

// Arrays and objects nest at most this deep in a message (the outermost one is level 1). LSP's
// own messages nest under 10 levels; the bound keeps the recursive parts of nlohmann::json
// (copying, comparing, dumping a value) from exhausting the stack on a hostile message, which
// is refused before it is parsed.
inline constexpr int kMaxJsonDepth = 256;

struct Incoming {
  enum class Kind {
    Message,   // `body` holds the parsed JSON
    End,       // the stream ended (between messages, or in the middle of one)
    Malformed  // `error` says what was wrong; the next read() starts at the next message
  } kind = Kind::End;
  json body;
  std::string error;
};

class Transport {
 public:
  Transport(std::istream& in, std::ostream& out, std::size_t max_bytes = kMaxMessageBytes)
      : in_(in), out_(out), max_bytes_(max_bytes) {}

  Incoming read();
  void write(const json& message);

 private:
  // Skips input up to the next `Content-Length:`; false when the input ends first.
  bool resynchronise();

  std::istream& in_;
  std::ostream& out_;
  std::size_t max_bytes_;
  // Set after a header block without a usable Content-Length: where its body ends is unknown,
  // so the next read() first skips to the next message's header.
  bool resync_ = false;
};

// Messages to send.
json response(const json& id, json result);
json error_response(const json& id, int code, const std::string& message);
json notification(const std::string& method, json params);

}  // namespace scalepol::lsp
