// The batch evaluator (batch.hpp). Each case of BatchRun::State::eval mirrors one node function
// of compiled.cpp, lane by lane; the comments there say what each computes.
//
// A lane's state is one byte (columns.hpp's LaneState): a bool's value is its state (false 0,
// true 1), any other kind is known (0); unknown is 2 when undecided (a range straddles a line:
// status `possible`) and 3 for want of data. With that order Kleene logic is arithmetic:
//   a and b = (a or b is false) ? false : max(a, b)     (true 1 < undecided 2 < missing 3)
//   a or b  = (a or b is true)  ? true  : max(a, b)     (false 0 < undecided 2 < missing 3)
// and an operation on an unknown operand is missing when an operand is missing, undecided
// otherwise (the scalar evaluator's unknown_of).
#include "eval/batch.hpp"

#include <algorithm>
#include <cmath>

#include "eval/evaluator.hpp"
#include "eval/interval_ops.hpp"

namespace scalepol::eval {

namespace {

using TK = ast::TypeKind;
using Node = CompiledPolicy::Node;
constexpr std::size_t kLanes = BatchRun::kLanes;

// One node's values over a batch's lanes (arrays of the run's lane capacity; the first n matter). `state` is
// always set; x, lo, hi for quantities, dates and tiers (a tier's lo and hi: the tiers its
// value's range reaches); text and strings for texts (lane i's text is strings[text[i]]).
struct View {
  const uint8_t* state = nullptr;
  const double* x = nullptr;
  const double* lo = nullptr;
  const double* hi = nullptr;
  const uint32_t* text = nullptr;
  const std::string* strings = nullptr;
  const FieldColumn* column = nullptr;  // texts straight from a record column: text[i] indexes its dictionary
  bool constant = false;                // the same value in every lane
  const TierSet* reach = nullptr;       // tiers: the tiers each lane's range reaches
};

inline bool unknown(uint8_t s) { return s >= kUndecided; }
inline uint8_t unknown_of(uint8_t a, uint8_t b) { return (a == kMissing || b == kMissing) ? kMissing : kUndecided; }
// Written without short-circuits, so that loops of them vectorise.
inline uint8_t kleene_and(uint8_t a, uint8_t b) {
  const uint8_t m = a > b ? a : b;
  return ((a == kFalse) | (b == kFalse)) ? kFalse : m;
}
inline uint8_t kleene_or(uint8_t a, uint8_t b) {
  const uint8_t m = a > b ? a : b;
  return ((a == kTrue) | (b == kTrue)) ? kTrue : m;
}
inline uint8_t kleene_not(uint8_t a) { return a < kUndecided ? a ^ 1 : a; }

// Arrays of `lanes` elements, handed out from chunks that are kept and reused: reset() makes
// every array free again (at each batch and reading) without freeing memory.
class Arena {
 public:
  // A chunk holds 32 arrays of doubles: 64 KiB at kLanes lanes, 2 KiB at one lane.
  explicit Arena(std::size_t lanes) : lanes_(lanes), chunk_bytes_(32 * ((sizeof(double) * lanes + 63) / 64 * 64)) {}

  template <class T>
  T* take() {
    const std::size_t bytes = (sizeof(T) * lanes_ + 63) / 64 * 64;  // <= a chunk's 32nd
    if (used_ + bytes > chunk_bytes_) {
      ++chunk_;
      used_ = 0;
    }
    if (chunk_ == chunks_.size()) chunks_.emplace_back(chunk_bytes_ / sizeof(double));
    T* out = reinterpret_cast<T*>(reinterpret_cast<unsigned char*>(chunks_[chunk_].data()) + used_);
    used_ += bytes;
    return out;
  }
  void reset() {
    chunk_ = 0;
    used_ = 0;
  }

