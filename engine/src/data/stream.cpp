#include "data/stream.hpp"

#include "data/column_not_found.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>

#include <fmt/format.h>

#include "data/csv_loader.hpp"
#include "data/json_loader_impl.hpp"
#include "data/load.hpp"
#include "data/source_text.hpp"
#include "syntax/utf8.hpp"

namespace scalepol::data {

namespace {

constexpr std::size_t kMinBlock = 16;  // tiny blocks are for tests: they cut records everywhere

RecordStream::Opened read_whole(std::string because) { return {nullptr, std::move(because)}; }

}  // namespace

RecordStream::~RecordStream() { close_input(file_); }

Expected<RecordStream::Opened, Diagnostics> RecordStream::open(const std::string& path, DataFormat format,
                                                               std::shared_ptr<const model::Schema> schema,
                                                               std::size_t block_bytes) {
  auto resolved = resolve_format(path, format);
  if (!resolved) return make_unexpected(std::move(resolved.error()));
  // A long table's rows are joined by model, and a model's rows may be anywhere in the file.
  if (schema->long_table)
    return read_whole("the policy reads a long table (`where`): its rows are joined by model");
  std::unique_ptr<RecordStream> s(new RecordStream());
  const std::string name = display_name(path);
  s->file_ = open_input(path);
  if (!s->file_) return make_unexpected(io_error(name, errno));
  s->path_ = name;
  s->format_ = *resolved;
  s->schema_ = std::move(schema);
  s->block_ = std::max(block_bytes, kMinBlock);
  s->buffer_.resize(s->block_ + simdjson::SIMDJSON_PADDING);
  if (s->format_ == DataFormat::Csv) {
    s->csv_ = std::make_unique<CsvLoader>(name, s->schema_);
  } else {
    s->json_ = std::make_unique<detail::JsonLoader>(std::string_view{}, 0, name, s->schema_);
  }
  if (!s->fill()) return make_unexpected(std::move(s->fatal_));
  if (s->format_ == DataFormat::Json) {
    // An array is one document: only JSON Lines can be read a block at a time.
    const std::string_view text = syntax::strip_bom(std::string_view(s->buffer_.data(), s->length_));
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && text[first] == '[')
      return read_whole(fmt::format("`{}` is a JSON array, one document", name));
    // As the whole-file loader: a blank `.json` file is not JSON (a blank `.jsonl` file is).
    if (first == std::string_view::npos && s->eof_) return make_unexpected(empty_json_file(name, text));
    // A first block that is all blank does not tell an array from JSON Lines: the whole-file
    // loader, which looks as far as it takes, decides. (Found by fuzz_records_json: 29 spaces
    // before `[]`, a block of 27 bytes, read as JSON Lines.) Real files do not start with a
    // block (64 KB by default) of blank space.
    if (first == std::string_view::npos)
      return read_whole(fmt::format("`{}` starts with more blank space than a block holds", name));
  }
  return Opened{std::move(s), {}};
}

void RecordStream::read_only(std::vector<bool> read) {
  read_ = std::move(read);
  if (json_) json_->read_only(read_);
}

bool RecordStream::fill() {
  if (offset_ > 0) {  // keep the unconsumed tail: the start of a record the last block cut off
    std::memmove(buffer_.data(), buffer_.data() + offset_, length_ - offset_);
    length_ -= offset_;
    offset_ = 0;
  }
  // One record fills the block: make room for the rest of it. The loaders refuse a record longer
  // than kMaxRecordBytes once they hold that much of it, so a block grows to at most twice that.
  if (length_ == block_) {
    block_ *= 2;
    buffer_.resize(block_ + simdjson::SIMDJSON_PADDING);
  }
  const std::size_t want = block_ - length_;
  const std::size_t got = std::fread(buffer_.data() + length_, 1, want, file_);
  length_ += got;
  if (got < want) {
    if (std::ferror(file_)) {
      fatal_ = io_error(path_, errno ? errno : EIO);
      done_ = true;
      return false;
    }
    eof_ = true;
  }
  // simdjson reads past the end of what it parses: the padding must be there (and is zeroed so
  // that nothing of an earlier block is read as if it were text).
  std::memset(buffer_.data() + length_, 0, buffer_.size() - length_);
  return true;
}

