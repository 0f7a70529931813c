// The checks that must hold before the generated parser sees a file. The parser recurses once
// per nesting level (about 25,000 nested parentheses overflow an 8 MB stack) and the ANTLR
// runtime throws on malformed UTF-8, so size, encoding and nesting are settled here, in plain
// C++ that neither recurses nor allocates per character.
#pragma once

#include "scalepol/options.hpp"
#include "syntax/sink.hpp"
#include "syntax/source.hpp"

namespace scalepol::syntax {

// True when the file may be parsed. Otherwise one diagnostic in `sink` says why:
// `input-too-large`, `nul-byte`, `invalid-utf8` or `nesting-too-deep`. A text direction control
// in a comment or a string is an error too (syntax/bidi.hpp), but the file is still parsed.
bool prescan(const SourceFile& file, const Limits& limits, DiagnosticSink& sink);

}  // namespace scalepol::syntax
