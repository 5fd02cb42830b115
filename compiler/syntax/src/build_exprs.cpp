// Syntax stage (internal): expressions, one method per precedence level of
// grammar/Loge.g4 (lowest first: si/aggregates, ou, et, non, comparison,
// à défaut, + −, × ÷, unary −, postfix, primary).
#include "LogeLexer.h"
#include "builder.h"
#include "loge/syntax/parse.h"

namespace loge::syntax::internal {

namespace {
using K = ast::Expr::Kind;
using L = loge_antlr::LogeLexer;

ast::ExprPtr make(K kind, SourceRange r) { return std::make_unique<ast::Expr>(kind, r); }
} // namespace

ast::ExprPtr Builder::makeBinary(ast::BinaryOp op, ast::ExprPtr a, ast::ExprPtr b) {
  auto e = make(K::Binary, SourceRange::cover(a->range, b->range));
  e->binaryOp = op;
  e->a = std::move(a);
  e->b = std::move(b);
  return e;
}

// expr : si … | nombre de … | somme de … | maximum/minimum de … | premier …
//      | tous … | au moins un … | orExpr
namespace {
// Most expressions are a name or a number wrapped in one context per
// precedence level, each with a single child. The generated accessors
// would allocate a vector and dynamic_cast every child at every level; a
// context with one child can only hold the next level down (the tree comes
// from a successful parse), so it is followed directly.
template <class Next> Next* onlyChild(antlr4::ParserRuleContext* ctx) {
  return ctx->children.size() == 1 ? static_cast<Next*>(ctx->children[0]) : nullptr;
}
} // namespace

ast::ExprPtr Builder::buildExpr(P::ExprContext* ctx) {
  // plainExpr : orExpr (the other alternatives all start with a keyword)
  if (auto* next = onlyChild<P::OrExprContext>(ctx)) return buildOr(next);
  SourceRange r = rangeOf(ctx);
  if (auto* c = dynamic_cast<P::IfExprContext*>(ctx)) {
    auto e = make(K::If, r);
    e->a = buildExpr(c->expr(0));
    e->b = buildExpr(c->expr(1));
    e->c = buildExpr(c->expr(2));
    return e;
  }
  if (auto* c = dynamic_cast<P::CountExprContext*>(ctx)) {
    auto e = make(K::Aggregate, r);
    e->aggregate = ast::AggregateKind::Count;
    e->name = ident(c->ident());
    e->b = buildPostfix(c->postfix());
    if (c->expr()) e->c = buildExpr(c->expr());
    return e;
  }
  if (auto* c = dynamic_cast<P::SumExprContext*>(ctx)) {
    auto e = make(K::Aggregate, r);
    e->aggregate = ast::AggregateKind::Sum;
    e->a = buildExpr(c->expr(0));
    e->name = ident(c->ident());
    e->b = buildPostfix(c->postfix());
    if (c->expr().size() > 1) e->c = buildExpr(c->expr(1));
    return e;
  }
  if (auto* c = dynamic_cast<P::ExtremumExprContext*>(ctx)) {
    auto e = make(K::Aggregate, r);
    e->aggregate = c->MAXIMUM() ? ast::AggregateKind::Max : ast::AggregateKind::Min;
    e->a = buildExpr(c->expr(0));
    e->name = ident(c->ident());
    e->b = buildPostfix(c->postfix());
    if (c->expr().size() > 1) e->c = buildExpr(c->expr(1));
    return e;
  }
  if (auto* c = dynamic_cast<P::FirstExprContext*>(ctx)) {
    auto e = make(K::Aggregate, r);
    e->aggregate = ast::AggregateKind::First;
    e->name = ident(c->ident());
    e->b = buildPostfix(c->postfix());
    e->c = buildExpr(c->expr());
    return e;
  }
  if (auto* c = dynamic_cast<P::AllExprContext*>(ctx)) {
    auto e = make(K::Aggregate, r);
    e->aggregate = ast::AggregateKind::All;
    e->name = ident(c->ident());
    e->b = buildPostfix(c->postfix());
    e->c = buildExpr(c->expr());
    return e;
  }
  if (auto* c = dynamic_cast<P::AnyExprContext*>(ctx)) {
    auto e = make(K::Aggregate, r);
    e->aggregate = ast::AggregateKind::Any;
    e->name = ident(c->ident());
    e->b = buildPostfix(c->postfix());
    e->c = buildExpr(c->expr());
    return e;
  }
  auto* c = dynamic_cast<P::PlainExprContext*>(ctx);
  return buildOr(c->orExpr());
}

// Chains of binary operators (`a + b + …`) are flat in the parse tree but
// left-deep in the AST, and every later pass recurses once per operator:
// the operators of the chains being built, enclosing ones included, count
// against kMaxOperatorChain. Past it the chain is reported and only its
// first operand is built (the module has an error, so no later pass runs).
bool Builder::enterChain(std::size_t operands, antlr4::ParserRuleContext* ctx) {
  std::size_t operators = operands - 1;
  if (chainDepth_ + operators <= static_cast<std::size_t>(kMaxOperatorChain)) {
    chainDepth_ += operators;
    return true;
  }
  if (!chainReported_) {
    Diagnostic& d = diags_.report(DiagKind::ExpressionTooLong, rangeOf(ctx), kMaxOperatorChain);
    d.hint = "découpez le calcul en définitions intermédiaires";
    chainReported_ = true;
  }
  return false;
}

// orExpr : andExpr (OU andExpr)*
ast::ExprPtr Builder::buildOr(P::OrExprContext* ctx) {
  if (auto* next = onlyChild<P::AndExprContext>(ctx)) return buildAnd(next);
  // The accessors with an index scan every child: fetch each list once.
  std::vector<P::AndExprContext*> operands = ctx->andExpr();
  if (!enterChain(operands.size(), ctx)) return buildAnd(operands[0]);
  auto e = buildAnd(operands[0]);
  for (std::size_t i = 1; i < operands.size(); ++i)
    e = makeBinary(ast::BinaryOp::Or, std::move(e), buildAnd(operands[i]));
  chainDepth_ -= operands.size() - 1;
  return e;
}

// andExpr : notExpr (ET notExpr)*
ast::ExprPtr Builder::buildAnd(P::AndExprContext* ctx) {
  if (auto* next = onlyChild<P::NotExprContext>(ctx)) return buildNot(next);
  std::vector<P::NotExprContext*> operands = ctx->notExpr();
  if (!enterChain(operands.size(), ctx)) return buildNot(operands[0]);
  auto e = buildNot(operands[0]);
  for (std::size_t i = 1; i < operands.size(); ++i)
    e = makeBinary(ast::BinaryOp::And, std::move(e), buildNot(operands[i]));
  chainDepth_ -= operands.size() - 1;
  return e;
}

// notExpr : NON notExpr | comparison
ast::ExprPtr Builder::buildNot(P::NotExprContext* ctx) {
  if (auto* next = onlyChild<P::ComparisonContext>(ctx)) return buildComparison(next); // notPass
  if (auto* c = dynamic_cast<P::NotOpContext*>(ctx)) {
    auto e = make(K::Unary, rangeOf(ctx));
    e->unaryOp = ast::UnaryOp::Not;
    e->a = buildNot(c->notExpr());
    return e;
  }
  return buildComparison(dynamic_cast<P::NotPassContext*>(ctx)->comparison());
}

// comparison : defaultExpr comparisonTail?
// comparisonTail : compareOp defaultExpr | EXISTE (COMME ident)? | DANS defaultExpr
ast::ExprPtr Builder::buildComparison(P::ComparisonContext* ctx) {
  if (auto* next = onlyChild<P::DefaultExprContext>(ctx)) return buildDefault(next);
  auto lhs = buildDefault(ctx->defaultExpr());
  auto* tail = ctx->comparisonTail();
  if (!tail) return lhs;
  if (auto* c = dynamic_cast<P::ExistsTailContext*>(tail)) {
    auto e = make(K::Exists, rangeOf(ctx));
    e->a = std::move(lhs);
    if (c->ident()) {
      e->hasBinder = true;
      e->name = ident(c->ident());
    }
    return e;
  }
  if (auto* c = dynamic_cast<P::MemberTailContext*>(tail)) {
    auto e = make(K::Member, rangeOf(ctx));
    e->a = std::move(lhs);
    e->b = buildDefault(c->defaultExpr());
    return e;
  }
  auto* c = dynamic_cast<P::CompareTailContext*>(tail);
  std::string op = c->compareOp()->getStart()->getText();
  ast::BinaryOp bop = ast::BinaryOp::Eq;
  if (op == "=")
    bop = ast::BinaryOp::Eq;
  else if (op == "≠" || op == "!=")
    bop = ast::BinaryOp::Ne;
  else if (op == "<")
    bop = ast::BinaryOp::Lt;
  else if (op == "≤" || op == "<=")
    bop = ast::BinaryOp::Le;
  else if (op == ">")
    bop = ast::BinaryOp::Gt;
  else
    bop = ast::BinaryOp::Ge;
  auto e = makeBinary(bop, std::move(lhs), buildDefault(c->defaultExpr()));
  e->range = rangeOf(ctx);
  return e;
}

// defaultExpr : additive (A DEFAUT additive)*
ast::ExprPtr Builder::buildDefault(P::DefaultExprContext* ctx) {
  if (auto* next = onlyChild<P::AdditiveContext>(ctx)) return buildAdditive(next);
  std::vector<P::AdditiveContext*> operands = ctx->additive();
  if (!enterChain(operands.size(), ctx)) return buildAdditive(operands[0]);
  auto e = buildAdditive(operands[0]);
  for (std::size_t i = 1; i < operands.size(); ++i) {
    auto d = make(K::Default, SourceRange::cover(e->range, rangeOf(operands[i])));
    d->a = std::move(e);
    d->b = buildAdditive(operands[i]);
    e = std::move(d);
  }
  chainDepth_ -= operands.size() - 1;
  return e;
}

// additive : multiplicative (addOp multiplicative)*
ast::ExprPtr Builder::buildAdditive(P::AdditiveContext* ctx) {
  if (auto* next = onlyChild<P::MultiplicativeContext>(ctx)) return buildMultiplicative(next);
  std::vector<P::MultiplicativeContext*> operands = ctx->multiplicative();
  std::vector<P::AddOpContext*> ops = ctx->addOp();
  if (!enterChain(operands.size(), ctx)) return buildMultiplicative(operands[0]);
  auto e = buildMultiplicative(operands[0]);
  for (std::size_t i = 1; i < operands.size(); ++i) {
    bool minus = ops[i - 1]->MINUS() != nullptr;
    e = makeBinary(minus ? ast::BinaryOp::Sub : ast::BinaryOp::Add, std::move(e), buildMultiplicative(operands[i]));
  }
  chainDepth_ -= operands.size() - 1;
  return e;
}

// multiplicative : unary (mulOp unary)*
ast::ExprPtr Builder::buildMultiplicative(P::MultiplicativeContext* ctx) {
  if (auto* next = onlyChild<P::UnaryContext>(ctx)) return buildUnary(next);
  std::vector<P::UnaryContext*> operands = ctx->unary();
  std::vector<P::MulOpContext*> ops = ctx->mulOp();
  if (!enterChain(operands.size(), ctx)) return buildUnary(operands[0]);
  auto e = buildUnary(operands[0]);
  for (std::size_t i = 1; i < operands.size(); ++i) {
    bool div = ops[i - 1]->DIVIDE() != nullptr;
    e = makeBinary(div ? ast::BinaryOp::Div : ast::BinaryOp::Mul, std::move(e), buildUnary(operands[i]));
  }
  chainDepth_ -= operands.size() - 1;
  return e;
}

// unary : MINUS unary | postfix
ast::ExprPtr Builder::buildUnary(P::UnaryContext* ctx) {
  if (auto* next = onlyChild<P::PostfixContext>(ctx)) return buildPostfix(next); // unaryPass
  if (auto* c = dynamic_cast<P::NegateContext*>(ctx)) {
    auto inner = buildUnary(c->unary());
    // A negative numeric literal stays a literal: `-50 points` is one value.
    if (inner->kind == K::Number && inner->text[0] != '-') {
      inner->text = "-" + inner->text;
      inner->range = rangeOf(ctx);
      return inner;
    }
    auto e = make(K::Unary, rangeOf(ctx));
    e->unaryOp = ast::UnaryOp::Neg;
    e->a = std::move(inner);
    return e;
  }
  return buildPostfix(dynamic_cast<P::UnaryPassContext*>(ctx)->postfix());
}

// postfix : primary ('.' ident | '[' expr (',' expr)* ']' | AU atDate)*
ast::ExprPtr Builder::buildPostfix(P::PostfixContext* ctx) {
  if (auto* next = onlyChild<P::PrimaryContext>(ctx)) return buildPrimary(next);
  auto e = buildPrimary(ctx->primary());
  for (auto* op : ctx->postfixOp()) {
    SourceRange r = SourceRange::cover(e->range, rangeOf(op));
    if (auto* f = dynamic_cast<P::FieldAccessContext*>(op)) {
      auto n = make(K::Field, r);
      n->a = std::move(e);
      n->name = ident(f->ident());
      e = std::move(n);
    } else if (auto* ix = dynamic_cast<P::IndexAccessContext*>(op)) {
      auto n = make(K::Index, r);
      n->a = std::move(e);
      for (auto* x : ix->expr()) n->args.push_back(buildExpr(x));
      e = std::move(n);
    } else if (auto* at = dynamic_cast<P::AtDateOpContext*>(op)) {
      auto n = make(K::AtDate, r);
      n->a = std::move(e);
      auto* d = at->atDate();
      if (d->DATE_LIT()) {
        n->b = make(K::Date, rangeOf(d->DATE_LIT()));
        n->b->text = d->DATE_LIT()->getText();
      } else if (d->DATE_EVALUATION()) {
        n->b = make(K::Name, rangeOf(d->DATE_EVALUATION()));
        n->b->name = ast::Ident{d->DATE_EVALUATION()->getText(), rangeOf(d->DATE_EVALUATION())};
      } else {
        n->b = buildExpr(d->expr());
      }
      e = std::move(n);
    }
  }
  return e;
}

ast::ExprPtr Builder::buildPrimary(P::PrimaryContext* ctx) {
  SourceRange r = rangeOf(ctx);
  if (auto* c = dynamic_cast<P::LiteralExprContext*>(ctx)) return buildLiteral(c->literal());
  if (dynamic_cast<P::AbsentExprContext*>(ctx)) return make(K::Absent, r);
  if (auto* c = dynamic_cast<P::ErrorExprContext*>(ctx)) {
    auto e = make(K::Error, r);
    e->message = text(c->STRING());
    return e;
  }
  if (auto* c = dynamic_cast<P::RoundExprContext*>(ctx)) {
    auto e = make(K::Round, r);
    e->a = buildExpr(c->expr(0));
    e->b = buildExpr(c->expr(1));
    auto* m = c->roundingMode();
    if (dynamic_cast<P::RoundNearestContext*>(m))
      e->rounding = ast::RoundingMode::Nearest;
    else if (dynamic_cast<P::RoundEvenContext*>(m))
      e->rounding = ast::RoundingMode::Even;
    else if (dynamic_cast<P::RoundFloorContext*>(m))
      e->rounding = ast::RoundingMode::Floor;
    else
      e->rounding = ast::RoundingMode::Ceiling;
    return e;
  }
  if (auto* c = dynamic_cast<P::CallExprContext*>(ctx)) {
    auto e = make(K::Call, r);
    auto names = c->ident();
    for (std::size_t i = 0; i + 1 < names.size(); ++i) e->scope.push_back(ident(names[i]));
    e->name = ident(names.back());
    for (auto* x : c->expr()) e->args.push_back(buildExpr(x));
    return e;
  }
  if (auto* c = dynamic_cast<P::NameExprContext*>(ctx)) {
    auto e = make(K::Name, r);
    e->name = ident(c->ident());
    return e;
  }
  if (auto* c = dynamic_cast<P::ParenExprContext*>(ctx)) {
    auto e = buildExpr(c->expr());
    e->range = r; // the parentheses belong to the operand
    return e;
  }
  if (auto* c = dynamic_cast<P::ListExprContext*>(ctx)) {
    auto e = make(K::List, r);
    for (auto* x : c->expr()) e->args.push_back(buildExpr(x));
    return e;
  }
  if (auto* c = dynamic_cast<P::SelonExprContext*>(ctx)) {
    auto e = make(K::Selon, r);
    e->a = buildExpr(c->expr());
    for (auto* arm : c->selonArm()) {
      ast::SelonArm a;
      a.range = rangeOf(arm);
      if (auto* cs = dynamic_cast<P::SelonCaseContext*>(arm)) {
        for (auto* i : cs->ident()) a.cases.push_back(ident(i));
        a.value = buildExpr(cs->expr());
      } else {
        a.value = buildExpr(dynamic_cast<P::SelonDefaultContext*>(arm)->expr());
      }
      e->arms.push_back(std::move(a));
    }
    return e;
  }
  auto* c = dynamic_cast<P::RecordExprContext*>(ctx);
  auto e = make(K::Record, r);
  e->entries = buildRecord(c->recordLit());
  return e;
}

// recordEntry : qualifiedName '=' (literal | ident | expr)
ast::ExprPtr Builder::buildRecordValue(P::RecordEntryContext* ctx) {
  if (auto* l = ctx->literal()) return buildLiteral(l);
  if (auto* i = ctx->ident()) {
    auto e = make(K::Name, rangeOf(i));
    e->name = ident(i);
    return e;
  }
  return buildExpr(ctx->expr());
}

// literal : number unit? | DATE_LIT | STRING | VRAI | FAUX
ast::ExprPtr Builder::buildLiteral(P::LiteralContext* ctx) {
  SourceRange r = rangeOf(ctx);
  if (auto* c = dynamic_cast<P::NumberLitContext*>(ctx)) {
    auto e = make(K::Number, r);
    auto* n = c->number();
    e->text = numberText(n->INT_LIT() ? n->INT_LIT() : n->DEC_LIT());
    if (auto* u = c->unit()) {
      using U = ast::LiteralUnit;
      if (u->EURO())
        e->literalUnit = u->SLASH_MOIS() ? U::EuroPerMonth : u->SLASH_AN() ? U::EuroPerYear : U::Euro;
      else if (u->M2())
        e->literalUnit = U::SquareMetre;
      else if (u->POINTS() || u->POINT())
        e->literalUnit = U::Points;
      else if (u->PERCENT())
        e->literalUnit = U::Percent;
      else if (u->MOIS())
        e->literalUnit = U::Months;
      else if (u->AN() || u->ANS())
        e->literalUnit = U::Years;
      else
        e->literalUnit = U::Days;
    }
    return e;
  }
  if (auto* c = dynamic_cast<P::DateLitContext*>(ctx)) {
    auto e = make(K::Date, r);
    e->text = c->DATE_LIT()->getText();
    return e;
  }
  if (auto* c = dynamic_cast<P::StringLitContext*>(ctx)) {
    auto e = make(K::String, r);
    e->text = label(c->STRING());
    // `"… {n} personnes"` as a value: only a label or a motif inserts
    // values; here the braces would stay in the text, silently.
    const std::string raw = c->STRING()->getText();
    for (std::size_t i = 1; i + 1 < raw.size(); ++i) {
      if (raw[i] == '\\') {
        ++i;
      } else if (raw[i] == '{') {
        Diagnostic& d = diags_.report(DiagKind::BadString, r,
                                      "des accolades n'insèrent une valeur que dans un libellé ou un motif, pas dans "
                                      "un texte utilisé comme valeur");
        d.hint = "citez la valeur dans le motif lui-même (`sinon refus \"… {valeur} …\"`), ou écrivez `\\{` pour "
                 "une accolade";
        break;
      }
    }
    return e;
  }
  auto e = make(K::Bool, r);
  e->boolValue = dynamic_cast<P::TrueLitContext*>(ctx) != nullptr;
  return e;
}

} // namespace loge::syntax::internal
