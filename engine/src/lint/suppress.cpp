#include "lint/suppress.hpp"

#include <string_view>

namespace scalepol::linter {

namespace {

constexpr std::string_view kMarker = "scalepol-allow";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::map<uint32_t, Allow> find_allows(const syntax::SourceFile& file) {
  std::map<uint32_t, Allow> out;
  for (uint32_t line = 1; line <= file.line_count(); ++line) {
    std::string_view text = file.line(line);
    auto comment = text.find("//");
    if (comment == std::string_view::npos) continue;
    auto rest = trim(text.substr(comment + 2));
    if (!rest.starts_with(kMarker)) continue;
    rest = rest.substr(kMarker.size());
    Allow allow;
    allow.line = line;
    allow.column = static_cast<uint32_t>(comment + 1);
    auto colon = rest.find(':');
    std::string_view codes = colon == std::string_view::npos ? rest : rest.substr(0, colon);
    if (colon != std::string_view::npos) allow.reason = std::string(trim(rest.substr(colon + 1)));
    while (!codes.empty()) {
      auto comma = codes.find(',');
      auto code = trim(codes.substr(0, comma));
      if (!code.empty()) allow.codes.emplace_back(code);
      if (comma == std::string_view::npos) break;
      codes.remove_prefix(comma + 1);
    }
    out[line + 1] = std::move(allow);
  }
  return out;
}

}  // namespace scalepol::linter