 private:
  std::vector<std::vector<double>> chunks_;  // doubles: 8-byte alignment for every element type
  std::size_t lanes_, chunk_bytes_;
  std::size_t chunk_ = 0, used_ = 0;
};

bool numeric(TK t) { return t == TK::Quantity || t == TK::Date || t == TK::Tier; }

// compare_intervals (interval_ops.hpp) as a lane state, without branches: true 1, false 0,
// undecided 2. `Op` is fixed per loop so that each loop is straight-line code.
template <ast::Op Op>
inline uint8_t compare_lane(double alo, double ahi, double blo, double bhi) {
  bool yes = false, no = false;
  if constexpr (Op == ast::Op::Lt) {
    yes = ahi < blo;
    no = alo >= bhi;
  } else if constexpr (Op == ast::Op::Le) {
    yes = ahi <= blo;
    no = alo > bhi;
  } else if constexpr (Op == ast::Op::Gt) {
    yes = alo > bhi;
    no = ahi <= blo;
  } else if constexpr (Op == ast::Op::Ge) {
    yes = alo >= bhi;
    no = ahi < blo;
  } else {  // Eq, Ne
    const bool exact = (alo == ahi) & (blo == bhi);
    const bool apart = (ahi < blo) | (bhi < alo);
    const bool eq = exact ? alo == blo : false;
    yes = exact ? eq : false;
    no = exact ? !eq : apart;
    if constexpr (Op == ast::Op::Ne) std::swap(yes, no);
  }
  return static_cast<uint8_t>(yes | ((!yes & !no) << 1));
}

// out[i] = state of `a op b` over n lanes, where b is either a view or (b_const) lane 0 of it:
// missing or undecided where an operand is unknown.
template <ast::Op Op, bool BConst>
void compare_lanes(std::size_t n, const uint8_t* sa, const double* alo, const double* ahi, const uint8_t* sb,
                   const double* blo, const double* bhi, uint8_t* out) {
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t j = BConst ? 0 : i;
    const uint8_t r = compare_lane<Op>(alo[i], ahi[i], blo[j], bhi[j]);
    const uint8_t a = sa[i], b = sb[j];
    const uint8_t unknown = (a | b) != 0 ? (((a == kMissing) | (b == kMissing)) ? kMissing : kUndecided) : 0;
    out[i] = unknown ? unknown : r;
  }
}

template <bool BConst>
void compare_lanes(ast::Op op, std::size_t n, const uint8_t* sa, const double* alo, const double* ahi,
                   const uint8_t* sb, const double* blo, const double* bhi, uint8_t* out) {
  switch (op) {
    case ast::Op::Lt: return compare_lanes<ast::Op::Lt, BConst>(n, sa, alo, ahi, sb, blo, bhi, out);
    case ast::Op::Le: return compare_lanes<ast::Op::Le, BConst>(n, sa, alo, ahi, sb, blo, bhi, out);
    case ast::Op::Gt: return compare_lanes<ast::Op::Gt, BConst>(n, sa, alo, ahi, sb, blo, bhi, out);
    case ast::Op::Ge: return compare_lanes<ast::Op::Ge, BConst>(n, sa, alo, ahi, sb, blo, bhi, out);
    case ast::Op::Eq: return compare_lanes<ast::Op::Eq, BConst>(n, sa, alo, ahi, sb, blo, bhi, out);
    case ast::Op::Ne: return compare_lanes<ast::Op::Ne, BConst>(n, sa, alo, ahi, sb, blo, bhi, out);
    default:  // no other comparison: unknown, as compare_intervals says
      for (std::size_t i = 0; i < n; ++i) {
        const uint8_t a = sa[i], b = sb[BConst ? 0 : i];
        out[i] = (a | b) != 0 ? (((a == kMissing) | (b == kMissing)) ? kMissing : kUndecided) : kUndecided;
      }
  }
}

}  // namespace

struct BatchRun::State {
  const CompiledPolicy& cp;
  const check::Program& p;
  const Columns& columns;
  const Node* nodes;
  int32_t as_of;
  // The batch: records [first, first + lanes). Functions copy `lanes` into a local `n` before
  // their loops: a store through a uint8_t* may alias any member, so a member bound would be
  // reloaded at every lane and would keep the loop from vectorising.
  std::size_t first = 0, lanes = 0;
  std::size_t reading = 0;

  std::size_t capacity;  // lanes per batch: lanes_for, and at most the run's max_records
  Arena arena;           // this batch and reading's values
  Arena fixed;           // values for the whole run: constants, the readings' assumptions
  View missing_view, as_of_view;
  std::vector<View> const_views;                // per node: Const nodes' values
  std::vector<std::vector<View>> reading_views;  // per reading: per assumption
  std::vector<View> memo;
  std::vector<uint32_t> stamp;
  uint32_t gen = 0;
  // Per node: a text test's result per entry of its column's dictionary (0xff: not yet known),
  // for each constant it was tested against (an assumption's text differs between readings).
  struct TextCache {
    const FieldColumn* column = nullptr;
    const std::string* constant = nullptr;
    std::vector<uint8_t> result;
  };
  std::vector<std::vector<TextCache>> text_cache;

  std::vector<uint8_t>& cache_for(int32_t node, const FieldColumn* column, const std::string* constant) {
    auto& caches = text_cache[static_cast<std::size_t>(node)];
    for (auto& c : caches)
      if (c.column == column && c.constant == constant) return c.result;
    caches.push_back({column, constant, std::vector<uint8_t>(column->dictionary.size(), 0xff)});
    return caches.back().result;
  }
  std::vector<Cell> per_reading;  // lanes × readings × columns, when there are several readings

  // Lanes per batch: kLanes, or fewer where a batch's scratch memory would pass kScratchBytes —
  // each node evaluated takes at most 32 bytes a lane (a state and three doubles, or a state;
  // the scratch is reused from one reading to the next), each obligation site two states, and
  // a sweep keeps every reading's cells of every lane —
  // so that a stranger's policy with thousands of rules and 64 readings stays in a few MB.
  static std::size_t lanes_for(const CompiledPolicy& c) {
    constexpr std::size_t kScratchBytes = 8u << 20;
    const std::size_t readings = c.readings().size();
    const std::size_t per_lane = (c.nodes().size() + 2 * c.sites_.size() + 16) * 32 +
                                 (readings > 1 ? readings * c.columns().size() * sizeof(Cell) : 0);
    return std::clamp<std::size_t>(kScratchBytes / per_lane, 1, kLanes);
  }

