#include "format/printer.hpp"

#include <algorithm>

namespace scalepol::format {
namespace {

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// How much longer than the shortest a line's code may be and still set the column of a run of
// trailing comments.
constexpr std::size_t kAlignSlack = 24;

bool one_of(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

// A comment as it is written back: LF line ends, no trailing blanks on a `//` line.
std::string comment_text(std::string_view raw, bool line_comment) {
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\r') {
      out += '\n';
      if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
      continue;
    }
    out += raw[i];
  }
  if (line_comment)
    while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
  return out;
}

}  // namespace

Printer::Printer(std::string_view text, const std::vector<syntax::Token>& tokens, std::size_t width)
    : text_(text), width_(width) {
  for (const auto& t : tokens) (t.kind == syntax::Token::Kind::Code ? code_ : comments_).push_back(t);
}

std::size_t Printer::index_at(uint32_t offset) const {
  return std::lower_bound(code_.begin(), code_.end(), offset,
                          [](const syntax::Token& t, uint32_t o) { return t.begin < o; }) -
         code_.begin();
}

bool Printer::needs_space(std::size_t prev, std::size_t next) const {
  const std::string_view p = text(prev), n = text(next);
  if (glue_after_.count(code_[prev].begin) || glue_before_.count(code_[next].begin)) return false;
  if (one_of(p, {"(", "[", "@", ".", ".."})) return false;
  if (one_of(n, {")", "]", ",", ":", "@", ".", ".."})) return false;
  if (p == "{" && n == "}") return false;
  return true;
}

// Line breaks in the source between two offsets: LF, CRLF and a lone CR each count once.
bool Printer::break_between(uint32_t begin, uint32_t end) const {
  for (uint32_t i = begin; i < end && i < text_.size(); ++i)
    if (text_[i] == '\n' || text_[i] == '\r') return true;
  return false;
}

bool Printer::blank_before(uint32_t offset) const {
  int breaks = 0;
  for (uint32_t i = prev_end_; i < offset && i < text_.size(); ++i) {
    if (text_[i] == '\n' || (text_[i] == '\r' && (i + 1 >= text_.size() || text_[i + 1] != '\n'))) ++breaks;
  }
  return breaks >= 2;
}

void Printer::line(int indent, bool blank_ok, bool blank) {
  pending_ = true;
  pending_indent_ = indent;
  pending_blank_ = blank_ok;
  pending_force_ = blank;
}

void Printer::append(std::string_view s) {
  cur_.append(s);
  cols_ += code_points(s);
}

void Printer::end_line() {
  while (!cur_.empty() && cur_.back() == ' ') cur_.pop_back();
  lines_.push_back({std::move(cur_), cur_comment_at_, cur_continuation_});
  cur_.clear();
  cur_comment_at_ = npos;
  cur_continuation_ = false;
}

std::size_t Printer::source_column(uint32_t offset) const {
  std::size_t start = offset;
  while (start > 0 && text_[start - 1] != '\n' && text_[start - 1] != '\r') --start;
  return code_points(text_.substr(start, offset - start));
}

void Printer::start_line(int indent, bool blank) {
  if (has_content_) {
    end_line();
    // Never a blank line right after a `{`: a block starts with its first part.
    if (blank && !(prev_code_ != npos && text(prev_code_) == "{")) lines_.push_back({});
  }
  cur_.assign(static_cast<std::size_t>(std::max(indent, 0)), ' ');
  cols_ = cur_.size();
  has_content_ = false;
  prev_code_ = npos;
}

std::size_t Printer::next_column() const {
  if (pending_) return static_cast<std::size_t>(pending_indent_);
  if (must_break_) return static_cast<std::size_t>(cont_);
  return has_content_ ? cols_ + 1 : cols_;
}

void Printer::place(std::string_view s, uint32_t begin, uint32_t end, std::size_t code_index) {
  if (pending_) {
    start_line(pending_indent_, pending_blank_ && (pending_force_ || blank_before(begin)));
    pending_ = false;
    must_break_ = false;
  } else if (must_break_) {
    start_line(cont_, false);
    must_break_ = false;
  } else if (has_content_) {
    int spaces = 1;
    if (next_spaces_ >= 0) spaces = next_spaces_;
    else if (prev_code_ != npos && code_index != npos && !needs_space(prev_code_, code_index)) spaces = 0;
    cur_.append(static_cast<std::size_t>(spaces), ' ');
    cols_ += static_cast<std::size_t>(spaces);
  }
  next_spaces_ = -1;
  append(s);
  has_content_ = true;
  prev_end_ = end;
  emitted_any_ = true;
  prev_code_ = code_index;
}

