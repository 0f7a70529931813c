// The one lock around the generated lexer and parser: they share their DFA caches between all
// instances (statics of the generated code), and the 4.9 runtime's guarantees for concurrent
// writers to them are not ones we can test. Parsing takes turns; so does lexing for fmt.
#pragma once

#include <mutex>

namespace scalepol::syntax {

std::mutex& antlr_mutex();

}  // namespace scalepol::syntax
