// The parts of the SARIF renderer (render_sarif, scalepol/diagnostic.hpp) that are worth testing
// on their own: how a code becomes a rule name, a file path a URI, a diagnostic a message.
#pragma once

#include <string>
#include <string_view>

#include "scalepol/diagnostic.hpp"

namespace scalepol::report {

// The rule's `name`, which SARIF wants as an identifier-like word: the code in CamelCase
// ("ec-no-baseline" → "EcNoBaseline").
std::string sarif_rule_name(std::string_view code);

// A file path as an artifact URI. A relative path stays relative (to %SRCROOT%, the directory
// scalepol ran from, which is the repository root in CI) with forward slashes; an absolute path
// becomes a `file://` URI. Anything outside the URI's unreserved characters is percent-encoded,
// so spaces, non-ASCII names and a `:` in a relative path's first segment stay one valid path.
struct ArtifactUri {
  std::string uri;
  bool relative = true;  // relative to %SRCROOT%
};
ArtifactUri sarif_artifact_uri(std::string_view path);

// The result's message: the diagnostic's one-line message, then each note as `note: …` and the
// help as `help: …`, each on a line of its own (code-scanning alerts show no other field for them).
std::string sarif_message_text(const Diagnostic& diagnostic);

}  // namespace scalepol::report
