#include "data/source_text.hpp"

#include "syntax/utf8.hpp"

#include <algorithm>
#include <cstring>

namespace scalepol::data {

namespace {

// A line text longer than this is cut (on a code point boundary) so that a hundred diagnostics
// on a minified JSON file do not copy its one huge line a hundred times. The location itself is
// still exact; only the caret rendering loses the text when the caret would fall past the cut.
constexpr std::size_t kMaxLineText = 16 * 1024;

using syntax::is_continuation;

uint32_t count_code_points(std::string_view s) { return static_cast<uint32_t>(syntax::code_points(s)); }

}  // namespace

void SourceText::seek(std::size_t offset) {
  offset = std::min(offset, text_.size());
  if (offset < line_start_) {  // behind the cursor: count again from the top
    scanned_ = 0;
    line_ = first_line_;
    line_start_ = 0;
  }
  while (scanned_ < offset) {
    const void* nl = std::memchr(text_.data() + scanned_, '\n', offset - scanned_);
    if (!nl) {
      scanned_ = offset;
      break;
    }
    const auto at = static_cast<std::size_t>(static_cast<const char*>(nl) - text_.data());
    ++line_;
    line_start_ = at + 1;
    scanned_ = at + 1;
  }
}

uint32_t SourceText::line_of(std::size_t offset) {
  seek(offset);
  return line_;
}

std::string_view SourceText::line_at_cursor() const {
  std::string_view rest = text_.substr(line_start_);
  std::string_view line = rest.substr(0, rest.find('\n'));
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

Location SourceText::locate(std::size_t begin, std::size_t end) {
  begin = std::min(begin, text_.size());
  Location loc;
  loc.file = file_;
  seek(begin);
  loc.line = line_;
  loc.column = 1 + count_code_points(text_.substr(line_start_, begin - line_start_));

  std::string_view line = line_at_cursor();
  if (line.size() <= kMaxLineText) {
    loc.line_text = std::string(line);
  } else if (begin - line_start_ < kMaxLineText) {
    std::size_t cut = kMaxLineText;
    while (cut > 0 && is_continuation(static_cast<unsigned char>(line[cut]))) --cut;
    loc.line_text = std::string(line.substr(0, cut));
  }

  if (end > begin) {
    end = std::min(end, text_.size());
    const std::size_t line_end = line_start_ + line.size();
    if (end <= line_end) {
      loc.end_line = loc.line;
      loc.end_column = loc.column + count_code_points(text_.substr(begin, end - begin));
    } else {  // a span over several lines (a quoted CSV cell with newlines in it)
      seek(end);
      loc.end_line = line_;
      loc.end_column = 1 + count_code_points(text_.substr(line_start_, end - line_start_));
    }
  }
  return loc;
}

Location SourceText::locate_line(uint32_t line) {
  if (line < line_) seek(0);
  while (line_ < line && scanned_ < text_.size()) {
    const void* nl = std::memchr(text_.data() + scanned_, '\n', text_.size() - scanned_);
    if (!nl) break;
    const auto at = static_cast<std::size_t>(static_cast<const char*>(nl) - text_.data());
    ++line_;
    line_start_ = scanned_ = at + 1;
  }
  if (line_ != line) {  // past the end of the file: keep the line, without text
    Location loc;
    loc.file = file_;
    loc.line = line;
    loc.column = 1;
    return loc;
  }
  return locate(line_start_);
}

Location SourceText::whole_file() const {
  Location loc;
  loc.file = file_;
  return loc;
}

}  // namespace scalepol::data
