// RecordsBuilder: records from the host's own data, checked against the policy's schema as
// they are set, so a typo in a field name is an error the host sees, not a silent unknown.
#include <fmt/format.h>

#include <cmath>
#include <optional>

#include "api/impl.hpp"
#include "syntax/literals.hpp"
#include "syntax/suggest.hpp"

namespace scalepol {

struct RecordsBuilder::State {
  std::optional<Policy> policy;  // for the columns of the records built (api/impl.hpp)
  std::shared_ptr<const model::Schema> schema;
  std::vector<model::Record> records;
  std::vector<std::string> names;
  Diagnostics errors;

  void error(Code code, std::string message, std::string help = {}) {
    Diagnostic d = Diagnostic::of(code, std::move(message), Location{.file = "<records built in code>"});
    d.help = std::move(help);
    errors.add(std::move(d));
  }

  // The record being built and the field's slot, or null after reporting why not.
  model::Value* slot(const std::string& field, ast::TypeKind want, const char* given) {
    if (records.empty()) {
      error(Code::NoRecord, fmt::format("`{}` is set before any record: call add(model) first", field));
      return nullptr;
    }
    int32_t s = schema->find(field);
    if (s < 0) {
      std::vector<std::string_view> known;
      for (const auto& f : schema->fields) known.push_back(f.name);
      auto guess = syntax::closest_match(field, known);
      error(Code::UnknownField, fmt::format("record `{}`: the policy has no field `{}`", names.back(), field),
            guess.empty() ? "" : fmt::format("did you mean `{}`?", guess));
      return nullptr;
    }
    const auto& spec = schema->fields[s];
    if (spec.kind != want) {
      error(Code::TypeMismatch, fmt::format("record `{}`: field `{}` is not {}", names.back(), field, given),
            spec.kind == ast::TypeKind::Date ? "give a date as a \"YYYY-MM-DD\" string" : "");
      return nullptr;
    }
    return &records.back().values[s];
  }
};

RecordsBuilder::RecordsBuilder(const Policy& policy) : state_(std::make_unique<State>()) {
  state_->policy = policy;
  state_->schema = internals(policy).schema;
}
RecordsBuilder::~RecordsBuilder() = default;
RecordsBuilder::RecordsBuilder(RecordsBuilder&&) noexcept = default;
RecordsBuilder& RecordsBuilder::operator=(RecordsBuilder&&) noexcept = default;

RecordsBuilder& RecordsBuilder::add(const std::string& model) {
  if (!state_) return *this;  // moved from: build() says so
  model::Record r;
  r.values.resize(state_->schema->fields.size());
  r.line = static_cast<uint32_t>(state_->records.size() + 1);  // the record's position, for messages
  if (state_->schema->key_slot >= 0) r.values[state_->schema->key_slot] = model::Value::of_text(model);
  state_->records.push_back(std::move(r));
  state_->names.push_back(model);
  return *this;
}

RecordsBuilder& RecordsBuilder::set(const std::string& field, double value) {
  if (!state_) return *this;
  if (auto* v = state_->slot(field, ast::TypeKind::Quantity, "a quantity")) {
    const double scale = state_->schema->fields[state_->schema->find(field)].scale;
    if (!std::isfinite(value * scale))
      state_->error(Code::MalformedValue, fmt::format("record `{}`: `{}` is not a finite number", state_->names.back(), field));
    else
      *v = model::Value::number(value * scale);
  }
  return *this;
}

RecordsBuilder& RecordsBuilder::set(const std::string& field, double value, double low, double high) {
  if (!state_) return *this;
  if (auto* v = state_->slot(field, ast::TypeKind::Quantity, "a quantity")) {
    const double scale = state_->schema->fields[state_->schema->find(field)].scale;
    if (!(low <= value && value <= high) || !std::isfinite(low * scale) || !std::isfinite(high * scale))
      state_->error(Code::MalformedValue,
                    fmt::format("record `{}`: the range of `{}` must hold its value (low <= value <= high)",
                                state_->names.back(), field));
    else {
      *v = model::Value::estimate(value * scale, low * scale, high * scale);
      v->bounded = true;
    }
  }
  return *this;
}

RecordsBuilder& RecordsBuilder::set(const std::string& field, const std::string& text) {
  if (!state_) return *this;
  int32_t s = state_->schema->find(field);
  bool is_date = s >= 0 && state_->schema->fields[s].kind == ast::TypeKind::Date;
  if (is_date) {
    if (auto* v = state_->slot(field, ast::TypeKind::Date, "a date")) {
      if (auto days = syntax::parse_date(text)) *v = model::Value::date(*days);
      else state_->error(Code::MalformedValue, fmt::format("record `{}`: `{}` is not a date (YYYY-MM-DD) for `{}`",
                                                        state_->names.back(), text, field));
    }
  } else if (auto* v = state_->slot(field, ast::TypeKind::Text, "text")) {
    *v = model::Value::of_text(text);
  }
  return *this;
}

RecordsBuilder& RecordsBuilder::set(const std::string& field, bool value) {
  if (!state_) return *this;
  if (auto* v = state_->slot(field, ast::TypeKind::Bool, "a bool")) *v = model::Value::of_bool(value);
  return *this;
}

Expected<Records, Diagnostics> RecordsBuilder::build() const {
  if (!state_) {
    Diagnostics d;
    d.add(Diagnostic::of(Code::UseAfterMove, "this RecordsBuilder was moved from: it holds no policy and no records",
                         {.file = "<records built in code>"}));
    d.items.back().help = "add records to, and build from, the builder it was moved to";
    return make_unexpected(std::move(d));
  }
  if (state_->errors.has_errors()) return make_unexpected(state_->errors);
  auto impl = std::make_shared<detail::RecordsData>();
  impl->set.schema = state_->schema;
  impl->set.source = "<records built in code>";
  impl->set.records = state_->records;
  impl->set.index_names();
  attach_columns(*impl, *state_->policy);
  return detail::Access::make(std::move(impl));
}

}  // namespace scalepol
