// Syntax stage (internal): the module, its header and its items.
#include "builder.h"

namespace loge::syntax::internal {

// header : POLITIQUE STRING headerClause*
ast::Header Builder::buildHeader(P::HeaderContext* ctx) {
  ast::Header h;
  h.title = label(ctx->STRING());
  h.range = rangeOf(ctx);
  bool seenDates = false;
  for (auto* clause : ctx->headerClause()) {
    SourceRange r = rangeOf(clause);
    if (auto* v = dynamic_cast<P::HeaderVersionContext*>(clause)) {
      if (h.version) diags_.report(DiagKind::DuplicateHeaderClause, r, "version");
      h.version = label(v->STRING());
    } else if (auto* g = dynamic_cast<P::HeaderVigueurContext*>(clause)) {
      if (h.vigueurFrom) diags_.report(DiagKind::DuplicateHeaderClause, r, "en vigueur");
      h.vigueurFrom = g->DATE_LIT(0)->getText();
      if (g->DATE_LIT().size() > 1) h.vigueurTo = g->DATE_LIT(1)->getText();
      h.vigueurRange = r;
    } else if (auto* ref = dynamic_cast<P::HeaderReferenceContext*>(clause)) {
      h.references.push_back(reference(ref->reference()));
    } else if (auto* d = dynamic_cast<P::HeaderDatesContext*>(clause)) {
      if (seenDates) diags_.report(DiagKind::DuplicateHeaderClause, r, "dates");
      seenDates = true;
      auto* rule = d->endOfMonthRule();
      if (dynamic_cast<P::EomLastDayContext*>(rule))
        h.endOfMonth = ast::Header::EndOfMonth::LastDay;
      else if (dynamic_cast<P::EomFirstNextContext*>(rule))
        h.endOfMonth = ast::Header::EndOfMonth::FirstOfNext;
      else
        h.endOfMonth = ast::Header::EndOfMonth::Error;
    }
  }
  return h;
}

std::unique_ptr<ast::Module> Builder::buildModule(P::ModuleContext* ctx) {
  auto m = std::make_unique<ast::Module>();
  m->file = file_.id();
  if (ctx->header()) m->header = buildHeader(ctx->header());
  for (auto* item : ctx->item()) buildItem(item, *m);
  return m;
}

void Builder::buildItem(P::ItemContext* ctx, ast::Module& m) {
  if (auto* c = ctx->importDecl()) {
    m.imports.push_back(buildImport(c));
  } else if (auto* c = ctx->schemaDecl()) {
    m.schemas.push_back(buildSchema(c));
  } else if (auto* c = ctx->structureDecl()) {
    m.structures.push_back(buildStructure(c));
  } else if (auto* c = ctx->enumerationDecl()) {
    m.enumerations.push_back(buildEnumeration(c));
  } else if (auto* c = ctx->parameterDecl()) {
    // parameterDecl : PARAMETRE ident STRING? ':' paramType reference* datedValue*
    ast::Parameter p = buildParameter(c->paramType(), c->reference(), c->datedValue());
    p.name = ident(c->ident());
    p.label = label(c->STRING());
    p.range = rangeOf(c);
    m.parameters.push_back(std::move(p));
  } else if (auto* c = ctx->definitionDecl()) {
    // definitionDecl : DEFINITION ident ('(' (param (',' param)*)? ')')? ':' typeRef '=' expr
    bool parens = false;
    for (auto* child : c->children)
      if (auto* t = dynamic_cast<antlr4::tree::TerminalNode*>(child); t && t->getText() == "(") parens = true;
    m.definitions.push_back(buildDefinition(c->ident(), c->param(), parens, c->typeRef(), c->expr(), rangeOf(c)));
  } else if (auto* c = ctx->cotationDecl()) {
    m.cotations.push_back(buildCotation(c));
  } else if (auto* c = ctx->ruleBlockDecl()) {
    m.ruleBlocks.push_back(buildRuleBlock(c));
  } else if (auto* c = ctx->quotaDecl()) {
    m.quotas.push_back(buildQuota(c));
  } else if (auto* c = ctx->classementDecl()) {
    m.classements.push_back(buildClassement(c));
  } else if (auto* sd = ctx->similariteDecl()) {
    m.similarites.push_back(buildSimilarite(sd));
  } else if (auto* c = ctx->testDefaultsDecl()) {
    m.testDefaults.push_back(buildTestDefaults(c));
  } else if (auto* c = ctx->testDecl()) {
    m.tests.push_back(buildTest(c));
  } else if (auto* c = ctx->exceptionDecl()) {
    ast::ExternalException x;
    x.target = qualified(c->qualifiedName());
    x.exception.condition = buildExpr(c->expr());
    x.exception.label = label(c->STRING());
    if (c->reference()) x.exception.reference = reference(c->reference());
    x.exception.range = rangeOf(c);
    x.range = rangeOf(c);
    m.externalExceptions.push_back(std::move(x));
  } else if (auto* c = ctx->replaceDecl()) {
    if (auto* rp = dynamic_cast<P::ReplaceParameterContext*>(c)) {
      ast::Parameter p = buildParameter(rp->paramType(), rp->reference(), rp->datedValue());
      p.replaced = qualified(rp->qualifiedName());
      p.name = p.replaced.parts.back();
      p.label = label(rp->STRING());
      p.range = rangeOf(rp);
      m.parameters.push_back(std::move(p));
    } else if (auto* rd = dynamic_cast<P::ReplaceDefinitionContext*>(c)) {
      ast::Definition d = buildDefinition(nullptr, rd->param(), false, rd->typeRef(), rd->expr(), rangeOf(rd));
      d.replaced = qualified(rd->qualifiedName());
      d.name = d.replaced.parts.back();
      d.hasParens = !rd->param().empty();
      m.definitions.push_back(std::move(d));
    } else {
      auto* rc = dynamic_cast<P::ReplaceCriterionContext*>(c);
      ast::ReplaceCriterion r;
      r.target = qualified(rc->qualifiedName());
      r.label = label(rc->STRING());
      r.references = references(rc->reference());
      r.value = buildExpr(rc->criterionValue()->expr(0));
      if (rc->criterionValue()->SI()) r.condition = buildExpr(rc->criterionValue()->expr(1));
      r.range = rangeOf(rc);
      m.replacedCriteria.push_back(std::move(r));
    }
  }
}

} // namespace loge::syntax::internal
