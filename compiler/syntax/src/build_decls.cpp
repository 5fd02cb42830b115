// Syntax stage (internal): declarations (imports, schema, structures,
// enumerations, parameters and barèmes, definitions, cotations, rule blocks,
// quotas, classements).
#include "builder.h"

namespace loge::syntax::internal {

// importDecl : IMPORTE STRING (COMME ident)?
ast::Import Builder::buildImport(P::ImportDeclContext* ctx) {
  ast::Import i;
  i.path = label(ctx->STRING());
  if (ctx->ident()) i.alias = ident(ctx->ident());
  i.range = rangeOf(ctx);
  return i;
}

// schemaDecl : SCHEMA STRING? '{' schemaBinding* '}'
ast::Schema Builder::buildSchema(P::SchemaDeclContext* ctx) {
  ast::Schema s;
  s.label = label(ctx->STRING());
  for (auto* b : ctx->schemaBinding()) s.bindings.push_back({ident(b->ident(0)), ident(b->ident(1))});
  s.range = rangeOf(ctx);
  return s;
}

// structureDecl : STRUCTURE ident STRING? '{' fieldDecl* '}'
ast::Structure Builder::buildStructure(P::StructureDeclContext* ctx) {
  ast::Structure s;
  s.name = ident(ctx->ident());
  s.label = label(ctx->STRING());
  for (auto* f : ctx->fieldDecl()) {
    ast::FieldDecl fd;
    fd.name = ident(f->ident());
    fd.label = label(f->STRING());
    fd.type = buildType(f->typeRef());
    if (f->expr()) fd.defaultValue = buildExpr(f->expr());
    fd.range = rangeOf(f);
    s.fields.push_back(std::move(fd));
  }
  s.range = rangeOf(ctx);
  return s;
}

// enumerationDecl : ENUMERATION ident STRING? '{' enumValue* '}'
ast::Enumeration Builder::buildEnumeration(P::EnumerationDeclContext* ctx) {
  ast::Enumeration e;
  e.name = ident(ctx->ident());
  e.label = label(ctx->STRING());
  for (auto* v : ctx->enumValue()) e.values.push_back({ident(v->ident()), label(v->STRING())});
  e.range = rangeOf(ctx);
  return e;
}

// paramType : BAREME '(' tableKey (',' tableKey)* ')' ARROW tableValueType | typeRef
ast::Parameter Builder::buildParameter(P::ParamTypeContext* type, std::vector<P::ReferenceContext*> refs,
                                       std::vector<P::DatedValueContext*> values) {
  ast::Parameter p;
  if (auto* t = dynamic_cast<P::ParamTableContext*>(type)) {
    p.isTable = true;
    for (auto* k : t->tableKey()) {
      ast::TableKey key;
      key.name = ident(k->ident());
      key.range = rangeOf(k);
      if (auto* ir = dynamic_cast<P::KeyIntRangeContext*>(k->tableKeyType())) {
        key.intRange = true;
        key.lower = numberText(ir->INT_LIT(0));
        if (ir->INT_LIT().size() > 1) key.upper = numberText(ir->INT_LIT(1));
      } else {
        key.type = buildType(dynamic_cast<P::KeyTypeContext*>(k->tableKeyType())->typeRef());
      }
      p.keys.push_back(std::move(key));
    }
    if (auto* single = dynamic_cast<P::TableValueSingleContext*>(t->tableValueType())) {
      p.type = buildType(single->typeRef());
    } else {
      auto* tuple = dynamic_cast<P::TableValueTupleContext*>(t->tableValueType());
      for (std::size_t i = 0; i < tuple->ident().size(); ++i)
        p.tupleFields.emplace_back(ident(tuple->ident(i)), buildType(tuple->typeRef(i)));
    }
  } else {
    p.type = buildType(dynamic_cast<P::ParamScalarContext*>(type)->typeRef());
  }
  p.references = references(refs);
  for (auto* v : values) p.values.push_back(buildDatedValue(v));
  return p;
}

// datedValue : DEPUIS DATE_LIT (JUSQU DATE_LIT)? reference? ':' paramValue
ast::DatedValue Builder::buildDatedValue(P::DatedValueContext* ctx) {
  ast::DatedValue v;
  v.from = ctx->DATE_LIT(0)->getText();
  if (ctx->DATE_LIT().size() > 1) v.to = ctx->DATE_LIT(1)->getText();
  if (ctx->reference()) v.reference = reference(ctx->reference());
  v.range = rangeOf(ctx);
  auto* pv = ctx->paramValue();
  if (auto* f = dynamic_cast<P::ParamFileContext*>(pv)) {
    v.file = label(f->STRING());
  } else if (auto* t = dynamic_cast<P::ParamTableBodyContext*>(pv)) {
    v.table = buildTable(t->tableBody());
  } else {
    v.value = buildExpr(dynamic_cast<P::ParamExprContext*>(pv)->expr());
  }
  return v;
}

// tableBody : tableLine+ ; the first line is the header.
std::unique_ptr<ast::TableBody> Builder::buildTable(P::TableBodyContext* ctx) {
  auto t = std::make_unique<ast::TableBody>();
  t->range = rangeOf(ctx);
  auto lines = ctx->tableLine();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::vector<ast::TableCell> cells;
    for (auto* c : lines[i]->tableCell()) cells.push_back(buildTableCell(c));
    if (i == 0) {
      t->header = std::move(cells);
      continue;
    }
    ast::TableRow row;
    row.range = rangeOf(lines[i]);
    row.key = std::move(cells.front());
    cells.erase(cells.begin());
    row.cells = std::move(cells);
    t->rows.push_back(std::move(row));
  }
  return t;
}

