#include "report/csv_report.hpp"

namespace scalepol::report {

namespace {

constexpr std::string_view kStatus[3] = {"definite", "possible", "unknown"};

std::size_t status_index(Status s) {
  switch (s) {
    case Status::Definite: return 0;
    case Status::Possible: return 1;
    case Status::Unknown: return 2;
  }
  return 2;
}

}  // namespace

void append_csv_cell(std::string& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

CsvReportWriter::CsvReportWriter(const std::vector<eval::Column>& columns, std::vector<std::string> dimensions)
    : dimensions_(std::move(dimensions)) {
  for (const auto& c : columns) {
    ColumnText t{.name = c.name, .cells = {}};
    std::vector<std::string> values;
    for (const auto& v : c.values) {
      std::string s;
      append_csv_cell(s, v);
      values.push_back(std::move(s));
    }
    values.emplace_back("unknown");
    for (const auto& v : values)
      for (std::string_view status : kStatus) t.cells.push_back("," + v + "," + std::string(status) + ",");
    columns_.push_back(std::move(t));
  }
}

void CsvReportWriter::append_header(std::string& out) const {
  out += "line,model";
  for (const auto& c : columns_)
    for (std::string_view suffix : {"", "_status", "_robust", "_depends_on"}) {
      out += ',';
      append_csv_cell(out, c.name + std::string(suffix));
    }
  out += '\n';
}

const std::string& CsvReportWriter::depends_text(uint64_t depends) {
  auto [it, fresh] = depends_.try_emplace(depends);
  if (fresh) {
    std::string list;
    for (std::size_t d = 0; d < dimensions_.size() && d < 64; ++d) {
      if (!(depends & (uint64_t{1} << d))) continue;
      if (!list.empty()) list += ';';
      list += dimensions_[d];
    }
    append_csv_cell(it->second, list);
  }
  return it->second;
}

void CsvReportWriter::append(std::string& out, uint32_t line, std::string_view model, const eval::Cell* cells) {
  out += std::to_string(line);
  out += ',';
  append_csv_cell(out, model);
  for (std::size_t k = 0; k < columns_.size(); ++k) {
    const eval::Cell& cell = cells[k];
    const ColumnText& col = columns_[k];
    const std::size_t value_count = col.cells.size() / 3;
    const std::size_t value = cell.value < 0 ? value_count - 1 : static_cast<std::size_t>(cell.value);
    out += col.cells[value * 3 + status_index(cell.status)];
    if (cell.robust) {
      out += "true,";
    } else {
      out += "false,";
      out += depends_text(cell.depends);
    }
  }
  out += '\n';
}

}  // namespace scalepol::report
