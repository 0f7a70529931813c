// What the five `ec-*` rules share: each looks at one part of every effective-compute definition
// in the policy's own files and reports it when the part is written `unspecified` (the author
// says the source leaves it open) or not written at all (nobody addressed it).
#pragma once

#include <fmt/format.h>

#include <string>

#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

// Whether the part says nothing: absent, or written `unspecified`.
inline bool ec_part_open(const ast::EcPart& part) { return part.state != ast::EcPart::State::Given; }

// A finding for a part that says nothing: at the part when it was written `unspecified` (that is
// where the author would fill it in), else at the definition's name. The first note says which
// of the two it is; the caller adds why it matters and the fix.
inline Diagnostic& report_open_part(Context& cx, const Rule& rule, int32_t m, const ast::EffectiveComputeDecl& ec,
                                    const ast::EcPart& part, std::string message) {
  const bool written = part.state == ast::EcPart::State::Unspecified;
  auto& d = cx.report(rule.code, m, written ? part.span : ec.name.span, std::move(message));
  d.notes.push_back(written ? "written `unspecified`: the text leaves it open" : "not addressed at all");
  return d;
}

// One `ec-*` rule that has nothing to add to the common shape.
struct OpenPartRule {
  const Rule& rule;
  const ast::EcPart& (*part)(const ast::EffectiveComputeDecl&);
  const char* says;  // "does not say its baseline techniques", after "effective compute `ec` "
  const char* why;   // the note on why it matters
  const char* help;  // the fix
};

inline void report_open_parts(Context& cx, const OpenPartRule& r) {
  for (int32_t m : cx.user_modules())
    for (const auto& ec : cx.module(m).effective_computes) {
      const auto& part = r.part(ec);
      if (!ec_part_open(part)) continue;
      auto message = fmt::format("effective compute `{}` {}", ec.name.text, r.says);
      auto& d = report_open_part(cx, r.rule, m, ec, part, std::move(message));
      d.notes.emplace_back(r.why);
      d.help = r.help;
    }
}

}  // namespace scalepol::linter::rules
