#include "check/exact_scale.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <system_error>
#include <vector>

namespace scalepol::check {
namespace {

// A decimal: (-1)^negative × digits × 10^exponent, digits without leading zeros.
struct Decimal {
  std::string digits;
  int exponent = 0;
  bool negative = false;
};

// The shortest text that reads back as v (std::to_chars), as a Decimal.
bool to_decimal(double v, Decimal& out) {
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  if (ec != std::errc()) return false;
  const char* p = buf;
  if (p < end && *p == '-') {
    out.negative = true;
    ++p;
  }
  int fraction_digits = 0;
  bool in_fraction = false;
  for (; p < end && *p != 'e'; ++p) {
    if (*p == '.') {
      in_fraction = true;
      continue;
    }
    if (*p < '0' || *p > '9') return false;
    if (!(out.digits.empty() && *p == '0')) out.digits += *p;
    if (in_fraction) ++fraction_digits;
  }
  int exponent = 0;
  if (p < end) {  // 'e', then a sign and digits
    const char* q = p + 1;
    if (q < end && *q == '+') ++q;
    if (std::from_chars(q, end, exponent).ec != std::errc()) return false;
  }
  out.exponent = exponent - fraction_digits;
  return true;
}

// The product of two digit strings, schoolbook: at most 17 digits each.
std::string multiply(const std::string& a, const std::string& b) {
  std::vector<uint32_t> acc(a.size() + b.size(), 0);
  for (std::size_t i = a.size(); i-- > 0;)
    for (std::size_t j = b.size(); j-- > 0;)
      acc[i + j + 1] += static_cast<uint32_t>(a[i] - '0') * static_cast<uint32_t>(b[j] - '0');
  for (std::size_t k = acc.size(); k-- > 1;) {
    acc[k - 1] += acc[k] / 10;
    acc[k] %= 10;
  }
  std::string out;
  for (uint32_t d : acc)
    if (!(out.empty() && d == 0)) out += static_cast<char>('0' + d);
  return out;
}

// Significant digits of a decimal's digit string.
std::size_t significant(const std::string& digits) {
  std::size_t n = digits.size();
  while (n > 0 && digits[n - 1] == '0') --n;
  return n;
}

// A factor whose shortest text is long (0.041666666666666664) is most often a simple fraction
// (an hour is 1/24 day, a second 1/86400): the first convergent p/q of its continued fraction,
// q at most a million, that rounds to it. False when there is none.
bool simple_fraction(double s, double& p, double& q) {
  double h0 = 0, h1 = 1, k0 = 1, k1 = 0, x = s;
  for (int i = 0; i < 64; ++i) {
    const double a = std::floor(x);
    const double h2 = a * h1 + h0, k2 = a * k1 + k0;
    if (k2 > 1e6 || h2 > 9007199254740992.0) return false;
    if (h2 / k2 == s) {
      p = h2;
      q = k2;
      return true;
    }
    const double rest = x - a;
    if (rest <= 0) return false;
    x = 1 / rest;
    h0 = h1, h1 = h2, k0 = k1, k1 = k2;
  }
  return false;
}

// digits × 10^exponent ÷ divisor as decimal text with 40 significant digits, and a last `1` when
// the division is not exact, so that rounding the text to binary64 rounds the exact quotient.
std::string divide(const std::string& digits, int exponent, uint64_t divisor) {
  std::string out;
  uint64_t rest = 0;
  for (char c : digits) {
    rest = rest * 10 + static_cast<uint64_t>(c - '0');
    const auto d = static_cast<char>('0' + rest / divisor);
    if (!(out.empty() && d == '0')) out += d;
    rest %= divisor;
  }
  while (rest != 0 && out.size() < 40) {
    rest *= 10;
    const auto d = static_cast<char>('0' + rest / divisor);
    if (!(out.empty() && d == '0')) out += d;
    rest %= divisor;
    --exponent;
  }
  if (rest != 0) {
    out += '1';
    --exponent;
  }
  if (out.empty()) out = "0";
  return out + "e" + std::to_string(exponent);
}

}  // namespace

namespace {

// How a scale is multiplied by: its decimal, or the simple fraction p/q it is. Worked out once per
// scale (a load scales a column's every cell by the same one).
struct ScaleForm {
  double scale = 0;
  bool usable = false;
  bool fraction = false;
  Decimal decimal;      // the scale, or p when it is a fraction
  double p = 0, q = 1;
};

const ScaleForm& form_of(double scale) {
  thread_local ScaleForm form;
  if (form.scale == scale && form.usable) return form;
  form = ScaleForm{};
  form.scale = scale;
  Decimal d;
  if (!to_decimal(std::fabs(scale), d) || d.digits.empty()) return form;
  if (significant(d.digits) > 15 && simple_fraction(std::fabs(scale), form.p, form.q) && form.q > 1) {
    form.fraction = true;
    Decimal p;
    if (!to_decimal(form.p, p) || p.digits.empty()) return form;
    form.decimal = std::move(p);
  } else {
    form.decimal = std::move(d);
  }
  form.usable = true;
  return form;
}

constexpr double kExactIntegers = 9007199254740992.0;  // 2^53: every integer below is a binary64

}  // namespace

double scaled_exactly(double x, double scale) {
  const double rounded = x * scale;
  if (scale == 1.0 || x == 0.0 || !std::isfinite(x) || !std::isfinite(scale) || !std::isnormal(rounded))
    return rounded;
  const ScaleForm& form = form_of(scale);
  if (!form.usable) return rounded;
  const bool negative = (x < 0) != (scale < 0);
  // An integer x (a count, whole hours) is its own decimal: binary64 is exact while the products
  // stay below 2^53, and one division rounds p·x/q once.
  if (x == std::trunc(x) && std::fabs(x) < kExactIntegers) {
    if (form.fraction && std::fabs(x) * form.p < kExactIntegers) return (negative ? -1 : 1) * (std::fabs(x) * form.p / form.q);
    if (!form.fraction && scale == std::trunc(scale) && std::fabs(rounded) < kExactIntegers) return rounded;
  }
  Decimal a;
  if (!to_decimal(std::fabs(x), a) || a.digits.empty()) return rounded;
  const std::string sign = negative ? "-" : "";
  const Decimal& b = form.decimal;
  const std::string text =
      form.fraction
          ? sign + divide(multiply(a.digits, b.digits), a.exponent + b.exponent, static_cast<uint64_t>(form.q))
          : sign + multiply(a.digits, b.digits) + "e" + std::to_string(a.exponent + b.exponent);
  double out = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isnormal(out)) return rounded;
  return out;
}

}  // namespace scalepol::check
