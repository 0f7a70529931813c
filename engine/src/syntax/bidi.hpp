// Text direction controls ("Trojan Source", CVE-2021-42574): characters that change the order in
// which an editor, a terminal or a code review shows the characters around them, so that what a
// reader sees is not what the program reads. A policy may not hold them raw in a comment or a
// string (check_text_direction, run by the pre-scan), and nothing that comes from a policy or a
// data file is printed with them raw (report/text_util.hpp, report/json_writer.hpp).
#pragma once

#include <string_view>

#include "syntax/sink.hpp"
#include "syntax/source.hpp"

namespace scalepol::syntax {

// The embeddings and overrides (U+202A..U+202E), the isolates (U+2066..U+2069), and the implicit
// marks (U+200E LRM, U+200F RLM, U+061C ALM), which move the neutral characters around them.
inline bool is_bidi_control(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
         cp == 0x061C;
}

// The character's Unicode name ("RIGHT-TO-LEFT OVERRIDE"); "" for any other character.
std::string_view bidi_control_name(char32_t cp);

// Reports every comment and string of the file (valid UTF-8: run after the encoding check) that
// holds a text direction control: an error at the first one, `text-direction-codepoint-in-comment`
// or `text-direction-codepoint-in-literal` (rustc's lints of those names, deny by default, are the
// model). Such a character anywhere else is not a token at all: the lexer reports it
// (`unexpected-character`). The file is still parsed, so its other errors are reported too.
void check_text_direction(const SourceFile& file, DiagnosticSink& sink);

}  // namespace scalepol::syntax