ast::TableCell Builder::buildTableCell(P::TableCellContext* ctx) {
  ast::TableCell c;
  c.range = rangeOf(ctx);
  using K = ast::TableCell::Kind;
  if (dynamic_cast<P::CellHoleContext*>(ctx)) {
    c.kind = K::Hole;
  } else if (auto* r = dynamic_cast<P::CellRangeContext*>(ctx)) {
    c.kind = K::Range;
    c.values.push_back(buildAdditive(r->additive(0)));
    c.values.push_back(buildAdditive(r->additive(1)));
    c.rangeUpperExclusive = r->MOINS() != nullptr;
  } else if (auto* b = dynamic_cast<P::CellBelowContext*>(ctx)) {
    c.kind = K::Below;
    c.values.push_back(buildAdditive(b->additive()));
  } else if (auto* o = dynamic_cast<P::CellOpenContext*>(ctx)) {
    c.kind = K::Open;
    c.values.push_back(buildAdditive(o->additive()));
  } else if (auto* t = dynamic_cast<P::CellTupleContext*>(ctx)) {
    c.kind = K::Tuple;
    for (auto* e : t->expr()) c.values.push_back(buildExpr(e));
  } else {
    c.kind = K::Value;
    c.values.push_back(buildAdditive(dynamic_cast<P::CellValueContext*>(ctx)->additive()));
  }
  return c;
}

ast::Definition Builder::buildDefinition(P::IdentContext* name, std::vector<P::ParamContext*> params, bool parens,
                                         P::TypeRefContext* type, P::ExprContext* body, SourceRange range) {
  ast::Definition d;
  if (name) d.name = ident(name);
  d.hasParens = parens;
  for (auto* p : params) d.params.push_back({ident(p->ident()), buildType(p->typeRef())});
  d.returnType = buildType(type);
  d.body = buildExpr(body);
  d.range = range;
  return d;
}

// cotationDecl : COTATION ident STRING? reference* '{' cotationItem* '}'
ast::Cotation Builder::buildCotation(P::CotationDeclContext* ctx) {
  ast::Cotation c;
  c.name = ident(ctx->ident());
  c.label = label(ctx->STRING());
  c.references = references(ctx->reference());
  for (auto* i : ctx->cotationItem()) c.items.push_back(buildCotationItem(i));
  c.range = rangeOf(ctx);
  return c;
}

