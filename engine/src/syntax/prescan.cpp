#include "syntax/prescan.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "syntax/bidi.hpp"
#include "syntax/positions.hpp"
#include "syntax/utf8.hpp"

namespace scalepol::syntax {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_word_char(char c) { return is_word_start(c) || is_digit(c); }

bool check_size(const SourceFile& file, const Limits& limits, DiagnosticSink& sink) {
  // Spans hold 32-bit offsets: that bounds the size whatever the host allows.
  const std::size_t limit = std::min<std::size_t>(limits.max_source_bytes, std::numeric_limits<uint32_t>::max() - 1);
  if (file.text().size() <= limit) return true;
  sink.file_error(Code::InputTooLarge,
                  fmt::format("the file is {} bytes, more than the limit of {}", file.text().size(), limit));
  return false;
}

bool check_encoding(const SourceFile& file, DiagnosticSink& sink) {
  const std::string_view text = file.text();
  for (std::size_t i = bom_length(text); i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == 0) {
      auto& d = sink.error(locate_bytes(text, uint32_t(i), uint32_t(i + 1)), Code::NulByte, "the file contains a nul byte");
      d.help = "a policy is a text file: remove the byte, or check that this is the right file";
      return false;
    }
    if (byte < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    std::size_t n = utf8_sequence(text, i, cp);
    if (n == 0) {
      auto& d = sink.error(locate_bytes(text, uint32_t(i), uint32_t(i + 1)), Code::InvalidUtf8,
                           fmt::format("invalid UTF-8: byte 0x{:02x} does not start a character here", byte));
      d.help = "save the file as UTF-8";
      return false;
    }
    i += n;
  }
  return true;
}

// Words after which an expression starts: a `-` that follows one is a sign, not a subtraction.
// A soft keyword used as a name (`base - 1`) is misread as one of these, which shifts the count
// by one level at most: harmless for a limit that only protects the stack.
bool starts_operand(std::string_view word) {
  static constexpr std::string_view words[] = {
      "when", "and", "or", "not", "is", "contains", "starts_with", "within", "below", "up_to",
      "above", "from", "by", "in", "expect", "base", "scale", "multiplier"};
  for (auto w : words)
    if (w == word) return true;
  return false;
}

// Measures nesting the way the parser and the walks over its tree will recurse: each bracket is
// one level, and each prefix operator (`-` as a sign, `not`, and a ratio such as `4x` in front of
// an operand) is one more level that lasts as long as its operand. Runs of prefix operators are
// counted as they are written; a bracket opened inside such a run sits that many levels deeper.
// Each `@` wraps the operand before it in one more node (`x@a@b` is `(x@a)@b`), so it is one level
// above the deepest point of that operand. Strings and comments are skipped with the lexer's own
// rules, so that a `(` in a quote counts for nothing.
class NestingScanner {
 public:
  NestingScanner(std::string_view text, std::size_t limit) : text_(text), limit_(limit) {}

  // The offset and length of the first token nested beyond the limit, if any.
  bool scan(std::size_t& at, std::size_t& length) {
    std::size_t i = bom_length(text_);
    while (i < text_.size()) {
      const char c = text_[i];
      const char next = i + 1 < text_.size() ? text_[i + 1] : '\0';
      std::size_t start = i;
      if (c == '/' && next == '/') {
        while (i < text_.size() && text_[i] != '\n' && text_[i] != '\r') ++i;
      } else if (c == '/' && next == '*') {
        auto close = text_.find("*/", i + 2);
        i = close == std::string_view::npos ? text_.size() : close + 2;
      } else if (c == '"') {
        for (++i; i < text_.size() && text_[i] != '"'; ++i)
          if (text_[i] == '\\') ++i;
        ++i;
        operand();
      } else if (c == '@') {
        ++i;
        if (!at_sign()) return report(start, 1, at, length);
      } else if (c == '(' || c == '[' || c == '{') {
        ++i;
        if (!open()) return report(start, 1, at, length);
      } else if (c == ')' || c == ']' || c == '}') {
        ++i;
        close();
        after_operand_ = c != '}';
      } else if (c == '-' && after_operand_) {
        ++i;  // a subtraction
        run_ = 0;
        after_operand_ = false;
      } else if (c == '-') {
        ++i;
        if (!prefix()) return report(start, 1, at, length);
      } else if (is_digit(c)) {
        if (!skip_number(i)) {
          operand();
        } else if (!prefix()) {
          return report(start, i - start, at, length);
        }
      } else if (is_word_start(c)) {
        while (i < text_.size() && is_word_char(text_[i])) ++i;
        const auto word = text_.substr(start, i - start);
        if (word == "not") {
          if (!prefix()) return report(start, i - start, at, length);
        } else if (starts_operand(word)) {
          run_ = 0;
          after_operand_ = false;
        } else if (after_at_) {
          after_at_ = false;  // the reference after `@` (already counted)
          after_operand_ = true;
        } else {
          operand();
        }
      } else {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
          run_ = 0;
          after_operand_ = false;
        }
        ++i;
      }
    }
    return false;
  }

