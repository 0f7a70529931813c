// render_report_html: what the HTML page needs besides the verdicts, read from the compiled
// policy and the records, handed to the report layer's writer (report/html.hpp) as plain values:
// each model's training compute (with its range) and publication date, the policy's lines on
// training compute (check/thresholds.hpp), and the trace of every verdict (the tests with their
// margins, as `scalepol explain` gives them; computed under the first reading, like explain()).
#include <cmath>
#include <filesystem>

#include <fmt/format.h>

#include "api/eval_setup.hpp"
#include "api/impl.hpp"
#include "check/thresholds.hpp"
#include "eval/evaluator.hpp"
#include "eval/explain.hpp"
#include "eval/sweep.hpp"
#include "report/html.hpp"
#include "report/sink.hpp"
#include "scalepol/explain.hpp"
#include "scalepol/report.hpp"

namespace scalepol {

namespace {

// The columns std.model maps Epoch AI's compute figure from: data read through them is Epoch's.
bool read_from_epoch_columns(const model::RecordSet& set, int32_t slot) {
  if (slot < 0 || static_cast<std::size_t>(slot) >= set.origins.size()) return false;
  for (const auto& column : set.origins[static_cast<std::size_t>(slot)].value)
    if (column == "Training compute (FLOP)" || column == "training_compute_flop") return true;
  return false;
}

Diagnostics not_this_report(const model::RecordSet& set, std::size_t results) {
  Diagnostic d;
  d.code = code_name(Code::ReportForOtherRecords);
  d.message = fmt::format("the report has {} result{} but `{}` has {} record{}", results, results == 1 ? "" : "s",
                          set.source, set.records.size(), set.records.size() == 1 ? "" : "s");
  d.help = "render the report that `evaluate` gave for these records";
  Diagnostics out;
  out.add(std::move(d));
  return out;
}

Expected<report::HtmlInput, Diagnostics> gather(const Report& report, const Policy& policy, const Records& records,
                                                const ReportHtmlOptions& options) {
  if (auto mismatch = api::check_records_match(policy, records); !mismatch.empty()) return make_unexpected(std::move(mismatch));
  const auto& set = internals(records).set;
  if (report.results.size() != set.records.size()) return make_unexpected(not_this_report(set, report.results.size()));
  auto as_of = api::parse_as_of(report.as_of);
  if (!as_of) return make_unexpected(std::move(as_of.error()));
  const check::Program& program = *internals(policy).program;

  report::HtmlInput in;
  in.report = &report;
  in.data_file = options.data_name.empty() ? std::filesystem::path(set.source).filename().string() : options.data_name;
  const int32_t compute = set.schema->find(in.compute_field);
  const int32_t released = program.released_field;
  const model::FieldSpec* compute_spec = compute >= 0 ? &set.schema->fields[static_cast<std::size_t>(compute)] : nullptr;
  in.chart = compute_spec != nullptr && compute_spec->kind == ast::TypeKind::Quantity && released >= 0;
  in.epoch_data = read_from_epoch_columns(set, compute);
  if (!in.epoch_data) {
    std::string name = in.data_file;
    for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    in.epoch_data = name.find("epoch") != std::string::npos;
  }
  // Values are held in base units; the axis shows the field's declared unit.
  const double scale = compute_spec != nullptr && compute_spec->scale != 0 ? compute_spec->scale : 1.0;
  if (compute_spec != nullptr && !compute_spec->unit.empty()) in.compute_unit = compute_spec->unit;
  if (in.chart)
    for (check::Threshold& t : check::thresholds_on(program, compute))
      in.thresholds.push_back({.rule = std::move(t.rule), .label = std::move(t.label), .op = std::move(t.op),
                               .value = t.value / scale, .quote = std::move(t.quote), .source = std::move(t.source)});

  in.models.resize(set.records.size());
  try {
    eval::Evaluator ev(program, set, *as_of);
    ev.set_step_limit(internals(policy).limits.max_eval_steps_per_record);
    const eval::Readings readings = eval::enumerate_readings(program);
    std::vector<model::Value> first;
    readings.values(0, program.assumptions.size(), first);
    ev.set_reading(&first);
    for (std::size_t i = 0; i < set.records.size(); ++i) {
      const model::Record& record = set.records[i];
      report::HtmlModel& m = in.models[i];
      if (in.chart) {
        const model::Value& c = record.values[static_cast<std::size_t>(compute)];
        if (c.kind == model::Value::Kind::Number && !std::isnan(c.x)) {  // a half-open range has no point to plot
          m.has_compute = true;
          m.compute = c.x / scale;
          m.low = c.lo / scale;
          m.high = c.hi / scale;
        }
        const model::Value& d = record.values[static_cast<std::size_t>(released)];
        if (d.kind == model::Value::Kind::Date) {
          m.has_date = true;
          m.date = static_cast<int32_t>(d.x);
        }
      }
      if (!options.explanations) continue;
      for (const VerdictTrace& trace : eval::trace_verdicts(ev, record, report.results[i])) {
        auto& steps = m.steps.emplace_back();
        for (const TraceStep& s : trace.steps) steps.push_back({s.test, s.result, s.margin, s.flip});
      }
    }
    ev.set_reading(nullptr);
  } catch (const std::exception& ex) {
    return make_unexpected(api::internal_error(ex));
  }
  return in;
}

}  // namespace

Expected<std::string, Diagnostics> render_report_html(const Report& report, const Policy& policy,
                                                      const Records& records, const ReportHtmlOptions& options) {
  auto in = gather(report, policy, records, options);
  if (!in) return make_unexpected(std::move(in.error()));
  report::Sink sink;
  report::write_html(sink, *in);
  return std::move(sink.buffer());
}

Expected<void, Diagnostics> render_report_html(std::ostream& out, const Report& report, const Policy& policy,
                                               const Records& records, const ReportHtmlOptions& options) {
  auto in = gather(report, policy, records, options);
  if (!in) return make_unexpected(std::move(in.error()));
  report::Sink sink(&out);
  report::write_html(sink, *in);
  return {};
}

}  // namespace scalepol
