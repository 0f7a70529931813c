#include "report/jsonl.hpp"

#include "report/json_writer.hpp"

namespace scalepol::report {

namespace {

const char* status_text(Status s) {
  switch (s) {
    case Status::Definite: return ",\"status\":\"definite\"";
    case Status::Possible: return ",\"status\":\"possible\"";
    default: return ",\"status\":\"unknown\"";
  }
}

}  // namespace

JsonlWriter::JsonlWriter(const std::vector<eval::Column>& columns, std::vector<std::string> dimensions)
    : dimensions_(std::move(dimensions)) {
  for (const auto& c : columns) {
    ColumnText t;
    append_json_string(t.key, c.name);
    t.key += ":{\"value\":";
    for (const auto& v : c.values) {
      std::string s;
      append_json_string(s, v);
      t.values.push_back(std::move(s));
    }
    t.values.push_back("\"unknown\"");
    columns_.push_back(std::move(t));
  }
}

void JsonlWriter::append(std::string& out, std::string_view model, const eval::Cell* cells) {
  out += "{\"model\":";
  append_json_string(out, model);
  out += ",\"verdicts\":{";
  bool first = true;
  for (std::size_t k = 0; k < columns_.size(); ++k) {
    const eval::Cell& cell = cells[k];
    if (!cell.shown) continue;
    const ColumnText& col = columns_[k];
    if (!first) out.push_back(',');
    first = false;
    out += col.key;
    out += cell.value < 0 ? col.values.back() : col.values[static_cast<std::size_t>(cell.value)];
    out += status_text(cell.status);
    if (!cell.robust) {
      auto [it, fresh] = depends_.try_emplace(cell.depends);
      if (fresh) {
        it->second = ",\"depends_on\":[";
        bool first_dim = true;
        for (std::size_t d = 0; d < dimensions_.size() && d < 64; ++d) {
          if (!(cell.depends & (uint64_t{1} << d))) continue;
          if (!first_dim) it->second.push_back(',');
          first_dim = false;
          append_json_string(it->second, dimensions_[d]);
        }
        it->second.push_back(']');
      }
      out += it->second;
    }
    out.push_back('}');
  }
  out += "}}\n";
}

}  // namespace scalepol::report
