#include "api/stdlib_cache.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>

namespace scalepol::api {

namespace {

// Parsing reads only these limits; a host with other limits gets entries of its own. (The
// embedded stdlib is a few dozen KB, so the cache stays small.)
using Key = std::tuple<std::string, std::size_t, std::size_t, std::size_t>;

struct Cache {
  std::mutex mutex;
  std::map<Key, std::shared_ptr<const syntax::ParseResult>> parsed;
};

Cache& cache() {
  static Cache* c = new Cache;  // never destroyed: compilations may run during static destruction
  return *c;
}

}  // namespace

syntax::ParseResult parse_stdlib(const syntax::SourceFile& file, const Limits& limits) {
  Key key{file.path(), limits.max_source_bytes, limits.max_nesting, limits.max_diagnostics};
  Cache& c = cache();
  std::shared_ptr<const syntax::ParseResult> entry;
  {
    std::lock_guard<std::mutex> lock(c.mutex);
    auto it = c.parsed.find(key);
    if (it != c.parsed.end()) entry = it->second;
  }
  if (!entry) {
    // Parsed outside the cache's lock (syntax::parse takes ANTLR's); two threads may both parse
    // a module the first time, and the first to finish is kept.
    auto parsed = std::make_shared<const syntax::ParseResult>(syntax::parse(file, limits));
    std::lock_guard<std::mutex> lock(c.mutex);
    entry = c.parsed.try_emplace(key, std::move(parsed)).first->second;
  }
  return *entry;  // a deep copy (ast::ExprPtr copies what it points to)
}

}  // namespace scalepol::api
