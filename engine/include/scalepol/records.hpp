// Model records: what is known about each AI model, loaded from CSV, JSON (an array of objects)
// or JSON Lines, and read through a policy's record schema (its `field` declarations, usually
// from `import std.model`, which maps Epoch AI's columns).
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "scalepol/diagnostic.hpp"
#include "scalepol/expected.hpp"

namespace scalepol {

class Policy;

class Records {
 public:
  struct Impl;

  std::size_t size() const;
  // Problems found while loading that did not stop it (a malformed value is reported and read as
  // unknown; the rest of its row and of the file is kept).
  const Diagnostics& diagnostics() const;

  explicit Records(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  const Impl& impl() const { return *impl_; }

 private:
  std::shared_ptr<const Impl> impl_;
};

enum class DataFormat { Auto, Csv, Json, JsonLines };

struct LoadOptions {
  DataFormat format = DataFormat::Auto;  // Auto: by extension (.csv, .json, .jsonl/.ndjson)
  // Read Epoch AI's `Confidence` labels as ranges: an exact compute figure (a field in FLOP) of a
  // record labelled Confident, Likely or Speculative becomes figure / f … figure × f, with f 3, 10
  // and 30 (docs/uncertainty-confidence.md says where these come from and what is unverified).
  // Needs a text field `confidence` (std.model has it); loading fails without one.
  bool confidence_ranges = false;
};

// Load records for `policy`'s schema. Fails only when the file cannot be read or is not data at
// all; problems with single values are in Records::diagnostics().
Expected<Records, Diagnostics> load_records(const std::string& path, const Policy& policy,
                                            const LoadOptions& options = {});

// The same from text in memory (`name` is used in diagnostics).
Expected<Records, Diagnostics> load_records_from_string(const std::string& text, const std::string& name,
                                                        const Policy& policy, DataFormat format);

}  // namespace scalepol
