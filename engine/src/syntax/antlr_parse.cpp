// syntax::parse: pre-scan, lex, parse (SLL first, LL with recovery on failure), build the AST.
#include <cstdlib>
#include <string_view>
#include <exception>
#include <memory>
#include <mutex>

#include <fmt/format.h>

#include "ScalepolLexer.h"
#include "ScalepolParser.h"
#include "syntax/antlr_build.hpp"
#include "syntax/antlr_errors.hpp"
#include "syntax/antlr_lock.hpp"
#include "syntax/parse.hpp"
#include "syntax/positions.hpp"
#include "syntax/prescan.hpp"
#include "syntax/sink.hpp"

namespace scalepol::syntax {
namespace {

using scalepol_gen::ScalepolLexer;
using scalepol_gen::ScalepolParser;

// Past this many syntax errors in one file, recovery has usually lost track of the text and the
// rest would be noise.
constexpr std::size_t kMaxSyntaxErrors = 20;

// The lexer never fails (ERROR_CHAR takes any character), so anything it reports is a bug of
// ours: say so rather than print to the console, which is ANTLR's default.
class LexerErrorListener : public antlr4::BaseErrorListener {
 public:
  explicit LexerErrorListener(DiagnosticSink& sink) : sink_(sink) {}
  void syntaxError(antlr4::Recognizer*, antlr4::Token*, size_t, size_t, const std::string& msg,
                   std::exception_ptr) override {
    sink_.file_error(Code::InternalError, fmt::format("the lexer failed: {}", msg));
  }

 private:
  DiagnosticSink& sink_;
};

// For docs/performance.md's measurement of what the SLL pass saves: SCALEPOL_PARSE_LL_ONLY=1 in
// the environment skips it. Read once; not a user setting.
bool ll_only() {
  static const bool value = [] {
    const char* v = std::getenv("SCALEPOL_PARSE_LL_ONLY");
    return v && std::string_view(v) == "1";
  }();
  return value;
}

ScalepolParser::FileContext* parse_tree(ScalepolParser& parser, antlr4::CommonTokenStream& tokens,
                                        SyntaxErrorReporter& reporter) {
  // Pass 1: SLL prediction, giving up at the first error. SLL is much faster and decides
  // nearly every correct file; a file it fails on is either wrong or needs full LL.
  auto* interpreter = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  if (!ll_only()) {
    interpreter->setPredictionMode(antlr4::atn::PredictionMode::SLL);
    parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    try {
      return parser.file();
    } catch (const antlr4::ParseCancellationException&) {
    }
  }
  // Pass 2: full LL with the default recovery, reporting each error.
  tokens.seek(0);
  parser.reset();
  interpreter->setPredictionMode(antlr4::atn::PredictionMode::LL);
  parser.setErrorHandler(std::make_shared<ReportingErrorStrategy>(reporter));
  try {
    return parser.file();
  } catch (const antlr4::ParseCancellationException&) {
    return nullptr;  // too many errors: no tree worth building
  }
}

// A name right after a number on the same line may be a unit declared with `unit` (`3 pfs_day`):
// it becomes a UNIT_NAME, which the grammar takes as a unit or, where a name can follow a value
// (`record { a 5 b 6 }`), as a name. On the next line it stays an IDENT: `define x = 1` followed
// by a stray word is an error at the word, not a unit.
void mark_unit_names(antlr4::CommonTokenStream& tokens) {
  antlr4::Token* previous = nullptr;  // the previous token on the default channel
  for (antlr4::Token* t : tokens.getTokens()) {
    if (t->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
    if (t->getType() == ScalepolLexer::IDENT && previous && previous->getType() == ScalepolLexer::NUMBER &&
        previous->getLine() == t->getLine())
      if (auto* writable = dynamic_cast<antlr4::WritableToken*>(t)) writable->setType(ScalepolParser::UNIT_NAME);
    previous = t;
  }
}

void parse_checked(const SourceFile& file, DiagnosticSink& sink, ast::Module& module) {
  // ANTLR decodes the UTF-8 (valid: the pre-scan checked) into code points and drops a leading
  // BOM; PositionMap maps its code-point indices back to the file's bytes, lines and columns.
  antlr4::ANTLRInputStream input(file.text());
  ScalepolLexer lexer(&input);
  LexerErrorListener lexer_errors(sink);
  lexer.removeErrorListeners();
  lexer.addErrorListener(&lexer_errors);
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  mark_unit_names(tokens);

  const PositionMap positions(file.text());
  SyntaxErrorReporter reporter(sink, positions, tokens, kMaxSyntaxErrors);
  reporter.check_tokens();

  ScalepolParser parser(&tokens);
  parser.removeErrorListeners();  // errors go through ReportingErrorStrategy, never the console
  ScalepolParser::FileContext* tree = parse_tree(parser, tokens, reporter);
  AstBuilder(positions, sink).build(tree, module);
}

}  // namespace

std::mutex& antlr_mutex() {
  static std::mutex mutex;
  return mutex;
}

ParseResult parse(const SourceFile& file, const Limits& limits) {
  ParseResult result;
  result.module.path = file.path();
  DiagnosticSink sink(file, limits.max_diagnostics);
  // Nothing may escape: not from ANTLR, not from allocation, not from a bug of ours. (Reporting
  // the failure may itself fail for want of memory; then the result says nothing more.)
  try {
    try {
      if (prescan(file, limits, sink)) {
        // The generated parser shares its DFA cache between all instances (a static of the
        // generated code) and the 4.9 runtime's guarantees for concurrent writers to it are not
        // ones we can test (the runtime is not built with ThreadSanitizer). Parsing one file
        // takes microseconds once warm, so compiles from several threads take turns here.
        std::lock_guard<std::mutex> lock(antlr_mutex());
        parse_checked(file, sink, result.module);
      }
    } catch (const std::exception& e) {
      sink.file_error(Code::InternalError, fmt::format("the parser failed: {}", e.what()));
    } catch (...) {
      sink.file_error(Code::InternalError, "the parser failed");
    }
    result.diagnostics = sink.take();
  } catch (...) {
  }
  return result;
}

}  // namespace scalepol::syntax
