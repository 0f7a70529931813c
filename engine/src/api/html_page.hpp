// What the HTML page needs besides the verdicts, read from the compiled policy and the records,
// for the report layer's writer (report/html.hpp) as plain values: each model's training compute
// (with its range) and publication date, the policy's lines on training compute
// (check/thresholds.hpp), and the trace of every verdict (the tests with their margins, as
// `scalepol explain` gives them; computed under the first reading, like explain()). Used by
// render_report_html (a Report and its records) and run_html (records as they are read).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "check/program.hpp"
#include "eval/evaluator.hpp"
#include "model/record.hpp"
#include "report/html.hpp"
#include "scalepol/policy.hpp"
#include "scalepol/report.hpp"

namespace scalepol::api {

class HtmlPages {
 public:
  HtmlPages(const Policy& policy, const ReportHtmlOptions& options);

  // The page's head, for records evaluated as of `as_of`.
  report::HtmlPage page(const std::string& as_of) const;
  // The data file as the page names and credits it: from `set`'s source file, or the page's
  // data_name, and the columns its fields came from.
  report::HtmlData data(const model::RecordSet& set) const;

  // Marks the chart's fields in `read` (per slot): a streamed run reads them besides the fields
  // the policy reads.
  void mark_read(std::vector<bool>& read) const;

  // One record's chart values and, when the page has explanations, each verdict's trace. `ev`
  // evaluates the record's set; it is set to the first reading meanwhile.
  report::HtmlModel model(eval::Evaluator& ev, const model::Record& record, const ModelResult& result) const;

 private:
  const check::Program& program_;
  const Policy& policy_;
  ReportHtmlOptions options_;
  int32_t compute_ = -1, released_ = -1;  // slots of the chart's fields
  const model::FieldSpec* compute_spec_ = nullptr;
  double scale_ = 1;  // values are held in base units; the axis shows the field's declared unit
  bool chart_ = false;
  std::vector<model::Value> first_reading_;
};

}  // namespace scalepol::api
