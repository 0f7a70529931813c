// The canonical layout of a policy file (`scalepol fmt`): docs/fmt.md gives the rules.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "scalepol/diagnostic.hpp"
#include "scalepol/expected.hpp"
#include "scalepol/export.hpp"

namespace scalepol {

struct FormatOptions {
  std::size_t line_width = 100;  // expressions longer than this are wrapped; strings never are
};

// The source in the canonical layout, comments kept where they were; or the syntax errors
// (nothing is formatted when the file does not parse). One file alone: imports are not read.
// The output has LF line ends, no BOM, and a final newline (an empty file stays empty); its AST
// is the input's. `name` is the file's name in diagnostics.
SCALEPOL_API Expected<std::string, Diagnostics> format_source(std::string_view source, const std::string& name,
                                                              const FormatOptions& options = {});

}  // namespace scalepol
