#include "lsp/jsonrpc.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>
#include <optional>

namespace scalepol::lsp {

namespace {

// A header line longer than this is not a header: the stream is out of step or hostile.
constexpr std::size_t kMaxHeaderLine = 8192;
constexpr std::size_t kMaxHeaderLines = 32;

enum class LineResult { Ok, End, TooLong };

// One header line without its `\r\n` (a bare `\n` is accepted too).
LineResult read_line(std::istream& in, std::string& line) {
  line.clear();
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

}  // namespace

Incoming Transport::read() {
  std::optional<std::size_t> length;
  std::string problem;
  std::string line;
  std::size_t lines = 0;
  for (;;) {
    const LineResult r = read_line(in_, line);
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
  if (!problem.empty() && !length) return malformed(problem);
  if (!length) return malformed("a message without a `Content-Length` header");
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
