// The builtin functions, each declared once: its name, its parameters and what it computes. The
// checker resolves a call to one of them (the call's `res` is {RefKind::Builtin, id}) and types
// it; the evaluators, explanations and lint rules then switch on the id, never on the name as
// written. docs/language.md (the table of operators, then "Functions") documents them for policy authors.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace scalepol::ast {

struct Expr;

enum class Builtin : uint8_t { TimeSince, Min, Max, Abs, Progress };

struct BuiltinInfo {
  Builtin id;
  std::string_view name;
  // The parameters in order. An argument binds to a parameter by position, or by name where the
  // function documents names (`progress(halving: 8 months, since: 2023-01-01)`).
  std::array<std::string_view, 2> params;
  uint8_t arity;
  bool named;  // whether arguments may be named
  std::string_view summary;
};

inline constexpr std::array<BuiltinInfo, 5> kBuiltins = {{
    {Builtin::TimeSince, "time_since", {"date"}, 1, false,
     "the time from a date (or a reference point's release) to the evaluation date"},
    {Builtin::Min, "min", {"a", "b"}, 2, false, "the smaller of two quantities or dates"},
    {Builtin::Max, "max", {"a", "b"}, 2, false, "the larger of two quantities or dates"},
    {Builtin::Abs, "abs", {"x"}, 1, false, "the magnitude of a quantity"},
    {Builtin::Progress, "progress", {"halving", "since"}, 2, true,
     "2^((released - since) / halving): how much less compute the same performance needs"},
}};

inline const BuiltinInfo& builtin_info(Builtin b) { return kBuiltins[static_cast<std::size_t>(b)]; }

// The builtin a name calls, or nothing.
std::optional<Builtin> find_builtin(std::string_view name);

// "time_since, min, max, abs and progress": for messages.
std::string builtin_names();

// The builtin a checked call calls, or nothing (not a call, or one the checker refused).
std::optional<Builtin> builtin_of(const Expr& e);

// The index into e.args of the argument bound to parameter `param` of a checked call: the one
// named so (where the function takes names), else the one at that position unless it is named;
// -1 when there is none.
int32_t bound_arg(const Expr& e, std::size_t param);

}  // namespace scalepol::ast
