#include "check/constant.hpp"

namespace scalepol::check {

std::optional<double> constant_value(const ast::Expr& e) {
  switch (e.kind) {
    case ast::ExprKind::Number: return e.value;
    case ast::ExprKind::Date: return static_cast<double>(e.date);
    case ast::ExprKind::Neg: {
      auto v = constant_value(*e.args[0]);
      return v ? std::optional<double>(-*v) : std::nullopt;
    }
    case ast::ExprKind::Arith: {
      auto acc = constant_value(*e.args[0]);
      for (std::size_t i = 1; acc && i < e.args.size(); ++i) {
        auto v = constant_value(*e.args[i]);
        if (!v) return std::nullopt;
        switch (e.ops[i - 1]) {
          case ast::Op::Add: *acc += *v; break;
          case ast::Op::Sub: *acc -= *v; break;
          case ast::Op::Mul: *acc *= *v; break;
          case ast::Op::Div:
            if (*v == 0) return std::nullopt;
            *acc /= *v;
            break;
          default: return std::nullopt;
        }
      }
      return acc;
    }
    default: return std::nullopt;
  }
}

}  // namespace scalepol::check
