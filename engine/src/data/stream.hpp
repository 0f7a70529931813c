// Model records read a block at a time, so that a file of any size is evaluated in flat memory:
// each block is read into one buffer, its whole records are loaded (the last, cut-off record waits
// for the next block), and the caller evaluates them before the next block replaces them.
// CSV and JSON Lines only: a JSON array is one document, and is loaded whole (load_file).
#pragma once

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "data/reporter.hpp"
#include "model/record.hpp"
#include "scalepol/diagnostic.hpp"
#include "scalepol/expected.hpp"
#include "scalepol/options.hpp"

namespace scalepol::data {

class CsvLoader;
namespace detail {
class JsonLoader;
}

class RecordStream {
 public:
  // What open gives: a stream, or none when the file is to be read whole instead (a JSON array,
  // a long table, a `.json` file whose first block is blank), with the reason.
  struct Opened {
    std::unique_ptr<RecordStream> stream;
    std::string read_whole_because;
  };
  // Opens `path`; DataFormat::Auto picks the format by extension, as load_file. Errors: the file
  // cannot be opened, or its format cannot be told.
  static Expected<Opened, Diagnostics> open(const std::string& path, DataFormat format,
                                            std::shared_ptr<const model::Schema> schema, std::size_t block_bytes);
  ~RecordStream();

  // Read only the fields in `read` (per slot), as a policy that reads no others needs: the others
  // stay unknown, and problems in their values are not looked for. Call before next().
  void read_only(std::vector<bool> read);

  // The next block's records into `out.records` (replacing what was there; `out` keeps the schema,
  // source and origins). False once the file is done. Fatal problems (an I/O error, a CSV with no
  // header row) end the stream and are in error().
  bool next(model::RecordSet& out);
  const Diagnostics& error() const { return fatal_; }

  // The problems with single values met so far, capped as load_file caps them. Call at the end.
  Diagnostics finish();
  // column-not-found for the fields in `evaluated` that no column or key of the file gave
  // (column_not_found.hpp). Call at the end.
  Diagnostics columns_not_found(const std::vector<bool>& evaluated, bool any_record) const;
  // What the file said of itself so far, without records: its source, and the columns (or JSON
  // keys) its fields came from.
  const model::RecordSet& loaded() const;

 private:
  RecordStream() = default;
  bool fill();  // read more of the file after the unconsumed tail; false at the end of the file

  std::FILE* file_ = nullptr;
  std::string path_;
  DataFormat format_ = DataFormat::Csv;
  std::shared_ptr<const model::Schema> schema_;
  std::unique_ptr<CsvLoader> csv_;
  std::unique_ptr<detail::JsonLoader> json_;
  std::string buffer_;          // block_ bytes + padding
  std::size_t block_ = 0;       // how much of the file a block holds (grows for a longer record)
  std::size_t length_ = 0;      // bytes of the file in buffer_
  std::size_t offset_ = 0;      // where the unconsumed part of buffer_ starts
  uint32_t line_ = 1;           // the line buffer_[offset_] is on
  bool eof_ = false, started_ = false, done_ = false, bom_skipped_ = false;
  bool refill_ = false;         // the buffer's rest is a cut-off record: read more before loading
  Diagnostics fatal_;
  std::vector<bool> read_;  // empty: every field

  // Duplicate model names, as load_file reports them, in flat memory: each name is kept with its
  // line until the kept names take kNamesBudget bytes (some 50,000 names; Epoch AI's exports have
  // a few thousand); then they are let go, later records are not checked, and finish() says so
  // in a note.
  // `text`: the block the records were read from, starting on line `first_line`.
  void look_for_duplicates(const model::RecordSet& block, std::string_view text, uint32_t first_line);
  static constexpr std::size_t kNamesBudget = 4u << 20;
  std::unordered_map<std::string, uint32_t> first_line_;  // name → line of its first record
  std::size_t names_bytes_ = 0;
  std::size_t names_checked_ = 0, names_kept_ = 0;  // records checked, and their distinct names
  std::size_t names_unchecked_ = 0;                 // records after the budget ran out
  bool names_stopped_ = false;
  std::unique_ptr<Reporter> duplicates_;
};

}  // namespace scalepol::data