// criterionDecl : CRITERE ident STRING? reference* '=' criterionValue
ast::CotationItemPtr Builder::buildCriterion(P::CriterionDeclContext* ctx) {
  auto item = std::make_unique<ast::CotationItem>();
  item->kind = ast::CotationItem::Kind::Criterion;
  item->name = ident(ctx->ident());
  item->label = label(ctx->STRING());
  item->references = references(ctx->reference());
  item->value = buildExpr(ctx->criterionValue()->expr(0));
  if (ctx->criterionValue()->SI()) item->condition = buildExpr(ctx->criterionValue()->expr(1));
  item->range = rangeOf(ctx);
  return item;
}

// cotationItem : criterionDecl | rubriqueDecl | PLANCHER expr | PLAFOND expr
ast::CotationItemPtr Builder::buildCotationItem(P::CotationItemContext* ctx) {
  if (auto* c = dynamic_cast<P::CriterionItemContext*>(ctx)) return buildCriterion(c->criterionDecl());
  auto item = std::make_unique<ast::CotationItem>();
  item->range = rangeOf(ctx);
  if (auto* r = dynamic_cast<P::RubriqueItemContext*>(ctx)) {
    auto* rd = r->rubriqueDecl();
    item->kind = ast::CotationItem::Kind::Rubrique;
    item->name = ident(rd->ident());
    item->label = label(rd->STRING());
    item->references = references(rd->reference());
    item->maximum = rd->combination() && rd->combination()->MAXIMUM();
    for (auto* i : rd->cotationItem()) item->items.push_back(buildCotationItem(i));
  } else if (auto* f = dynamic_cast<P::FloorItemContext*>(ctx)) {
    item->kind = ast::CotationItem::Kind::Floor;
    item->value = buildExpr(f->expr());
  } else {
    item->kind = ast::CotationItem::Kind::Ceiling;
    item->value = buildExpr(dynamic_cast<P::CeilingItemContext*>(ctx)->expr());
  }
  return item;
}

// ruleBlockDecl : blockKind ident STRING? reference* (POUR LOGEMENT)? '{' ruleDecl* '}'
ast::RuleBlock Builder::buildRuleBlock(P::RuleBlockDeclContext* ctx) {
  ast::RuleBlock b;
  b.eligibility = ctx->blockKind()->ELIGIBILITE() != nullptr;
  b.name = ident(ctx->ident());
  b.label = label(ctx->STRING());
  b.references = references(ctx->reference());
  b.forLogement = ctx->POUR() != nullptr;
  for (auto* r : ctx->ruleDecl()) b.rules.push_back(buildRule(r));
  b.range = rangeOf(ctx);
  return b;
}

// ruleDecl : REGLE ident STRING? reference* EXIGE expr SINON severity STRING? exceptionClause*
ast::Rule Builder::buildRule(P::RuleDeclContext* ctx) {
  ast::Rule r;
  r.name = ident(ctx->ident());
  auto strings = ctx->STRING();
  // The first string (before `exige`) is the label, the one after the
  // severity is the motif.
  for (auto* s : strings) {
    if (s->getSymbol()->getTokenIndex() < ctx->EXIGE()->getSymbol()->getTokenIndex())
      r.label = label(s);
    else
      r.motif = text(s);
  }
  r.references = references(ctx->reference());
  r.requirement = buildExpr(ctx->expr());
  r.refusal = ctx->severity()->REFUS() != nullptr;
  for (auto* e : ctx->exceptionClause()) {
    ast::RuleException ex;
    ex.condition = buildExpr(e->expr());
    ex.label = label(e->STRING());
    if (e->reference()) ex.reference = reference(e->reference());
    ex.range = rangeOf(e);
    r.exceptions.push_back(std::move(ex));
  }
  r.range = rangeOf(ctx);
  return r;
}

