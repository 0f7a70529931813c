#include "line_diff.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace scalepol::cli {
namespace {

constexpr std::size_t kContext = 3;
constexpr std::size_t kMaxTable = 16u << 20;  // cells of the LCS table

// A last line without its newline is marked as diff -u marks it, so that it differs from the
// same line with one.
std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    lines.emplace_back(text.substr(start, nl - start));
    if (nl == text.size()) lines.back() += "\n\\ No newline at end of file";
    start = nl + 1;
  }
  return lines;
}

struct Edit {
  char op;  // ' ', '-', '+'
  std::string_view line;
};

// The edit script turning a into b.
std::vector<Edit> edits(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
  const std::size_t n = a.size() - pre - suf, m = b.size() - pre - suf;
  std::vector<Edit> out;
  for (std::size_t i = 0; i < pre; ++i) out.push_back({' ', a[i]});
  if ((n + 1) * (m + 1) <= kMaxTable) {
    // lcs[i][j]: the longest common subsequence of a[pre+i..] and b[pre+j..].
    std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
    const auto at = [&](std::size_t i, std::size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        at(i, j) = a[pre + i] == b[pre + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[pre + i] == b[pre + j]) {
        out.push_back({' ', a[pre + i]});
        ++i, ++j;
      } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
        out.push_back({'+', b[pre + j++]});
      } else {
        out.push_back({'-', a[pre + i++]});
      }
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) out.push_back({'-', a[pre + i]});
    for (std::size_t j = 0; j < m; ++j) out.push_back({'+', b[pre + j]});
  }
  for (std::size_t i = a.size() - suf; i < a.size(); ++i) out.push_back({' ', a[i]});
  // Removals before additions within a run of changes, as diff -u shows them.
  for (std::size_t i = 0; i < out.size();) {
    if (out[i].op == ' ') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < out.size() && out[j].op != ' ') ++j;
    std::stable_partition(out.begin() + i, out.begin() + j, [](const Edit& e) { return e.op == '-'; });
    i = j;
  }
  return out;
}

}  // namespace

std::string unified_diff(std::string_view old_text, std::string_view new_text, const std::string& old_name,
                         const std::string& new_name, bool color) {
  if (old_text == new_text) return {};
  const auto old_lines = split_lines(old_text), new_lines = split_lines(new_text);
  const auto script = edits(old_lines, new_lines);
  const auto paint = [&](std::string_view style, std::string_view text) {
    return color ? fmt::format("\x1b[{}m{}\x1b[0m\n", style, text) : fmt::format("{}\n", text);
  };
  std::string out = paint("1", "--- " + old_name) + paint("1", "+++ " + new_name);
  std::size_t i = 0;
  while (i < script.size()) {
    if (script[i].op == ' ') {
      ++i;
      continue;
    }
    // A hunk: from kContext lines before this change to kContext after the last change that is
    // at most 2 * kContext unchanged lines from the next.
    const std::size_t start = i >= kContext ? i - kContext : 0;
    std::size_t end = i;
    while (true) {
      while (end < script.size() && script[end].op != ' ') ++end;
      std::size_t same = end;
      while (same < script.size() && script[same].op == ' ' && same - end < 2 * kContext + 1) ++same;
      if (same < script.size() && script[same].op != ' ' && same - end <= 2 * kContext) {
        end = same;
        continue;
      }
      end = std::min(script.size(), end + kContext);
      break;
    }
    // Line numbers of the hunk's first line in each text.
    std::size_t old_line = 1, new_line = 1;
    for (std::size_t k = 0; k < start; ++k) {
      if (script[k].op != '+') ++old_line;
      if (script[k].op != '-') ++new_line;
    }
    std::size_t old_count = 0, new_count = 0;
    for (std::size_t k = start; k < end; ++k) {
      if (script[k].op != '+') ++old_count;
      if (script[k].op != '-') ++new_count;
    }
    const auto range = [](std::size_t line, std::size_t count) {
      if (count == 0) return fmt::format("{},0", line - 1);
      return count == 1 ? fmt::format("{}", line) : fmt::format("{},{}", line, count);
    };
    out += paint("36", fmt::format("@@ -{} +{} @@", range(old_line, old_count), range(new_line, new_count)));
    for (std::size_t k = start; k < end; ++k) {
      const std::string line = std::string(1, script[k].op) + std::string(script[k].line);
      out += script[k].op == '-' ? paint("31", line) : script[k].op == '+' ? paint("32", line) : line + "\n";
    }
    i = end;
  }
  return out;
}

}  // namespace scalepol::cli
