// The language server's session: reads messages, keeps the open documents, answers requests and
// publishes diagnostics, until `exit` or the end of input.
#pragma once

#include <istream>
#include <ostream>

#include "scalepol/policy.hpp"

namespace scalepol::lsp {

// Serves one session over `in`/`out`, logging problems to `log`. Returns the process's exit code:
// 0 after `shutdown` then `exit`, 1 when input ends or `exit` comes without `shutdown` (as LSP
// specifies).
int serve(std::istream& in, std::ostream& out, std::ostream& log, const CompileOptions& options);

}  // namespace scalepol::lsp