  State(const CompiledPolicy& c, const Columns& cols, int32_t date, std::size_t max_records)
      : cp(c), p(c.program()), columns(cols), nodes(c.nodes().data()), as_of(date),
        capacity(std::clamp<std::size_t>(max_records, 1, lanes_for(c))),
        arena(capacity), fixed(capacity) {
    missing_view = constant_view(nullptr, kMissing);
    if (as_of == kNoDate) {
      as_of_view = missing_view;
    } else {
      CValue d;
      d.kind = Value::Kind::Date;
      d.x = d.lo = d.hi = as_of;
      as_of_view = constant_of(d);
    }
    const_views.resize(c.nodes().size());
    // Constants, and the text operand of `field starts_with "…"` / `contains`.
    for (std::size_t i = 0; i < c.nodes().size(); ++i) {
      const NodeKind k = nodes[i].kind;
      if (k == NodeKind::Const || k == NodeKind::ContainsFieldConst || k == NodeKind::StartsWithFieldConst)
        const_views[i] = constant_of(nodes[i].k);
    }
    const Readings& readings = c.readings();
    std::vector<Value> values;
    for (std::size_t r = 0; r < readings.size(); ++r) {
      readings.values(r, p.assumptions.size(), values);
      std::vector<View> views;
      for (const Value& value : values) {
        CValue v = of_value(value);
        v.text = nullptr;  // set below for the texts, into storage that lasts
        views.push_back(constant_of(v));
      }
      // Texts point into the Readings, which the policy owns (as CompiledRun's do).
      for (std::size_t d = 0; d < readings.dims.size(); ++d) {
        const auto a = static_cast<std::size_t>(readings.dims[d]);
        if (values[a].kind == Value::Kind::Text) views[a].strings = &readings.alternatives[d][readings.choice(r, d)].text;
      }
      reading_views.push_back(std::move(views));
    }
    memo.resize(static_cast<std::size_t>(c.memo_size_));
    stamp.assign(static_cast<std::size_t>(c.memo_size_), 0);
    text_cache.resize(c.nodes().size());
    if (readings.size() > 1) per_reading.resize(capacity * readings.size() * c.columns().size());
  }

  // --- Constant views -------------------------------------------------------------------

  View constant_view(const std::string* text, uint8_t state, double x = 0, double lo = 0, double hi = 0,
                     TierSet reach = 0) {
    uint8_t* s = fixed.take<uint8_t>();
    double* xs = fixed.take<double>();
    double* los = fixed.take<double>();
    double* his = fixed.take<double>();
    uint32_t* ts = fixed.take<uint32_t>();
    TierSet* rs = fixed.take<TierSet>();
    std::fill(s, s + capacity, state);
    std::fill(xs, xs + capacity, x);
    std::fill(los, los + capacity, lo);
    std::fill(his, his + capacity, hi);
    std::fill(ts, ts + capacity, 0u);
    std::fill(rs, rs + capacity, reach);
    View v{s, xs, los, his, ts, text, nullptr, true, rs};
    return v;
  }

  View constant_of(const CValue& v) {
    using K = Value::Kind;
    switch (v.kind) {
      case K::Unknown: return constant_view(nullptr, v.possible ? kUndecided : kMissing);
      case K::Bool: return constant_view(nullptr, v.boolean ? kTrue : kFalse);
      case K::Text: return constant_view(v.text, kKnown);
      default: return constant_view(nullptr, kKnown, v.x, v.lo, v.hi, v.reach);
    }
  }

  // --- Helpers --------------------------------------------------------------------------

  View field(int32_t slot) const {
    const FieldColumn& col = *columns.find(slot);
    View v;
    v.state = col.state.data() + first;
    if (!col.x.empty()) {
      v.x = col.x.data() + first;
      v.lo = col.lo.data() + first;
      v.hi = col.hi.data() + first;
    }
    if (col.kind == TK::Text) {
      v.text = col.text.data() + first;
      v.strings = col.dictionary.data();
      v.column = &col;
    }
    return v;
  }

  struct Out {
    uint8_t* state;
    double *x, *lo, *hi;
    View view() const { return View{state, x, lo, hi, nullptr, nullptr, nullptr, false}; }
  };
  Out numbers() {
    return {arena.take<uint8_t>(), arena.take<double>(), arena.take<double>(), arena.take<double>()};
  }
  uint8_t* states() { return arena.take<uint8_t>(); }
  static View states_view(const uint8_t* s) { return View{s, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, false}; }

  template <class F>
  View memoised(int32_t slot, F&& compute) {
    const auto i = static_cast<std::size_t>(slot);
    if (stamp[i] == gen) return memo[i];
    memo[i] = compute();
    stamp[i] = gen;
    return memo[i];
  }

  View root_or_missing(int32_t root) { return root >= 0 ? eval(root) : missing_view; }

  // A text test per lane: pred(text of a, text of b). When a is a record column and b a
  // constant, the result is computed once per entry of the column's dictionary.
  template <class Pred>
  View text_test(int32_t node, const View& a, const View& b, Pred&& pred) {
    const std::size_t n = lanes;
    uint8_t* out = states();
    if (a.column && b.constant) {
      std::vector<uint8_t>& cache = cache_for(node, a.column, b.strings);
      const std::string& k = b.strings[0];
      const uint8_t sb = b.state[0];
      for (std::size_t i = 0; i < n; ++i) {
        const uint8_t sa = a.state[i];
        if (unknown(sa) || unknown(sb)) {
          out[i] = unknown_of(sa, sb);
          continue;
        }
        uint8_t& r = cache[a.text[i]];
        if (r == 0xff) r = pred(a.strings[a.text[i]], k) ? kTrue : kFalse;
        out[i] = r;
      }
      return states_view(out);
    }
    for (std::size_t i = 0; i < n; ++i) {
      const uint8_t sa = a.state[i], sb = b.state[i];
      out[i] = (unknown(sa) || unknown(sb)) ? unknown_of(sa, sb)
               : pred(a.strings[a.text[i]], b.strings[b.text[i]]) ? kTrue
                                                                  : kFalse;
    }
    return states_view(out);
  }

