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

// Quotes repeat across models (every systemic-risk verdict carries Article 51(2)): the page keeps
// each (quote, source) pair once and verdicts point to it.
class QuoteTable {
 public:
  int index(const Verdict& v) {
    if (v.quote.empty() && v.source.empty()) return -1;
    for (std::size_t i = 0; i < pairs_.size(); ++i)
      if (pairs_[i].first == v.quote && pairs_[i].second == v.source) return static_cast<int>(i);
    pairs_.emplace_back(v.quote, v.source);
    return static_cast<int>(pairs_.size() - 1);
  }
  const std::vector<std::pair<std::string, std::string>>& pairs() const { return pairs_; }

 private:
  std::vector<std::pair<std::string, std::string>> pairs_;  // few: one per quoted rule or tier
};

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

void write_head(JsonWriter& json, const HtmlInput& in, const Table& table) {
  const Report& r = *in.report;
  json.member("policy", r.policy);
  json.member("title", r.title);
  json.member("as_of", r.as_of);
  json.key("data");
  json.begin_object();
  json.member("file", in.data_file);
  if (in.epoch_data) {
    const Credit credit = epoch_credit(in.data_file);
    json.member("credit", credit.text);
    json.member("link", credit.link);
  }
  json.end_object();
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

void write_model(JsonWriter& json, const ModelResult& result, const HtmlModel* model, QuoteTable& quotes,
                 const Table& table) {
  json.begin_object();
  json.member("n", result.model);
  // The obligations column's cell, as the text table writes it (`report, license~`).
  if (table.has_obligations_column()) json.member("ob", table.obligations_text(result));
  if (model != nullptr && model->has_compute) {
    json.key("c");
    json.number(model->compute);
    if (model->low < model->high) {
      json.key("lo");
      json.number(model->low);
      json.key("hi");
      json.number(model->high);
    }
  }
  if (model != nullptr && model->has_date) json.member("d", model->date);
  json.key("v");
  json.begin_array();
  for (std::size_t i = 0; i < result.verdicts.size(); ++i) {
    const Verdict& v = result.verdicts[i];
    const std::vector<HtmlStep>* steps = model != nullptr && i < model->steps.size() ? &model->steps[i] : nullptr;
    write_verdict(json, v, quotes.index(v), steps);
  }
  json.end_array();
  json.end_object();
}

// The JSON document, into the sink as it is written, made safe for the inside of <script>.
void write_data(Sink& sink, const HtmlInput& in) {
  const Report& r = *in.report;
  // Every column the text table can show: the page has room, and its filter can pick by them.
  bool any_obligation = false;
  for (const ModelResult& m : r.results)
    for (const Verdict& v : m.verdicts) any_obligation = any_obligation || v.kind == VerdictKind::Obligation;
  const Table table(r, TableColumns{true, any_obligation});
  QuoteTable quotes;
  std::string json_text;
  JsonWriter json(json_text, 0);
  auto flush = [&] {
    append_script_safe(sink.buffer(), json_text);
    json_text.clear();
    sink.drain_if_large();
  };
  json.begin_object();
  write_head(json, in, table);
  json.key("models");
  json.begin_array();
  for (std::size_t i = 0; i < r.results.size(); ++i) {
    write_model(json, r.results[i], i < in.models.size() ? &in.models[i] : nullptr, quotes, table);
    flush();
  }
  json.end_array();
  // Last, once every verdict has been seen.
  json.key("quotes");
  json.begin_array();
  for (const auto& [quote, source] : quotes.pairs()) {
    json.begin_array();
    json.string(quote);
    json.string(source);
    json.end_array();
  }
  json.end_array();
  json.end_object();
  flush();
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

void write_html(Sink& sink, const HtmlInput& input) {
  // The skeleton's markers, in the order they occur; text between them is copied as it is.
  std::string_view page = html_assets::kPage;
  for (;;) {
    const auto open = page.find("@@");
    if (open == std::string_view::npos) break;
    const auto close = page.find("@@", open + 2);
    if (close == std::string_view::npos) break;
    sink.buffer().append(page.substr(0, open));
    const std::string_view marker = page.substr(open + 2, close - open - 2);
    const Report& r = *input.report;
    if (marker == "TITLE") {
      append_html_escaped(sink.buffer(), r.title.empty() ? r.policy : r.title);
    } else if (marker == "STYLE") {
      sink.buffer().append(html_assets::kStyle);
    } else if (marker == "SCRIPT") {
      sink.buffer().append(html_assets::kScript);
    } else if (marker == "DATA") {
      write_data(sink, input);
    } else {
      sink.buffer().append(page.substr(open, close + 2 - open));  // not ours: left as written
    }
    page.remove_prefix(close + 2);
  }
  sink.buffer().append(page);
  sink.finish();
}

}  // namespace scalepol::report
