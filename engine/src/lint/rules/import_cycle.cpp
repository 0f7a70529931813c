// `import-cycle`: a file that imports itself through its imports.
// Reported by the checker while it compiles the policy (check/): this entry puts the code in the
// catalogue, SARIF's rule list and the docs; its tests are in tests/unit/lint/import_cycle_test.cpp.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

const Rule import_cycle{Code::ImportCycle, nullptr};

}  // namespace scalepol::linter::rules
