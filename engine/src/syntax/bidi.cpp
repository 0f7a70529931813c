#include "syntax/bidi.hpp"

#include <cstdint>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "syntax/positions.hpp"
#include "syntax/utf8.hpp"

namespace scalepol::syntax {

std::string_view bidi_control_name(char32_t cp) {
  switch (cp) {
    case 0x061C: return "ARABIC LETTER MARK";
    case 0x200E: return "LEFT-TO-RIGHT MARK";
    case 0x200F: return "RIGHT-TO-LEFT MARK";
    case 0x202A: return "LEFT-TO-RIGHT EMBEDDING";
    case 0x202B: return "RIGHT-TO-LEFT EMBEDDING";
    case 0x202C: return "POP DIRECTIONAL FORMATTING";
    case 0x202D: return "LEFT-TO-RIGHT OVERRIDE";
    case 0x202E: return "RIGHT-TO-LEFT OVERRIDE";
    case 0x2066: return "LEFT-TO-RIGHT ISOLATE";
    case 0x2067: return "RIGHT-TO-LEFT ISOLATE";
    case 0x2068: return "FIRST STRONG ISOLATE";
    case 0x2069: return "POP DIRECTIONAL ISOLATE";
    default: return "";
  }
}

namespace {

// One comment or string: reports the controls in bytes [begin, end) of the file, if any.
class DirectionReporter {
 public:
  DirectionReporter(const SourceFile& file, DiagnosticSink& sink) : file_(file), sink_(sink) {}

  // False once the sink is full: nothing more is worth looking for.
  bool check(std::size_t begin, std::size_t end, bool comment) {
    const std::string_view text = file_.text();
    struct Found {
      std::size_t at, length;
      char32_t cp;
    };
    std::optional<Found> first;
    std::string others;  // the ones after the first, for a note
    std::size_t count = 0;
    for (std::size_t i = begin; i < end;) {
      if (static_cast<unsigned char>(text[i]) < 0x80) {
        ++i;
        continue;
      }
      char32_t cp = 0;
      std::size_t n = utf8_sequence(text, i, cp);
      if (n == 0) n = 1;  // cannot happen after the encoding check; stay in bounds regardless
      if (is_bidi_control(cp)) {
        ++count;
        if (!first) {
          first = Found{i, n, cp};
        } else if (count <= 5) {
          const ast::Span s = positions().bytes(uint32_t(i), uint32_t(i + n));
          fmt::format_to(std::back_inserter(others), "{}U+{:04X} {} at {}:{}", others.empty() ? "" : ", ",
                         uint32_t(cp), bidi_control_name(cp), s.line, s.column);
        } else if (count == 6) {
          others += ", …";
        }
      }
      i += n;
    }
    if (!first) return true;
    const bool was_full = sink_.full();  // then this one is dropped, and the sink notes the cut
    const std::string_view what = comment ? "comment" : "string";
    auto& d = sink_.error(positions().bytes(uint32_t(first->at), uint32_t(first->at + first->length)),
                          comment ? Code::TextDirectionCodepointInComment : Code::TextDirectionCodepointInLiteral,
                          fmt::format("this {} holds an invisible text direction control, U+{:04X} {}", what,
                                      uint32_t(first->cp), bidi_control_name(first->cp)));
    if (count > 1) d.notes.push_back(fmt::format("and {} more: {}", count - 1, others));
    d.notes.push_back(
        "text direction controls change the order in which editors, terminals and reviews show the characters "
        "around them, so that what is read is not what scalepol reads (\"Trojan Source\", CVE-2021-42574)");
    d.help = comment ? std::string(count > 1 ? "remove them" : "remove it")
                     : fmt::format("remove {}; if the text needs {}, write {} as an escape, as in `\\u{:04x}`",
                                   count > 1 ? "them" : "it", count > 1 ? "them" : "it", count > 1 ? "each" : "it",
                                   uint32_t(first->cp));
    return !was_full;
  }

 private:
  const PositionMap& positions() {
    if (!positions_) positions_.emplace(file_.text());  // only a file that holds a control pays for it
    return *positions_;
  }

  const SourceFile& file_;
  DiagnosticSink& sink_;
  std::optional<PositionMap> positions_;
};

}  // namespace

void check_text_direction(const SourceFile& file, DiagnosticSink& sink) {
  const std::string_view text = file.text();
  DirectionReporter reporter(file, sink);
  // Comments and strings as the lexer reads them (grammar/Scalepol.g4: LINE_COMMENT,
  // BLOCK_COMMENT and UNTERMINATED_COMMENT, STRING and UNTERMINATED_STRING).
  for (std::size_t i = bom_length(text); i < text.size();) {
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    std::size_t end = 0;
    bool comment = true;
    if (c == '/' && next == '/') {
      end = text.find_first_of("\r\n", i);
    } else if (c == '/' && next == '*') {
      end = text.find("*/", i + 2);
      if (end != std::string_view::npos) end += 2;
    } else if (c == '"') {
      comment = false;
      end = i + 1;
      while (end < text.size() && text[end] != '"') end += text[end] == '\\' ? 2 : 1;
      if (end < text.size()) ++end;  // the closing quote
    } else {
      ++i;
      continue;
    }
    end = std::min(end, text.size());
    if (!reporter.check(i, end, comment)) return;
    i = end;
  }
}

}  // namespace scalepol::syntax
