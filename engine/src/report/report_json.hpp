// An evaluation report as JSON (docs/json-output.md), written a result at a time: the whole
// report (render_report_json) and the streamed one (run_json, records read a block at a time)
// are one writer, so they cannot differ.
#pragma once

#include <string_view>

#include "report/json_writer.hpp"
#include "report/sink.hpp"
#include "scalepol/report.hpp"

namespace scalepol::report {

class ReportJsonWriter {
 public:
  // Writes the report's header (policy, title, as_of) and opens its `results`.
  ReportJsonWriter(Sink& sink, std::string_view policy, std::string_view title, std::string_view as_of);

  void result(const ModelResult& result);
  // Closes the results and the report, and hands the rest to the sink's stream.
  void finish();

 private:
  Sink& sink_;
  JsonWriter json_;
};

}  // namespace scalepol::report