  View arith2(ast::Op op, const View& a, const View& b) {
    const std::size_t n = lanes;
    Out o = numbers();
    for (std::size_t i = 0; i < n; ++i) {
      const uint8_t sa = a.state[i], sb = b.state[i];
      if (sa != kKnown || sb != kKnown) {
        o.state[i] = unknown_of(sa, sb);
        continue;
      }
      double x = 0, lo = 0, hi = 0;
      const bool ok = arith_intervals(op, a.x[i], a.lo[i], a.hi[i], b.x[i], b.lo[i], b.hi[i], x, lo, hi);
      o.state[i] = ok ? kKnown : kMissing;
      o.x[i] = x;
      o.lo[i] = lo;
      o.hi[i] = hi;
    }
    return o.view();
  }

  // --- Rules ----------------------------------------------------------------------------

  View define(int32_t i) {
    return memoised(i, [&] { return root_or_missing(cp.define_root_[i]); });
  }

  View effective_compute(int32_t i) {
    return memoised(cp.memo_ec_ + i, [&] {
      const int32_t base = cp.ec_base_[i], mult = cp.ec_multiplier_[i];
      if (base < 0) return missing_view;
      if (mult >= 0) {
        const View b = eval(base);
        return arith2(ast::Op::Mul, b, eval(mult));
      }
      if (p.multiplier_assumption >= 0) {
        const View b = eval(base);
        return arith2(ast::Op::Mul, b, assumption(p.multiplier_assumption));
      }
      return missing_view;
    });
  }

  View assumption(int32_t i) {
    const auto& decl = *p.assumptions[i].decl;
    if (decl.kind == ast::Assumption::Kind::Value) return root_or_missing(cp.assumption_root_[i]);
    return reading_views[reading][static_cast<std::size_t>(i)];
  }

  View ladder(int32_t i) {
    return memoised(cp.memo_ladder_ + i, [&] {
      const std::size_t n = lanes;
      const auto& ladder = p.ladders[i];
      const int32_t axis_root = cp.ladder_axis_[i];
      const View axis = root_or_missing(axis_root);
      const bool is_number = axis_root >= 0 && nodes[axis_root].type == TK::Quantity;
      // Per lane, the rules of interval_ops.hpp (tier_state, escalate) that the scalar
      // evaluators apply; the escalations' conditions are evaluated first, a column each.
      std::vector<View> conds;
      for (int32_t e : ladder.escalations) {
        const auto& esc = p.escalations[e];
        const int32_t when = cp.escalation_when_[e];
        conds.push_back(esc.tier < 0 || when < 0 ? View{} : eval(when));
      }
      const double top = static_cast<double>(ladder.ranges.size()) - 1;
      Out o = numbers();
      TierSet* reach = arena.take<TierSet>();
      for (std::size_t l = 0; l < n; ++l) {
        TierState t;
        if (axis.state[l] == kKnown && is_number) t = tier_state(ladder, axis.x[l], axis.lo[l], axis.hi[l]);
        for (std::size_t k = 0; k < conds.size(); ++k) {
          if (!conds[k].state) continue;
          const uint8_t cs = conds[k].state[conds[k].constant ? 0 : l];
          const Tri cond = cs == kTrue ? Tri::True : cs == kFalse ? Tri::False : Tri::Unknown;
          escalate(t, cond, cs == kUndecided, p.escalations[ladder.escalations[k]].tier, top);
        }
        o.state[l] = t.missing ? kMissing : kKnown;
        o.x[l] = t.point;
        o.lo[l] = t.lo;
        o.hi[l] = t.hi;
        reach[l] = t.reach;
      }
      View v = o.view();
      v.reach = reach;
      return v;
    });
  }

  View trigger(int32_t i) {
    return memoised(cp.memo_trigger_ + i, [&] { return root_or_missing(cp.trigger_root_[i]); });
  }

  View exemption(int32_t i) {
    return memoised(cp.memo_exemption_ + i, [&] { return root_or_missing(cp.exemption_root_[i]); });
  }

  // Whether the site's obligation applies: its trigger fires, or the record is in its tier.
  View obligation_applies(const CompiledPolicy::Site& s) {
    const std::size_t n = lanes;
    if (s.trigger >= 0) return trigger(s.trigger);
    const View tier = ladder(s.ladder);
    uint8_t* out = states();
    const TierSet t = tier_bit(s.tier);
    for (std::size_t i = 0; i < n; ++i) {
      const uint8_t st = tier.state[i];
      // In the tier when definitely there; possibly, only if the range reaches the tier; not, when
      // an unknown tier cannot be it (Evaluator::obligation_applies).
      const TierSet reach = tier.reach ? tier.reach[i] : 0;
      out[i] = reach != 0 && (reach & t) == 0 ? kFalse : st != kKnown ? st : reach != t ? kUndecided : kTrue;
    }
    return states_view(out);
  }

