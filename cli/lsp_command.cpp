// `scalepol lsp`: the language server over stdin and stdout (cli/lsp/).
#include <iostream>

#include "commands.hpp"
#include "lsp/server.hpp"

namespace scalepol::cli {

int run_lsp(const LspOptions& options) {
  // stdout carries the protocol alone; nothing else may print to it.
  std::ios::sync_with_stdio(false);
  std::cin.tie(nullptr);
  return lsp::serve(std::cin, std::cout, std::cerr, options.compile);
}

}  // namespace scalepol::cli
