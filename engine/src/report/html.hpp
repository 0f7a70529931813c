// The HTML report (`run --format html`): one self-contained page with a chart of training compute
// against publication date, the policy's lines on it, and a sortable, filterable table of the
// verdicts with their explanations. The page's static parts (report/html/report.{html,css,js})
// are embedded at build time (cmake/embed_html.cmake); this writer fills in the policy's and the
// data's part, as JSON inside the page, which the script draws from.
//
// This layer sees plain values only: api/report_html.cpp reads them from the compiled policy and
// the records.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/json_writer.hpp"
#include "report/sink.hpp"
#include "report/table.hpp"
#include "scalepol/report.hpp"

namespace scalepol::report {

// A line of the policy on the chart's compute axis, in the axis's unit.
struct HtmlThreshold {
  std::string rule, label, op;
  double value = 0;
  std::string quote, source;
};

// One test of a verdict's explanation (scalepol/explain.hpp's TraceStep).
struct HtmlStep {
  std::string test, result, margin, flip;
};

// What the chart knows of one model, beside its verdicts.
struct HtmlModel {
  bool has_compute = false;
  double compute = 0, low = 0, high = 0;  // in the axis's unit; low < high when a range is known
  bool has_date = false;
  int32_t date = 0;                       // days since 1970-01-01
  // Per verdict of the result, in order: the tests that decided it (empty when not traced).
  std::vector<std::vector<HtmlStep>> steps;
};

// What the page says besides its models.
struct HtmlPage {
  std::string policy, title, as_of;
  // The policy's rules, in the order of a result's verdicts: the page has a column for each tier
  // ladder, trigger and exemption, and one for obligations when the policy imposes any.
  std::vector<std::pair<std::string, VerdictKind>> rules;
  std::string compute_field = "training_compute", compute_unit = "FLOP";
  std::string date_field = "released";
  bool chart = true;  // false when the policy has no such fields: the page says so
  std::vector<HtmlThreshold> thresholds;
};

// The data file, as the page names and credits it. Known for certain only once the file is read
// (a JSON file's keys are met record by record): the writer puts it after the models.
struct HtmlData {
  std::string file;    // the file's name, as the page names it
  bool epoch = false;  // the data is Epoch AI's: the page credits it
};

// Writes the page a model at a time, so that a report over many models is streamed like the
// other formats: the constructor writes everything before the first model, finish() the rest
// (the quotes and the data file, then the rest of the page).
class HtmlWriter {
 public:
  HtmlWriter(Sink& sink, HtmlPage page);
  HtmlWriter(const HtmlWriter&) = delete;
  HtmlWriter& operator=(const HtmlWriter&) = delete;

  void model(const ModelResult& result, const HtmlModel& model);
  void finish(const HtmlData& data);

 private:
  // Quotes repeat across models (every systemic-risk verdict carries Article 51(2)): the page
  // keeps each (quote, source) pair once, after the models, and verdicts point to it.
  int quote_index(const Verdict& v);
  void flush();  // the JSON written so far, made safe for <script>, into the sink
  // Copies the skeleton from rest_ into the sink, filling its markers, up to the DATA marker
  // (true: the document goes there) or to its end (false).
  bool copy_skeleton();

  Sink& sink_;
  HtmlPage page_;
  Table table_;
  std::string_view rest_;  // the page's skeleton not yet written
  bool in_data_ = false;   // the document is open: models go into it
  std::vector<std::pair<std::string, std::string>> quotes_;  // few: one per quoted rule or tier
  std::string json_text_;
  JsonWriter json_;
};

// The credit line the page shows for Epoch AI's data, and where it links.
struct Credit {
  std::string text, link;
};
Credit epoch_credit(std::string_view data_file);

// `<`, `>`, `&`, `"` and `'` as character references: text safe in an element and an attribute.
void append_html_escaped(std::string& out, std::string_view text);
// JSON text made safe inside <script>: `<`, `>` and `&` become \u escapes (valid in JSON strings,
// where alone they can occur), so no `</script>` or `<!--` can end or change the element.
void append_script_safe(std::string& out, std::string_view json);

}  // namespace scalepol::report
