// Quote coverage as text and as JSON.
#include <fmt/format.h>

#include "report/json_writer.hpp"
#include "scalepol/coverage.hpp"

namespace scalepol {

namespace {

std::string constructs(std::size_t n) { return fmt::format("{} construct{}", n, n == 1 ? "" : "s"); }

std::string sentences(std::size_t encoded, std::size_t left_out) {
  return fmt::format("  sentences: {} encoded, {} listed as not encoded\n", encoded, left_out);
}

// The first `max` code points of the first line of `text`, with "…" when cut.
std::string shorten(const std::string& text, std::size_t max) {
  std::size_t i = 0, chars = 0;
  while (i < text.size() && text[i] != '\n' && chars < max) {
    const auto byte = static_cast<unsigned char>(text[i]);
    i += byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
    ++chars;
  }
  return i < text.size() ? text.substr(0, std::min(i, text.size())) + "…" : text;
}

}  // namespace

std::string render_coverage_text(const std::vector<QuoteCoverage>& files) {
  std::string out;
  std::size_t quoted = 0, total = 0, encoded = 0, left_out = 0;
  for (const QuoteCoverage& f : files) {
    out += fmt::format("{}: {} of {} carry a quote\n", f.file, f.quoted(), constructs(f.constructs.size()));
    out += sentences(f.encoded_sentences, f.not_encoded.size());
    for (const CoveredConstruct& k : f.constructs) {
      if (!k.quoted) out += fmt::format("  line {}: {} {} has no quote\n", k.line, k.kind, k.name);
    }
    for (const NotEncodedSentence& n : f.not_encoded)
      out += fmt::format("  line {}: not encoded: \"{}\"\n", n.line, shorten(n.text, 72));
    quoted += f.quoted();
    total += f.constructs.size();
    encoded += f.encoded_sentences;
    left_out += f.not_encoded.size();
  }
  if (files.size() > 1) {
    out += fmt::format("{} files: {} of {} carry a quote\n", files.size(), quoted, constructs(total));
    out += sentences(encoded, left_out);
  }
  return out;
}

std::string render_coverage_json(const std::vector<QuoteCoverage>& files) {
  std::string out;
  report::JsonWriter json(out, 2, 4);  // one line per construct (depth 4)
  std::size_t quoted = 0, unquoted = 0, encoded = 0, left_out = 0;
  json.begin_object();
  json.key("files");
  json.begin_array();
  for (const QuoteCoverage& f : files) {
    json.begin_object();
    json.member("file", f.file);
    json.member("quoted", f.quoted());
    json.member("unquoted", f.unquoted());
    json.member("encoded_sentences", f.encoded_sentences);
    json.member("not_encoded_sentences", f.not_encoded.size());
    json.key("constructs");
    json.begin_array();
    for (const CoveredConstruct& k : f.constructs) {
      json.begin_object();
      json.member("kind", k.kind);
      json.member("name", k.name);
      json.member("line", k.line);
      json.key("quoted");
      json.boolean(k.quoted);
      json.end_object();
    }
    json.end_array();
    json.key("not_encoded");
    json.begin_array();
    for (const NotEncodedSentence& n : f.not_encoded) {
      json.begin_object();
      json.member("line", n.line);
      json.member("text", n.text);
      json.member("source", n.source);
      json.member("because", n.because);
      json.end_object();
    }
    json.end_array();
    json.end_object();
    quoted += f.quoted();
    unquoted += f.unquoted();
    encoded += f.encoded_sentences;
    left_out += f.not_encoded.size();
  }
  json.end_array();
  json.member("quoted", quoted);
  json.member("unquoted", unquoted);
  json.member("encoded_sentences", encoded);
  json.member("not_encoded_sentences", left_out);
  json.end_object();
  out.push_back('\n');
  return out;
}

}  // namespace scalepol
