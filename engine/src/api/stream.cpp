// evaluate_table, run_jsonl, run_csv, run_text, run_json and run_html: the evaluators behind the
// public API, over records read a block at a time.
#include "scalepol/stream.hpp"

#include <algorithm>
#include <optional>
#include <ostream>

#include "api/eval_setup.hpp"
#include "api/html_page.hpp"
#include "api/impl.hpp"
#include "data/column_not_found.hpp"
#include "data/confidence.hpp"
#include "data/load.hpp"
#include "data/stream.hpp"
#include "eval/batch.hpp"
#include "eval/compiled.hpp"
#include "eval/evaluator.hpp"
#include "eval/sweep.hpp"
#include "report/csv_report.hpp"
#include "report/jsonl.hpp"
#include "report/report_json.hpp"
#include "report/report_text.hpp"
#include "report/text_util.hpp"

namespace scalepol {

const std::string& VerdictTable::value_name(std::size_t rule, const VerdictCell& cell) const {
  // A cell of another table, or a rule out of range, names nothing: "unknown", never a read past
  // the end.
  static const std::string unknown = "unknown";
  if (cell.value < 0 || rule >= rules.size()) return unknown;
  const auto& values = rules[rule].values;
  const auto index = static_cast<std::size_t>(cell.value);
  return index < values.size() ? values[index] : unknown;
}

Expected<VerdictTable, Diagnostics> evaluate_table(const Policy& policy, const Records& records,
                                                   const Policy::EvalOptions& options) {
  auto as_of = api::parse_as_of(options.as_of);
  if (!as_of) return make_unexpected(std::move(as_of.error()));
  if (auto mismatch = api::check_records_match(policy, records); !mismatch.empty()) return make_unexpected(std::move(mismatch));
  try {
    const auto& impl = internals(policy);
    const eval::CompiledPolicy& cp = *impl.compiled;
    const auto& set = internals(records).set;
    VerdictTable table;
    for (const auto& c : cp.columns()) table.rules.push_back({c.name, c.kind, c.values});
    table.records = set.records.size();
    const std::size_t cols = cp.columns().size();
    table.cells.resize(table.records * cols);
    const std::size_t n = set.records.size();
    const eval::Columns& columns = internals(records).columns;
    if (columns.records == n && eval::batch_supported(cp, columns, impl.limits.max_eval_steps_per_record)) {
      // A batch of records at a time, over the records' columns (eval/batch.hpp).
      eval::BatchRun batch(cp, columns, *as_of, n);
      const std::size_t lanes = batch.lanes();
      for (std::size_t first = 0; first < n; first += lanes)
        batch.evaluate(first, std::min(lanes, n - first), table.cells.data() + first * cols);
      return table;
    }
    eval::CompiledRun run(cp, set, *as_of, impl.limits.max_eval_steps_per_record);
    std::vector<eval::Cell> cells(cols);
    constexpr std::size_t kAhead = 24; // records prefetched ahead of the one evaluated
    for (std::size_t r = 0; r < n; ++r) {
      if (r + kAhead < n) run.prefetch(set.records[r + kAhead]);
      run.evaluate(set.records[r], cells.data());
      VerdictCell* out = table.cells.data() + r * cols;
      for (std::size_t k = 0; k < cols; ++k) out[k] = {cells[k].value, cells[k].status, cells[k].robust};
    }
    return table;
  } catch (const std::exception& ex) {
    return make_unexpected(api::internal_error(ex));
  }
}

namespace {

// The model's name as the report gives it: the key field's text, or "#<line>".
std::string_view model_name(const model::Schema& schema, const model::Record& r, std::string& scratch) {
  if (schema.key_slot >= 0 && static_cast<std::size_t>(schema.key_slot) < r.values.size()) {
    const model::Value& v = r.values[static_cast<std::size_t>(schema.key_slot)];
    if (v.kind == model::Value::Kind::Text && !v.text.empty()) return v.text;
  }
  scratch = "#" + std::to_string(r.line);
  return scratch;
}

// The names of the interpretation sweep's assumptions, for "depends_on".
std::vector<std::string> dimension_names(const eval::CompiledPolicy& cp) {
  std::vector<std::string> names;
  for (int32_t d : cp.readings().dims) names.push_back(cp.program().assumptions[d].decl->name.text);
  return names;
}

// The lines of the JSON Lines report (report/jsonl.hpp), for CellsRun.
class JsonlLines {
 public:
  explicit JsonlLines(const eval::CompiledPolicy& cp) : writer_(cp.columns(), dimension_names(cp)) {}
  void header(std::string&) {}
  void append(std::string& out, const model::Record&, std::string_view model, const eval::Cell* cells) {
    writer_.append(out, model, cells);
  }
  void footer(std::string&) {}

