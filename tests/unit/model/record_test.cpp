#include <doctest/doctest.h>

#include "data/data_fixture.hpp"
#include "model/record.hpp"

using namespace scalepol;
using namespace scalepol::test_data;

TEST_CASE("schema: find and find_column") {
  auto schema = model_schema();
  CHECK(schema->find("training_compute") == kCompute);
  CHECK(schema->find("Training compute (FLOP)") == -1);
  CHECK(schema->find_column("training_compute") == kCompute);
  CHECK(schema->find_column("Training compute (FLOP)") == kCompute);
  CHECK(schema->find_column("training_compute_flop") == kCompute);
  CHECK(schema->find_column("Model") == kModel);
  CHECK(schema->find_column("nothing") == -1);
}

TEST_CASE("schema: a field's own name wins over another field's column") {
  model::Schema s;
  s.fields.resize(2);
  s.fields[0].name = "a";
  s.fields[0].columns = {"b"};
  s.fields[1].name = "b";
  CHECK(s.find_column("b") == 1);
}

TEST_CASE("record set: names, model_name, duplicates") {
  model::RecordSet set;
  set.schema = model_schema();
  set.source = "x.csv";
  auto rec = [&](const char* name, uint32_t line) {
    model::Record r;
    r.values.resize(set.schema->fields.size());
    if (name) r.values[kModel] = model::Value::of_text(name);
    r.line = line;
    set.records.push_back(r);
  };
  rec("A", 2);
  rec(nullptr, 3);
  rec("B", 4);
  rec("A", 9);
  set.index_names();
  CHECK(set.by_name.size() == 2);
  CHECK(set.by_name.at("A") == 0);
  CHECK(set.model_name(set.records[1]) == "#3");
  CHECK(set.model_name(set.records[2]) == "B");
  REQUIRE(set.diagnostics.items.size() == 1);
  const Diagnostic& d = set.diagnostics.items[0];
  CHECK(d.code == "duplicate-model");
  CHECK(d.severity == Severity::Warning);
  CHECK(d.message == "model `A` appears on lines 2 and 9");
  CHECK(d.location.file == "x.csv");
  CHECK(d.location.line == 9);
}
