// Syntax stage (internal): type references.
#include "builder.h"

namespace loge::syntax::internal {

namespace {
ast::ExprPtr numberLiteral(const std::string& text, SourceRange r) {
  auto e = std::make_unique<ast::Expr>(ast::Expr::Kind::Number, r);
  e->text = text;
  return e;
}
} // namespace

// typeRef : baseType '?'? | LISTE DE typeRef listBound?
ast::TypeRefPtr Builder::buildType(P::TypeRefContext* ctx) {
  auto t = std::make_unique<ast::TypeRef>();
  t->range = rangeOf(ctx);
  if (auto* l = dynamic_cast<P::TypeListContext*>(ctx)) {
    t->kind = ast::TypeRef::Kind::List;
    t->element = buildType(l->typeRef());
    if (auto* b = l->listBound()) t->lowerBound = numberLiteral(numberText(b->INT_LIT()), rangeOf(b));
    return t;
  }
  auto* s = dynamic_cast<P::TypeSimpleContext*>(ctx);
  t->optional = s->children.size() > 1; // baseType '?'
  auto* b = s->baseType();
  using K = ast::TypeRef::Kind;
  auto bound = [&](P::ValueBoundContext* vb) {
    if (vb) t->lowerBound = buildLiteral(vb->literal());
  };
  if (dynamic_cast<P::TypeBoolContext*>(b)) {
    t->kind = K::Bool;
  } else if (auto* i = dynamic_cast<P::TypeIntContext*>(b)) {
    t->kind = K::Int;
    if (auto* ib = i->intBound()) {
      if (auto* range = dynamic_cast<P::IntRangeContext*>(ib)) {
        t->lowerBound = numberLiteral(numberText(range->INT_LIT(0)), rangeOf(range->INT_LIT(0)));
        if (range->INT_LIT().size() > 1)
          t->upperBound = numberLiteral(numberText(range->INT_LIT(1)), rangeOf(range->INT_LIT(1)));
      } else {
        auto* al = dynamic_cast<P::IntAtLeastContext*>(ib);
        std::string n = numberText(al->signedNumber()->INT_LIT());
        if (al->signedNumber()->MINUS()) n = "-" + n;
        t->lowerBound = numberLiteral(n, rangeOf(al->signedNumber()));
      }
    }
  } else if (auto* d = dynamic_cast<P::TypeDecimalContext*>(b)) {
    t->kind = K::Decimal;
    bound(d->valueBound());
  } else if (auto* m = dynamic_cast<P::TypeMoneyContext*>(b)) {
    t->kind = K::Decimal;
    t->unit = m->MENSUEL() ? ast::Unit::EuroPerMonth : m->ANNUEL() ? ast::Unit::EuroPerYear : ast::Unit::Euro;
    bound(m->valueBound());
  } else if (auto* sf = dynamic_cast<P::TypeSurfaceContext*>(b)) {
    t->kind = K::Decimal;
    t->unit = ast::Unit::SquareMetre;
    bound(sf->valueBound());
  } else if (dynamic_cast<P::TypePointsContext*>(b)) {
    t->kind = K::Decimal;
    t->unit = ast::Unit::Points;
  } else if (dynamic_cast<P::TypeDateContext*>(b)) {
    t->kind = K::Date;
  } else if (auto* d = dynamic_cast<P::TypeDurationContext*>(b)) {
    t->kind = K::Duration;
    if (d->MOIS())
      t->durationUnit = ast::TypeRef::DurationUnit::Months;
    else if (d->JOURS())
      t->durationUnit = ast::TypeRef::DurationUnit::Days;
  } else if (dynamic_cast<P::TypeTextContext*>(b)) {
    t->kind = K::Text;
  } else {
    t->kind = K::Named;
    auto* c = dynamic_cast<P::TypeNamedContext*>(b);
    t->name.parts.push_back(ast::Ident{c->typeIdent()->getStart()->getText(), rangeOf(c->typeIdent())});
    for (auto* i : c->ident()) t->name.parts.push_back(ident(i));
    t->name.range = rangeOf(c);
  }
  return t;
}

} // namespace loge::syntax::internal