 private:
  report::JsonlWriter writer_;
};

// The rows of the CSV report (report/csv_report.hpp), for CellsRun.
class CsvRows {
 public:
  explicit CsvRows(const eval::CompiledPolicy& cp) : writer_(cp.columns(), dimension_names(cp)) {}
  void header(std::string& out) { writer_.append_header(out); }
  void append(std::string& out, const model::Record& r, std::string_view model, const eval::Cell* cells) {
    writer_.append(out, r.line, model, cells);
  }
  void footer(std::string&) {}

 private:
  report::CsvReportWriter writer_;
};

// The rows of the text table (report/report_text.hpp), for CellsRun: each record's cells as the
// table shows them, the same as render_report_text makes them from a Report's verdicts.
class TextRows {
 public:
  TextRows(const eval::CompiledPolicy& cp, const ReportTextOptions& text, std::string as_of, std::size_t step_limit)
      : cp_(cp),
        writer_(table(cp, text), {cp.program().name, cp.program().title, std::move(as_of)}, text.color),
        step_limit_(step_limit) {
    for (const auto& c : cp.columns()) column_.push_back(writer_.table().column_of(c.name));
  }
  void header(std::string&) {}
  void append(std::string& out, const model::Record&, std::string_view model, const eval::Cell* cells) {
    static constexpr std::string_view kUnknown = "unknown";
    const auto& columns = cp_.columns();
    const report::Table& table = writer_.table();
    row_.model.clear();
    report::append_truncated(row_.model, model, report::kModelColumnMax);
    row_.cells.assign(table.columns().size(), std::nullopt);
    row_.incurred.clear();
    for (std::size_t k = 0; k < columns.size(); ++k) {
      const eval::Cell& cell = cells[k];
      if (!cell.shown) continue;
      const std::string_view value =
          cell.value < 0 ? kUnknown : std::string_view(columns[k].values[static_cast<std::size_t>(cell.value)]);
      if (columns[k].kind == VerdictKind::Obligation) {
        if (table.has_obligations_column()) report::add_incurred(row_.incurred, columns[k].name, value == "true", cell.status);
        continue;
      }
      const std::ptrdiff_t c = column_[k];
      if (c >= 0 && !row_.cells[static_cast<std::size_t>(c)])
        row_.cells[static_cast<std::size_t>(c)] = report::TableCell{value, cell.status, cell.robust, cell.limited ? step_limit_ : 0};
    }
    writer_.add(out, row_);
  }
  void footer(std::string& out) { writer_.finish(out); }

 private:
  static report::Table table(const eval::CompiledPolicy& cp, const ReportTextOptions& text) {
    std::vector<report::Table::Rule> rules;
    for (const auto& c : cp.columns()) rules.push_back({c.name, c.kind});
    return report::Table(rules, {.exemptions = text.exemptions, .obligations = text.obligations});
  }

  const eval::CompiledPolicy& cp_;
  report::TextReportWriter writer_;
  std::vector<std::ptrdiff_t> column_;  // per compiled column: the table's column, or -1
  std::size_t step_limit_;
  report::TableRow row_;
};

// Verdicts without reasons, one line per record written by `Lines` (JsonlLines, CsvRows, TextRows): the
// batch evaluator over each block's columns, or the compiled one record at a time for a policy
// with `@` references.
template <class Lines>
class CellsRun {
 public:
  template <class... WriterArgs>
  CellsRun(const Policy& policy, std::ostream& out, int32_t as_of, WriterArgs&&... writer_args)
      : cp_(*internals(policy).compiled),
        out_(out),
        writer_(cp_, std::forward<WriterArgs>(writer_args)...),
        run_(cp_, empty_, as_of, internals(policy).limits.max_eval_steps_per_record),
        cells_(cp_.columns().size()),
        as_of_(as_of),
        step_limit_(internals(policy).limits.max_eval_steps_per_record),
        column_builder_(eval::batch_columns(cp_)) {
    writer_.header(buffer_);
  }

