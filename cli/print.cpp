#include "print.hpp"

#include <cstdio>

#include <fmt/format.h>

namespace scalepol::cli {

void print_diagnostics(const Diagnostics& diagnostics, ColorMode mode) {
  if (diagnostics.empty()) return;
  const std::string text = render_text(diagnostics, {.color = use_color(mode, stderr)});
  std::fwrite(text.data(), 1, text.size(), stderr);
}

void print_error(std::string_view message, ColorMode mode) {
  const bool color = use_color(mode, stderr);
  fmt::print(stderr, "scalepol: {}error{}: {}\n", color ? "\x1b[1;31m" : "", color ? "\x1b[0m" : "", message);
}

}  // namespace scalepol::cli
