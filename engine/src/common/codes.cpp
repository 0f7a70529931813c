// The table of diagnostic codes (scalepol/codes.def), as rows, and lookups over it.
#include <map>
#include <string>

#include "scalepol/diagnostic.hpp"

namespace scalepol {

const std::vector<CodeInfo>& diagnostic_codes() {
  static const std::vector<CodeInfo> all = {
#define SCALEPOL_RULE(id, code, severity, reporter, family, summary) \
  {Code::id, code, Severity::severity, Reporter::reporter, family, summary, true},
#define SCALEPOL_CODE(id, code, severity, reporter, category, summary) \
  {Code::id, code, Severity::severity, Reporter::reporter, category, summary, false},
#include "scalepol/codes.def"
  };
  return all;
}

// The rows are in the enum's order, so a code is its own index.
const CodeInfo& code_info(Code c) { return diagnostic_codes()[static_cast<std::size_t>(c)]; }

std::string_view code_name(Code c) { return code_info(c).code; }

const CodeInfo* find_code(std::string_view name) {
  static const auto by_name = [] {
    std::map<std::string_view, const CodeInfo*> m;
    for (const CodeInfo& info : diagnostic_codes()) m.emplace(info.code, &info);
    return m;
  }();
  auto it = by_name.find(name);
  return it == by_name.end() ? nullptr : it->second;
}

std::string code_doc_path(Code c) {
  const CodeInfo& info = code_info(c);
  return info.catalogued ? "docs/lint/" + std::string(info.code) + ".md"
                         : "docs/diagnostics.md#" + std::string(info.code);
}

const char* reporter_name(Reporter r) {
  switch (r) {
    case Reporter::Reader: return "reader";
    case Reporter::Parser: return "parser";
    case Reporter::Importer: return "importer";
    case Reporter::Checker: return "checker";
    case Reporter::Linter: return "linter";
    case Reporter::Loader: return "loader";
    case Reporter::Api: return "api";
    case Reporter::Engine: return "engine";
  }
  return "?";
}

}  // namespace scalepol