bool RecordStream::next(model::RecordSet& out) {
  out.schema = schema_;
  out.source = path_;
  while (!done_) {
    // What is left of the buffer is the start of a record the last block cut off: read more
    // first, so that the loader always sees a whole block (and reuses the records it made).
    if ((refill_ || offset_ == length_) && !eof_ && !fill()) return false;
    refill_ = false;
    std::string_view text(buffer_.data() + offset_, length_ - offset_);
    if (!started_) {
      // The file's BOM, once: a CSV header that goes on past the block comes back here with the
      // text after it, and a second BOM there is part of the first column's name (as the
      // whole-file loader reads it), not another mark to drop.
      if (!bom_skipped_) {
        const std::size_t bom = syntax::bom_length(text);
        offset_ += bom;
        text.remove_prefix(bom);
        bom_skipped_ = true;
      }
      if (csv_) {
        auto taken = csv_->header(text, eof_);
        if (!taken) {
          fatal_ = std::move(taken.error());
          done_ = true;
          return false;
        }
        if (*taken == 0) {  // the header row goes on past the block
          if (!fill()) return false;
          continue;
        }
        if (!read_.empty()) csv_->read_only(read_);
        line_ = csv_->line_at(*taken);
        offset_ += *taken;
        text.remove_prefix(*taken);
        out.origins = csv_->origins();
      }
      started_ = true;
    }
    std::size_t taken = 0;
    const uint32_t block_line = line_;
    if (csv_) {
      taken = csv_->rows(text, line_, eof_, out.records);
      line_ = csv_->line_at(taken);
      if (csv_->stopped()) done_ = true;  // a row too long to be a record: the rest is not read
    } else {
      taken = json_->load_lines_block(text, buffer_.size() - offset_, line_, eof_);
      line_ = json_->line_at(taken);
      // The two vectors take turns: the loader reuses the records the caller is done with.
      out.records.swap(json_->records());
    }
    offset_ += taken;
    if (eof_ && offset_ >= length_) done_ = true;
    refill_ = true;
    if (!out.records.empty()) {
      look_for_duplicates(out, text.substr(0, taken), block_line);
      return true;
    }
  }
  return false;
}

void RecordStream::look_for_duplicates(const model::RecordSet& block, std::string_view text, uint32_t first_line) {
  if (!schema_ || schema_->key_slot < 0) return;
  const auto slot = static_cast<std::size_t>(schema_->key_slot);
  if (!read_.empty() && (slot >= read_.size() || !read_[slot])) return;
  if (names_stopped_) {  // past the budget: only counted
    names_unchecked_ += block.records.size();
    return;
  }
  if (!duplicates_) duplicates_ = std::make_unique<Reporter>(path_);
  // Per kept name: its text, and about as much again for the map's node and bucket.
  constexpr std::size_t kNodeBytes = 64;
  std::optional<SourceText> source;  // the block's lines, for a duplicate's caret
  for (std::size_t i = 0; i < block.records.size(); ++i) {
    if (names_bytes_ >= kNamesBudget) {
      // The names are let go, and the rest is only counted: no cost per record from here on.
      names_kept_ = first_line_.size();
      first_line_ = {};
      names_stopped_ = true;
      names_unchecked_ = block.records.size() - i;
      return;
    }
    const model::Record& r = block.records[i];
    ++names_checked_;
    if (slot >= r.values.size()) continue;
    const model::Value& v = r.values[slot];
    if (v.kind != model::Value::Kind::Text || v.text.empty()) continue;
    const auto [it, fresh] = first_line_.try_emplace(v.text, r.line);
    if (fresh) {
      names_bytes_ += v.text.size() + kNodeBytes;
      continue;
    }
    if (!duplicates_->admit()) continue;
    Diagnostic d = model::duplicate_model(v.text, it->second, r.line, path_);
    if (!source) {
      source.emplace(path_, text);
      source->rebase(text, first_line);  // records come in line order: the cursor only moves on
    }
    Location at = source->locate_line(r.line);
    d.location.column = at.column;
    d.location.line_text = std::move(at.line_text);
    duplicates_->add(std::move(d));
  }
}

Diagnostics RecordStream::finish() {
  Diagnostics out = csv_ ? csv_->finish_stream() : json_->finish_stream();
  if (duplicates_)
    for (Diagnostic& d : duplicates_->finish().items) out.add(std::move(d));
  if (names_unchecked_ > 0) {
    const auto records = [](std::size_t n) { return fmt::format("{} record{}", n, n == 1 ? "" : "s"); };
    out.add(make_diagnostic(
        Severity::Note, Code::DuplicateModel,
        fmt::format("duplicate model names were looked for in the first {} only: {} filled the {} MB kept for "
                    "names, and the {} after {} not checked",
                    records(names_checked_), names_kept_ == 1 ? std::string("its name") : fmt::format("their {} names", names_kept_),
                    kNamesBudget >> 20, records(names_unchecked_), names_unchecked_ == 1 ? "it was" : "them were"),
        {.file = path_}));
  }
  return out;
}

const model::RecordSet& RecordStream::loaded() const { return csv_ ? csv_->loaded() : json_->loaded(); }

Diagnostics RecordStream::columns_not_found(const std::vector<bool>& evaluated, bool any_record) const {
  return data::columns_not_found(loaded(), evaluated, any_record);
}

}  // namespace scalepol::data