  // Evaluates and writes a set's records. False when the output stream failed.
  bool records(const model::RecordSet& set) {
    if (!cp_.uses_references()) {
      // The block's columns, then the batch evaluator (eval/batch.hpp), as evaluate_table.
      column_builder_.build(set, columns_);
      if (eval::batch_supported(cp_, columns_, step_limit_)) return batches(set);
    }
    run_.set_records(set);
    for (const auto& r : set.records) {
      run_.evaluate(r, cells_.data());
      writer_.append(buffer_, r, model_name(*set.schema, r, scratch_), cells_.data());
      if (buffer_.size() >= kFlushAt && !flush()) return false;
    }
    count_ += set.records.size();
    return true;
  }

  bool batches(const model::RecordSet& set) {
    const std::size_t cols = cp_.columns().size(), n = set.records.size();
    // Sized for the blocks seen so far, and made again (larger) when a block has more records
    // than it takes and a larger run could take them: a file of a few records keeps small
    // scratch memory, a large one soon gets full batches.
    if (!batch_ || (n > batch_->lanes() && batch_->lanes() < eval::BatchRun::max_lanes(cp_)))
      batch_ = std::make_unique<eval::BatchRun>(cp_, columns_, as_of_,
                                                std::max(n, batch_ ? 2 * batch_->lanes() : std::size_t{1}));
    batch_->columns_changed();
    const std::size_t lanes = batch_->lanes();
    batch_cells_.resize(lanes * cols);
    for (std::size_t first = 0; first < n; first += lanes) {
      const std::size_t count = std::min(lanes, n - first);
      batch_->evaluate(first, count, batch_cells_.data());
      for (std::size_t i = 0; i < count; ++i) {
        const model::Record& r = set.records[first + i];
        writer_.append(buffer_, r, model_name(*set.schema, r, scratch_), batch_cells_.data() + i * cols);
        if (buffer_.size() >= kFlushAt && !flush()) return false;
      }
    }
    count_ += n;
    return true;
  }

  bool flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
    return static_cast<bool>(out_);
  }

  // After the last record: what follows the rows, then everything still buffered.
  bool finish() {
    writer_.footer(buffer_);
    return flush();
  }

  std::size_t count() const { return count_; }

 private:
  // The output is written once the buffer holds this much. The buffer is not reserved up front:
  // it grows as lines are added (geometrically, so a large file soon stops reallocating) and
  // keeps its size after each flush; a file of a few records, or a fuzzer's execution, does not
  // pay for a megabyte it never fills (under ASan, that allocation and its release would be 15%
  // of fuzz_records_csv's time).
  static constexpr std::size_t kFlushAt = 1 << 20;

  const eval::CompiledPolicy& cp_;
  std::ostream& out_;
  Lines writer_;
  model::RecordSet empty_;
  eval::CompiledRun run_;
  std::vector<eval::Cell> cells_;
  std::string buffer_, scratch_;
  std::size_t count_ = 0;
  // The batch evaluator, for policies without `@` references: each block's columns, made again
  // per block into the same storage.
  int32_t as_of_;
  std::size_t step_limit_;
  eval::ColumnBuilder column_builder_;
  eval::Columns columns_;
  std::unique_ptr<eval::BatchRun> batch_;
  std::vector<eval::Cell> batch_cells_;
};

// --format json streamed: each block's records through the evaluator that gives reasons (the one
// Policy::evaluate runs), each result written as it is made, by the writer render_report_json
// uses.
class ReportJsonRun {
 public:
  ReportJsonRun(const Policy& policy, std::ostream& out, int32_t as_of, const std::string& as_of_text)
      : program_(*internals(policy).program),
        step_limit_(internals(policy).limits.max_eval_steps_per_record),
        readings_(eval::enumerate_readings(program_)),
        as_of_(as_of),
        out_(out),
        sink_(&out),
        writer_(sink_, program_.name, program_.title, as_of_text) {}

  bool records(const model::RecordSet& set) {
    eval::Evaluator ev(program_, set, as_of_);
    ev.set_step_limit(step_limit_);
    eval::Sweep sweep(ev, readings_);
    for (const auto& r : set.records) writer_.result(sweep.verdicts(r));
    count_ += set.records.size();
    return static_cast<bool>(out_);
  }

  bool finish() {
    writer_.finish();
    return static_cast<bool>(out_);
  }

  std::size_t count() const { return count_; }