  // Applies and no exemption that targets the site lifts it.
  View obligation_incurred(std::size_t site, const View& applies) {
    const std::size_t n = lanes;
    uint8_t* exempt = states();
    std::fill(exempt, exempt + n, kFalse);
    for (int32_t j : cp.site_exemptions_[site]) {
      const View e = exemption(j);
      for (std::size_t i = 0; i < n; ++i) exempt[i] = kleene_or(exempt[i], e.state[i]);
    }
    uint8_t* out = states();
    for (std::size_t i = 0; i < n; ++i) out[i] = kleene_and(applies.state[i], kleene_not(exempt[i]));
    return states_view(out);
  }

  // --- Nodes ----------------------------------------------------------------------------

  View eval(int32_t index) {
    const std::size_t n = lanes;
    const Node& nd = nodes[index];
    switch (nd.kind) {
      case NodeKind::Const: return const_views[static_cast<std::size_t>(index)];
      case NodeKind::Field: return field(nd.a);
      case NodeKind::Define: return define(nd.a);
      case NodeKind::EffectiveCompute: return effective_compute(nd.a);
      case NodeKind::Ladder: return ladder(nd.a);
      case NodeKind::Trigger: return trigger(nd.a);
      case NodeKind::Exemption: return exemption(nd.a);
      case NodeKind::Assumption: return assumption(nd.a);
      case NodeKind::AsOf: return as_of_view;
      case NodeKind::Unknown:
      case NodeKind::At: return missing_view;  // At: never here (batch_supported)
      case NodeKind::Neg: {
        const View a = eval(nd.a);
        Out o = numbers();
        for (std::size_t i = 0; i < n; ++i) {
          o.state[i] = a.state[i];
          o.x[i] = -a.x[i];
          o.lo[i] = -a.hi[i];
          o.hi[i] = -a.lo[i];
        }
        return o.view();
      }
      case NodeKind::Not: {
        const View a = eval(nd.a);
        uint8_t* out = states();
        for (std::size_t i = 0; i < n; ++i) out[i] = kleene_not(a.state[i]);
        return states_view(out);
      }
      case NodeKind::And:
      case NodeKind::Or: {
        uint8_t* out = states();
        const bool is_and = nd.kind == NodeKind::And;
        std::fill(out, out + n, is_and ? kTrue : kFalse);
        for (int32_t k : nd.kids) {
          const View v = eval(k);
          if (is_and) {
            for (std::size_t i = 0; i < n; ++i) out[i] = kleene_and(out[i], v.state[i]);
          } else {
            for (std::size_t i = 0; i < n; ++i) out[i] = kleene_or(out[i], v.state[i]);
          }
        }
        return states_view(out);
      }
      case NodeKind::Arith: {
        View acc = eval(nd.kids[0]);
        for (std::size_t k = 1; k < nd.kids.size(); ++k) {
          const View rhs = eval(nd.kids[k]);
          acc = arith2(nd.ops[k - 1], acc, rhs);
        }
        return acc;
      }
      case NodeKind::Compare: return compare(index, nd);
      case NodeKind::CompareFieldConst: return compare_field_const(nd);
      case NodeKind::IsStatus:
      case NodeKind::IsStatusField: {
        const View a = nd.kind == NodeKind::IsStatus ? eval(nd.a) : field(nd.a);
        const TK type = nd.kind == NodeKind::IsStatus ? nodes[static_cast<std::size_t>(nd.a)].type : columns.find(nd.a)->kind;
        // A number's or a tier's range is open when it holds more than one value; a date's never is.
        const bool ranged = (type == TK::Quantity || type == TK::Tier) && a.lo && a.hi;
        const auto test = static_cast<ast::StatusTest>(nd.b);
        uint8_t* out = states();
        for (std::size_t i = 0; i < n; ++i) {
          const std::size_t j = a.constant ? 0 : i;
          const uint8_t s = a.state[j];
          const bool open = s == kUndecided || (s < kUndecided && ranged && a.lo[j] != a.hi[j]);
          out[i] = status_test_holds(test, nd.k.boolean, s == kMissing, open) ? kTrue : kFalse;
        }
        return states_view(out);
      }
      case NodeKind::ObligationKind: {
        uint8_t* out = states();
        std::fill(out, out + n, kFalse);
        for (int32_t s : cp.kind_sites_[nd.a]) {
          const auto site = static_cast<std::size_t>(s);
          const View applies = obligation_applies(cp.sites_[site]);
          const View v = obligation_incurred(site, applies);
          for (std::size_t i = 0; i < n; ++i) out[i] = kleene_or(out[i], v.state[i]);
        }
        return states_view(out);
      }
      case NodeKind::Contains:
      case NodeKind::StartsWith:
      case NodeKind::ContainsFieldConst:
      case NodeKind::StartsWithFieldConst: {
        const bool field_const = nd.kind == NodeKind::ContainsFieldConst || nd.kind == NodeKind::StartsWithFieldConst;
        const View a = field_const ? field(nd.a) : eval(nd.a);
        const View b = field_const ? const_views[static_cast<std::size_t>(index)] : eval(nd.b);
        if (nd.kind == NodeKind::Contains || nd.kind == NodeKind::ContainsFieldConst)
          return text_test(index, a, b, [](const std::string& s, const std::string& t) { return s.find(t) != std::string::npos; });
        return text_test(index, a, b, [](const std::string& s, const std::string& t) { return s.starts_with(t); });
      }
      case NodeKind::TimeSince: {
        if (as_of == kNoDate) return missing_view;
        const View then = eval(nd.a);
        Out o = numbers();
        const double now = as_of;
        for (std::size_t i = 0; i < n; ++i) {
          o.state[i] = then.state[i] == kKnown ? kKnown : kMissing;
          o.x[i] = now - then.x[i];
          o.lo[i] = now - then.hi[i];
          o.hi[i] = now - then.lo[i];
        }
        return o.view();
      }
      case NodeKind::Min:
      case NodeKind::Max: {
        const View a = eval(nd.a);
        const View b = eval(nd.b);
        const bool is_min = nd.kind == NodeKind::Min;
        Out o = numbers();
        for (std::size_t i = 0; i < n; ++i) {
          const uint8_t sa = a.state[i], sb = b.state[i];
          o.state[i] = (sa != kKnown || sb != kKnown) ? unknown_of(sa, sb) : kKnown;
          o.x[i] = min_max_point(is_min, a.x[i], b.x[i]);
          o.lo[i] = is_min ? std::min(a.lo[i], b.lo[i]) : std::max(a.lo[i], b.lo[i]);
          o.hi[i] = is_min ? std::min(a.hi[i], b.hi[i]) : std::max(a.hi[i], b.hi[i]);
        }
        return o.view();
      }
      case NodeKind::Abs: {
        const View a = eval(nd.a);
        Out o = numbers();
        for (std::size_t i = 0; i < n; ++i) {
          o.state[i] = a.state[i];
          const double lo = a.lo[i], hi = a.hi[i];
          o.x[i] = std::fabs(a.x[i]);
          o.lo[i] = (lo <= 0 && hi >= 0) ? 0 : std::min(std::fabs(lo), std::fabs(hi));
          o.hi[i] = std::max(std::fabs(lo), std::fabs(hi));
        }
        return o.view();
      }
      case NodeKind::Progress: return progress(nd);
      case NodeKind::Within: {
        const View a = eval(nd.a);
        if (nodes[nd.a].type != TK::Quantity) return a;  // not a number: the value as it is
        Out o = numbers();
        for (std::size_t i = 0; i < n; ++i) {
          o.state[i] = a.state[i];
          o.x[i] = a.x[i];
          o.lo[i] = std::min(a.x[i], nd.k.lo);
          o.hi[i] = std::max(a.x[i], nd.k.hi);
        }
        return o.view();
      }
    }
    return missing_view;
  }

