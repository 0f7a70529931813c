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
char incurred_mark(bool incurred, Status status) {
  if (status == Status::Unknown) return '?';
  if (status == Status::Possible) return '~';
  return incurred ? ' ' : 0;
}

void tally(Tally& t, const TableCell& v, VerdictKind kind) {
  if (kind == VerdictKind::Tier && (v.status == Status::Unknown || v.value == "unknown")) {
    // A tier left open (no figure, or an escalation that may or may not raise it) counts once
    // among the unknown, whatever its status.
    ++t.unknown;
    t.unknown_possible += v.status == Status::Possible;
    return;
  }
  if (kind == VerdictKind::Tier) {
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
  ++t.at(v.status == Status::Possible ? std::string_view("possible") : v.value).models;
}

TableCell cell_of(const Verdict& v) { return {v.value, v.status, v.robust, v.step_limit_reached}; }
}  // namespace

Tally::Count& Tally::at(std::string_view value) {
  auto it = std::ranges::find(counts, value, &Count::value);
  if (it != counts.end()) return *it;
  counts.push_back(Count{value});
  return counts.back();
}

std::string cell_text(const TableCell& cell) {
  std::string text(cell.value);
  // An unknown verdict's value already says "unknown"; only "possible" needs a mark.
  if (cell.status == Status::Possible) text += '~';
  if (!cell.robust) text += '*';
  return text;
}

std::size_t cell_width(const TableCell& cell) {
  return display_width(cell.value) + (cell.status == Status::Possible ? 1 : 0) + (cell.robust ? 0 : 1);
}

void add_incurred(std::vector<IncurredKind>& kinds, std::string_view rule, bool incurred, Status status) {
  const char mark = incurred_mark(incurred, status);
  if (mark == 0) return;
  const std::string_view kind = obligation_kind(rule);
  auto it = std::ranges::find(kinds, kind, &IncurredKind::kind);
  if (it == kinds.end()) {
    kinds.push_back({kind, mark});
  } else if (mark == ' ' || (mark == '~' && it->mark == '?')) {
    it->mark = mark;
  }
}

Table::Table(const std::vector<Rule>& rules, TableColumns optional) : optional_(optional) {
  model_width_ = kModelHeader.size();
  for (const Rule& r : rules)
    if (has_column(r.kind) && !index_.contains(r.name)) add_column(r.name, r.kind);
  add_obligations_column();
}

Table::Table(const Report& report, TableColumns optional) : optional_(optional) {
  model_width_ = kModelHeader.size();
  for (const ModelResult& result : report.results)
    for (const Verdict& v : result.verdicts)
      if (has_column(v.kind) && !index_.contains(v.rule)) add_column(v.rule, v.kind);
  add_obligations_column();
}

void Table::add_column(std::string_view rule, VerdictKind kind) {
  index_.emplace(rule, columns_.size());
  columns_.push_back({rule, kind, display_width(rule)});
  tallies_.emplace_back();
}

void Table::add_obligations_column() {
  if (!optional_.obligations) return;
  obligations_column_ = static_cast<std::ptrdiff_t>(columns_.size());
  columns_.push_back({kObligationsHeader, VerdictKind::Obligation, kObligationsHeader.size()});
  tallies_.emplace_back();
}

bool Table::has_column(VerdictKind kind) const {
  return kind == VerdictKind::Tier || kind == VerdictKind::Trigger ||
         (kind == VerdictKind::Exemption && optional_.exemptions);
}

std::ptrdiff_t Table::column_of(std::string_view rule) const {
  auto it = index_.find(rule);
  return it == index_.end() ? -1 : static_cast<std::ptrdiff_t>(it->second);
}

void Table::row_of(const ModelResult& result, TableRow& out) const {
  out.model.clear();
  append_truncated(out.model, result.model, kModelColumnMax);
  out.cells.assign(columns_.size(), std::nullopt);
  out.incurred.clear();
  for (const Verdict& v : result.verdicts) {
    if (v.kind == VerdictKind::Obligation && has_obligations_column()) add_incurred(out.incurred, v.rule, v.value == "true", v.status);
    if (!has_column(v.kind)) continue;
    auto it = index_.find(v.rule);
    if (it != index_.end() && !out.cells[it->second]) out.cells[it->second] = cell_of(v);
  }
}

void Table::count(const TableRow& row, bool widen) {
  ++rows_;
  if (widen) model_width_ = std::max(model_width_, display_width(row.model));
  for (std::size_t c = 0; c < columns_.size() && c < row.cells.size(); ++c) {
    if (has_obligations_column() && c == obligations_column()) continue;
    if (!row.cells[c]) {
      if (widen) columns_[c].width = std::max(columns_[c].width, kMissingCell.size());
      continue;
    }
    const TableCell& v = *row.cells[c];
    if (widen) columns_[c].width = std::max(columns_[c].width, cell_width(v));
    has_unknown_ |= v.status == Status::Unknown;
    has_possible_ |= v.status == Status::Possible;
    has_dependent_ |= !v.robust;
    if (v.status == Status::Unknown && v.stopped_at != 0) {
      ++stopped_;
      step_limit_ = v.stopped_at;
    }
    tally(tallies_[c], v, columns_[c].kind);
  }
  if (!has_obligations_column()) return;
  if (widen) {
    Column& column = columns_[obligations_column()];
    column.width = std::max(column.width, display_width(obligations_text(row)));
  }
  Tally& t = tallies_[obligations_column()];
  for (const auto& [kind, mark] : row.incurred) {
    has_unknown_ |= mark == '?';
    has_possible_ |= mark == '~';
    Tally::Count& count = t.at(kind);
    count.models += mark != '?';
    count.possible += mark == '~';
    count.unknown += mark == '?';
  }
}

std::vector<Tally> Table::tallies() const {
  std::vector<Tally> out = tallies_;
  const auto rank = [](const Tally::Count& c) { return c.value == "true" ? 0 : c.value == "false" ? 1 : 2; };
  for (std::size_t c = 0; c < columns_.size(); ++c)
    if (columns_[c].kind == VerdictKind::Trigger || columns_[c].kind == VerdictKind::Exemption)
      std::ranges::stable_sort(out[c].counts, {}, rank);
  return out;
}

std::string Table::obligations_text(const TableRow& row) {
  std::string text;
  for (const auto& [kind, mark] : row.incurred) {
    if (!text.empty()) text += ", ";
    text += kind;
    if (mark != ' ') text += mark;
  }
  return text.empty() ? std::string(kNoObligations) : text;
}

std::string Table::obligations_text(const ModelResult& result) const {
  TableRow row;
  for (const Verdict& v : result.verdicts)
    if (v.kind == VerdictKind::Obligation) add_incurred(row.incurred, v.rule, v.value == "true", v.status);
  return obligations_text(row);
}

}  // namespace scalepol::report
