// Printing diagnostics and one-line errors to stderr, in the one style every command uses.
#pragma once

#include <string_view>

#include "scalepol/diagnostic.hpp"
#include "terminal.hpp"

namespace scalepol::cli {

// The diagnostics as text on stderr, coloured when stderr is a terminal (and `mode` allows).
void print_diagnostics(const Diagnostics& diagnostics, ColorMode mode);

// `scalepol: error: <message>` on stderr: for problems that are not about a policy's text.
void print_error(std::string_view message, ColorMode mode);

}  // namespace scalepol::cli
