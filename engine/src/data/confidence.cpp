#include "data/confidence.hpp"

#include <cmath>
#include <string>

#include "data/reporter.hpp"
#include "data/value_parse.hpp"
#include "model/describe.hpp"

namespace scalepol::data {

namespace {

// The factors read each label as a figure within 3x, 10x or about 30x of the truth. Epoch
// documents the labels on https://epoch.ai/data/ai-models-documentation/estimation ("the metadata
// on estimate confidence"); the figures could not be checked against that page's text, so they are
// marked unverified here and in docs/uncertainty-confidence.md. Epoch's own 90% interval for GPT-4
// (Speculative), 8.2e24–4.4e25 FLOP around 2.1e25, is much narrower than 30x.
constexpr std::string_view kBasis =
    "unverified reading of Epoch AI's confidence label (docs/uncertainty-confidence.md)";

bool same_label(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

const std::vector<ConfidenceFactor>& confidence_factors() {
  static const std::vector<ConfidenceFactor> factors = {
      {"Confident", 3.0, kBasis},
      {"Likely", 10.0, kBasis},
      {"Speculative", 30.0, kBasis},
  };
  return factors;
}

const ConfidenceFactor* confidence_factor(std::string_view label) {
  label = trim(label);
  for (const auto& f : confidence_factors())
    if (same_label(f.label, label)) return &f;
  return nullptr;
}

int32_t confidence_slot(const model::Schema& schema) {
  const int32_t slot = schema.find("confidence");
  if (slot < 0 || schema.fields[static_cast<std::size_t>(slot)].kind != ast::TypeKind::Text) return -1;
  return slot;
}

Diagnostics apply_confidence_ranges(model::RecordSet& set) {
  Diagnostics errors;
  const model::Schema& schema = *set.schema;
  const int32_t label_slot = confidence_slot(schema);
  std::vector<int32_t> compute;
  for (std::size_t i = 0; i < schema.fields.size(); ++i)
    if (schema.fields[i].kind == ast::TypeKind::Quantity && schema.fields[i].dim == ast::Dim::Compute)
      compute.push_back(static_cast<int32_t>(i));
  const auto fail = [&](std::string message, std::string help) {
    Location loc;
    loc.file = set.source;
    Diagnostic d = make_diagnostic(Code::ConfidenceRangesUnavailable, std::move(message), std::move(loc));
    d.help = std::move(help);
    errors.add(std::move(d));
  };
  if (label_slot < 0) {
    fail("confidence ranges need a text field `confidence`, and the policy's schema has none",
         "import std.model, or declare `field confidence: text column \"Confidence\"`");
    return errors;
  }
  if (compute.empty()) {
    fail("confidence ranges apply to compute fields, and the policy's schema has none",
         "import std.model, or declare a field in FLOP (`field training_compute: FLOP`)");
    return errors;
  }
  set.confidence_ranges = true;
  for (std::size_t r = 0; r < set.records.size(); ++r) {
    auto& values = set.records[r].values;
    const model::Value& label = values[static_cast<std::size_t>(label_slot)];
    if (label.kind != model::Value::Kind::Text) continue;
    const ConfidenceFactor* f = confidence_factor(label.text);
    if (!f) continue;
    for (int32_t slot : compute) {
      model::Value& v = values[static_cast<std::size_t>(slot)];
      // A figure with bounds of its own, even equal to it, keeps them: the file said so.
      if (v.kind != model::Value::Kind::Number || v.bounded || !v.is_exact() || !(v.x > 0)) continue;
      if (!std::isfinite(v.x * f->factor)) continue;
      // The ends in binary64, never rounded for show: 3.0000000000001e23 / 3 lies above 1e23, and a
      // verdict at that line must see it. (2.1e25 / 30 is 6.999999999999999e23; reports print the
      // shortest text that reads back as the same number.)
      v = model::Value::estimate(v.x, v.x / f->factor, v.x * f->factor);
      set.confidence_ranged.emplace_back(static_cast<uint32_t>(r), slot);
    }
  }
  return errors;
}

}  // namespace scalepol::data