void Printer::emit_comment(const syntax::Token& c) {
  const bool line_comment = c.kind == syntax::Token::Kind::LineComment;
  const std::string body = comment_text(text_.substr(c.begin, c.end - c.begin), line_comment);
  if (emitted_any_ && has_content_ && !break_between(prev_end_, c.begin)) {
    // Written on the line of what precedes it: it stays there, even when a new line is due.
    cur_.append(line_comment ? "  " : " ");
    cols_ += line_comment ? 2 : 1;
    if (line_comment) cur_comment_at_ = cur_.size();
    last_trailing_ = line_comment;
    if (line_comment) last_trailing_column_ = source_column(c.begin);  // a `//` ends its line: one walk per line
    append(body);
    prev_end_ = c.end;
    prev_code_ = npos;
    if (line_comment && !pending_) must_break_ = true;
    return;
  }
  // On a line of its own: it stays on one, before what follows it. Right under a trailing `//`
  // comment and in its column, it continues that comment, and stays in its column.
  const bool continuation = line_comment && last_trailing_ && !blank_before(c.begin) &&
                            source_column(c.begin) == last_trailing_column_;
  if (!pending_) line(cont_, false);
  start_line(pending_indent_, pending_blank_ && (pending_force_ || blank_before(c.begin)));
  pending_force_ = false;
  if (continuation) {
    cur_.clear();
    cols_ = 0;
    cur_comment_at_ = 0;
    cur_continuation_ = true;
  } else {
    last_trailing_ = false;
  }
  append(body);
  has_content_ = true;
  prev_end_ = c.end;
  emitted_any_ = true;
  prev_code_ = npos;
  must_break_ = false;
  pending_ = true;  // same indent, same blank-line rule for what follows
}

void Printer::flush_comments(uint32_t limit) {
  while (next_comment_ < comments_.size() && comments_[next_comment_].begin < limit)
    emit_comment(comments_[next_comment_++]);
}

void Printer::emit() {
  if (done()) return;
  const auto& t = code_[next_];
  flush_comments(t.begin);
  place(text(next_), t.begin, t.end, next_);
  last_trailing_ = false;
  ++next_;
}

void Printer::emit_until(uint32_t end) {
  while (!done() && code_[next_].begin < end) emit();
}

std::string Printer::finish() {
  while (!done()) emit();  // nothing should be left; never drop a token
  line(0, true);
  flush_comments(UINT32_MAX);
  if (has_content_) end_line();
  align_trailing_comments();
  std::string out;
  for (const auto& l : lines_) {
    out += l.text;
    out += '\n';
  }
  return out;
}

// Consecutive lines at one indent that end in a `//` comment have their comments in one column,
// two spaces after the longest line's code; a continuation line takes the same column.
void Printer::align_trailing_comments() {
  const auto indent = [](const std::string& s) { return s.find_first_not_of(' '); };
  for (std::size_t i = 0; i < lines_.size();) {
    if (lines_[i].comment_at == npos || lines_[i].continuation) {
      ++i;
      continue;
    }
    const auto code_width = [](const Line& l) {
      std::string_view code = std::string_view(l.text).substr(0, l.comment_at);
      while (!code.empty() && code.back() == ' ') code.remove_suffix(1);
      return code_points(code);
    };
    std::size_t j = i, narrowest = npos;
    for (; j < lines_.size() && lines_[j].comment_at != npos; ++j) {
      const Line& l = lines_[j];
      if (!l.continuation && indent(l.text) != indent(lines_[i].text)) break;
      if (!l.continuation) narrowest = std::min(narrowest, code_width(l));
    }
    // A line much longer than the others does not push their comments out: it keeps two spaces.
    std::size_t column = 0;
    for (std::size_t k = i; k < j; ++k)
      if (!lines_[k].continuation && code_width(lines_[k]) <= narrowest + kAlignSlack)
        column = std::max(column, code_width(lines_[k]) + 2);
    for (std::size_t k = i; k < j; ++k) {
      Line& l = lines_[k];
      std::string code = l.text.substr(0, l.comment_at);
      while (!code.empty() && code.back() == ' ') code.pop_back();
      const std::string comment = l.text.substr(l.comment_at);
      const std::size_t width = code_points(code);
      code.append(column > width + 1 ? column - width : 2, ' ');
      l.text = code + comment;
      l.comment_at = code.size();
    }
    i = j;
  }
}

std::size_t Printer::flat_width(uint32_t begin, uint32_t end) const {
  std::size_t w = 0;
  const std::size_t first = index_at(begin);
  for (std::size_t i = first; i < code_.size() && code_[i].begin < end; ++i) {
    if (i > first && needs_space(i - 1, i)) ++w;
    w += code_points(text(i));
  }
  return w;
}

bool Printer::has_comment(uint32_t begin, uint32_t end) const {
  auto it = std::lower_bound(comments_.begin(), comments_.end(), begin,
                             [](const syntax::Token& t, uint32_t o) { return t.begin < o; });
  return it != comments_.end() && it->begin < end;
}

bool Printer::has_line_breaking_comment(uint32_t begin, uint32_t end) const {
  auto it = std::lower_bound(comments_.begin(), comments_.end(), begin,
                             [](const syntax::Token& t, uint32_t o) { return t.begin < o; });
  for (; it != comments_.end() && it->begin < end; ++it) {
    if (it->kind == syntax::Token::Kind::LineComment) return true;
    const std::size_t before = index_at(it->begin);
    if (before == 0 || break_between(code_[before - 1].end, it->begin)) return true;
  }
  return false;
}

}  // namespace scalepol::format
