#include "eval/evaluator.hpp"

namespace scalepol::eval {

std::shared_ptr<Schema> build_schema(const check::Program& program) {
  auto schema = std::make_shared<Schema>();
  for (const auto& f : program.fields) {
    FieldSpec spec;
    spec.name = f.name;
    spec.kind = f.type.kind == check::TypeKind::Error ? check::TypeKind::Text : f.type.kind;
    spec.dim = f.type.dim;
    spec.scale = f.scale;
    spec.unit = f.unit;
    spec.columns = f.columns;
    spec.key = f.key;
    schema->fields.push_back(std::move(spec));
  }
  schema->key_slot = program.key_field;
  return schema;
}

}  // namespace scalepol::eval
