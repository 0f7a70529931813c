// render_report_html, and what the HTML page needs besides the verdicts (api/html_page.hpp).
#include <cmath>
#include <filesystem>

#include <fmt/format.h>

#include "api/eval_setup.hpp"
#include "api/html_page.hpp"
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

}  // namespace

namespace api {

HtmlPages::HtmlPages(const Policy& policy, const ReportHtmlOptions& options)
    : program_(*internals(policy).program), policy_(policy), options_(options) {
  const model::Schema& schema = *internals(policy).schema;
  compute_ = schema.find(report::HtmlPage{}.compute_field);
  released_ = program_.released_field;
  compute_spec_ = compute_ >= 0 ? &schema.fields[static_cast<std::size_t>(compute_)] : nullptr;
  chart_ = compute_spec_ != nullptr && compute_spec_->kind == ast::TypeKind::Quantity && released_ >= 0;
  if (compute_spec_ != nullptr && compute_spec_->scale != 0) scale_ = compute_spec_->scale;
  const eval::Readings readings = eval::enumerate_readings(program_);
  readings.values(0, program_.assumptions.size(), first_reading_);
}

report::HtmlData HtmlPages::data(const model::RecordSet& set) const {
  report::HtmlData data;
  data.file = options_.data_name.empty() ? std::filesystem::path(set.source).filename().string() : options_.data_name;
  data.epoch = read_from_epoch_columns(set, compute_);
  if (!data.epoch) {
    std::string name = data.file;
    for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    data.epoch = name.find("epoch") != std::string::npos;
  }
  return data;
}

report::HtmlPage HtmlPages::page(const std::string& as_of) const {
  report::HtmlPage page;
  page.policy = program_.name;
  page.title = program_.title;
  page.as_of = as_of;
  for (const auto& c : internals(policy_).compiled->columns()) page.rules.emplace_back(c.name, c.kind);
  page.chart = chart_;
  if (compute_spec_ != nullptr && !compute_spec_->unit.empty()) page.compute_unit = compute_spec_->unit;
  if (chart_)
    for (check::Threshold& t : check::thresholds_on(program_, compute_))
      page.thresholds.push_back({.rule = std::move(t.rule), .label = std::move(t.label), .op = std::move(t.op),
                                 .value = t.value / scale_, .quote = std::move(t.quote), .source = std::move(t.source)});
  return page;
}

void HtmlPages::mark_read(std::vector<bool>& read) const {
  if (!chart_) return;
  for (int32_t slot : {compute_, released_})
    if (static_cast<std::size_t>(slot) < read.size()) read[static_cast<std::size_t>(slot)] = true;
}

report::HtmlModel HtmlPages::model(eval::Evaluator& ev, const model::Record& record, const ModelResult& result) const {
  report::HtmlModel m;
  if (chart_) {
    const model::Value& c = record.values[static_cast<std::size_t>(compute_)];
    if (c.kind == model::Value::Kind::Number && !std::isnan(c.x)) {  // a half-open range has no point to plot
      m.has_compute = true;
      m.compute = c.x / scale_;
      m.low = c.lo / scale_;
      m.high = c.hi / scale_;
    }
    const model::Value& d = record.values[static_cast<std::size_t>(released_)];
    if (d.kind == model::Value::Kind::Date) {
      m.has_date = true;
      m.date = static_cast<int32_t>(d.x);
    }
  }
  if (!options_.explanations) return m;
  ev.set_reading(&first_reading_);
  for (const VerdictTrace& trace : eval::trace_verdicts(ev, record, result)) {
    auto& steps = m.steps.emplace_back();
    for (const TraceStep& s : trace.steps) steps.push_back({s.test, s.result, s.margin, s.flip});
  }
  ev.set_reading(nullptr);
  return m;
}

}  // namespace api

namespace {

// Writes the page for a Report and the records it was made from, into `sink`, once every check
// has passed and every verdict has been traced.
Expected<void, Diagnostics> write_page(report::Sink& sink, const Report& report, const Policy& policy,
                                       const Records& records, const ReportHtmlOptions& options) {
  if (auto mismatch = api::check_records_match(policy, records); !mismatch.empty()) return make_unexpected(std::move(mismatch));
  const auto& set = internals(records).set;
  if (report.results.size() != set.records.size()) return make_unexpected(not_this_report(set, report.results.size()));
  auto as_of = api::parse_as_of(report.as_of);
  if (!as_of) return make_unexpected(std::move(as_of.error()));
  try {
    const api::HtmlPages pages(policy, options);
    // Made before anything is written: a page is either whole or not begun.
    std::vector<report::HtmlModel> models;
    models.reserve(set.records.size());
    eval::Evaluator ev(*internals(policy).program, set, *as_of);
    ev.set_step_limit(internals(policy).limits.max_eval_steps_per_record);
    for (std::size_t i = 0; i < set.records.size(); ++i)
      models.push_back(pages.model(ev, set.records[i], report.results[i]));
    report::HtmlPage page = pages.page(report.as_of);
    page.policy = report.policy;
    page.title = report.title;
    report::HtmlWriter writer(sink, std::move(page));
    for (std::size_t i = 0; i < set.records.size(); ++i) writer.model(report.results[i], models[i]);
    writer.finish(pages.data(set));
  } catch (const std::exception& ex) {
    return make_unexpected(api::internal_error(ex));
  }
  return {};
}

}  // namespace

Expected<std::string, Diagnostics> render_report_html(const Report& report, const Policy& policy,
                                                      const Records& records, const ReportHtmlOptions& options) {
  report::Sink sink;
  if (auto written = write_page(sink, report, policy, records, options); !written)
    return make_unexpected(std::move(written.error()));
  return std::move(sink.buffer());
}

Expected<void, Diagnostics> render_report_html(std::ostream& out, const Report& report, const Policy& policy,
                                               const Records& records, const ReportHtmlOptions& options) {
  // write_page checks everything and traces every verdict before it writes: nothing reaches
  // `out` when the diagnostics are returned.
  report::Sink sink(&out);
  return write_page(sink, report, policy, records, options);
}

}  // namespace scalepol
