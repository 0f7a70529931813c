// compile_file / compile_source: read the main file, follow its imports (the embedded stdlib for
// `import std.x`, files relative to the importing file otherwise), parse each once, then check
// the whole program. Nothing here throws: every failure is a diagnostic.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

#include "api/impl.hpp"
#include "api/load.hpp"
#include "api/read_source.hpp"
#include "api/stdlib.hpp"
#include "api/stdlib_cache.hpp"
#include "eval/evaluator.hpp"
#include "syntax/parse.hpp"

namespace scalepol {

namespace fs = std::filesystem;

namespace {

Diagnostic file_error(const std::string& path, Code code, std::string message) {
  return Diagnostic::of(code, std::move(message), Location{.file = path});
}

class Loader {
 public:
  // `main` is the main file's name: imports may read its directory and the host's extra roots.
  Loader(check::Program& program, const CompileOptions& options, const std::string& main)
      : p_(program), options_(options) {
    std::vector<std::string> roots = options.import_roots;
    auto dir = fs::path(main).parent_path();
    roots.push_back(dir.empty() ? std::string(".") : dir.string());
    for (const auto& r : roots) {
      std::error_code ec;
      auto canonical = fs::weakly_canonical(fs::absolute(r, ec), ec);
      roots_.push_back(ec ? r : canonical.string());
    }
  }

  // Parse `text` as module `path` (key: its identity for import dedup and cycles), then its imports.
  void load(const std::string& path, std::string text, const std::string& key, bool in_stdlib, std::size_t depth) {
    auto source = std::make_unique<syntax::SourceFile>(path, std::move(text));
    auto parsed = in_stdlib ? api::parse_stdlib(*source, options_.limits) : syntax::parse(*source, options_.limits);
    p_.diagnostics.append(parsed.diagnostics);
    auto module = std::make_unique<ast::Module>(std::move(parsed.module));
    module->path = path;
    const auto* src = source.get();
    const auto* mod = module.get();
    p_.files.push_back(std::move(source));
    p_.modules.push_back(std::move(module));
    p_.from_stdlib.push_back(in_stdlib);
    loaded_.push_back(key);
    stack_.push_back(key);
    for (const auto& imp : mod->imports) resolve(*src, imp, path, in_stdlib, depth);
    stack_.pop_back();
  }

