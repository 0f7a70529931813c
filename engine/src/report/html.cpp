// The HTML report's writer: the page skeleton with the policy's title, style and script filled
// in, and the report itself as one JSON document in a <script type="application/json">, which
// report.js reads and draws. The JSON is written a model at a time, so a report over many models
// is streamed like the other formats.
//
// Everything from a policy or a data file (model names, quotes, rule names) reaches the page
// either HTML-escaped (the title) or inside the JSON with `<`, `>` and `&` escaped, and the script
// puts it into the document as text (textContent), never as markup.
#include "report/html.hpp"

#include <algorithm>
#include <cctype>

#include "report/html_assets.hpp"
#include "report/json_writer.hpp"
#include "report/table.hpp"

namespace scalepol::report {

namespace {

const char* status_letter(Status s) {
  switch (s) {
    case Status::Definite: return "d";
    case Status::Possible: return "p";
    case Status::Unknown: return "u";
  }
  return "u";
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void write_verdict(JsonWriter& json, const Verdict& v, int quote, const std::vector<HtmlStep>* steps) {
  json.begin_object();
  json.member("r", v.rule);
  json.member("k", verdict_kind_name(v.kind));
  json.member("v", v.value);
  json.member("s", status_letter(v.status));
  if (!v.because.empty()) json.member("b", v.because);
  if (!v.unknown_fields.empty()) {
    json.key("u");
    json.begin_array();
    for (const auto& f : v.unknown_fields) json.string(f);
    json.end_array();
  }
  if (!v.robust) {
    json.key("dep");
    json.begin_array();
    for (const auto& d : v.depends_on) json.string(d);
    json.end_array();
  }
  if (quote >= 0) json.member("q", quote);
  if (steps != nullptr && !steps->empty()) {
    json.key("t");
    json.begin_array();
    for (const HtmlStep& s : *steps) {
      json.begin_array();
      json.string(s.test);
      json.string(s.result);
      json.string(s.margin);
      json.string(s.flip);
      json.end_array();
    }
    json.end_array();
  }
  json.end_object();
}

void write_head(JsonWriter& json, const HtmlPage& in, const Table& table) {
  json.member("policy", in.policy);
  json.member("title", in.title);
  json.member("as_of", in.as_of);
  json.key("chart");
  json.boolean(in.chart);
  json.member("compute_field", in.compute_field);
  json.member("unit", in.compute_unit);
  json.member("date_field", in.date_field);
  json.key("columns");
  json.begin_array();
  for (const auto& c : table.columns()) {
    json.begin_object();
    json.member("rule", c.rule);
    json.member("kind", verdict_kind_name(c.kind));
    json.end_object();
  }
  json.end_array();
  json.key("thresholds");
  json.begin_array();
  for (const HtmlThreshold& t : in.thresholds) {
    json.begin_object();
    json.member("rule", t.rule);
    json.member("label", t.label);
    json.member("op", t.op);
    json.key("value");
    json.number(t.value);
    json.member("quote", t.quote);
    json.member("source", t.source);
    json.end_object();
  }
  json.end_array();
}

// The columns of the page: every column the text table can show (the page has room, and its
// filter can pick by them).
Table page_table(const HtmlPage& page) {
  std::vector<Table::Rule> rules;
  bool obligations = false;
  for (const auto& [name, kind] : page.rules) {
    rules.push_back({name, kind});
    obligations = obligations || kind == VerdictKind::Obligation;
  }
  return Table(rules, TableColumns{true, obligations});
}

}  // namespace

Credit epoch_credit(std::string_view data_file) {
  const std::string name = lower(data_file);
  // Epoch publishes several data sets; the notable-models one has a page of its own.
  if (name.find("notable") != std::string::npos)
    return {"Data: Epoch AI, \u201cNotable AI Models\u201d, CC BY 4.0", "https://epoch.ai/data/notable-ai-models"};
  if (name.find("large_scale") != std::string::npos || name.find("large-scale") != std::string::npos)
    return {"Data: Epoch AI, \u201cLarge-Scale AI Models\u201d, CC BY 4.0", "https://epoch.ai/data/large-scale-ai-models"};
  return {"Data: Epoch AI, \u201cData on AI Models\u201d, CC BY 4.0", "https://epoch.ai/data/ai-models"};
}

void append_html_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

void append_script_safe(std::string& out, std::string_view json) {
  for (char c : json) {
    switch (c) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out += c;
    }
  }
}

HtmlWriter::HtmlWriter(Sink& sink, HtmlPage page)
    : sink_(sink), page_(std::move(page)), table_(page_table(page_)), rest_(html_assets::kPage), json_(json_text_, 0) {
  if (!copy_skeleton()) return;  // a skeleton without data: nothing more to write
  json_.begin_object();
  write_head(json_, page_, table_);
  json_.key("models");
  json_.begin_array();
  in_data_ = true;
  flush();
}

bool HtmlWriter::copy_skeleton() {
  for (;;) {
    const auto open = rest_.find("@@");
    const auto close = open == std::string_view::npos ? open : rest_.find("@@", open + 2);
    if (close == std::string_view::npos) break;
    sink_.buffer().append(rest_.substr(0, open));
    const std::string_view marker = rest_.substr(open + 2, close - open - 2);
    const std::string_view whole = rest_.substr(open, close + 2 - open);
    rest_.remove_prefix(close + 2);
    if (marker == "DATA") return true;
    if (marker == "TITLE") {
      append_html_escaped(sink_.buffer(), page_.title.empty() ? page_.policy : page_.title);
    } else if (marker == "STYLE") {
      sink_.buffer().append(html_assets::kStyle);
    } else if (marker == "SCRIPT") {
      sink_.buffer().append(html_assets::kScript);
    } else {
      sink_.buffer().append(whole);  // not ours: left as written
    }
  }
  sink_.buffer().append(rest_);
  rest_ = {};
  return false;
}

int HtmlWriter::quote_index(const Verdict& v) {
  if (v.quote.empty() && v.source.empty()) return -1;
  for (std::size_t i = 0; i < quotes_.size(); ++i)
    if (quotes_[i].first == v.quote && quotes_[i].second == v.source) return static_cast<int>(i);
  quotes_.emplace_back(v.quote, v.source);
  return static_cast<int>(quotes_.size() - 1);
}

void HtmlWriter::flush() {
  append_script_safe(sink_.buffer(), json_text_);
  json_text_.clear();
  sink_.drain_if_large();
}

void HtmlWriter::model(const ModelResult& result, const HtmlModel& model) {
  json_.begin_object();
  json_.member("n", result.model);
  // The obligations column's cell, as the text table writes it (`report, license~`).
  if (table_.has_obligations_column()) json_.member("ob", table_.obligations_text(result));
  if (model.has_compute) {
    json_.key("c");
    json_.number(model.compute);
    if (model.low < model.high) {
      json_.key("lo");
      json_.number(model.low);
      json_.key("hi");
      json_.number(model.high);
    }
  }
  if (model.has_date) json_.member("d", model.date);
  json_.key("v");
  json_.begin_array();
  for (std::size_t i = 0; i < result.verdicts.size(); ++i) {
    const Verdict& v = result.verdicts[i];
    write_verdict(json_, v, quote_index(v), i < model.steps.size() ? &model.steps[i] : nullptr);
  }
  json_.end_array();
  json_.end_object();
  flush();
}

void HtmlWriter::finish(const HtmlData& data) {
  if (in_data_) {
    json_.end_array();
    // Last, once every verdict has been seen.
    json_.key("quotes");
    json_.begin_array();
    for (const auto& [quote, source] : quotes_) {
      json_.begin_array();
      json_.string(quote);
      json_.string(source);
      json_.end_array();
    }
    json_.end_array();
    json_.key("data");
    json_.begin_object();
    json_.member("file", data.file);
    if (data.epoch) {
      const Credit credit = epoch_credit(data.file);
      json_.member("credit", credit.text);
      json_.member("link", credit.link);
    }
    json_.end_object();
    json_.end_object();
    flush();
    in_data_ = false;
    if (copy_skeleton()) sink_.buffer().append("null");  // a second DATA marker: no second document
  }
  sink_.finish();
}

}  // namespace scalepol::report
