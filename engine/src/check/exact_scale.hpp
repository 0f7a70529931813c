// A number restated in another unit, as a person would: 0.57 of a 0..1 scale is 57 pp, not the
// 56.99999999999999 that binary64 multiplication gives (0.57 has no exact binary64 value, and
// the product of the nearest one by 100 rounds below 57). Each factor is taken as the decimal its
// shortest text writes (`0.57`, `100`, `8.64e19`), the product is computed exactly in decimal,
// and rounded once to binary64. docs/semantics.md, §3 "Units".
#pragma once

namespace scalepol::check {

// x × scale, the exact product of their shortest decimal texts rounded to the nearest binary64;
// a scale whose shortest text is long and that is a simple fraction p/q (an hour, 1/24 day) is
// taken as that fraction.
// x × scale in binary64 when either is not finite, or the product is not a normal binary64
// (an infinity or a subnormal: the caller decides what is out of range).
double scaled_exactly(double x, double scale);

}  // namespace scalepol::check
