// bench_handwritten_csv DATA.csv REPORT.jsonl [EVAL_REPEAT]: the benchmark policy by hand over
// CSV, with a straightforward hand-written splitter (quoted cells with doubled quotes; no other
// dialect). See handwritten.hpp.
#include <charconv>

#include "handwritten.hpp"

namespace {

// Splits one row of `text` from `pos` into `cells`; returns the position after the row's end.
// `scratch` holds the text of quoted cells that had doubled quotes.
std::size_t split_row(std::string_view text, std::size_t pos, std::vector<std::string_view>& cells,
                      std::vector<std::string>& scratch) {
  cells.clear();
  std::size_t used = 0;
  for (;;) {
    if (pos < text.size() && text[pos] == '"') {
      std::size_t i = pos + 1;
      bool doubled = false;
      std::size_t close;
      for (;;) {
        close = text.find('"', i);
        if (close == std::string_view::npos) close = text.size();
        if (close + 1 < text.size() && text[close + 1] == '"') {
          doubled = true;
          i = close + 2;
          continue;
        }
        break;
      }
      std::string_view content = text.substr(pos + 1, close - pos - 1);
      if (doubled) {
        if (scratch.size() <= used) scratch.emplace_back();
        std::string& s = scratch[used++];
        s.clear();
        for (std::size_t k = 0; k < content.size(); ++k) {
          s += content[k];
          if (content[k] == '"') ++k;
        }
        content = s;
      }
      cells.push_back(content);
      pos = std::min(close + 1, text.size());
      // Skip to the delimiter (the generator writes none, but a CR may end the line).
      while (pos < text.size() && text[pos] != ',' && text[pos] != '\n') ++pos;
    } else {
      std::size_t end = pos;
      while (end < text.size() && text[end] != ',' && text[end] != '\n') ++end;
      cells.push_back(text.substr(pos, end - pos));
      pos = end;
    }
    if (pos >= text.size()) return pos;
    if (text[pos] == '\n') return pos + 1;
    ++pos;  // the comma
  }
}

bool number(std::string_view s, double& out) {
  s = bench::trim(s);
  if (s.empty()) return false;
  if (s[0] == '+') s.remove_prefix(1);
  return std::from_chars(s.data(), s.data() + s.size(), out).ec == std::errc();
}

}  // namespace

int main(int argc, char** argv) {
  const char *data = nullptr, *out = nullptr;
  int repeat = 1;
  if (int rc = bench::parse_args(argc, argv, data, out, repeat)) return rc;

  const auto t0 = std::chrono::steady_clock::now();
  std::string text;
  {
    std::FILE* f = std::fopen(data, "rb");
    if (!f) {
      std::perror(data);
      return 1;
    }
    std::fseek(f, 0, SEEK_END);
    text.resize(static_cast<std::size_t>(std::ftell(f)));
    std::fseek(f, 0, SEEK_SET);
    if (std::fread(text.data(), 1, text.size(), f) != text.size()) {
      std::perror(data);
      return 1;
    }
    std::fclose(f);
  }
  std::vector<std::string_view> cells;
  std::vector<std::string> scratch;
  std::size_t pos = split_row(text, 0, cells, scratch);
  enum { kModel, kReleased, kCompute, kLow, kHigh, kBase, kAccess, kScore, kColumns };
  const char* names[kColumns] = {"Model", "Publication date", "Training compute (FLOP)", "Training compute lower bound",
                                 "Training compute upper bound", "Base model", "Model accessibility", "GPQA Diamond"};
  int at[kColumns];
  for (int c = 0; c < kColumns; ++c) {
    at[c] = -1;
    for (std::size_t i = 0; i < cells.size(); ++i)
      if (bench::trim(cells[i]) == names[c]) at[c] = static_cast<int>(i);
    if (at[c] < 0) {
      std::fprintf(stderr, "%s: no column `%s`\n", data, names[c]);
      return 1;
    }
  }
  bench::Models models;
  while (pos < text.size()) {
    pos = split_row(text, pos, cells, scratch);
    if (cells.size() == 1 && bench::trim(cells[0]).empty()) continue;  // a blank line
    auto cell = [&](int c) { return at[c] < static_cast<int>(cells.size()) ? bench::trim(cells[at[c]]) : std::string_view(); };
    bench::Model m;
    models.add_name(m, cell(kModel));
    double value = 0, low = 0, high = 0;
    const bool has_value = number(cell(kCompute), value), has_low = number(cell(kLow), low),
               has_high = number(cell(kHigh), high);
    if (has_value || has_low || has_high) bench::make_interval(has_value, value, has_low, low, has_high, high, m.compute);
    if (const auto s = cell(kReleased); !s.empty()) m.released_known = bench::parse_date(s, m.released);
    m.score_known = number(cell(kScore), m.score);
    if (const auto s = cell(kAccess); !s.empty()) m.open_weights = s.starts_with(bench::kOpenWeights) ? 1 : 0;
    m.base_known = !cell(kBase).empty();
    models.rows.push_back(m);
  }
  const double load_s = bench::seconds_since(t0);
  return bench::evaluate_and_write(models, load_s, out, repeat);
}