  View compare(int32_t index, const Node& nd) {
    const std::size_t n = lanes;
    const View a = eval(nd.a);
    const View b = eval(nd.b);
    const TK ta = nodes[nd.a].type, tb = nodes[nd.b].type;
    const ast::Op op = nd.op;
    if (ta == TK::Text || tb == TK::Text) {
      if (op != ast::Op::Eq && op != ast::Op::Ne) return unknowns(a, b);
      const bool eq = op == ast::Op::Eq;
      if (b.column && a.constant)
        return text_test(index, b, a, [eq](const std::string& s, const std::string& t) { return (s == t) == eq; });
      return text_test(index, a, b, [eq](const std::string& s, const std::string& t) { return (s == t) == eq; });
    }
    uint8_t* out = states();
    if (ta == TK::Bool || tb == TK::Bool) {
      for (std::size_t i = 0; i < n; ++i) {
        const uint8_t sa = a.state[i], sb = b.state[i];
        if (unknown(sa) || unknown(sb)) {
          out[i] = unknown_of(sa, sb);
        } else if (op == ast::Op::Eq || op == ast::Op::Ne) {
          out[i] = (sa == sb) == (op == ast::Op::Eq) ? kTrue : kFalse;
        } else {
          out[i] = kMissing;
        }
      }
      return states_view(out);
    }
    if (ta == TK::Tier && tb == TK::Tier) {
      // By the sets of tiers each may be in, as Evaluator::compare (interval_ops.hpp).
      for (std::size_t i = 0; i < n; ++i) {
        const std::size_t ia = a.constant ? 0 : i, ib = b.constant ? 0 : i;
        const uint8_t sa = a.state[ia], sb = b.state[ib];
        const TierSet ra = a.reach ? a.reach[ia] : 0, rb = b.reach ? b.reach[ib] : 0;
        const Tri r = ra && rb ? compare_tier_sets(op, ra, rb) : Tri::Unknown;
        out[i] = r == Tri::True ? kTrue : r == Tri::False ? kFalse : (unknown(sa) || unknown(sb)) ? unknown_of(sa, sb) : kUndecided;
      }
      return states_view(out);
    }
    if (b.constant)
      compare_lanes<true>(op, n, a.state, a.lo, a.hi, b.state, b.lo, b.hi, out);
    else
      compare_lanes<false>(op, n, a.state, a.lo, a.hi, b.state, b.lo, b.hi, out);
    return states_view(out);
  }

  // Unknown for every lane: undecided or missing from the operands; missing where both are known
  // (an operation with no answer, as the scalar evaluator's unknown()).
  View unknowns(const View& a, const View& b) {
    const std::size_t n = lanes;
    uint8_t* out = states();
    for (std::size_t i = 0; i < n; ++i) {
      const uint8_t sa = a.state[i], sb = b.state[i];
      out[i] = (unknown(sa) || unknown(sb)) ? unknown_of(sa, sb) : kMissing;
    }
    return states_view(out);
  }

