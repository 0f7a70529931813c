// `allow-without-reason`: a `scalepol-allow` comment that gives no reason (it silences nothing).
// Reported by the lint driver (api/lint.cpp) while it applies the allow comments
// (lint/suppress.hpp); this entry puts the code in the catalogue, SARIF's rule list and the docs.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

const Rule allow_without_reason{Code::AllowWithoutReason, nullptr};

}  // namespace scalepol::linter::rules
