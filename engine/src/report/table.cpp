#include "report/table.hpp"

#include <algorithm>

#include "report/text_util.hpp"

namespace scalepol::report {

namespace {
constexpr std::string_view kModelHeader = "model";
constexpr std::string_view kObligationsHeader = "obligations";

// What an obligation's rule (`gpai_tier.systemic_risk.notify`, `evaluation.report`) imposes: the
// kind after its last dot, which `obligations contains KIND` tests.
std::string_view obligation_kind(std::string_view rule) {
  const auto dot = rule.rfind('.');
  return dot == std::string_view::npos ? rule : rule.substr(dot + 1);
}

// An obligation's verdict as the obligations column shows it: 0 not incurred, else its mark.
char incurred_mark(const Verdict& v) {
  if (v.status == Status::Unknown) return '?';
  if (v.status == Status::Possible) return '~';
  return v.value == "true" ? ' ' : 0;
}

// The kinds of obligation a model incurs, each once, with the surest verdict among the
// obligations of that kind: incurred (' '), then possibly ('~'), then unknown ('?').
std::vector<std::pair<std::string_view, char>> incurred_kinds(const ModelResult& result) {
  std::vector<std::pair<std::string_view, char>> kinds;
  for (const Verdict& v : result.verdicts) {
    if (v.kind != VerdictKind::Obligation) continue;
    const char mark = incurred_mark(v);
    if (mark == 0) continue;
    const std::string_view kind = obligation_kind(v.rule);
    auto it = std::ranges::find(kinds, kind, &std::pair<std::string_view, char>::first);
    if (it == kinds.end()) {
      kinds.emplace_back(kind, mark);
    } else if (mark == ' ' || (mark == '~' && it->second == '?')) {
      it->second = mark;
    }
  }
  return kinds;
}

void tally(Tally& t, const Verdict& v) {
  if (v.kind == VerdictKind::Tier && (v.status == Status::Unknown || v.value == "unknown")) {
    // A tier left open (no figure, or an escalation that may or may not raise it) counts once
    // among the unknown, whatever its status.
    ++t.unknown;
    t.unknown_possible += v.status == Status::Possible;
    return;
  }
  if (v.kind == VerdictKind::Tier) {
    Tally::Count& c = t.at(v.value);
    ++c.models;
    c.possible += v.status == Status::Possible;
    return;
  }
  // A trigger or an exemption: true, false, possible (whatever its value) or unknown.
  if (v.status == Status::Unknown) {
    ++t.unknown;
    return;
  }
  ++t.at(v.status == Status::Possible ? std::string_view("possible") : std::string_view(v.value)).models;
}
}  // namespace

Tally::Count& Tally::at(std::string_view value) {
  auto it = std::ranges::find(counts, value, &Count::value);
  if (it != counts.end()) return *it;
  counts.push_back(Count{value});
  return counts.back();
}

std::string cell_text(const Verdict& verdict) {
  std::string text = verdict.value;
  // An unknown verdict's value already says "unknown"; only "possible" needs a mark.
  if (verdict.status == Status::Possible) text += '~';
  if (!verdict.robust) text += '*';
  return text;
}

std::size_t cell_width(const Verdict& verdict) {
  return display_width(verdict.value) + (verdict.status == Status::Possible ? 1 : 0) + (verdict.robust ? 0 : 1);
}

Table::Table(const Report& report, TableColumns optional) : optional_(optional) {
  model_width_ = kModelHeader.size();
  std::vector<const Verdict*> row;
  for (const ModelResult& result : report.results) {
    model_width_ = std::max(model_width_, std::min(display_width(result.model), kModelColumnMax));
    for (const Verdict& v : result.verdicts) {
      if (!has_column(v.kind) || index_.contains(v.rule)) continue;
      index_.emplace(v.rule, columns_.size());
      columns_.push_back({v.rule, v.kind, display_width(v.rule)});
      tallies_.emplace_back();
    }
  }
  if (optional_.obligations) {
    obligations_column_ = static_cast<std::ptrdiff_t>(columns_.size());
    columns_.push_back({kObligationsHeader, VerdictKind::Obligation, kObligationsHeader.size()});
    tallies_.emplace_back();
  }
  for (const ModelResult& result : report.results) {
    // Through cells(), so that widths and tallies count exactly the verdict each cell will show
    // (the first one for its rule).
    cells(result, row);
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (has_obligations_column() && c == obligations_column()) continue;
      if (row[c] == nullptr) {
        columns_[c].width = std::max(columns_[c].width, kMissingCell.size());
        continue;
      }
      const Verdict& v = *row[c];
      columns_[c].width = std::max(columns_[c].width, cell_width(v));
      has_unknown_ |= v.status == Status::Unknown;
      has_possible_ |= v.status == Status::Possible;
      has_dependent_ |= !v.robust;
      tally(tallies_[c], v);
    }
    if (!has_obligations_column()) continue;
    Column& column = columns_[obligations_column()];
    const std::string text = obligations_text(result);
    column.width = std::max(column.width, display_width(text));
    Tally& t = tallies_[obligations_column()];
    for (const auto& [kind, mark] : incurred_kinds(result)) {
      has_unknown_ |= mark == '?';
      has_possible_ |= mark == '~';
      Tally::Count& count = t.at(kind);
      count.models += mark != '?';
      count.possible += mark == '~';
      count.unknown += mark == '?';
    }
  }
  // A trigger's or an exemption's values in one order, whatever the first model's were.
  const auto rank = [](const Tally::Count& c) { return c.value == "true" ? 0 : c.value == "false" ? 1 : 2; };
  for (std::size_t c = 0; c < columns_.size(); ++c)
    if (columns_[c].kind == VerdictKind::Trigger || columns_[c].kind == VerdictKind::Exemption)
      std::ranges::stable_sort(tallies_[c].counts, {}, rank);
}

bool Table::has_column(VerdictKind kind) const {
  return kind == VerdictKind::Tier || kind == VerdictKind::Trigger ||
         (kind == VerdictKind::Exemption && optional_.exemptions);
}

std::string Table::obligations_text(const ModelResult& result) const {
  std::string text;
  for (const auto& [kind, mark] : incurred_kinds(result)) {
    if (!text.empty()) text += ", ";
    text += kind;
    if (mark != ' ') text += mark;
  }
  return text.empty() ? std::string(kNoObligations) : text;
}

void Table::cells(const ModelResult& result, std::vector<const Verdict*>& out) const {
  out.assign(columns_.size(), nullptr);
  for (const Verdict& v : result.verdicts) {
    if (!has_column(v.kind)) continue;
    auto it = index_.find(v.rule);
    if (it != index_.end() && out[it->second] == nullptr) out[it->second] = &v;
  }
}

}  // namespace scalepol::report