  // `field op constant` (batch_supported admits a number or date column with a number or date
  // constant, and a bool column with a bool constant).
  View compare_field_const(const Node& nd) {
    const std::size_t n = lanes;
    const View a = field(nd.a);
    uint8_t* out = states();
    const ast::Op op = nd.op;
    if (columns.find(nd.a)->kind == TK::Bool) {
      const uint8_t k = nd.k.boolean ? kTrue : kFalse;
      const bool is_eq = op == ast::Op::Eq, is_ne = op == ast::Op::Ne;
      for (std::size_t i = 0; i < n; ++i) {
        const uint8_t s = a.state[i];
        out[i] = unknown(s) ? kMissing : (is_eq || is_ne) ? ((s == k) == is_eq ? kTrue : kFalse) : kMissing;
      }
      return states_view(out);
    }
    // A record's unknown value is missing, never undecided: the constant's state is known.
    const uint8_t known = kKnown;
    compare_lanes<true>(op, n, a.state, a.lo, a.hi, &known, &nd.k.lo, &nd.k.hi, out);
    return states_view(out);
  }

  View progress(const Node& nd) {
    const std::size_t n = lanes;
    if (p.released_field < 0) return missing_view;
    const View released = field(p.released_field);
    const View h = eval(nd.a);
    const View s = eval(nd.b);
    Out o = numbers();
    for (std::size_t i = 0; i < n; ++i) {
      const uint8_t sr = released.state[i], sh = h.state[i], ss = s.state[i];
      if (sr != kKnown || sh != kKnown || ss != kKnown) {
        o.state[i] = (sr == kMissing || sh == kMissing || ss == kMissing) ? kMissing : kUndecided;
        continue;
      }
      if (h.lo[i] <= 0) {
        o.state[i] = kMissing;
        continue;
      }
      const double elapsed = released.x[i] - s.x[i];
      const double a = std::exp2(elapsed / h.lo[i]), b = std::exp2(elapsed / h.hi[i]);
      o.state[i] = kKnown;
      o.x[i] = std::exp2(elapsed / h.x[i]);
      o.lo[i] = std::min(a, b);
      o.hi[i] = std::max(a, b);
    }
    return o.view();
  }

  // --- One reading's verdicts -------------------------------------------------------------

  void begin_reading(std::size_t r) {
    reading = r;
    arena.reset();
    if (++gen == 0) {  // wrapped: forget every memo rather than trust old stamps
      std::fill(stamp.begin(), stamp.end(), 0);
      gen = 1;
    }
  }

  // Each column's cell of each lane, handed to sink(lane, column, value, status). Obligations:
  // one not imposed on a record is "false", definite (as CompiledRun has it; it is left out of
  // reports, which the table does not say); since its `applies` is false, so is `incurred`.
  template <class Sink>
  void reading_cells(Sink&& sink) {
    const std::size_t n = lanes;
    static constexpr int16_t kValue[4] = {0, 1, -1, -1};
    static constexpr Status kStatus[4] = {Status::Definite, Status::Definite, Status::Possible, Status::Unknown};
    std::size_t col = 0;
    for (int32_t l = 0; l < static_cast<int32_t>(p.ladders.size()); ++l, ++col) {
      const View v = ladder(l);
      const auto none = static_cast<int16_t>(p.ladders[l].decl->tiers.size());
      for (std::size_t i = 0; i < n; ++i) {
        const uint8_t s = v.state[i];
        const double x = v.x[i];
        const int16_t tier = x == kNoPointTier ? int16_t{-1} : x < 0 ? none : static_cast<int16_t>(x);
        const Status known = v.lo[i] != v.hi[i] ? Status::Possible : Status::Definite;
        sink(i, col, s != kKnown ? int16_t{-1} : tier, s != kKnown ? kStatus[s] : known, true);
      }
    }
    auto bools = [&](const View& v) {
      for (std::size_t i = 0; i < n; ++i) sink(i, col, kValue[v.state[i]], kStatus[v.state[i]], true);
      ++col;
    };
    for (int32_t t = 0; t < static_cast<int32_t>(p.triggers.size()); ++t) bools(trigger(t));
    for (int32_t e = 0; e < static_cast<int32_t>(p.exemptions.size()); ++e) bools(exemption(e));
    for (std::size_t site = 0; site < cp.sites_.size(); ++site, ++col) {
      const View applies = obligation_applies(cp.sites_[site]);
      const View incurred = obligation_incurred(site, applies);
      for (std::size_t i = 0; i < n; ++i)
        sink(i, col, kValue[incurred.state[i]], kStatus[incurred.state[i]], applies.state[i] != kFalse);
    }
  }

