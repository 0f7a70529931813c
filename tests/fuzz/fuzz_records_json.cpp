// libFuzzer target: the JSON and JSON Lines loaders, then the evaluators on their records
// (records_common.hpp). The input's last byte chooses the policy and whether the rest is read as
// a JSON array file or as JSON Lines.
#include "records_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const fuzz::Choice c = fuzz::choose(data, size);
  if (c.second_format)
    fuzz::check_one(c.text, scalepol::DataFormat::JsonLines, ".jsonl", c.policy);
  else
    fuzz::check_one(c.text, scalepol::DataFormat::Json, ".json", c.policy);
  return 0;
}
