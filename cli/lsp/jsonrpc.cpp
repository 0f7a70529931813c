#include "lsp/jsonrpc.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>
#include <optional>
#include <string_view>
#include <utility>

namespace scalepol::lsp {

namespace {

// A header line longer than this is not a header: the stream is out of step or hostile.
constexpr std::size_t kMaxHeaderLine = 8192;
constexpr std::size_t kMaxHeaderLines = 32;

// The header every message has, as matched when resynchronising (case-insensitively, as header
// names are compared). 'c' occurs only at its start, which the matcher relies on.
constexpr std::string_view kLengthHeader = "content-length:";

enum class LineResult { Ok, End, TooLong };

// One header line without its `\r\n` (a bare `\n` is accepted too), after `prefix` (the part of
// the line already read, if any).
LineResult read_line(std::istream& in, std::string& line, std::string_view prefix = {}) {
  line.assign(prefix);
  for (;;) {
    const int c = in.get();
    if (c == std::char_traits<char>::eof()) return line.empty() ? LineResult::End : LineResult::Ok;
    if (c == '\n') {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return LineResult::Ok;
    }
    if (line.size() >= kMaxHeaderLine) {
      // Skip the rest of the line so that the next read starts at a line's beginning.
      in.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
      return LineResult::TooLong;
    }
    line.push_back(static_cast<char>(c));
  }
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

Incoming malformed(std::string error) {
  Incoming m;
  m.kind = Incoming::Kind::Malformed;
  m.error = std::move(error);
  return m;
}

// Whether arrays and objects in `text` nest deeper than `max`, found with a scan that skips
// strings, so that nothing deeper is ever parsed. On invalid JSON the answer may be either: an
// unmatched `]` or `}` stops the count (the parser fails there, before anything deeper), and
// the parser refuses the text anyway.
bool nests_deeper(std::string_view text, int max) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;  // the escaped character cannot end the string
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max) return true;
    } else if (c == ']' || c == '}') {
      if (depth-- == 0) return false;
    }
  }
  return false;
}

}  // namespace

// After a header block without a usable Content-Length the body's end is unknown: the bytes that
// follow are the lost body (or nothing) and then, normally, the next message's header. Reading
// them as headers would take the body and the next header for one header line, and so on for
// every later message. Instead, as cppdap (Google's reader of the same framing, for the Debug
// Adapter Protocol) does before every message, everything up to the next `Content-Length:` is
// skipped, wherever it is: a body need not end with a line break.
// What is lost is the bad message and any header-only junk between it and the next message. A
// `Content-Length:` inside the skipped body would be taken for a header; the message read from
// there is then malformed in turn, and the next read skips again.
bool Transport::resynchronise() {
  std::size_t matched = 0;
  while (matched < kLengthHeader.size()) {
    const int c = in_.get();
    if (c == std::char_traits<char>::eof()) return false;
    const char lc = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lc == kLengthHeader[matched]) {
      ++matched;
    } else {
      matched = lc == kLengthHeader[0] ? 1 : 0;
    }
  }
  return true;
}

Incoming Transport::read() {
  // The header name found when resynchronising starts the first line.
  std::string_view carried;
  if (std::exchange(resync_, false)) {
    if (!resynchronise()) return {};
    carried = kLengthHeader;
  }
  std::optional<std::size_t> length;
  std::string problem;
  std::string line;
  std::size_t lines = 0;
  for (;;) {
    const LineResult r = read_line(in_, line, std::exchange(carried, {}));
    if (r == LineResult::End) return {};
    if (r == LineResult::TooLong) {
      ++lines;  // a header of this message, if a bad one: the blank line after it ends the message
      problem = fmt::format("a header line is longer than {} bytes", kMaxHeaderLine);
      continue;
    }
    if (line.empty()) {
      if (lines == 0) continue;  // blank lines between messages are tolerated
      break;
    }
    if (++lines > kMaxHeaderLines) problem = fmt::format("more than {} header lines", kMaxHeaderLines);
    const auto colon = line.find(':');
    if (colon == std::string::npos) {
      if (problem.empty()) problem = fmt::format("bad header `{}`", line.substr(0, 80));
      continue;
    }
    const std::string name = lower(trim(std::string_view(line).substr(0, colon)));
    const std::string value = trim(std::string_view(line).substr(colon + 1));
    if (name == "content-length") {
      std::size_t n = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec == std::errc::result_out_of_range) {
        if (problem.empty()) problem = fmt::format("`Content-Length: {}` is over the limit of {} bytes", value, max_bytes_);
      } else if (ec != std::errc() || end != value.data() + value.size() || value.empty()) {
        if (problem.empty()) problem = fmt::format("`Content-Length: {}` is not a number", value.substr(0, 80));
      } else {
        length = n;
      }
    }
    // Other headers (Content-Type) are allowed and ignored.
  }
  if (!length) {
    resync_ = true;
    return malformed(problem.empty() ? "a message without a `Content-Length` header" : problem);
  }
  if (*length > max_bytes_) {
    // Skip the body, so that the next message is read from its start.
    std::size_t left = *length;
    char buffer[65536];
    while (left > 0 && in_) {
      in_.read(buffer, static_cast<std::streamsize>(std::min(left, sizeof buffer)));
      left -= static_cast<std::size_t>(in_.gcount());
    }
    return malformed(fmt::format("a message of {} bytes is over the limit of {}", *length, max_bytes_));
  }
  std::string body(*length, '\0');
  in_.read(body.data(), static_cast<std::streamsize>(*length));
  if (static_cast<std::size_t>(in_.gcount()) != *length) return {};  // the stream ended mid-message
  if (!problem.empty()) return malformed(problem);
  if (nests_deeper(body, kMaxJsonDepth))
    return malformed(fmt::format("the message nests arrays and objects deeper than {} levels", kMaxJsonDepth));
  Incoming m;
  m.body = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (m.body.is_discarded()) return malformed("the message is not valid JSON");
  m.kind = Incoming::Kind::Message;
  return m;
}

void Transport::write(const json& message) {
  // Invalid UTF-8 (from a file on disk) is replaced rather than thrown on.
  const std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
  out_ << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out_.flush();
}

json response(const json& id, json result) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json error_response(const json& id, int code, const std::string& message) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

json notification(const std::string& method, json params) {
  return json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

}  // namespace scalepol::lsp