 private:
  void resolve(const syntax::SourceFile& from, const ast::Import& imp, const std::string& from_path, bool from_stdlib,
               std::size_t depth) {
    std::string key, path, text;
    bool in_stdlib = false;
    if (imp.is_std) {
      const auto* m = stdlib::find(imp.path);
      if (!m) {
        std::vector<std::string> names;
        for (const auto& s : stdlib::modules())
          if (s.name.starts_with("std.")) names.emplace_back(s.name);
        p_.diagnostics.add(error(from, imp.span, Code::UnknownImport, fmt::format("no standard module `{}`", imp.path),
                                 fmt::format("the standard modules are {}", fmt::join(names, ", "))));
        return;
      }
      key = "std:" + imp.path;
      path = std::string(m->path);
      text = std::string(m->text);
      in_stdlib = true;
    } else if (from_stdlib) {
      // A relative import inside the embedded stdlib resolves inside it.
      auto rel = (fs::path(from_path).parent_path() / imp.path).lexically_normal().string();
      const stdlib::Module* found = nullptr;
      for (const auto& m : stdlib::modules())
        if (m.path == rel) found = &m;
      if (!found) {
        p_.diagnostics.add(error(from, imp.span, Code::UnknownImport, fmt::format("cannot find `{}` in the stdlib", imp.path)));
        return;
      }
      key = "std:" + rel;
      path = rel;
      text = std::string(found->text);
      in_stdlib = true;
    } else if (options_.resolver) {
      // The host's store replaces the file system; it decides what exists.
      std::optional<ImportedFile> file;
      try {
        file = options_.resolver(from_path, imp.path);
      } catch (...) {
        file.reset();
      }
      if (!file) {
        p_.diagnostics.add(error(from, imp.span, Code::UnknownImport, fmt::format("cannot find `{}`", imp.path)));
        return;
      }
      key = "resolver:" + file->name;
      path = file->name;
      text = std::move(file->text);
    } else {
      if (imp.path.empty()) {
        p_.diagnostics.add(error(from, imp.span, Code::UnknownImport, "an empty import path names no file",
                                 "name a `.policy` file beside this one: `import \"./common.policy\"`"));
        return;
      }
      auto base = fs::path(from_path).parent_path();
      auto target = (base / imp.path).lexically_normal();
      path = target.string();
      // Where the path leads now, to refuse an import outside the roots before opening it; the
      // file actually opened is checked again below, so a link swapped in between cannot lead out.
      std::error_code ec;
      auto canonical = fs::weakly_canonical(target, ec);
      if (!inside_roots(ec ? path : canonical.string())) return refuse_outside_roots(from, imp);
      // A module is a regular file, read with the size bound: a FIFO would block, a device would
      // never end, a directory holds no module.
      auto read = api::read_source(path, options_.limits.max_source_bytes, /*regular_only=*/true);
      switch (read.status) {
        case api::SourceRead::Status::Ok: break;
        case api::SourceRead::Status::TooLarge:
          p_.diagnostics.add(error(from, imp.span, Code::InputTooLarge,
                                   api::too_large_message(imp.path, read, options_.limits.max_source_bytes)));
          return;
        case api::SourceRead::Status::NotRegular:
          p_.diagnostics.add(error(from, imp.span, Code::UnknownImport,
                                   fmt::format("`{}` is {}, not a policy file", imp.path, read.kind),
                                   "import a `.policy` file"));
          return;
        case api::SourceRead::Status::CannotOpen:
        case api::SourceRead::Status::ReadError:
          p_.diagnostics.add(error(from, imp.span, Code::UnknownImport, fmt::format("cannot read `{}`", path)));
          return;
      }
      key = read.real_path;
      if (!inside_roots(key)) return refuse_outside_roots(from, imp);
      text = std::move(read.text);
    }
    for (std::size_t i = 0; i < stack_.size(); ++i)
      if (stack_[i] == key) {
        // The chain of files from the one imported again back to it, as their names.
        std::string chain;
        for (std::size_t j = i; j < stack_.size(); ++j) chain += fs::path(stack_[j]).filename().string() + " → ";
        chain += fs::path(key).filename().string();
        auto d = error(from, imp.span, Code::ImportCycle, fmt::format("importing `{}` here makes a cycle", imp.path),
                       "move what both files need into a third file that both import");
        d.notes.push_back("the cycle: " + chain);
        p_.diagnostics.add(std::move(d));
        return;
      }
    for (const auto& k : loaded_)
      if (k == key) return;  // imported already: one copy of each module
    if (depth + 1 > options_.limits.max_import_depth) {
      p_.diagnostics.add(error(from, imp.span, Code::ImportTooDeep,
                               fmt::format("imports nest deeper than {}", options_.limits.max_import_depth)));
      return;
    }
    load(path, std::move(text), key, in_stdlib, depth + 1);
  }

  static Diagnostic error(const syntax::SourceFile& file, const ast::Span& span, Code code, std::string message,
                          std::string help = {}) {
    auto d = syntax::make_diagnostic(file, span, code, std::move(message));
    d.help = std::move(help);
    return d;
  }

  void refuse_outside_roots(const syntax::SourceFile& from, const ast::Import& imp) {
    std::vector<std::string> shown;
    for (const auto& r : roots_) shown.push_back("`" + r + "`");
    auto d = error(from, imp.span, Code::ImportOutsideRoots,
                   fmt::format("`{}` is outside the directories imports may read", imp.path),
                   "keep imported files beside the policy, or allow their directory (CompileOptions::import_roots)");
    d.notes.push_back(fmt::format("imports may read {}", fmt::join(shown, ", ")));
    p_.diagnostics.add(std::move(d));
  }

  bool inside_roots(const std::string& canonical) const {
    for (const auto& root : roots_) {
      if (canonical == root) return true;
      std::string prefix = root.ends_with('/') ? root : root + "/";
      if (canonical.starts_with(prefix)) return true;
    }
    return false;
  }

