// `not_encoded "…" source "…" because "…"`: a sentence of the source a policy leaves out. Each one
// quotes its sentence and says why; a sentence cannot be both encoded (quoted by a construct of
// the same file) and listed as left out, nor listed twice.
#include <fmt/format.h>

#include <unordered_map>

#include "check/checker_impl.hpp"

namespace scalepol::check {

void Checker::check_not_encoded(int32_t m) {
  module_ = m;
  const ast::Module& mod = *p_.modules[m];
  if (mod.not_encoded.empty()) return;
  std::unordered_map<std::string, const ast::Quote*> quoted;
  for (const ast::Quote* q : ast::all_quotes(mod))
    if (!q->text.empty()) quoted.try_emplace(q->text, q);
  std::unordered_map<std::string, const ast::NotEncoded*> listed;
  for (const ast::NotEncoded& n : mod.not_encoded) {
    if (n.text.empty()) {
      report(n.text_span.line ? n.text_span : n.span, Code::MissingPart,
             "`not_encoded` quotes the sentence it leaves out, but this one is empty",
             "write the sentence of the source as it is: `not_encoded \"…\" because \"…\"`");
      continue;
    }
    if (n.because.empty())
      report(n.span, Code::MissingPart, "`not_encoded` does not say why the sentence is left out",
             "add the reason: `because \"no model record says it\"`");
    if (auto it = quoted.find(n.text); it != quoted.end()) {
      report(n.text_span, Code::EncodedAndNotEncoded,
             "this sentence is quoted by a construct of this file and also listed as not encoded",
             "remove the `not_encoded`, or the quote",
             {fmt::format("quoted at line {}, column {}", it->second->span.line, it->second->span.column)});
      continue;
    }
    auto [it, inserted] = listed.try_emplace(n.text, &n);
    if (!inserted)
      report(n.text_span, Code::DuplicatePart, "this sentence is listed as not encoded twice",
             "keep one of them", {fmt::format("first listed at line {}, column {}", it->second->span.line,
                                              it->second->span.column)});
  }
}

}  // namespace scalepol::check
