// libFuzzer target: the JSON and JSON Lines loaders, then the evaluators on their records
// (records_common.hpp). The input is read both as a JSON array file and as JSON Lines.
#include "records_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (std::size_t p = 0; p < fuzz::fixed().policies.size(); ++p) {
    fuzz::check_one(text, scalepol::DataFormat::Json, ".json", p);
    fuzz::check_one(text, scalepol::DataFormat::JsonLines, ".jsonl", p);
  }
  return 0;
}
