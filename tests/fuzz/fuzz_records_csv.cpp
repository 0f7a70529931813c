// libFuzzer target: the CSV reader and loader, then the evaluators on their records
// (records_common.hpp).
#include "records_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (std::size_t p = 0; p < fuzz::fixed().policies.size(); ++p)
    fuzz::check_one(text, scalepol::DataFormat::Csv, ".csv", p);
  return 0;
}
