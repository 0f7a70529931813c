// The output side of `scalepol fmt`: writes a file's tokens in order with the canonical spacing,
// starts lines where the layout (layout.cpp) asks, and puts every comment back next to the token
// it was written next to. The layout decides where lines break; this class never reorders,
// drops or respells a token, so the output says what the input said.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/tokens.hpp"

namespace scalepol::format {

class Printer {
 public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  Printer(std::string_view text, const std::vector<syntax::Token>& tokens, std::size_t width);

  // Spacing the token text alone cannot tell: no space after a sign (`-x`), none before a call's
  // parenthesis (`f(x)`). Offsets of the tokens.
  void glue_after(uint32_t offset) { glue_after_.insert(offset); }
  void glue_before(uint32_t offset) { glue_before_.insert(offset); }

  // What is emitted next starts a new line at `indent`. `blank_ok`: a blank line the author left
  // there (one or more) is kept as one; `blank`: there is one anyway (before the comments that
  // lead what comes next, not between them and it).
  void line(int indent, bool blank_ok, bool blank = false);
  // The next token is separated by `n` spaces (alignment), whatever the spacing rules say.
  void next_spaces(int n) { next_spaces_ = n; }
  // Where a line goes on when a `//` comment ends it in the middle of a construct.
  void set_continuation(int indent) { cont_ = indent; }
  int continuation() const { return cont_; }

  // The code tokens, by index.
  std::size_t count() const { return code_.size(); }
  std::string_view text(std::size_t i) const { return text_.substr(code_[i].begin, code_[i].end - code_[i].begin); }
  uint32_t begin(std::size_t i) const { return code_[i].begin; }
  uint32_t end(std::size_t i) const { return code_[i].end; }
  // The first code token beginning at or after `offset` (count() when none).
  std::size_t index_at(uint32_t offset) const;

  // Writing, in source order.
  bool done() const { return next_ >= code_.size(); }
  std::size_t next() const { return next_; }
  void emit();                     // the next code token (and the comments before it)
  void emit_until(uint32_t end);   // every code token beginning before `end`
  void flush_comments(uint32_t limit);  // the comments beginning before `limit`
  std::string finish();            // the comments left, a final newline; the whole text

  // Measuring, for the layout's decisions.
  std::size_t width() const { return width_; }
  std::size_t next_column() const;  // where the next token would start on its line
  std::size_t flat_width(uint32_t begin, uint32_t end) const;  // the tokens in [begin, end) on one line
  bool has_comment(uint32_t begin, uint32_t end) const;
  // A comment in [begin, end) that ends a line or starts on one of its own: the text between
  // cannot be written on one line.
  bool has_line_breaking_comment(uint32_t begin, uint32_t end) const;

 private:
  bool needs_space(std::size_t prev, std::size_t next) const;
  bool blank_before(uint32_t offset) const;
  bool break_between(uint32_t begin, uint32_t end) const;
  void start_line(int indent, bool blank);
  void append(std::string_view s);
  void place(std::string_view text, uint32_t begin, uint32_t end, std::size_t code_index);
  void emit_comment(const syntax::Token& c);

  std::string_view text_;
  std::vector<syntax::Token> code_, comments_;
  std::size_t width_;
  std::set<uint32_t> glue_after_, glue_before_;

  // A line written, and where its trailing `//` comment starts (npos: none): consecutive lines
  // with one have them in one column (finish()). `continuation`: a comment line that continues
  // the trailing comment above it, in its column.
  struct Line {
    std::string text;
    std::size_t comment_at = npos;
    bool continuation = false;
  };
  void end_line();
  void align_trailing_comments();
  std::size_t source_column(uint32_t offset) const;

  std::size_t next_ = 0, next_comment_ = 0;
  std::vector<Line> lines_;
  std::string cur_;
  std::size_t cur_comment_at_ = npos;
  bool cur_continuation_ = false;
  // The last trailing `//` comment written: its column in the source, for continuations.
  bool last_trailing_ = false;
  std::size_t last_trailing_column_ = 0;
  std::size_t cols_ = 0;           // code points on the current line
  bool has_content_ = false;       // the current line holds more than its indentation
  std::size_t prev_code_ = npos;   // the code token last written on this line, if it was the last thing
  uint32_t prev_end_ = 0;          // the end of what was written last, in the source
  bool emitted_any_ = false;
  bool pending_ = false, pending_blank_ = false, pending_force_ = false;
  int pending_indent_ = 0;
  bool must_break_ = false;        // a `//` comment ended the line
  int cont_ = 0;
  int next_spaces_ = -1;
};

}  // namespace scalepol::format
