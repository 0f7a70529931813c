#include "eval/sweep.hpp"

#include <algorithm>
#include <unordered_map>

namespace scalepol::eval {

namespace {

// A rule a reading gives no verdict for is an obligation that reading does not impose.
const Verdict& not_imposed() {
  static const Verdict v = [] {
    Verdict x;
    x.value = "false";
    x.kind = VerdictKind::Obligation;
    return x;
  }();
  return v;
}

bool same(const Verdict& a, const Verdict& b) { return a.value == b.value && a.status == b.status; }

int weakness(Status s) { return s == Status::Definite ? 0 : s == Status::Possible ? 1 : 2; }

}  // namespace

Sweep::Sweep(Evaluator& ev, const Readings& readings) : ev_(ev), readings_(readings) {
  const auto& p = ev_.program();
  auto place = [&](const std::string& rule) { place_.try_emplace(rule, place_.size()); };
  for (const auto& l : p.ladders) place(l.decl->name.text);
  for (const auto* t : p.triggers) place(t->name.text);
  for (const auto& e : p.exemptions) place(e.decl->name.text);
  for (const auto& site : ev_.obligation_sites()) place(site.rule);
}

ModelResult Sweep::verdicts(const Record& record) {
  const auto& p = ev_.program();
  const std::size_t n = readings_.size();
  per_reading_.resize(n);
  for (std::size_t r = 0; r < n; ++r) {
    readings_.values(r, p.assumptions.size(), values_);
    ev_.set_reading(&values_);
    per_reading_[r] = verdicts_for(ev_, record, frame_);
  }
  ev_.set_reading(nullptr);
  if (n == 1) return std::move(per_reading_[0]);

  // Every rule any reading reports, with its verdict under each reading.
  std::vector<std::string> order;
  std::unordered_map<std::string, std::vector<const Verdict*>> by_rule;
  for (std::size_t r = 0; r < n; ++r)
    for (const auto& v : per_reading_[r].verdicts) {
      auto [it, fresh] = by_rule.try_emplace(v.rule, std::vector<const Verdict*>(n, nullptr));
      if (fresh) order.push_back(v.rule);
      it->second[r] = &v;
    }

  std::stable_sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) {
    auto pa = place_.find(a), pb = place_.find(b);
    return (pa == place_.end() ? place_.size() : pa->second) < (pb == place_.end() ? place_.size() : pb->second);
  });

  ModelResult out;
  out.model = per_reading_[0].model;
  for (const auto& rule : order) {
    auto& under = by_rule[rule];
    const Verdict* first = nullptr;
    for (auto*& v : under) {
      if (!first && v) first = v;
    }
    for (auto*& v : under)
      if (!v) v = &not_imposed();
    Verdict combined = *first;
    combined.kind = first->kind;
    bool robust = std::all_of(under.begin(), under.end(), [&](const Verdict* v) { return same(*v, *under[0]); });
    if (robust) {
      combined.value = under[0]->value;
      combined.status = under[0]->status;
      out.verdicts.push_back(std::move(combined));
      continue;
    }
    combined.robust = false;
    // The reason is the first reading's: say so, since other readings give other verdicts.
    std::string first_reading;
    for (std::size_t d = 0; d < readings_.dims.size(); ++d)
      first_reading += (d ? ", " : "") + p.assumptions[readings_.dims[d]].decl->name.text + " " + readings_.labels[d][0];
    if (!combined.because.empty()) combined.because = "under " + first_reading + ": " + combined.because;
    // An assumption matters when changing it alone changes the verdict for some reading.
    for (std::size_t d = 0; d < readings_.dims.size(); ++d) {
      bool matters = false;
      for (std::size_t r = 0; r < n && !matters; ++r)
        for (std::size_t a = 0; a < readings_.alternatives[d].size() && !matters; ++a)
          matters = !same(*under[r], *under[readings_.with_choice(r, d, a)]);
      if (matters) combined.depends_on.push_back(p.assumptions[readings_.dims[d]].decl->name.text);
    }
    bool values_agree =
        std::all_of(under.begin(), under.end(), [&](const Verdict* v) { return v->value == under[0]->value; });
    combined.value = under[0]->value;
    combined.status = Status::Possible;
    if (values_agree) {
      Status worst = Status::Definite;
      for (const auto* v : under)
        if (weakness(v->status) > weakness(worst)) worst = v->status;
      combined.status = worst;
    }
    for (std::size_t r = 0; r < n; ++r) {
      Reading reading;
      for (std::size_t d = 0; d < readings_.dims.size(); ++d)
        reading.assumptions.emplace_back(p.assumptions[readings_.dims[d]].decl->name.text,
                                         readings_.labels[d][readings_.choice(r, d)]);
      reading.value = under[r]->value;
      reading.status = under[r]->status;
      combined.readings.push_back(std::move(reading));
    }
    out.verdicts.push_back(std::move(combined));
  }
  return out;
}

}  // namespace scalepol::eval
