// scalepol: the command-line program, a thin shell over the engine's public API.
#include <cstdio>
#include <exception>

#include "app.hpp"
#include "exit_code.hpp"

int main(int argc, char** argv) {
  // Nothing may escape as an uncaught exception (an abort with a core dump is not an answer).
  try {
    return scalepol::cli::run_app(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "scalepol: internal error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "scalepol: internal error\n");
  }
  return scalepol::cli::kFailure;
}
