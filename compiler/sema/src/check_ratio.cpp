// Semantic stage (internal): W0006, a taux compared with a percentage
// written as a plain number. `loyer ÷ ressources` is 0,35 for 35 %; against
// `35`, a parameter worth 35, or barème bands `de 30 à moins de 40`, the
// comparison is always true (or false), and nothing at run time says so.
#include "checker.h"

#include <fmt/format.h>

namespace loge::sema::internal {

using ir::Op;
using ir::TypeKind;

namespace {

// A plain number a jurist would write for a percentage: 5 to 100. Below 5
// the number may well be a taux (`1,5` for 150 %), so it is not flagged.
bool percentLike(num::Decimal v) { return !(v < num::Decimal::fromInt(5)) && !(num::Decimal::fromInt(100) < v); }

std::string frenchNumber(num::Decimal v) {
  std::string s = v.toString();
  for (char& c : s)
    if (c == '.') c = ',';
  return s;
}

bool unitlessDecimal(const ir::Type* t) { return t && t->kind == TypeKind::Decimal && t->unit == ir::Unit::None; }

} // namespace

const ir::Expr* Checker::amountRatio(const ir::Expr* e, int depth) const {
  if (!e || depth > 8) return nullptr;
  switch (e->op) {
  case Op::DecimalDiv:
    return e->a && e->b && e->a->type->unit != ir::Unit::None && e->a->type->unit == e->b->type->unit ? e : nullptr;
  case Op::Call: {
    const ir::DefinitionDecl& d = program_->definitions[e->index];
    return d.paramTypes.empty() ? amountRatio(d.body.get(), depth + 1) : nullptr;
  }
  case Op::If: {
    // `si ressources = 0 € alors 100 % sinon loyer ÷ ressources`
    const ir::Expr* r = amountRatio(e->b.get(), depth + 1);
    return r ? r : amountRatio(e->c.get(), depth + 1);
  }
  case Op::Round: return amountRatio(e->a.get(), depth + 1);
  default: return nullptr;
  }
}

void Checker::warnRatioAgainstPercent(const ir::Expr& a, const ir::Expr& b, const ast::Expr& ea, const ast::Expr& eb) {
  auto literal = [](const ast::Expr& x) -> std::optional<num::Decimal> {
    if (x.kind != ast::Expr::Kind::Number || x.literalUnit != ast::LiteralUnit::None) return std::nullopt;
    auto v = num::Decimal::parse(x.text);
    return v && percentLike(*v) ? v : std::nullopt;
  };
  auto check = [&](const ir::Expr& ratioSide, const ir::Expr& other, const ast::Expr& otherSyntax) {
    const ir::Expr* ratio = amountRatio(&ratioSide, 0);
    if (!ratio) return false;
    const std::string unit = unitText(ratio->a->type->unit);
    if (literal(otherSyntax)) {
      Diagnostic& w = diags_.report(DiagKind::RatioAgainstPercentNumber, otherSyntax.range, unit, otherSyntax.text);
      w.hint = fmt::format("vouliez-vous dire `{} %` ?", otherSyntax.text);
      return true;
    }
    // A parameter whose value, in any period, was written without `%`.
    if (other.op == Op::Param && unitlessDecimal(other.type)) {
      const ir::ParameterDecl& p = program_->parameters[other.index];
      for (const ir::DatedValue& v : p.values) {
        if (v.value.kind != ir::Constant::Kind::Decimal || !percentLike(v.value.asDecimal())) continue;
        const std::string text = frenchNumber(v.value.asDecimal());
        Diagnostic& w = diags_.report(DiagKind::RatioAgainstPercentNumber, otherSyntax.range, unit, text);
        w.hint = fmt::format("écrivez la valeur du paramètre `{}` en pourcentage : `{} %`", p.name, text);
        w.notes.push_back({v.range, fmt::format("valeur de `{}`", p.name)});
        return true;
      }
    }
    return false;
  };
  if (!check(a, b, eb)) check(b, a, ea);
}

void Checker::warnRatioBaremeKey(const ir::Expr& key, const ast::Expr& keySyntax, const ir::ParameterDecl& p,
                                 std::size_t keyIndex) {
  const ir::TableKey& k = p.keys[keyIndex];
  if (k.kind != ir::TableKey::Kind::Band || !unitlessDecimal(k.type)) return;
  const ir::Expr* ratio = amountRatio(&key, 0);
  if (!ratio) return;
  // Row keys belong to the first key; a second Band key (columns) is not
  // kept as constants, so only the rows are examined.
  if (keyIndex != 0) return;
  for (const ir::DatedValue& v : p.values) {
    for (const ir::TableRowKey& row : v.table.rowKeys) {
      for (const auto& bound : {row.from, row.to}) {
        if (!bound || bound->kind != ir::Constant::Kind::Decimal || !percentLike(bound->asDecimal())) continue;
        const std::string text = frenchNumber(bound->asDecimal());
        Diagnostic& w =
            diags_.report(DiagKind::RatioAgainstPercentNumber, keySyntax.range, unitText(ratio->a->type->unit), text);
        w.hint = fmt::format("écrivez les bornes du barème `{}` en pourcentage, par exemple `de {} % à moins de …`",
                             p.name, text);
        w.notes.push_back({row.range, fmt::format("ligne du barème `{}`", p.name)});
        return;
      }
    }
  }
}

} // namespace loge::sema::internal
