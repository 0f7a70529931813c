// The C++ API's verdicts for the differential tests (tests/reference/README.md): a policy and a
// data file in, one JSON line per record out, as `run --format jsonl` writes them, by the two
// ways a host gets verdicts: Policy::evaluate (a Report) and evaluate_table (a VerdictTable).
//
//   api_verdicts POLICY DATA [--as-of YYYY-MM-DD] [--table]
//
// With --table, every rule of the table is written, obligations not imposed on the record
// included (as "false"), with `robust` instead of `depends_on`, which the table does not give.
// Exit 2 with the diagnostics on stderr when the policy or the data cannot be used.
#include <cstring>
#include <iostream>
#include <string>

#include "scalepol/scalepol.hpp"

namespace {

// A JSON string: the records' names and rules are printable text, but quote what must be.
void quoted(std::ostream& out, const std::string& s) {
  out << '"';
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out << '\\' << c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      static const char* hex = "0123456789abcdef";
      out << "\\u00" << hex[(c >> 4) & 0xf] << hex[c & 0xf];
    } else {
      out << c;
    }
  }
  out << '"';
}

int fail(const scalepol::Diagnostics& d) {
  for (const auto& item : d.items) std::cerr << item.code << ": " << item.message << '\n';
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: api_verdicts POLICY DATA [--as-of YYYY-MM-DD] [--table]\n";
    return 2;
  }
  scalepol::Policy::EvalOptions options;
  bool table = false;
  for (int i = 3; i < argc; ++i) {
    if (std::strcmp(argv[i], "--table") == 0) table = true;
    else if (std::strcmp(argv[i], "--as-of") == 0 && i + 1 < argc) options.as_of = argv[++i];
  }
  auto policy = scalepol::compile_file(argv[1]);
  if (!policy) return fail(policy.error());
  auto records = scalepol::load_records(argv[2], *policy);
  if (!records) return fail(records.error());
  auto report = policy->evaluate(*records, options);
  if (!report) return fail(report.error());
  if (!table) {
    for (const auto& result : report->results) {
      std::cout << "{\"model\":";
      quoted(std::cout, result.model);
      std::cout << ",\"verdicts\":{";
      for (std::size_t k = 0; k < result.verdicts.size(); ++k) {
        const auto& v = result.verdicts[k];
        std::cout << (k ? "," : "");
        quoted(std::cout, v.rule);
        std::cout << ":{\"value\":";
        quoted(std::cout, v.value);
        std::cout << ",\"status\":\"" << scalepol::status_name(v.status) << '"';
        if (!v.depends_on.empty()) {
          std::cout << ",\"depends_on\":[";
          for (std::size_t d = 0; d < v.depends_on.size(); ++d) {
            std::cout << (d ? "," : "");
            quoted(std::cout, v.depends_on[d]);
          }
          std::cout << ']';
        }
        std::cout << '}';
      }
      std::cout << "}}\n";
    }
    return 0;
  }
  // The table has no names: the records are in the report's order.
  auto cells = scalepol::evaluate_table(*policy, *records, options);
  if (!cells) return fail(cells.error());
  for (std::size_t r = 0; r < cells->records && r < report->results.size(); ++r) {
    std::cout << "{\"model\":";
    quoted(std::cout, report->results[r].model);
    std::cout << ",\"verdicts\":{";
    for (std::size_t k = 0; k < cells->rules.size(); ++k) {
      const auto& cell = cells->at(r, k);
      std::cout << (k ? "," : "");
      quoted(std::cout, cells->rules[k].name);
      std::cout << ":{\"value\":";
      quoted(std::cout, cells->value_name(k, cell));
      std::cout << ",\"status\":\"" << scalepol::status_name(cell.status) << "\",\"robust\":"
                << (cell.robust ? "true" : "false") << '}';
    }
    std::cout << "}}\n";
  }
  return 0;
}
