// What a policy file declares, where, and which declaration each name it uses refers to: the
// questions an editor asks (document symbols, hover, go to definition). It works on a file that
// does not compile too, as far as it parsed: an editor asks while the text is being written.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "scalepol/diagnostic.hpp"
#include "scalepol/export.hpp"
#include "scalepol/policy.hpp"

namespace scalepol {

// A stretch of a file: 1-based lines and columns counted in Unicode code points (as in
// Location); the end is exclusive. `line == 0` when the construct has no place (never for a
// symbol of a parsed file).
struct SourceSpan {
  std::string file;
  uint32_t line = 0, column = 0;
  uint32_t end_line = 0, end_column = 0;
};

struct OutlineQuote {
  std::string text;    // the sentence of the source; may be empty when only `source` was written
  std::string source;  // where it is from; may be empty
};

struct OutlineSymbol {
  // policy, import, field, benchmark, effective_compute, reference, define, trigger, tiers, tier,
  // obligation, escalate, exemption, assume, test, unit, not_encoded
  std::string kind;
  std::string name;         // as declared; a tier's is `ladder.tier`; a test's is its title
  std::string detail;       // one line: its value, condition or type as written (`above 1e25 FLOP`)
  SourceSpan span;          // the whole construct
  SourceSpan name_span;     // its name (the whole construct when it has none)
  bool in_stdlib = false;   // declared in the embedded standard library (no file on disk)
  std::vector<OutlineQuote> quotes;
  std::vector<OutlineSymbol> children;  // a policy header's, a ladder's tiers, a tier's obligations
};

// A name written in the main file, and the declaration it refers to.
struct NameUse {
  SourceSpan span;          // the name as written (one part of a dotted name)
  OutlineSymbol target;     // the declaration (without children)
};

struct Outline {
  std::string file;
  std::vector<OutlineSymbol> symbols;  // the main file's items, in source order
  std::vector<NameUse> uses;           // the main file's names that refer to a declaration, in source order
  // The declarations of the main file and of everything it imports, flat (children included),
  // main file first: what a name may refer to.
  std::vector<OutlineSymbol> declarations;
};

// Parse `source` as the file `name` (relative imports resolve against its directory, as for
// compile_source) with its imports, and describe it. Names are resolved by the scoping the
// checker uses (one namespace per program; `ladder.tier`; `std.module.name`); a name that refers
// to nothing is left out of `uses`. Never throws.
SCALEPOL_API Outline outline(std::string_view source, const std::string& name, const CompileOptions& options = {});

}  // namespace scalepol
