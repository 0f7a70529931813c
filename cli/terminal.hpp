// Whether to colour output: on a terminal, unless NO_COLOR is set (https://no-color.org), or as
// forced by --color always|never.
#pragma once

#include <cstdio>
#include <string>

namespace scalepol::cli {

enum class ColorMode { Auto, Always, Never };

// "auto", "always" or "never" (the values --color accepts; anything else is Auto).
ColorMode parse_color_mode(const std::string& text);

// Whether output written to `stream` (stdout or stderr) should carry colour.
bool use_color(ColorMode mode, std::FILE* stream);

}  // namespace scalepol::cli
