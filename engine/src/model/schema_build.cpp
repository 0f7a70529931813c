// The record schema a checked program's fields describe.
#include "check/program.hpp"
#include "model/record.hpp"

namespace scalepol::model {

namespace {

// The `field` declaration a checked field comes from, or null (a benchmark's score has none).
const ast::FieldDecl* declaration(const check::Program& program, const check::Field& f) {
  if (f.module < 0 || static_cast<std::size_t>(f.module) >= program.modules.size()) return nullptr;
  for (const auto& decl : program.modules[static_cast<std::size_t>(f.module)]->fields)
    if (decl.name.text == f.name && decl.span.begin == f.span.begin) return &decl;
  return nullptr;
}

}  // namespace

std::shared_ptr<Schema> build_schema(const check::Program& program) {
  auto schema = std::make_shared<Schema>();
  for (const auto& f : program.fields) {
    FieldSpec spec;
    spec.name = f.name;
    spec.kind = f.type.kind == ast::TypeKind::Error ? ast::TypeKind::Text : f.type.kind;
    spec.dim = f.type.dim;
    spec.scale = f.scale;
    spec.unit = f.unit;
    spec.columns = f.columns;
    spec.key = f.key;
    spec.where = f.where;
    if (!f.where.empty()) schema->long_table = true;
    // Bound columns are read straight from the declaration: only the loaders use them.
    if (const ast::FieldDecl* decl = declaration(program, f); decl && spec.kind == ast::TypeKind::Quantity) {
      spec.low_columns = decl->low_columns;
      spec.high_columns = decl->high_columns;
    } else if (decl && spec.kind == ast::TypeKind::Date) {
      spec.date_order = decl->date_order;
      spec.date_separator = decl->date_separator;
    }
    schema->fields.push_back(std::move(spec));
  }
  schema->key_slot = program.key_field;
  return schema;
}

}  // namespace scalepol::model
