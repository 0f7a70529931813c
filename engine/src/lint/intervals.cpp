#include "lint/intervals.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <limits>

#include "model/describe.hpp"

namespace scalepol::linter {

bool Interval::empty() const {
  if (lo > hi) return true;
  return lo == hi && !(lo_closed && hi_closed);
}

bool Interval::contains(double v) const {
  if (v < lo || (v == lo && !lo_closed)) return false;
  if (v > hi || (v == hi && !hi_closed)) return false;
  return true;
}

bool Interval::lower_tighter_than(const Interval& o) const {
  return lo > o.lo || (lo == o.lo && !lo_closed && o.lo_closed);
}

bool Interval::upper_tighter_than(const Interval& o) const {
  return hi < o.hi || (hi == o.hi && !hi_closed && o.hi_closed);
}

Interval Interval::intersect(const Interval& o) const {
  Interval r = *this;
  if (o.lower_tighter_than(r)) {
    r.lo = o.lo;
    r.lo_closed = o.lo_closed;
  }
  if (o.upper_tighter_than(r)) {
    r.hi = o.hi;
    r.hi_closed = o.hi_closed;
  }
  return r;
}

double natural_minimum(ast::Dim d) {
  using ast::Dim;
  switch (d) {
    case Dim::Compute:
    case Dim::ComputeRate:
    case Dim::Money:
    case Dim::Score:
    case Dim::Params:
    case Dim::Tokens:
    case Dim::Users: return 0;
    default: return -kInf;
  }
}

Interval natural_domain(ast::Dim d) {
  double lo = natural_minimum(d);
  return Interval::from(lo, std::isfinite(lo));
}

Interval tier_interval(const check::TierRange& r) {
  Interval i;
  if (r.has_lo) {
    i.lo = r.lo;
    i.lo_closed = r.lo_inclusive;
  }
  if (r.has_hi) {
    i.hi = r.hi;
    i.hi_closed = r.hi_inclusive;
  }
  return i;
}

std::vector<Interval> uncovered(const Interval& domain, std::vector<Interval> parts) {
  // Sweep the parts in order of their lower ends; `rest` is what of the domain lies above every
  // part swept so far. Whatever of `rest` lies below the next part's lower end is a gap.
  std::sort(parts.begin(), parts.end(), [](const Interval& a, const Interval& b) { return b.lower_tighter_than(a); });
  std::vector<Interval> gaps;
  Interval rest = domain;
  for (const auto& part : parts) {
    if (part.empty()) continue;
    if (rest.empty()) break;
    Interval gap = rest.intersect(Interval{-kInf, part.lo, false, !part.lo_closed});
    if (!gap.empty()) gaps.push_back(gap);
    rest = rest.intersect(Interval{part.hi, kInf, !part.hi_closed, false});
  }
  if (!rest.empty()) gaps.push_back(rest);
  return gaps;
}

namespace {

// m × 10^k, parsed from its decimal text so that 2e24 is the double a reader would write.
double decimal(long long m, int k) { return std::strtod(fmt::format("{}e{}", m, k).c_str(), nullptr); }

}  // namespace

double roundest_between(double a, double b) {
  // Ends past the largest double (a gap above 1.8e307 asks for one ten times above it) are taken
  // at the largest double, so every step below stays finite and fits its integer.
  constexpr double kMax = std::numeric_limits<double>::max();
  a = std::clamp(a, -kMax, kMax);
  b = std::clamp(b, -kMax, kMax);
  const double magnitude = std::max(std::fabs(a), std::fabs(b));
  const int top = magnitude > 0 ? static_cast<int>(std::floor(std::log10(magnitude))) + 1 : 0;
  // From the coarsest step down: the first multiple of 10^k strictly inside (a, b).
  for (int k = top; k > top - 17; --k) {  // 17 digits: as fine as a double goes
    const double unit = std::pow(10.0, k);
    const long long m = static_cast<long long>(std::floor(a / unit)) + 1;
    double c = decimal(m, k);
    if (c <= a) c = decimal(m + 1, k);
    if (c > a && c < b) return c;
  }
  return a + (b - a) / 2;
}

double witness(const Interval& i) {
  if (i.lo_closed) return i.lo;
  if (i.hi_closed) return i.hi;
  const bool lo_finite = std::isfinite(i.lo), hi_finite = std::isfinite(i.hi);
  if (lo_finite && hi_finite) return roundest_between(i.lo, i.hi);
  if (lo_finite) return i.lo < 0 ? 0 : (i.lo == 0 ? 1 : roundest_between(i.lo, i.lo * 10));
  if (hi_finite) return i.hi > 0 ? 0 : (i.hi == 0 ? -1 : roundest_between(i.hi * 10, i.hi));
  return 0;
}


std::string describe_interval(const Interval& i, ast::Dim d) {
  auto q = [&](double v) { return model::format_quantity(v, d); };
  if (i.is_point()) return "exactly " + q(i.lo);
  std::string s;
  if (std::isfinite(i.lo)) s += fmt::format("{} {}", i.lo_closed ? "from" : "above", q(i.lo));
  if (std::isfinite(i.hi)) s += fmt::format("{}{} {}", s.empty() ? "" : " ", i.hi_closed ? "up_to" : "below", q(i.hi));
  return s.empty() ? "every value" : "`" + s + "`";
}

const check::Ladder* ladder_of(const check::Program& p, const ast::TiersDecl& decl) {
  // The checker lays the ladders out module by module, each module's in the order written, so
  // the place of `decl` among its module's tiers gives its ladder without a scan of them all
  // (which, for each of n ladders, cost n^2). The scan stays for a program laid out otherwise.
  std::size_t offset = 0;
  const std::less<const ast::TiersDecl*> before;
  for (const auto& mod : p.modules) {
    const auto& all = mod->tiers;
    if (!all.empty() && !before(&decl, all.data()) && before(&decl, all.data() + all.size())) {
      const std::size_t at = offset + static_cast<std::size_t>(&decl - all.data());
      if (at < p.ladders.size() && p.ladders[at].decl == &decl)
        return p.ladders[at].ranges.size() == decl.tiers.size() ? &p.ladders[at] : nullptr;
      break;
    }
    offset += all.size();
  }
  for (const auto& l : p.ladders)
    if (l.decl == &decl) return l.ranges.size() == decl.tiers.size() ? &l : nullptr;
  return nullptr;
}

std::optional<ast::Dim> axis_dim(const ast::TiersDecl& decl) {
  if (!decl.by || decl.by->type.kind != ast::TypeKind::Quantity) return std::nullopt;
  return decl.by->type.dim;
}

const ast::TierBound* explicit_bound(const ast::TierDecl& tier, bool lower) {
  for (const auto& b : tier.bounds) {
    const bool is_lower = b.kind == ast::BoundKind::Above || b.kind == ast::BoundKind::From;
    if (is_lower == lower && b.value && constant_value(*b.value)) return &b;
  }
  return nullptr;
}

std::string bound_text(const ast::TierBound& b, ast::Dim d) {
  const char* word = "";
  switch (b.kind) {
    case ast::BoundKind::Below: word = "below"; break;
    case ast::BoundKind::UpTo: word = "up_to"; break;
    case ast::BoundKind::Above: word = "above"; break;
    case ast::BoundKind::From: word = "from"; break;
  }
  return fmt::format("{} {}", word, model::format_quantity(b.value ? constant_value(*b.value).value_or(0) : 0, d));
}

}  // namespace scalepol::linter