  // The cells of the batch [first, first + count) into out[i * columns + k], made by
  // put(cell, value, status, robust, shown, depends).
  template <class CellT, class Put>
  void cells(std::size_t first_record, std::size_t count, CellT* out, Put&& put) {
    first = first_record;
    lanes = std::min(count, capacity);
    const Readings& readings = cp.readings();
    const std::size_t cols = cp.columns().size();
    if (readings.size() == 1) {
      begin_reading(0);
      reading_cells([&](std::size_t i, std::size_t k, int16_t value, Status status, bool shown) {
        put(out[i * cols + k], value, status, true, shown, uint64_t{0});
      });
      return;
    }
    // Lane i's cells, reading by reading, then folded as CompiledRun::evaluate folds them.
    const std::size_t lane_block = readings.size() * cols;
    for (std::size_t r = 0; r < readings.size(); ++r) {
      begin_reading(r);
      Cell* base = per_reading.data() + r * cols;
      reading_cells([&](std::size_t i, std::size_t k, int16_t value, Status status, bool shown) {
        Cell& c = base[i * lane_block + k];
        c = Cell{};
        c.value = value;
        c.status = status;
        c.shown = shown;
      });
    }
    folded.resize(cols);
    for (std::size_t i = 0; i < lanes; ++i) {
      fold_readings(readings, per_reading.data() + i * lane_block, cols, folded.data());
      for (std::size_t k = 0; k < cols; ++k) {
        const Cell& f = folded[k];
        put(out[i * cols + k], f.value, f.status, f.robust, f.shown, f.depends);
      }
    }
  }
  std::vector<Cell> folded;
};

namespace {

// The slot whose values (not only its states) a node reads, or -1.
int32_t slot_valued(const CompiledPolicy& cp, const CompiledPolicy::Node& nd) {
  switch (nd.kind) {
    case NodeKind::Field:
    case NodeKind::CompareFieldConst:
    case NodeKind::ContainsFieldConst:
    case NodeKind::StartsWithFieldConst: return nd.a;
    case NodeKind::Progress: return cp.program().released_field;
    // Whether a value is known needs its state only; whether its range is open needs the range.
    case NodeKind::IsStatusField: return static_cast<ast::StatusTest>(nd.b) == ast::StatusTest::Known ? -1 : nd.a;
    default: return -1;
  }
}

}  // namespace

std::vector<ColumnRequest> batch_columns(const CompiledPolicy& cp) {
  const auto& slots = cp.slots_evaluated();
  std::vector<ColumnRequest> out;
  for (int32_t slot : slots) out.push_back({slot, true});
  for (const auto& nd : cp.nodes()) {
    const int32_t slot = slot_valued(cp, nd);
    for (auto& req : out)
      if (req.slot == slot) req.state_only = false;
  }
  return out;
}

bool batch_supported(const CompiledPolicy& cp, const Columns& columns, std::size_t step_limit) {
  if (cp.uses_references()) return false;
  // Each rule is computed at most once per record and reading: a limit of at least the number
  // of rules is never reached (CompiledRun counts one step per rule computed).
  if (step_limit < static_cast<std::size_t>(cp.memo_size_)) return false;
  for (int32_t slot : cp.slots_evaluated())
    if (!columns.find(slot)) return false;
  const auto& nodes = cp.nodes();
  for (const auto& nd : nodes) {
    if (const int32_t slot = slot_valued(cp, nd); slot >= 0 && (!columns.find(slot) || columns.find(slot)->state_only))
      return false;  // (records loaded for another policy that only asked whether it is known)
    switch (nd.kind) {
      case NodeKind::At: return false;
      case NodeKind::TimeSince:
        if (nd.b >= 0 || nd.a < 0 || nodes[static_cast<std::size_t>(nd.a)].type != TK::Date) return false;
        break;
      case NodeKind::Progress:
        if (cp.program().released_field >= 0 && !columns.find(cp.program().released_field)) return false;
        break;
      case NodeKind::CompareFieldConst: {
        const FieldColumn* col = columns.find(nd.a);
        if (!col) return false;
        const bool number_const = nd.k.kind == Value::Kind::Number || nd.k.kind == Value::Kind::Date;
        if (col->kind == TK::Bool ? nd.k.kind != Value::Kind::Bool : !(numeric(col->kind) && number_const)) return false;
        break;
      }
      case NodeKind::Field:
      case NodeKind::IsStatusField:
      case NodeKind::ContainsFieldConst:
      case NodeKind::StartsWithFieldConst:
        if (!columns.find(nd.a)) return false;
        if ((nd.kind == NodeKind::ContainsFieldConst || nd.kind == NodeKind::StartsWithFieldConst) &&
            (columns.find(nd.a)->kind != TK::Text || !nd.k.text))
          return false;
        break;
      case NodeKind::Compare:
      case NodeKind::Min:
      case NodeKind::Max:
        if (nd.a < 0 || nd.b < 0) return false;
        break;
      default: break;
    }
  }
  return true;
}

BatchRun::BatchRun(const CompiledPolicy& cp, const Columns& columns, int32_t as_of, std::size_t max_records)
    : s_(std::make_unique<State>(cp, columns, as_of, max_records)) {}

BatchRun::~BatchRun() = default;

void BatchRun::evaluate(std::size_t first, std::size_t n, VerdictCell* out) {
  s_->cells(first, n, out, [](VerdictCell& c, int16_t value, Status status, bool robust, bool, uint64_t) {
    c = VerdictCell{value, status, robust};
  });
}

void BatchRun::evaluate(std::size_t first, std::size_t n, Cell* out) {
  s_->cells(first, n, out, [](Cell& c, int16_t value, Status status, bool robust, bool shown, uint64_t depends) {
    c.value = value;
    c.status = status;
    c.robust = robust;
    c.shown = shown;
    c.depends = depends;
  });
}

std::size_t BatchRun::lanes() const { return s_->capacity; }

std::size_t BatchRun::max_lanes(const CompiledPolicy& cp) { return State::lanes_for(cp); }

void BatchRun::columns_changed() {
  for (auto& caches : s_->text_cache) caches.clear();
}

}  // namespace scalepol::eval
