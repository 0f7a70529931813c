// The counts the public result types give of themselves (coverage.hpp, diff.hpp): the report
// layer prints them, so they are defined below it, with the types.
#include <algorithm>

#include "scalepol/coverage.hpp"
#include "scalepol/diff.hpp"

namespace scalepol {

std::size_t QuoteCoverage::quoted() const {
  return static_cast<std::size_t>(
      std::count_if(constructs.begin(), constructs.end(), [](const CoveredConstruct& k) { return k.quoted; }));
}

std::size_t QuoteCoverage::unquoted() const { return constructs.size() - quoted(); }

std::size_t PolicyDiff::changed_verdicts() const {
  std::size_t n = 0;
  for (const ModelDiff& m : models) n += m.changes.size();
  return n;
}

}  // namespace scalepol
