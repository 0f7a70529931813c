#include "terminal.hpp"

#include <cstdlib>

#include <unistd.h>

namespace scalepol::cli {

ColorMode parse_color_mode(const std::string& text) {
  if (text == "always") return ColorMode::Always;
  if (text == "never") return ColorMode::Never;
  return ColorMode::Auto;
}

bool use_color(ColorMode mode, std::FILE* stream) {
  if (mode != ColorMode::Auto) return mode == ColorMode::Always;
  // no-color.org: set and not empty means no colour.
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  return ::isatty(::fileno(stream)) == 1;
}

}  // namespace scalepol::cli
