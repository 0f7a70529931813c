// ANSI styles used by the text renderers. Colour is opt-in (RenderOptions::color): the caller
// decides whether its stream is a terminal, the renderers never guess.
#pragma once

#include <string>
#include <string_view>

namespace scalepol::report::ansi {

inline constexpr std::string_view kReset = "\x1b[0m";
inline constexpr std::string_view kBold = "\x1b[1m";
inline constexpr std::string_view kDim = "\x1b[2m";
inline constexpr std::string_view kBoldRed = "\x1b[1;31m";
inline constexpr std::string_view kBoldYellow = "\x1b[1;33m";
inline constexpr std::string_view kBoldBlue = "\x1b[1;34m";
inline constexpr std::string_view kBoldCyan = "\x1b[1;36m";
inline constexpr std::string_view kYellow = "\x1b[33m";

// Appends `text` wrapped in `style` when `on`, plain otherwise.
inline void paint(std::string& out, bool on, std::string_view style, std::string_view text) {
  if (!on || text.empty()) {
    out.append(text);
    return;
  }
  out.append(style);
  out.append(text);
  out.append(kReset);
}

}  // namespace scalepol::report::ansi
