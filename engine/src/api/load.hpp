// Loading a program without insisting that it compiles: compile_file and compile_source turn the
// result into a Policy or its diagnostics, and outline() reads whatever parsed of a file that is
// still being written (an editor's buffer).
#pragma once

#include <memory>
#include <string>

#include "check/program.hpp"
#include "scalepol/policy.hpp"

namespace scalepol {

// Parse the main file `path` (whose text is `text`) and everything it imports; check the whole
// program when nothing failed to parse. Never throws; every failure is in the diagnostics (not
// yet capped at limits.max_diagnostics). A module that failed to parse may be partial.
std::unique_ptr<check::Program> load_program(const std::string& path, std::string text, const CompileOptions& options);

}  // namespace scalepol
