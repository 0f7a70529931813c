// The rules, one per file in this folder. registry.cpp lists them in the order they run.
#pragma once

#include "lint/rule.hpp"

namespace scalepol::linter::rules {

extern const Rule ec_no_baseline;
extern const Rule ec_no_baseline_date;
extern const Rule ec_no_scale;
extern const Rule ec_no_metric;
extern const Rule ec_post_training_unaddressed;
extern const Rule undefined_term;
extern const Rule trigger_no_reference;
extern const Rule percent_ambiguous;
extern const Rule vague_condition;
extern const Rule trigger_never_fires;
extern const Rule unitless_threshold;
extern const Rule flops_rate_ambiguous;
extern const Rule unit_mismatch;
extern const Rule benchmark_no_version;
extern const Rule benchmark_no_elicitation;
extern const Rule tier_overlap;
extern const Rule tier_gap;
extern const Rule tier_order;
extern const Rule exemption_never_applies;
extern const Rule exemption_covers_all;
extern const Rule undefined_name;
extern const Rule unused_definition;
extern const Rule duplicate_definition;
extern const Rule import_cycle;
extern const Rule definition_cycle;
extern const Rule unknown_header_field;
extern const Rule unknown_setting;
extern const Rule allow_without_reason;

}  // namespace scalepol::linter::rules
