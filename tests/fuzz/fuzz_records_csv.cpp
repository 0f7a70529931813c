// libFuzzer target: the CSV reader and loader, then the evaluators on their records
// (records_common.hpp). The input's last byte chooses the policy (its bit 1 is not used).
#include "records_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const fuzz::Choice c = fuzz::choose(data, size);
  fuzz::check_one(c.text, scalepol::DataFormat::Csv, ".csv", c.policy);
  return 0;
}
