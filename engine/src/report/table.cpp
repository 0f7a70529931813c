#include "report/table.hpp"

#include <algorithm>

#include "report/text_util.hpp"

namespace scalepol::report {

namespace {
constexpr std::string_view kModelHeader = "model";

bool has_column(VerdictKind kind) { return kind == VerdictKind::Tier || kind == VerdictKind::Trigger; }

void tally(TierTally& t, const Verdict& v) {
  // A tier left open (no figure, or an escalation that may or may not raise it) counts once
  // among the unknown, whatever its status.
  if (v.status == Status::Unknown || v.value == "unknown") {
    ++t.unknown;
    return;
  }
  auto it = std::ranges::find(t.counts, std::string_view(v.value), &std::pair<std::string_view, std::size_t>::first);
  if (it == t.counts.end()) {
    t.counts.emplace_back(v.value, 1);
  } else {
    ++it->second;
  }
}
}  // namespace

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

Table::Table(const Report& report) {
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
    // A second pass over the row, through cells(), so that widths and tallies count exactly
    // the verdict each cell will show (the first one for its rule).
    cells(result, row);
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      if (row[c] == nullptr) {
        columns_[c].width = std::max(columns_[c].width, kMissingCell.size());
        continue;
      }
      const Verdict& v = *row[c];
      columns_[c].width = std::max(columns_[c].width, cell_width(v));
      has_unknown_ |= v.status == Status::Unknown;
      has_possible_ |= v.status == Status::Possible;
      has_dependent_ |= !v.robust;
      if (columns_[c].kind == VerdictKind::Tier) tally(tallies_[c], v);
    }
  }
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
