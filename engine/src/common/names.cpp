// The stable names of the public enums: they appear in text and JSON output and are part of the
// documented formats (docs/json-output.md), so they never change once released.
#include "scalepol/diagnostic.hpp"
#include "scalepol/explain.hpp"
#include "scalepol/report.hpp"

namespace scalepol {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";  // unreachable for a valid enum; keeps -Wreturn-type quiet
}

const char* verdict_kind_name(VerdictKind k) {
  switch (k) {
    case VerdictKind::Tier: return "tier";
    case VerdictKind::Trigger: return "trigger";
    case VerdictKind::Exemption: return "exemption";
    case VerdictKind::Obligation: return "obligation";
  }
  return "tier";
}

const char* status_name(Status s) {
  switch (s) {
    case Status::Definite: return "definite";
    case Status::Possible: return "possible";
    case Status::Unknown: return "unknown";
  }
  return "unknown";
}

const char* value_origin_name(ValueOrigin o) {
  switch (o) {
    case ValueOrigin::Record: return "record";
    case ValueOrigin::Definition: return "definition";
    case ValueOrigin::Default: return "default";
    case ValueOrigin::Assumption: return "assumption";
    case ValueOrigin::Computed: return "computed";
    case ValueOrigin::EvaluationDate: return "evaluation date";
    case ValueOrigin::Rule: return "rule";
  }
  return "";
}

}  // namespace scalepol
