// The HTML report's static files (engine/src/report/html/report.{html,css,js}), embedded into the
// library at build time by cmake/embed_html.cmake, so the page needs nothing but the binary.
#pragma once

#include <string_view>

namespace scalepol::report::html_assets {

extern const std::string_view kPage;    // report.html: the skeleton, with @@NAME@@ markers
extern const std::string_view kStyle;   // report.css
extern const std::string_view kScript;  // report.js

}  // namespace scalepol::report::html_assets
