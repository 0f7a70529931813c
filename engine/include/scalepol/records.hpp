// Model records: what is known about each AI model, loaded from CSV, JSON (an array of objects)
// or JSON Lines, and read through a policy's record schema (its `field` declarations, usually
// from `import std.model`, which maps Epoch AI's columns).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <type_traits>

#include "scalepol/diagnostic.hpp"
#include "scalepol/expected.hpp"
#include "scalepol/export.hpp"
#include "scalepol/options.hpp"

namespace scalepol {

class Policy;

namespace detail {
struct RecordsData;  // what Records hold; the engine's own (engine/src/api/impl.hpp)
struct Access;
}  // namespace detail

class SCALEPOL_API Records {
 public:
  std::size_t size() const;
  // Problems found while loading that did not stop it: warnings for cells (a malformed value is
  // read as unknown, or a figure without the bounds that do not hold it; the rest of its row and
  // of the file is kept) and for fields the verdicts read that no column gives
  // (`column-not-found`); errors for rows that are lost.
  const Diagnostics& diagnostics() const;

 private:
  friend struct detail::Access;
  explicit Records(std::shared_ptr<const detail::RecordsData> data);
  std::shared_ptr<const detail::RecordsData> data_;
};

// Load records for `policy`'s schema. Fails only when the file cannot be read or is not data at
// all; problems with single values are in Records::diagnostics().
SCALEPOL_API Expected<Records, Diagnostics> load_records(const std::string& path, const Policy& policy,
                                                         const LoadOptions& options = {});

// Records built in code from the host's own data, checked against the policy's schema:
//
//   scalepol::RecordsBuilder b(policy);
//   b.add("GPT-4").set("training_compute", 2.1e25, 8.2e24, 4.4e25).set("released", "2023-03-15");
//   b.add("o3");                                   // nothing known: every verdict unknown
//   auto records = b.build();                      // Expected<Records, Diagnostics>
//
// Quantities are in the field's declared unit (std.model's training_compute is in FLOP); dates
// are "YYYY-MM-DD" strings; a field never set is unknown. A field the schema does not have, or a
// value of the wrong type, is an error that build() returns (with the record and field named).
class SCALEPOL_API RecordsBuilder {
 public:
  explicit RecordsBuilder(const Policy& policy);
  ~RecordsBuilder();
  RecordsBuilder(RecordsBuilder&&) noexcept;
  RecordsBuilder& operator=(RecordsBuilder&&) noexcept;

  RecordsBuilder& add(const std::string& model);  // starts a record named `model`
  RecordsBuilder& set(const std::string& field, double value);
  RecordsBuilder& set(const std::string& field, double value, double low, double high);
  RecordsBuilder& set(const std::string& field, const std::string& text);  // text, or a date
  RecordsBuilder& set(const std::string& field, const char* text) { return set(field, std::string(text)); }
  RecordsBuilder& set(const std::string& field, bool value);
  // An integer is a number: set("parameters", 70). (An int converts to double and to bool equally
  // well; without this the call would be ambiguous.)
  template <class Int, std::enable_if_t<std::is_integral_v<Int> && !std::is_same_v<Int, bool> &&
                                            !std::is_same_v<Int, char>, int> = 0>
  RecordsBuilder& set(const std::string& field, Int value) {
    return set(field, static_cast<double>(value));
  }

  // The records added so far. The builder can be reused afterwards. A builder that was moved
  // from ignores add() and set(), and build() gives the error `use-after-move`.
  Expected<Records, Diagnostics> build() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The same from text in memory (`name` is used in diagnostics).
SCALEPOL_API Expected<Records, Diagnostics> load_records_from_string(const std::string& text, const std::string& name,
                                                                     const Policy& policy, DataFormat format);

}  // namespace scalepol