 private:
  const check::Program& program_;
  std::size_t step_limit_;
  eval::Readings readings_;
  int32_t as_of_;
  std::ostream& out_;
  report::Sink sink_;
  report::ReportJsonWriter writer_;
  std::size_t count_ = 0;
};

// --format html streamed: each block's records through the evaluator that gives reasons, each
// verdict traced under the first reading (api/html_page.hpp), each model written as it is made.
// The data file's name and credit go last, from what the whole file said of itself.
class HtmlRun {
 public:
  HtmlRun(const Policy& policy, std::ostream& out, int32_t as_of, const std::string& as_of_text,
          const ReportHtmlOptions& options, const std::string& data_path)
      : program_(*internals(policy).program),
        step_limit_(internals(policy).limits.max_eval_steps_per_record),
        readings_(eval::enumerate_readings(program_)),
        pages_(policy, options),
        as_of_(as_of),
        out_(out),
        sink_(&out),
        writer_(sink_, pages_.page(as_of_text)) {
    model::RecordSet none;  // until the file says more: its name
    none.source = data_path;
    data_ = pages_.data(none);
  }

  bool records(const model::RecordSet& set) {
    eval::Evaluator ev(program_, set, as_of_);
    ev.set_step_limit(step_limit_);
    eval::Sweep sweep(ev, readings_);
    for (const auto& r : set.records) {
      const ModelResult result = sweep.verdicts(r);
      writer_.model(result, pages_.model(ev, r, result));
    }
    count_ += set.records.size();
    return static_cast<bool>(out_);
  }

  // The file, once read: what it said of itself (the columns or keys its fields came from, which
  // say whose data it is), where a streamed block knows only its own records.
  void file_read(const model::RecordSet& loaded) { data_ = pages_.data(loaded); }

  bool finish() {
    writer_.finish(data_);
    return static_cast<bool>(out_);
  }

  std::size_t count() const { return count_; }
  // The chart's fields, besides those the policy reads.
  void also_read(std::vector<bool>& read) const { pages_.mark_read(read); }

