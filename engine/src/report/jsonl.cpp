#include "report/jsonl.hpp"

#include <algorithm>
#include <cstring>

#include "report/json_writer.hpp"

namespace scalepol::report {

namespace {

constexpr std::string_view kStatusText[3] = {",\"status\":\"definite\"", ",\"status\":\"possible\"",
                                             ",\"status\":\"unknown\""};

std::size_t status_index(Status s) {
  switch (s) {
    case Status::Definite: return 0;
    case Status::Possible: return 1;
    default: return 2;
  }
}

// The model's name as a JSON string. Names are nearly always plain ASCII with nothing to escape:
// they are copied in one go; the others go through append_json_string.
bool plain(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x80 || c == '"' || c == '\\') return false;
  }
  return true;
}

constexpr std::string_view kHead = "{\"model\":\"";
constexpr std::string_view kMiddle = "\",\"verdicts\":{";
constexpr std::string_view kTail = "}}\n";

char* put(char* p, std::string_view s) {
  std::memcpy(p, s.data(), s.size());
  return p + s.size();
}

}  // namespace

JsonlWriter::JsonlWriter(const std::vector<eval::Column>& columns, std::vector<std::string> dimensions)
    : dimensions_(std::move(dimensions)) {
  for (const auto& c : columns) {
    ColumnText t;
    std::string key = ",";
    append_json_string(key, c.name);
    key += ":{\"value\":";
    std::vector<std::string> values;
    for (const auto& v : c.values) {
      std::string s;
      append_json_string(s, v);
      values.push_back(std::move(s));
    }
    values.push_back("\"unknown\"");
    for (const auto& v : values)
      for (std::string_view status : kStatusText) {
        t.verdicts.push_back(key + v + std::string(status));
        t.longest = std::max(t.longest, t.verdicts.back().size());
      }
    fixed_longest_ += t.longest + 1;  // and its closing brace
    columns_.push_back(std::move(t));
  }
}

const std::string& JsonlWriter::depends_text(uint64_t depends) {
  auto [it, fresh] = depends_.try_emplace(depends);
  if (fresh) {
    it->second = ",\"depends_on\":[";
    bool first_dim = true;
    for (std::size_t d = 0; d < dimensions_.size() && d < 64; ++d) {
      if (!(depends & (uint64_t{1} << d))) continue;
      if (!first_dim) it->second.push_back(',');
      first_dim = false;
      append_json_string(it->second, dimensions_[d]);
    }
    it->second.push_back(']');
  }
  return it->second;
}

void JsonlWriter::append(std::string& out, std::string_view model, const eval::Cell* cells) {
  std::size_t extra = 0;  // depends_on texts, rare: only verdicts that are not robust
  for (std::size_t k = 0; k < columns_.size(); ++k)
    if (cells[k].shown && !cells[k].robust) extra += depends_text(cells[k].depends).size();
  const bool plain_name = plain(model);
  std::string escaped;
  if (!plain_name) {
    append_json_string(escaped, model);  // with its quotes: they are dropped below
    model = std::string_view(escaped).substr(1, escaped.size() - 2);
  }
  const std::size_t bound = kHead.size() + model.size() + kMiddle.size() + fixed_longest_ + extra + kTail.size();
  const std::size_t at = out.size();
  out.resize_and_overwrite(at + bound, [&](char* buf, std::size_t) {
    char* p = buf + at;
    p = put(p, kHead);
    p = put(p, model);
    p = put(p, kMiddle);
    bool first = true;
    for (std::size_t k = 0; k < columns_.size(); ++k) {
      const eval::Cell& cell = cells[k];
      if (!cell.shown) continue;
      const ColumnText& col = columns_[k];
      const std::size_t value_count = col.verdicts.size() / 3;
      const std::size_t value = cell.value < 0 ? value_count - 1 : static_cast<std::size_t>(cell.value);
      std::string_view text = col.verdicts[value * 3 + status_index(cell.status)];
      if (first) text.remove_prefix(1);  // no comma before the first verdict
      first = false;
      p = put(p, text);
      if (!cell.robust) p = put(p, depends_.find(cell.depends)->second);
      *p++ = '}';
    }
    p = put(p, kTail);
    return static_cast<std::size_t>(p - buf);
  });
}

}  // namespace scalepol::report
