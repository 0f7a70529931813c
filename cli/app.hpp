// The command line: options of every command, parsing, and dispatch to the commands.
#pragma once

namespace scalepol::cli {

// Parses the arguments and runs the chosen command; returns the process's exit code. Usage
// errors are reported here (one line on stderr, exit 2).
int run_app(int argc, char** argv);

}  // namespace scalepol::cli
