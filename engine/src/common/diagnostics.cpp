// Counting diagnostics by severity.
#include <algorithm>

#include "scalepol/diagnostic.hpp"

namespace scalepol {

namespace {
std::size_t count_of(const Diagnostics& diagnostics, Severity severity) {
  return static_cast<std::size_t>(std::ranges::count_if(
      diagnostics.items, [severity](const Diagnostic& d) { return d.severity == severity; }));
}
}  // namespace

bool Diagnostics::has_errors() const {
  return std::ranges::any_of(items, [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::size_t Diagnostics::error_count() const { return count_of(*this, Severity::Error); }

std::size_t Diagnostics::warning_count() const { return count_of(*this, Severity::Warning); }

}  // namespace scalepol
