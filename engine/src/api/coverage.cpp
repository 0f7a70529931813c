// scalepol::quote_coverage: the constructs of a policy's own file, each with whether it carries
// a quote; the sentences it quotes, and those it lists as not encoded.
#include "scalepol/coverage.hpp"

#include <algorithm>
#include <set>

#include "api/impl.hpp"
#include "ast/ast.hpp"
#include "check/program.hpp"

namespace scalepol {

namespace {

bool has_quote(const std::vector<ast::Quote>& quotes) {
  return std::any_of(quotes.begin(), quotes.end(), [](const ast::Quote& q) { return !q.text.empty(); });
}

void add(QuoteCoverage& c, std::string kind, std::string name, const ast::Span& span,
         const std::vector<ast::Quote>& quotes) {
  c.constructs.push_back({std::move(kind), std::move(name), span.line, has_quote(quotes)});
}

void add_obligations(QuoteCoverage& c, const std::string& owner, const std::vector<ast::Obligation>& obligations) {
  for (const ast::Obligation& o : obligations) add(c, "obligation", owner + "." + o.kind.text, o.span, o.quotes);
}

}  // namespace

QuoteCoverage quote_coverage(const Policy& policy) {
  const check::Program& program = *internals(policy).program;
  QuoteCoverage c;
  c.file = policy.path();
  if (program.modules.empty()) return c;
  const ast::Module& m = *program.modules[0];
  for (const auto& ec : m.effective_computes) add(c, "effective_compute", ec.name.text, ec.span, ec.quotes);
  for (const auto& d : m.defines) add(c, "define", d.name.text, d.span, d.quotes);
  for (const auto& ladder : m.tiers) {
    for (const auto& tier : ladder.tiers) {
      const std::string name = ladder.name.text + "." + tier.name.text;
      add(c, "tier", name, tier.span, tier.quotes);
      add_obligations(c, name, tier.obligations);
    }
  }
  for (const auto& t : m.triggers) {
    add(c, "trigger", t.name.text, t.span, t.quotes);
    add_obligations(c, t.name.text, t.obligations);
  }
  for (const auto& e : m.exemptions) add(c, "exemption", e.name.text, e.span, e.quotes);
  for (const auto& u : m.units) add(c, "unit", u.name.text, u.span, u.quotes);
  std::stable_sort(c.constructs.begin(), c.constructs.end(),
                   [](const CoveredConstruct& a, const CoveredConstruct& b) { return a.line < b.line; });
  std::set<std::string> sentences;
  for (const ast::Quote* q : ast::all_quotes(m))
    if (!q->text.empty()) sentences.insert(q->text);
  c.encoded_sentences = sentences.size();
  for (const auto& n : m.not_encoded) c.not_encoded.push_back({n.text, n.source, n.because, n.span.line});
  std::stable_sort(c.not_encoded.begin(), c.not_encoded.end(),
                   [](const NotEncodedSentence& a, const NotEncodedSentence& b) { return a.line < b.line; });
  return c;
}

}  // namespace scalepol