// quotaDecl : QUOTA ident STRING? reference* PERIODE periodKind DE expr
//             (PAR scopeKey (',' scopeKey)*)? PARMI ATTRIBUTIONS (WHERE expr)? quotaTarget
ast::Quota Builder::buildQuota(P::QuotaDeclContext* ctx) {
  ast::Quota q;
  q.name = ident(ctx->ident());
  q.label = label(ctx->STRING());
  q.references = references(ctx->reference());
  auto* pk = ctx->periodKind();
  q.period = pk->ANNEE()       ? ast::PeriodKind::Year
             : pk->SEMESTRE()  ? ast::PeriodKind::Semester
             : pk->TRIMESTRE() ? ast::PeriodKind::Quarter
                               : ast::PeriodKind::Month;
  q.anchor = buildExpr(ctx->expr(0));
  for (auto* s : ctx->scopeKey()) q.scopes.push_back({ident(s->ident()), buildExpr(s->expr())});
  if (ctx->expr().size() > 1) q.population = buildExpr(ctx->expr(1));
  auto* t = ctx->quotaTarget();
  q.atLeast = t->quotaDirection()->MOINS() != nullptr;
  q.target = buildExpr(t->expr(0));
  q.countNoun = t->ATTRIBUTIONS() != nullptr || t->ID() != nullptr; // `attributions`, or `attribution` after 1
  q.qualifying = buildExpr(t->expr(1));
  q.range = rangeOf(ctx);
  return q;
}

// classementDecl : CLASSEMENT ident STRING? reference* (POUR LOGEMENT)? '{' classementClause* '}'
ast::Classement Builder::buildClassement(P::ClassementDeclContext* ctx) {
  ast::Classement c;
  c.name = ident(ctx->ident());
  c.label = label(ctx->STRING());
  c.references = references(ctx->reference());
  c.forLogement = ctx->POUR() != nullptr;
  c.range = rangeOf(ctx);
  for (auto* clause : ctx->classementClause()) {
    if (auto* p = dynamic_cast<P::PoolClauseContext*>(clause)) {
      c.singleClauses.emplace_back("candidats", rangeOf(p));
      c.hasPool = true;
      if (p->expr()) c.pool = buildExpr(p->expr());
    } else if (auto* o = dynamic_cast<P::OrderClauseContext*>(clause)) {
      c.singleClauses.emplace_back("ordre", rangeOf(o));
      for (auto* k : o->orderKey()) c.order.push_back({buildExpr(k->expr()), k->direction()->DECROISSANT() != nullptr});
    } else if (auto* r = dynamic_cast<P::RetainClauseContext*>(clause)) {
      c.singleClauses.emplace_back("retenir", rangeOf(r));
      c.retain = buildExpr(r->expr());
    } else {
      auto* d = dynamic_cast<P::DontClauseContext*>(clause);
      ast::DontClause dc;
      dc.count = buildExpr(d->expr(0));
      dc.condition = buildExpr(d->expr(1));
      if (d->SI()) dc.when = buildExpr(d->expr(2));
      dc.label = label(d->STRING());
      dc.range = rangeOf(d);
      c.dont.push_back(std::move(dc));
    }
  }
  return c;
}

// similariteDecl : SIMILARITE ident STRING? reference* '{' similariteClause* '}'
ast::Similarite Builder::buildSimilarite(P::SimilariteDeclContext* ctx) {
  ast::Similarite s;
  s.name = ident(ctx->ident());
  s.label = label(ctx->STRING());
  s.references = references(ctx->reference());
  s.range = rangeOf(ctx);
  for (auto* clause : ctx->similariteClause()) {
    if (auto* k = dynamic_cast<P::SameClauseContext*>(clause)) {
      s.keys.push_back(buildExpr(k->expr()));
    } else {
      auto* w = dynamic_cast<P::WaitClauseContext*>(clause);
      s.waitFrom = buildExpr(w->expr(0));
      s.waitTo = buildExpr(w->expr(1));
      s.waitRange = rangeOf(w);
      ++s.waitClauses;
    }
  }
  return s;
}

} // namespace loge::syntax::internal
