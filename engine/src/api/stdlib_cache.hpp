// Parsed stdlib modules, kept for the life of the process. The stdlib is embedded and never
// changes, and parsing `std.model` is more ANTLR work than a typical policy of its own, so it is
// not parsed again for every compilation that imports it: each module is parsed once per set of
// parse limits and every compilation gets a copy of the AST (the checker writes types and
// resolutions into it, so compilations cannot share one).
#pragma once

#include "scalepol/policy.hpp"
#include "syntax/parse.hpp"
#include "syntax/source.hpp"

namespace scalepol::api {

// What syntax::parse(file, limits) gives for a stdlib module's file. `file` must hold the
// embedded text of the module named by its path (the cache is keyed by path and limits).
syntax::ParseResult parse_stdlib(const syntax::SourceFile& file, const Limits& limits);

}  // namespace scalepol::api
