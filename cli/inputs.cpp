#include "inputs.hpp"

#include "print.hpp"

namespace scalepol::cli {

DataFormat parse_data_format(const std::string& name) {
  if (name == "csv") return DataFormat::Csv;
  if (name == "json") return DataFormat::Json;
  if (name == "jsonl") return DataFormat::JsonLines;
  return DataFormat::Auto;
}

std::optional<Inputs> load_inputs(const InputOptions& options, ColorMode color) {
  auto policy = compile_file(options.policy, options.compile);
  if (!policy) {
    print_diagnostics(policy.error(), color);
    return std::nullopt;
  }
  auto records = load_records(options.models, *policy,
                              {.format = parse_data_format(options.data_format),
                               .confidence_ranges = options.confidence_ranges});
  if (!records) {
    print_diagnostics(records.error(), color);
    return std::nullopt;
  }
  return Inputs{std::move(*policy), std::move(*records)};
}

}  // namespace scalepol::cli
