// The schema the data tests load through (built by hand, as `import std.model` would declare
// it), and small helpers to look at a loaded set.
#pragma once

#include <memory>
#include <string>

#include "ast/types.hpp"
#include "model/record.hpp"

namespace scalepol::test_data {

inline std::shared_ptr<const model::Schema> model_schema() {
  using ast::Dim;
  using ast::TypeKind;
  auto s = std::make_shared<model::Schema>();
  auto add = [&](std::string name, TypeKind kind, std::vector<std::string> columns, Dim dim = Dim::Number,
                 std::string unit = "") {
    model::FieldSpec f;
    f.name = std::move(name);
    f.kind = kind;
    f.dim = dim;
    f.unit = std::move(unit);
    f.columns = std::move(columns);
    s->fields.push_back(std::move(f));
  };
  add("model", TypeKind::Text, {"Model", "model"});
  s->fields.back().key = true;
  s->key_slot = 0;
  add("organization", TypeKind::Text, {"Organization"});
  add("released", TypeKind::Date, {"Publication date", "publication_date"});
  add("training_compute", TypeKind::Quantity, {"Training compute (FLOP)", "training_compute_flop"}, Dim::Compute,
      "FLOP");
  add("parameters", TypeKind::Quantity, {"Parameters"}, Dim::Params, "params");
  add("confidence", TypeKind::Text, {"Confidence", "compute_confidence"});
  add("accessibility", TypeKind::Text, {"Model accessibility", "model_accessibility"});
  return s;
}

enum Slot { kModel = 0, kOrganization, kReleased, kCompute, kParameters, kConfidence, kAccessibility };

// Test fixtures under tests/data/ (credited in its README.md).
inline std::string data_path(const std::string& file) {
  return std::string(SCALEPOL_SOURCE_DIR) + "/tests/data/" + file;
}

// Epoch AI's "Notable AI Models" export as the repository ships it (examples/data/, CC BY).
inline std::string epoch_notable_path() {
  return std::string(SCALEPOL_SOURCE_DIR) + "/examples/data/epoch_notable_ai_models_2025-05.csv";
}

// Days since 1970-01-01, computed independently of the loader (Howard Hinnant's algorithm).
inline int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int32_t>(doe) - 719468;
}

}  // namespace scalepol::test_data
