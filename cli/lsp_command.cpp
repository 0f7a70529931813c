// `scalepol lsp`: the language server over stdin and stdout (cli/lsp/).
#include <csignal>
#include <iostream>

#include "commands.hpp"
#include "lsp/server.hpp"

namespace scalepol::cli {

int run_lsp(const LspOptions& options) {
  // stdout carries the protocol alone; nothing else may print to it.
  std::ios::sync_with_stdio(false);
  // An editor that closes the pipe has gone away: the write fails and the next read ends the
  // session, instead of the signal killing the server mid-write.
  std::signal(SIGPIPE, SIG_IGN);
  std::cin.tie(nullptr);
  return lsp::serve(std::cin, std::cout, std::cerr, options.compile);
}

}  // namespace scalepol::cli