  check::Program& p_;
  const CompileOptions& options_;
  std::vector<std::string> roots_;  // canonical
  std::vector<std::string> loaded_, stack_;
};

// Keeps at most `limit` diagnostics (at least one when there is an error), errors before
// warnings: a warning is dropped to make room for an error, never the other way, so what is
// kept still says whether the policy compiles, however many warnings come first. The kept ones
// stay in their order; a note says how many were dropped, and how many of those were errors.
void cap(Diagnostics& d, std::size_t limit) {
  if (d.items.size() <= limit) return;
  const auto is_error = [](const Diagnostic& x) { return x.severity == Severity::Error; };
  std::size_t budget = std::max<std::size_t>(limit, d.has_errors() ? 1 : 0);
  std::vector<bool> keep(d.items.size(), false);
  for (std::size_t i = 0; i < d.items.size() && budget > 0; ++i)
    if (is_error(d.items[i])) keep[i] = true, --budget;
  for (std::size_t i = 0; i < d.items.size() && budget > 0; ++i)
    if (!keep[i]) keep[i] = true, --budget;
  Diagnostics kept;
  std::size_t dropped = 0, dropped_errors = 0;
  for (std::size_t i = 0; i < d.items.size(); ++i) {
    if (keep[i]) {
      kept.items.push_back(std::move(d.items[i]));
    } else {
      ++dropped;
      if (is_error(d.items[i])) ++dropped_errors;
    }
  }
  Diagnostic note;
  note.code = code_name(Code::TooManyDiagnostics);
  note.severity = Severity::Note;
  note.message = dropped_errors ? fmt::format("{} more diagnostics not shown, {} of them errors", dropped, dropped_errors)
                                : fmt::format("{} more diagnostics not shown", dropped);
  kept.items.push_back(std::move(note));
  d.items = std::move(kept.items);
}

}  // namespace

std::unique_ptr<check::Program> load_program(const std::string& path, std::string text, const CompileOptions& options) {
  auto program = std::make_unique<check::Program>();
  program->path = path;
  program->max_diagnostics = options.limits.max_diagnostics;
  program->max_rule_depth = options.limits.max_rule_depth;
  try {
    Loader loader(*program, options, path);
    // The main file's identity is its canonical path, the same key its imports would use for it:
    // a file that imports the main file back is then a cycle at that import.
    std::error_code ec;
    auto canonical = fs::weakly_canonical(fs::path(path), ec);
    loader.load(path, std::move(text), ec ? path : canonical.string(), false, 0);
    if (!program->diagnostics.has_errors()) check::check_program(*program);
  } catch (const std::exception& e) {
    program->diagnostics.add(file_error(path, Code::InternalError, fmt::format("internal error: {}", e.what())));
  }
  if (program->name.empty()) program->name = fs::path(path).stem().string();
  return program;
}

namespace {

Expected<Policy, Diagnostics> compile(const std::string& path, std::string text, const CompileOptions& options) {
  auto program = load_program(path, std::move(text), options);
  cap(program->diagnostics, options.limits.max_diagnostics);
  if (program->diagnostics.has_errors()) return make_unexpected(std::move(program->diagnostics));
  auto impl = std::make_shared<detail::PolicyData>();
  impl->warnings = std::move(program->diagnostics);
  impl->limits = options.limits;
  impl->schema = model::build_schema(*program);
  impl->program = std::move(program);
  impl->compiled = std::make_unique<const eval::CompiledPolicy>(*impl->program);
  return detail::Access::make(std::move(impl));
}

}  // namespace

Expected<Policy, Diagnostics> compile_file(const std::string& path, const CompileOptions& options) {
  // The main file may be a FIFO or a device (`scalepol check <(…)`, /dev/stdin): read to the bound.
  auto read = api::read_source(path, options.limits.max_source_bytes, /*regular_only=*/false);
  Diagnostics d;
  switch (read.status) {
    case api::SourceRead::Status::Ok: return compile(path, std::move(read.text), options);
    case api::SourceRead::Status::TooLarge:
      d.add(file_error(path, Code::InputTooLarge, api::too_large_message(path, read, options.limits.max_source_bytes)));
      break;
    case api::SourceRead::Status::NotRegular:
      d.add(file_error(path, Code::IoError, fmt::format("cannot read `{}`: it is {}", path, read.kind)));
      break;
    case api::SourceRead::Status::CannotOpen:
    case api::SourceRead::Status::ReadError:
      d.add(file_error(path, Code::IoError, fmt::format("cannot read `{}`: {}", path, read.error)));
      break;
  }
  return make_unexpected(std::move(d));
}

Expected<Policy, Diagnostics> compile_source(std::string_view source, const std::string& name,
                                             const CompileOptions& options) {
  return compile(name, std::string(source), options);
}

Policy::Policy(std::shared_ptr<const detail::PolicyData> data) : data_(std::move(data)) {}
const std::string& Policy::name() const { return data_->program->name; }
const std::string& Policy::title() const { return data_->program->title; }
const std::string& Policy::path() const { return data_->program->path; }
const Diagnostics& Policy::warnings() const { return data_->warnings; }

}  // namespace scalepol
