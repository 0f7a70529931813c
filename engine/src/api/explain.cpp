// explain(): the trace behind one model's verdicts. The verdicts are the ones Policy::evaluate
// gives (the same sweep over the assumptions' readings); the trace is computed under the first
// reading.
#include "scalepol/explain.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "api/eval_setup.hpp"
#include "api/impl.hpp"
#include "eval/evaluator.hpp"
#include "eval/explain.hpp"
#include "eval/sweep.hpp"
#include "syntax/suggest.hpp"

namespace scalepol {

namespace {

Diagnostics unknown_model(const model::RecordSet& set, const std::string& model) {
  Diagnostic d;
  d.code = code_name(Code::UnknownModel);
  d.message = fmt::format("no model named `{}` in `{}`", model, set.source);
  d.location.file = set.source;
  // The closest name, ignoring letter case (`gpt4` is `GPT-4` less a dash), in the data's order
  // so that a tie always suggests the same one.
  const auto lower = [](std::string s) {
    for (char& c : s)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
  };
  std::vector<const std::string*> names;
  std::vector<std::string> lowered;
  if (set.schema && set.schema->key_slot >= 0)
    for (const auto& r : set.records) {
      const auto& v = r.values[static_cast<std::size_t>(set.schema->key_slot)];
      if (v.kind != model::Value::Kind::Text || v.text.empty()) continue;
      names.push_back(&v.text);
      lowered.push_back(lower(v.text));
    }
  // A match but for letter case first, else the closest by edit distance.
  const std::string want = lower(model);
  auto best = std::find(lowered.begin(), lowered.end(), want);
  if (best == lowered.end()) {
    const std::vector<std::string_view> candidates(lowered.begin(), lowered.end());
    const std::string guess = syntax::closest_match(want, candidates);
    if (!guess.empty()) best = std::find(lowered.begin(), lowered.end(), guess);
  }
  if (names.empty()) {
    d.notes.push_back(set.schema && set.schema->key_slot >= 0 ? "no record of the data has a name"
                                                               : "the policy's schema has no `key` field naming models");
  } else {
    d.notes.push_back(fmt::format("model names are matched exactly, as the data writes them ({} model{})", names.size(),
                                  names.size() == 1 ? "" : "s"));
    if (best != lowered.end())
      d.help = fmt::format("did you mean `{}`?", *names[static_cast<std::size_t>(best - lowered.begin())]);
  }
  Diagnostics out;
  out.add(std::move(d));
  return out;
}

Diagnostics one(Diagnostic d, const model::RecordSet& set) {
  d.location.file = set.source;
  Diagnostics out;
  out.add(std::move(d));
  return out;
}

// "lines 4, 9 and 12" (at most `shown` of them, then "…").
std::string line_list(const std::vector<uint32_t>& lines) {
  constexpr std::size_t shown = 8;
  std::string out = lines.size() == 1 ? "line " : "lines ";
  for (std::size_t i = 0; i < lines.size() && i < shown; ++i)
    out += fmt::format("{}{}", i == 0 ? "" : (i + 1 == lines.size() ? " and " : ", "), lines[i]);
  if (lines.size() > shown) out += ", …";
  return out;
}

// The lines of the records named `model`, in the data's order.
std::vector<uint32_t> lines_named(const model::RecordSet& set, const std::string& model) {
  std::vector<uint32_t> lines;
  for (const auto& r : set.records)
    if (set.model_name(r) == model) lines.push_back(r.line);
  return lines;
}

Diagnostics ambiguous_model(const model::RecordSet& set, const std::string& model, const std::vector<uint32_t>& lines) {
  Diagnostic d;
  d.code = code_name(Code::AmbiguousModel);
  d.message = fmt::format("{} records are named `{}` in `{}`: {}", lines.size(), model, set.source, line_list(lines));
  d.notes.push_back("a file with several rows per model (one per benchmark, or per source) is explained one row at a time");
  d.help = fmt::format("pick one by the line its record starts on: `--line {}`", lines.front());
  return one(std::move(d), set);
}

Diagnostics no_record_at(const model::RecordSet& set, uint32_t line) {
  Diagnostic d;
  d.code = code_name(Code::UnknownModel);
  d.message = fmt::format("no record of `{}` starts on line {}", set.source, line);
  // The nearest line a record starts on, for the help.
  const model::Record* nearest = nullptr;
  for (const auto& r : set.records)
    if (!nearest || (r.line > line ? r.line - line : line - r.line) < (nearest->line > line ? nearest->line - line : line - nearest->line))
      nearest = &r;
  if (nearest)
    d.help = fmt::format("the nearest record starts on line {} (`{}`)", nearest->line, set.model_name(*nearest));
  else
    d.notes.push_back("the data has no records");
  return one(std::move(d), set);
}

Expected<Explanation, Diagnostics> explain_record(const Policy& policy, const Records& records, const model::Record& record,
                                                  const Policy::EvalOptions& options);

}  // namespace

Expected<Explanation, Diagnostics> explain(const Policy& policy, const Records& records, const std::string& model,
                                           const Policy::EvalOptions& options) {
  if (Diagnostics mismatch = api::check_records_match(policy, records); !mismatch.empty())
    return make_unexpected(std::move(mismatch));
  const auto& set = internals(records).set;
  auto found = set.by_name.find(model);
  if (found == set.by_name.end()) return make_unexpected(unknown_model(set, model));
  // Several rows of one model are not one record: which is explained must be said.
  if (const auto lines = lines_named(set, model); lines.size() > 1) return make_unexpected(ambiguous_model(set, model, lines));
  return explain_record(policy, records, set.records[found->second], options);
}

Expected<Explanation, Diagnostics> explain_line(const Policy& policy, const Records& records, uint32_t line,
                                                const Policy::EvalOptions& options) {
  if (Diagnostics mismatch = api::check_records_match(policy, records); !mismatch.empty())
    return make_unexpected(std::move(mismatch));
  const auto& set = internals(records).set;
  for (const auto& r : set.records)
    if (r.line == line) return explain_record(policy, records, r, options);
  // A row of a long table, joined into its model's record.
  for (const auto& [joined, record] : set.joined_lines)
    if (joined == line) return explain_record(policy, records, set.records[record], options);
  return make_unexpected(no_record_at(set, line));
}

namespace {

Expected<Explanation, Diagnostics> explain_record(const Policy& policy, const Records& records, const model::Record& record,
                                                  const Policy::EvalOptions& options) {
  auto as_of = api::parse_as_of(options.as_of);
  if (!as_of) return make_unexpected(std::move(as_of.error()));
  const auto& set = internals(records).set;
  const auto& program = *internals(policy).program;

  Explanation out;
  out.policy = program.name;
  out.title = program.title;
  out.as_of = options.as_of;
  out.model = set.model_name(record);
  out.data = set.source;
  out.line = record.line;
  out.rows = set.rows_of(static_cast<uint32_t>(&record - set.records.data()));
  try {
    eval::Evaluator ev(program, set, *as_of);
    ev.set_step_limit(internals(policy).limits.max_eval_steps_per_record);
    const eval::Readings readings = eval::enumerate_readings(program);
    eval::Sweep sweep(ev, readings);
    const ModelResult verdicts = sweep.verdicts(record);
    // The values are shown under the first reading.
    std::vector<model::Value> first;
    readings.values(0, program.assumptions.size(), first);
    ev.set_reading(&first);
    out.verdicts = eval::trace_verdicts(ev, record, verdicts);
    out.readings = readings.size();
    ev.set_reading(nullptr);
    for (std::size_t d = 0; d < readings.dims.size(); ++d) {
      const auto& name = program.assumptions[static_cast<std::size_t>(readings.dims[d])].decl->name.text;
      out.reading += fmt::format("{}{} = {}", d == 0 ? "" : ", ", name, readings.labels[d][readings.choice(0, d)]);
    }
  } catch (const std::exception& ex) {
    return make_unexpected(api::internal_error(ex));
  }
  return out;
}

}  // namespace

}  // namespace scalepol
