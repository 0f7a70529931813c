// The exit codes every scalepol command uses (docs/cli.md).
#pragma once

namespace scalepol::cli {

enum ExitCode : int {
  kClean = 0,     // nothing to report
  kFindings = 1,  // diagnostics in a policy, or failed tests
  kFailure = 2,   // usage errors and inputs that cannot be used (unreadable, invalid)
};

}  // namespace scalepol::cli