 private:
  const check::Program& program_;
  std::size_t step_limit_;
  eval::Readings readings_;
  api::HtmlPages pages_;
  int32_t as_of_;
  std::ostream& out_;
  report::Sink sink_;
  report::HtmlWriter writer_;
  report::HtmlData data_;
  std::size_t count_ = 0;
};

Diagnostics write_failed(const std::string& path) {
  Diagnostics out;
  out.add(Diagnostic::of(Code::IoError, "cannot write the report (the output stream failed)", {.file = path}));
  return out;
}

// Reads the data a block at a time (or whole, when it must) and hands each block to `run`, which
// evaluates and writes it: records(set), then finish() once at the end; count() records so far;
// also_read(read), where a run has it, marks fields it needs besides those the policy reads;
// file_read(set), where it has it, is told before finish() what the whole file said of itself.
template <class Run>
Expected<StreamSummary, Diagnostics> stream_through(const Policy& policy, const std::string& data_path,
                                                    const StreamOptions& options, Run& run) {
  const auto& impl = internals(policy);
  StreamSummary summary;

  // Whole: `@` references need every record at hand, and a JSON array is one document.
  auto load_whole = [&](std::string because) -> Expected<StreamSummary, Diagnostics> {
    auto set = data::load_file(data_path, options.load.format, impl.schema);
    if (!set) return make_unexpected(std::move(set.error()));
    if (options.load.confidence_ranges)
      if (Diagnostics fatal = data::apply_confidence_ranges(*set); !fatal.empty()) return make_unexpected(std::move(fatal));
    if (!run.records(*set)) return make_unexpected(write_failed(data_path));
    if constexpr (requires { run.file_read(*set); }) run.file_read(*set);
    if (!run.finish()) return make_unexpected(write_failed(data_path));
    summary.records = run.count();
    summary.diagnostics = std::move(set->diagnostics);
    for (Diagnostic& d :
         data::columns_not_found(*set, impl.compiled->fields_behind_verdicts(), !set->records.empty()).items)
      summary.diagnostics.add(std::move(d));
    summary.streamed = false;
    summary.read_whole_because = std::move(because);
    return summary;
  };
  if (impl.compiled->uses_references()) return load_whole("the policy's `@` references need every record at hand");
  // Standard input cannot be opened again: a JSON array on it is read whole from the start,
  // not first tried as a stream.
  if (data::is_stdin(data_path) && options.load.format == DataFormat::Json)
    return load_whole("JSON on standard input is one document");

  auto opened = data::RecordStream::open(data_path, options.load.format, impl.schema, options.block_bytes);
  if (!opened) return make_unexpected(std::move(opened.error()));
  if (!opened->stream) return load_whole(std::move(opened->read_whole_because));
  std::unique_ptr<data::RecordStream>& stream = opened->stream;
  // Only what the policy reads is loaded; confidence ranges also need the label and the
  // compute fields they widen.
  std::vector<bool> read = impl.compiled->fields_read();
  if (options.load.confidence_ranges) {
    const auto& schema = *impl.schema;
    if (int32_t slot = data::confidence_slot(schema); slot >= 0) read[static_cast<std::size_t>(slot)] = true;
    for (std::size_t i = 0; i < schema.fields.size(); ++i)
      if (schema.fields[i].dim == ast::Dim::Compute) read[i] = true;
  }
  if constexpr (requires { run.also_read(read); }) run.also_read(read);
  stream->read_only(std::move(read));
  model::RecordSet block;
  while (stream->next(block)) {
    if (options.load.confidence_ranges)
      if (Diagnostics fatal = data::apply_confidence_ranges(block); !fatal.empty()) return make_unexpected(std::move(fatal));
    if (!run.records(block)) return make_unexpected(write_failed(data_path));
    if (options.on_progress) options.on_progress(run.count());
  }
  if (!stream->error().empty()) return make_unexpected(stream->error());
  if constexpr (requires { run.file_read(stream->loaded()); }) run.file_read(stream->loaded());
  if (!run.finish()) return make_unexpected(write_failed(data_path));
  summary.records = run.count();
  summary.diagnostics = stream->finish();
  for (Diagnostic& d : stream->columns_not_found(impl.compiled->fields_behind_verdicts(), run.count() > 0).items)
    summary.diagnostics.add(std::move(d));
  return summary;
}

// A streamed run: the evaluation date parsed, the run made by `make(as_of)` (a CellsRun or a
// ReportJsonRun), then the data streamed through it. An exception, in making the run as in
// running it, is an internal error, not an escape from the API.
template <class Make>
Expected<StreamSummary, Diagnostics> run_streamed(const Policy& policy, const std::string& data_path,
                                                  const StreamOptions& options, Make make) {
  auto as_of = api::parse_as_of(options.eval.as_of);
  if (!as_of) return make_unexpected(std::move(as_of.error()));
  try {
    auto run = make(*as_of);
    return stream_through(policy, data_path, options, run);
  } catch (const std::exception& ex) {
    return make_unexpected(api::internal_error(ex, data_path));
  }
}

}  // namespace

Expected<StreamSummary, Diagnostics> run_jsonl(const Policy& policy, const std::string& data_path, std::ostream& out,
                                               const StreamOptions& options) {
  return run_streamed(policy, data_path, options,
                      [&](int32_t as_of) { return CellsRun<JsonlLines>(policy, out, as_of); });
}

Expected<StreamSummary, Diagnostics> run_csv(const Policy& policy, const std::string& data_path, std::ostream& out,
                                             const StreamOptions& options) {
  return run_streamed(policy, data_path, options, [&](int32_t as_of) { return CellsRun<CsvRows>(policy, out, as_of); });
}

Expected<StreamSummary, Diagnostics> run_text(const Policy& policy, const std::string& data_path, std::ostream& out,
                                              const StreamOptions& options, const ReportTextOptions& text) {
  return run_streamed(policy, data_path, options, [&](int32_t as_of) {
    return CellsRun<TextRows>(policy, out, as_of, text, options.eval.as_of,
                              internals(policy).limits.max_eval_steps_per_record);
  });
}

Expected<StreamSummary, Diagnostics> run_html(const Policy& policy, const std::string& data_path, std::ostream& out,
                                              const StreamOptions& options, const ReportHtmlOptions& html) {
  return run_streamed(policy, data_path, options, [&](int32_t as_of) {
    return HtmlRun(policy, out, as_of, options.eval.as_of, html, data_path);
  });
}

Expected<StreamSummary, Diagnostics> run_json(const Policy& policy, const std::string& data_path, std::ostream& out,
                                              const StreamOptions& options) {
  return run_streamed(policy, data_path, options,
                      [&](int32_t as_of) { return ReportJsonRun(policy, out, as_of, options.eval.as_of); });
}

}  // namespace scalepol