 private:
  bool open() {
    bases_.push_back(base_);
    base_ += run_ + 1;
    peaks_.push_back(base_);
    run_ = 0;
    after_operand_ = false;
    after_at_ = false;
    return base_ <= limit_;
  }
  void close() {
    if (!bases_.empty()) {
      base_ = bases_.back();
      bases_.pop_back();
      operand_depth_ = peaks_.back();  // the bracketed operand reaches as deep as its content
      peaks_.pop_back();
      raise_peak(operand_depth_);
    }
    run_ = 0;
    after_at_ = false;
  }
  bool prefix() {
    after_operand_ = false;
    after_at_ = false;
    return base_ + ++run_ <= limit_;
  }
  void operand() {
    operand_depth_ = base_ + run_;
    raise_peak(operand_depth_);
    run_ = 0;
    after_operand_ = true;
    after_at_ = false;
  }
  // `@` after an operand: one level above the deepest point of that operand.
  bool at_sign() {
    if (!after_operand_) return true;  // not an operand's `@`: the parser reports it
    ++operand_depth_;
    raise_peak(operand_depth_);
    after_at_ = true;
    return operand_depth_ <= limit_;
  }
  void raise_peak(std::size_t depth) {
    if (!peaks_.empty() && peaks_.back() < depth) peaks_.back() = depth;
  }

  // NUMBER, RATIO or DATE as the lexer reads them; true for a ratio (`4x`). The `-` of a date
  // and of an exponent belong to the token and are no operator.
  bool skip_number(std::size_t& i) {
    const auto digits = [&](std::size_t k) {
      std::size_t n = 0;
      while (k + n < text_.size() && is_digit(text_[k + n])) ++n;
      return n;
    };
    const auto at = [&](std::size_t k) { return k < text_.size() ? text_[k] : '\0'; };
    std::size_t n = digits(i);
    if (n == 4 && at(i + 4) == '-' && digits(i + 5) >= 2 && at(i + 7) == '-' && digits(i + 8) >= 2) {
      i += 10;  // a date: YYYY-MM-DD
      return false;
    }
    i += n;
    if (at(i) == '.' && digits(i + 1) > 0) i += 1 + digits(i + 1);
    if (at(i) == 'e' || at(i) == 'E') {
      std::size_t k = i + 1;
      if (at(k) == '+' || at(k) == '-') ++k;
      if (digits(k) > 0) i = k + digits(k);
    }
    if (at(i) == 'x') {
      ++i;
      return true;
    }
    return false;
  }

  bool report(std::size_t start, std::size_t n, std::size_t& at, std::size_t& length) {
    at = start;
    length = n;
    return true;
  }

  std::string_view text_;
  std::size_t limit_;
  std::size_t base_ = 0;  // levels of the innermost open bracket, itself included
  std::size_t run_ = 0;   // prefix operators written since the last operand or bracket
  bool after_operand_ = false;  // an operand just ended: a `-` here subtracts
  bool after_at_ = false;       // a `@` was just read: the name after it is part of that level
  std::size_t operand_depth_ = 0;  // levels reached by the operand that just ended
  std::vector<std::size_t> bases_;
  std::vector<std::size_t> peaks_;  // per open bracket: the deepest level reached inside it
};

bool check_nesting(const SourceFile& file, const Limits& limits, DiagnosticSink& sink) {
  std::size_t at = 0, length = 0;
  if (!NestingScanner(file.text(), limits.max_nesting).scan(at, length)) return true;
  const std::string_view token = std::string_view(file.text()).substr(at, length);
  auto& d = sink.error(locate_bytes(file.text(), uint32_t(at), uint32_t(at + length)), Code::NestingTooDeep,
                       fmt::format("`{}` is nested more than {} levels deep", token, limits.max_nesting));
  d.notes.push_back("brackets, blocks, prefix operators and `@` count as levels; the limit protects the host from stack exhaustion");
  d.help = "split the expression into named parts with `define`";
  return false;
}

}  // namespace

bool prescan(const SourceFile& file, const Limits& limits, DiagnosticSink& sink) {
  if (!check_size(file, limits, sink) || !check_encoding(file, sink)) return false;
  check_text_direction(file, sink);  // errors, but the file is still parsed (syntax/bidi.hpp)
  return check_nesting(file, limits, sink);
}

}  // namespace scalepol::syntax
