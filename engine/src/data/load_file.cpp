// Reading a data file and choosing its loader.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <string>
#include <system_error>

#include "data/json_loader.hpp"
#include "data/load.hpp"
#include "data/reporter.hpp"

namespace scalepol::data {

Diagnostics io_error(const std::string& path, int error) {
  std::string reason = std::error_code(error, std::generic_category()).message();
  if (!reason.empty() && reason[0] >= 'A' && reason[0] <= 'Z') reason[0] = static_cast<char>(reason[0] - 'A' + 'a');
  Diagnostics out;
  Location loc;
  loc.file = path;
  out.add(make_diagnostic(Code::IoError, fmt::format("cannot read `{}`: {}", path, reason),
                          std::move(loc)));
  return out;
}

std::FILE* open_input(const std::string& path) {
  return is_stdin(path) ? stdin : std::fopen(path.c_str(), "rb");
}

void close_input(std::FILE* file) {
  if (file && file != stdin) std::fclose(file);
}

namespace {

// The lowercase extension of the file name, without the dot ("" when there is none).
std::string extension(const std::string& path) {
  const std::size_t slash = path.find_last_of("/\\");
  const std::size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = path.substr(dot + 1);
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext;
}

// The whole file, followed by `padding` zero bytes that are not part of `size` (for simdjson).
// Returns an errno value, 0 on success.
int read_file(const std::string& path, std::size_t padding, std::string& buffer, std::size_t& size) {
  std::FILE* f = open_input(path);
  if (!f) return errno;
  // The file's size is only a hint for the first read (one allocation, no copy as the buffer
  // grows); reading goes on until end of file, so pipes and /dev/stdin work as well.
  std::error_code ec;
  const std::uintmax_t hint = is_stdin(path) ? 0 : std::filesystem::file_size(path, ec);
  buffer.clear();
  size = 0;
  std::size_t chunk = ec || hint == 0 ? std::size_t{1} << 16 : static_cast<std::size_t>(hint) + 1;
  for (;;) {
    buffer.resize(size + chunk);
    const std::size_t got = std::fread(buffer.data() + size, 1, chunk, f);
    size += got;
    if (got < chunk) break;
    chunk = std::max(chunk, std::size_t{1} << 16);
    if (chunk < (std::size_t{1} << 26)) chunk *= 2;
  }
  const int error = std::ferror(f) ? (errno ? errno : EIO) : 0;
  close_input(f);
  if (error) return error;
  buffer.resize(size + padding);
  std::memset(buffer.data() + size, 0, padding);
  return 0;
}

}  // namespace

Expected<DataFormat, Diagnostics> resolve_format(const std::string& path, DataFormat format) {
  if (format == DataFormat::Auto) {
    const std::string ext = extension(path);
    if (ext == "csv") format = DataFormat::Csv;
    else if (ext == "json") format = DataFormat::Json;
    else if (ext == "jsonl" || ext == "ndjson") format = DataFormat::JsonLines;
    else {
      Diagnostics out;
      Location loc;
      loc.file = display_name(path);
      Diagnostic d = make_diagnostic(
          Code::UnknownDataFormat,
          is_stdin(path) ? std::string("cannot tell the format of standard input")
          : ext.empty() ? fmt::format("cannot tell the format of `{}` from its name", path)
                      : fmt::format("cannot tell the format of `{}` from its extension `.{}`", path, ext),
          std::move(loc));
      if (!is_stdin(path)) d.notes.push_back("known extensions: `.csv`, `.json`, `.jsonl`, `.ndjson`");
      d.help = "name the format with `--data-format csv`, `--data-format json` or `--data-format jsonl`";
      out.add(std::move(d));
      return make_unexpected(std::move(out));
    }
  }
  return format;
}

Expected<model::RecordSet, Diagnostics> load_file(const std::string& path, DataFormat format,
                                                 std::shared_ptr<const model::Schema> schema) {
  auto resolved = resolve_format(path, format);
  if (!resolved) return make_unexpected(std::move(resolved.error()));
  format = *resolved;

  std::string buffer;
  std::size_t size = 0;
  const std::size_t padding = format == DataFormat::Csv ? 0 : json_padding();
  const std::string name = display_name(path);
  if (int error = read_file(path, padding, buffer, size)) return make_unexpected(io_error(name, error));
  const std::string_view text(buffer.data(), size);

  switch (format) {
    case DataFormat::Csv: return load_csv(text, name, std::move(schema));
    case DataFormat::JsonLines: return load_json_padded(text, buffer.size(), name, std::move(schema), JsonShape::Lines);
    default: return load_json_padded(text, buffer.size(), name, std::move(schema), JsonShape::Detect);
  }
}

}  // namespace scalepol::data
