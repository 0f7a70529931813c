// load_records: the data layer's loaders, bound to a policy's record schema.
#include "api/eval_setup.hpp"
#include "api/impl.hpp"
#include "data/column_not_found.hpp"
#include "data/confidence.hpp"
#include "data/load.hpp"
#include "eval/batch.hpp"

namespace scalepol {

Records::Records(std::shared_ptr<const detail::RecordsData> data) : data_(std::move(data)) {}
std::size_t Records::size() const { return data_->set.records.size(); }
const Diagnostics& Records::diagnostics() const { return data_->set.diagnostics; }

namespace {

Expected<Records, Diagnostics> wrap(Expected<model::RecordSet, Diagnostics> loaded, const Policy& policy) {
  if (!loaded) return make_unexpected(std::move(loaded.error()));
  auto impl = std::make_shared<detail::RecordsData>();
  impl->set = std::move(*loaded);
  model::RecordSet& set = impl->set;
  for (Diagnostic& d : data::columns_not_found(set, internals(policy).compiled->fields_behind_verdicts(), !set.records.empty())
                           .items)
    set.diagnostics.add(std::move(d));
  attach_columns(*impl, policy);
  return detail::Access::make(std::move(impl));
}

}  // namespace

void attach_columns(detail::RecordsData& impl, const Policy& policy) {
  impl.columns = eval::build_columns(impl.set, eval::batch_columns(*internals(policy).compiled));
}

Expected<Records, Diagnostics> load_records(const std::string& path, const Policy& policy, const LoadOptions& options) {
  try {
    auto loaded = data::load_file(path, options.format, internals(policy).schema);
    if (loaded && options.confidence_ranges)
      if (Diagnostics fatal = data::apply_confidence_ranges(*loaded); !fatal.empty()) return make_unexpected(std::move(fatal));
    return wrap(std::move(loaded), policy);
  } catch (const std::exception& e) {
    return make_unexpected(api::internal_error(e, path));
  }
}

Expected<Records, Diagnostics> load_records_from_string(const std::string& text, const std::string& name,
                                                        const Policy& policy, DataFormat format) {
  auto schema = internals(policy).schema;
  if (format == DataFormat::Csv) return wrap(data::load_csv(text, name, schema), policy);
  if (format == DataFormat::JsonLines) return wrap(data::load_json_lines(text, name, schema), policy);
  return wrap(data::load_json(text, name, schema), policy);
}

}  // namespace scalepol
