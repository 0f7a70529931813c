// Silencing one finding in the source, with a reason:
//
//   // scalepol-allow ec-no-scale: the framework really is silent on scale; we report it elsewhere
//   scale unspecified
//
// A `scalepol-allow` comment names one or more codes (comma-separated) and, after a colon, why.
// It silences findings with those codes on the next line. Without a reason it silences nothing
// and is itself a finding (`allow-without-reason`): a silence nobody can explain is a finding
// hidden, not settled.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "scalepol/diagnostic.hpp"
#include "syntax/source.hpp"

namespace scalepol::linter {

struct Allow {
  std::vector<std::string> codes;
  std::string reason;
  uint32_t line = 0, column = 0;  // of the comment
};

// The allow comments of a file, by the line they silence (the line after the comment).
std::map<uint32_t, Allow> find_allows(const syntax::SourceFile& file);

}  // namespace scalepol::linter
