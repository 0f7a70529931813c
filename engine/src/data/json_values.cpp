// JSON records and values: keys map to fields as CSV columns do; each value is read as its
// field's type.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "check/exact_scale.hpp"
#include "data/json_loader_impl.hpp"
#include "data/loader_common.hpp"
#include "data/value_parse.hpp"

namespace scalepol::data::detail {

namespace {

// A range's value from its parts (value, low, high; each may be missing), in the field's data
// unit: "" with `out` set, or what is wrong with it.
std::string combine_range(const std::optional<double> (&parts)[3], const model::FieldSpec& field,
                          const std::string& label, model::Value& out) {
  EstimateParts scaled;
  scaled.non_negative = never_negative(field.dim);
  out = model::Value::unknown();  // what is read when a part cannot be
  std::optional<double>* to[3] = {&scaled.value, &scaled.low, &scaled.high};
  for (int i = 0; i < 3; ++i) {
    if (!parts[i]) continue;
    *to[i] = check::scaled_exactly(*parts[i], field.scale);
    if (!std::isfinite(**to[i])) return fmt::format("the range of {} is too large to be represented", label);
    if (**to[i] < 0 && never_negative(field.dim))
      return fmt::format("the range of {} has a negative part: a total such as compute cannot be negative", label);
  }
  return combine_estimate(scaled, label, {"value", "low", "high"}, out);
}

}  // namespace

bool JsonLoader::read_object(od::object& object, model::Record& record) {
  record.values.resize(schema_->fields.size());
  if (++stamp_ == 0) {  // wrapped: forget every stamp rather than see false duplicates
    std::fill(seen_.begin(), seen_.end(), 0);
    for (Bounds& b : bounds_) b.stamp = 0;
    stamp_ = 1;
  }
  bounded_.clear();
  if (selector_.active() && !select_row(object)) return false;
  bool noted_elsewhere = true;
  for (auto member : object) {
    od::field field;
    if (auto e = std::move(member).get(field)) return fail_here(e);
    const char* key_quote = field.key().raw() - 1;  // key() must come before unescaped_key()
    od::value value = field.value();
    // The key as written, found from the value's start: between the key's closing quote and the
    // value are only the colon and whitespace (the structure is checked already). The schema's
    // keys are looked up as written first; only a key that matches none and has escapes is
    // unescaped and looked up again (a key that matches has no backslash, so it is its own
    // unescaped text). Unescaping every key would cost a tenth of reading a record.
    const char* p = value.raw_json_token().data() - 1;
    while (*p != ':') --p;
    do --p;
    while (*p != '"');
    std::string_view key(key_quote + 1, static_cast<std::size_t>(p - (key_quote + 1)));
    bool* noted = nullptr;
    // (A schema key with a backslash of its own could match an escaped key as written: then
    // every key is unescaped.)
    int32_t entry = columns_.plain_keys() ? columns_.find(key, noted) : -1;
    if (entry == -1 && (!columns_.plain_keys() || key.find('\\') != std::string_view::npos)) {
      if (auto e = field.unescaped_key().get(key)) return fail(e, key_quote);
      entry = columns_.find(key, noted);
    }
    if (entry < 0) {
      if (entry == ColumnIndex::kIgnored) any_mapped_ = true;
      // The first records' other keys, for a "did you mean" (column-not-found).
      auto& names = set_.names_in_file;
      if (entry == -1 && stamp_ <= 64 && names.size() < 256 && std::find(names.begin(), names.end(), key) == names.end())
        names.emplace_back(key);
      if (!validate(value)) return false;
      continue;
    }
    if (selector_.active()) {
      // In a long table, the fields this row gives that read the key: the first reads the value,
      // the others its text (a value is read once).
      const auto taken = [&](int32_t slot) { return selector_.takes(static_cast<std::size_t>(slot)); };
      const int32_t first = entry / 3;
      const auto role = static_cast<model::ColumnRole>(entry % 3);
      const auto& also = also_for(key, first, role);
      bool first_taken = taken(first);
      for (const auto& [slot, also_role] : also) {
        if (!taken(slot)) continue;
        if (!first_taken) {
          entry = slot * 3 + static_cast<int32_t>(also_role);
          first_taken = true;
          continue;
        }
        read_text(value, static_cast<std::size_t>(slot), also_role, key, record);
      }
      if (!first_taken) {
        if (!validate(value)) return false;
        continue;
      }
      if (entry / 3 != first) {
        // The key's `noted` flag is its first field's: this one's origin is noted here.
        note_origin(set_.origins[static_cast<std::size_t>(entry / 3)].of(static_cast<model::ColumnRole>(entry % 3)), key);
        noted = &noted_elsewhere;
      }
    }
    const auto e = static_cast<std::size_t>(entry);
    const std::size_t s = e / 3;
    if (seen_[e] == stamp_) {
      report_duplicate_key(e, key, key_quote);
      if (!validate(value)) return false;
      continue;
    }
    seen_[e] = stamp_;
    first_key_[e] = key;
    any_mapped_ = true;
    const model::FieldSpec& spec = schema_->fields[s];
    auto& origin = set_.origins[s];
    if (e % 3 == 0) {
      if (!*noted) note_origin(origin.value, key), *noted = true;
      bool null = false;
      const bool is_name = static_cast<int32_t>(s) == schema_->key_slot;
      const Reporter::Mark before = reporter_.mark();
      if (is_name) {
        const std::string_view raw = trim(value.raw_json_token());
        name_at_ = raw.data();
        name_length_ = raw.size();
      }
      if (!read_value(value, spec, key, record.values[s], &null)) return false;
      if (is_name) {
        const Reporter::Mark after = reporter_.mark();
        name_reported_ = after.kept != before.kept || after.dropped != before.dropped;
      }
      value_failed_[s] = record.values[s].is_unknown() && !null;
      continue;
    }
    // A bound of the field's value, given as a key of its own.
    Bounds& b = bounds_[s];
    if (b.stamp != stamp_) {  // the first bound of this field in this object
      b = Bounds{};
      b.stamp = stamp_;
      bounded_.push_back(s);
    }
    const bool low = e % 3 == 1;
    if (!*noted) note_origin(low ? origin.low : origin.high, key), *noted = true;
    (low ? b.low_key : b.high_key) = key;
    if (!b.at) b.at = key_quote;
    if (!read_bound(value, spec, key, low ? b.low : b.high, b.failed)) return false;
  }
  apply_bounds(record);
  return true;
}

bool JsonLoader::select_row(od::object& object) {
  // A first pass over the keys, for the cells the `where`s read: which fields the row gives is
  // known before any value is read. Values are only looked at (raw_json_token), not read.
  const auto& keys = selector_.columns();
  std::fill(filter_cells_.begin(), filter_cells_.end(), std::nullopt);
  for (auto member : object) {
    od::field field;
    if (auto e = std::move(member).get(field)) return fail_here(e);
    // The key as written, compared up to its closing quote: no byte past it is read.
    const char* key = field.key().raw();
    const auto at = std::find_if(keys.begin(), keys.end(), [&](const std::string& k) {
      std::size_t n = 0;
      while (n < k.size() && key[n] != '"' && key[n] == k[n]) ++n;
      return n == k.size() && key[n] == '"';
    });
    // A key given twice: the first is used, as for a field's own key.
    if (at == keys.end() || filter_cells_[static_cast<std::size_t>(at - keys.begin())]) continue;
    od::value value = field.value();
    // The token as written: a string without its quotes (its escapes kept), anything else as is.
    std::string_view raw = trim(value.raw_json_token());
    if (raw.size() >= 2 && raw.front() == '"') raw = raw.substr(1, raw.rfind('"') - 1);
    filter_cells_[static_cast<std::size_t>(at - keys.begin())] = raw;
  }
  if (auto e = object.reset().error()) return fail_here(e);
  selector_.begin_row(filter_cells_);
  return true;
}

const std::vector<std::pair<int32_t, model::ColumnRole>>& JsonLoader::also_for(std::string_view key, int32_t slot,
                                                                              model::ColumnRole role) {
  auto it = also_.find(std::string(key));
  if (it == also_.end()) it = also_.emplace(std::string(key), also_read_by(*schema_, key, slot, role)).first;
  return it->second;
}

void JsonLoader::read_text(od::value& value, std::size_t slot, model::ColumnRole role, std::string_view key,
                           model::Record& record) {
  const model::FieldSpec& spec = schema_->fields[slot];
  std::string_view raw = trim(value.raw_json_token());
  note_origin(set_.origins[slot].of(role), key);
  if (role != model::ColumnRole::Value || raw == "null") return;  // a bound is read for the first field only
  std::string_view text = raw;
  if (text.size() >= 2 && text.front() == '"') text = text.substr(1, text.size() - 2);
  const ParseError error = parse_value(spec, text, record.values[slot]);
  if (error != ParseError::None && reporter_.admit())
    reporter_.add(malformed_value(error, text, spec, "key", key, locate(raw.data(), raw.size())));
}

void JsonLoader::finish_filters() { selector_.finish(set_); }

bool JsonLoader::read_bound(od::value& v, const model::FieldSpec& field, std::string_view key,
                            std::optional<double>& out, bool& failed) {
  const std::string_view raw = trim(v.raw_json_token());
  od::json_type type;
  if (auto e = v.type().get(type)) return fail(e, raw.data());
  double x = 0;
  ParseError error = ParseError::None;
  switch (type) {
    case od::json_type::null: {
      bool null = false;
      if (auto e = v.is_null().get(null); e || !null) return fail(e ? e : simdjson::N_ATOM_ERROR, raw.data());
      return true;  // no bound
    }
    case od::json_type::number:
      if (auto e = v.get_double().get(x)) return fail(e, raw.data());
      break;
    case od::json_type::string: {
      std::string_view text;
      if (auto e = v.get_string().get(text)) return fail(e, raw.data());
      if (trim(text).empty()) return true;  // no bound
      error = parse_number(trim(text), x);
      if (error != ParseError::None) {
        failed = true;
        if (reporter_.admit())
          reporter_.add(malformed_value(error, text, field, "key", key, locate(raw.data(), raw.size())));
        return true;
      }
      break;
    }
    default:
      failed = true;
      report_wrong_type(field, key, type, raw, raw.data());
      return validate(v);
  }
  model::Value scaled;
  if (error = scale_quantity(field, x, scaled); error != ParseError::None) {
    failed = true;
    if (reporter_.admit()) reporter_.add(malformed_value(error, raw, field, "key", key, locate(raw.data(), raw.size())));
    return true;
  }
  out = scaled.x;
  return true;
}

void JsonLoader::apply_bounds(model::Record& record) {
  for (std::size_t s : bounded_) {
    Bounds& b = bounds_[s];
    model::Value& value = record.values[s];
    const model::FieldSpec& field = schema_->fields[s];
    const bool has_value_key = seen_[s * 3] == stamp_;
    const std::string_view value_key = has_value_key ? first_key_[s * 3] : std::string_view(field.name);
    std::string problem;
    if (b.failed || (has_value_key && value_failed_[s])) {
      value = model::Value::unknown();  // already reported
    } else if (!b.low && !b.high) {
      // Both bounds null or blank: the value stands as given.
    } else if (!value.is_unknown() && !value.is_exact()) {
      problem = fmt::format("{} is a range already, and bound keys give it another",
                            field_label(field, "key", value_key));
    } else {
      EstimateParts parts;
      parts.non_negative = never_negative(field.dim);
      if (!value.is_unknown()) parts.value = value.x;
      parts.low = b.low;
      parts.high = b.high;
      // A bound not given is named by the schema's first column for it.
      const auto name = [](std::string_view given, const std::vector<std::string>& declared, std::string_view word) {
        return !given.empty() ? given : !declared.empty() ? std::string_view(declared.front()) : word;
      };
      const std::string_view low_key = name(b.low_key, field.low_columns, "low");
      const std::string_view high_key = name(b.high_key, field.high_columns, "high");
      problem = combine_estimate(parts, fmt::format("field `{}`", field.name), {value_key, low_key, high_key}, value);
    }
    if (!problem.empty()) {
      if (reporter_.admit()) {
        Diagnostic d = make_diagnostic(Code::MalformedValue, std::move(problem),
                                       locate(b.at, token_at(text_, offset(b.at)).size()));
        d.notes.push_back(read_as(value));
        reporter_.add(std::move(d));
      }
    }
  }
  bounded_.clear();
}

bool JsonLoader::read_value(od::value& v, const model::FieldSpec& field, std::string_view key, model::Value& out,
                            bool* is_null) {
  const std::string_view raw = trim(v.raw_json_token());
  const char* at = raw.data();
  od::json_type type;
  if (auto e = v.type().get(type)) return fail(e, at);
  switch (type) {
    case od::json_type::null: {
      bool null = false;
      if (auto e = v.is_null().get(null); e || !null) return fail(e ? e : simdjson::N_ATOM_ERROR, at);
      if (is_null) *is_null = true;
      return true;  // unknown
    }
    case od::json_type::number: {
      double x = 0;
      if (auto e = v.get_double().get(x)) return fail(e, at);
      if (field.kind == ast::TypeKind::Quantity) {
        if (ParseError error = scale_quantity(field, x, out); error != ParseError::None && reporter_.admit())
          reporter_.add(malformed_value(error, raw, field, "key", key, locate(at, raw.size())));
      } else if (field.kind == ast::TypeKind::Text ||
                 (field.kind == ast::TypeKind::Bool && (raw == "0" || raw == "1"))) {
        parse_value(field, raw, out);
      } else {
        report_wrong_type(field, key, type, raw, at);
      }
      return true;
    }
    case od::json_type::boolean: {
      bool b = false;
      if (auto e = v.get_bool().get(b)) return fail(e, at);
      if (field.kind == ast::TypeKind::Bool) out = model::Value::of_bool(b);
      else if (field.kind == ast::TypeKind::Text) out = model::Value::of_text(b ? "true" : "false");
      else report_wrong_type(field, key, type, raw, at);
      return true;
    }
    case od::json_type::string: {
      std::string_view s;
      if (auto e = v.get_string().get(s)) return fail(e, at);
      // A string is read as its field's type: "2.1e+25", "2023-03-15", "True".
      if (ParseError error = parse_value(field, s, out); error != ParseError::None && reporter_.admit())
        reporter_.add(malformed_value(error, s, field, "key", key, locate(at, raw.size())));
      return true;
    }
    case od::json_type::object:
      if (field.kind == ast::TypeKind::Quantity) return read_range(v, field, key, out, at);
      [[fallthrough]];
    case od::json_type::array:
      report_wrong_type(field, key, type, raw, at);
      return validate(v);
  }
  return true;
}

// {"value": 2.1e25, "low": 8.2e24, "high": 4.4e25}: an estimate with its interval. A missing
// bound is the value; only `value` is an exact number. Each part may be a number, a numeric
// string or null (missing).
bool JsonLoader::read_range(od::value& v, const model::FieldSpec& field, std::string_view key, model::Value& out,
                            const char* at) {
  od::object object;
  if (auto e = v.get_object().get(object)) return fail(e, at);
  std::optional<double> parts[3];  // value, low, high (null: not given)
  bool given[3] = {false, false, false};
  static constexpr std::string_view kNames[3] = {"value", "low", "high"};
  std::string problem;  // the first thing wrong with the range
  const char* problem_at = at;
  std::size_t problem_len = 1;
  for (auto member : object) {
    od::field f;
    if (auto e = std::move(member).get(f)) return fail_here(e);
    const char* key_quote = f.key().raw() - 1;
    std::string_view name;
    if (auto e = f.unescaped_key().get(name)) return fail(e, key_quote);
    od::value part = f.value();
    const std::string_view raw = trim(part.raw_json_token());
    int which = -1;
    for (int i = 0; i < 3; ++i)
      if (name == kNames[i]) which = i;
    od::json_type type;
    if (auto e = part.type().get(type)) return fail(e, raw.data());
    std::optional<double> x;
    std::string part_problem;
    if (type == od::json_type::number) {
      double d = 0;
      if (auto e = part.get_double().get(d)) return fail(e, raw.data());
      x = d;
    } else if (type == od::json_type::string) {
      std::string_view s;
      if (auto e = part.get_string().get(s)) return fail(e, raw.data());
      double d = 0;
      if (ParseError pe = parse_number(trim(s), d); pe == ParseError::None) x = d;
      else part_problem = fmt::format("cannot read `{}` as a number", excerpt(s));
    } else if (type == od::json_type::null) {
      bool null = false;
      if (auto e = part.is_null().get(null); e || !null) return fail(e ? e : simdjson::N_ATOM_ERROR, raw.data());
    } else {
      if (!validate(part)) return false;
      part_problem = fmt::format("expected a number, found {}", type_noun(type));
    }
    if (!problem.empty()) continue;
    const std::size_t key_len = token_at(text_, offset(key_quote)).size();
    if (which < 0) {
      problem = fmt::format("unexpected key `{}` in the range of {}; expected `value`, `low` or `high`",
                            excerpt(name), field_label(field, "key", key));
      problem_at = key_quote;
      problem_len = key_len;
    } else if (given[which]) {
      problem = fmt::format("duplicate key `{}` in the range of {}", name, field_label(field, "key", key));
      problem_at = key_quote;
      problem_len = key_len;
    } else if (!part_problem.empty()) {
      problem = fmt::format("`{}` of {}: {}", name, field_label(field, "key", key), part_problem);
      problem_at = raw.data();
      problem_len = raw.size();
    } else {
      given[which] = true;
      parts[which] = x;
    }
  }
  if (problem.empty()) {
    problem = combine_range(parts, field, field_label(field, "key", key), out);
    if (problem.empty()) return true;
  } else {
    out = model::Value::unknown();
  }
  if (reporter_.admit()) {
    Diagnostic d = make_diagnostic(Code::MalformedValue, std::move(problem),
                                   locate(problem_at, problem_len));
    d.notes.push_back(read_as(out));
    d.help = "write an estimate as {\"value\": 2.1e25, \"low\": 8.2e24, \"high\": 4.4e25}";
    reporter_.add(std::move(d));
  }
  return true;
}

// Reads a value only to check it is valid JSON (On Demand does not check what it skips). It
// recurses into arrays and objects, so nesting is bounded (kMaxJsonDepth) before the stack is:
// 50,000 nested brackets would otherwise overflow it.
bool JsonLoader::validate(od::value& v, int depth) {
  const char* at = v.raw_json_token().data();
  if (depth > kMaxJsonDepth) return fail(simdjson::DEPTH_ERROR, at);
  od::json_type type;
  if (auto e = v.type().get(type)) return fail(e, at);
  switch (type) {
    case od::json_type::array: {
      od::array array;
      if (auto e = v.get_array().get(array)) return fail(e, at);
      for (auto element : array) {
        od::value item;
        if (auto e = std::move(element).get(item)) return fail_here(e);
        if (!validate(item, depth + 1)) return false;
      }
      return true;
    }
    case od::json_type::object: {
      od::object object;
      if (auto e = v.get_object().get(object)) return fail(e, at);
      for (auto member : object) {
        od::field f;
        if (auto e = std::move(member).get(f)) return fail_here(e);
        const char* key_quote = f.key().raw() - 1;
        std::string_view name;
        if (auto e = f.unescaped_key().get(name)) return fail(e, key_quote);
        od::value item = f.value();
        if (!validate(item, depth + 1)) return false;
      }
      return true;
    }
    case od::json_type::number: {
      double x;
      if (auto e = v.get_double().get(x)) return fail(e, at);
      return true;
    }
    case od::json_type::string: {
      std::string_view s;
      if (auto e = v.get_string().get(s)) return fail(e, at);
      return true;
    }
    case od::json_type::boolean: {
      bool b;
      if (auto e = v.get_bool().get(b)) return fail(e, at);
      return true;
    }
    case od::json_type::null: {
      bool null = false;
      if (auto e = v.is_null().get(null); e || !null) return fail(e ? e : simdjson::N_ATOM_ERROR, at);
      return true;
    }
  }
  return true;
}

// validate() for a whole document that is not an object: simdjson reads a scalar document
// through the document itself, not through a value.
bool JsonLoader::validate_root(od::json_type type) {
  const std::string_view doc = text_.substr(doc_begin_, doc_end_ - doc_begin_);
  const char* at = doc.data() + std::min(doc.find_first_not_of(" \t\r"), doc.size());
  switch (type) {
    case od::json_type::array: {
      od::value v;
      if (auto e = doc_.get_value().get(v)) return fail(e, at);
      return validate(v);
    }
    case od::json_type::number: {
      double x;
      if (auto e = doc_.get_double().get(x)) return fail(e, at);
      return true;
    }
    case od::json_type::string: {
      std::string_view s;
      if (auto e = doc_.get_string().get(s)) return fail(e, at);
      return true;
    }
    case od::json_type::boolean: {
      bool b;
      if (auto e = doc_.get_bool().get(b)) return fail(e, at);
      return true;
    }
    case od::json_type::null: {
      bool null = false;
      if (auto e = doc_.is_null().get(null); e || !null) return fail(e ? e : simdjson::N_ATOM_ERROR, at);
      return true;
    }
    case od::json_type::object: return true;
  }
  return true;
}

}  // namespace scalepol::data::detail
