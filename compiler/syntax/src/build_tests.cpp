// Syntax stage (internal): `test` blocks and `défauts de test`.
#include "builder.h"

namespace loge::syntax::internal {

// recordLit : '{' recordEntry* '}'
std::vector<ast::RecordEntry> Builder::buildRecord(P::RecordLitContext* ctx) {
  std::vector<ast::RecordEntry> out;
  for (auto* e : ctx->recordEntry()) out.push_back({qualified(e->qualifiedName()), buildRecordValue(e)});
  return out;
}

// testInput : ident recordLit
ast::TestInput Builder::buildTestInput(P::TestInputContext* ctx) {
  ast::TestInput in;
  in.role = ident(ctx->ident());
  in.entries = buildRecord(ctx->recordLit());
  in.range = rangeOf(ctx);
  return in;
}

// testDefaultsDecl : DEFAUTS DE TEST '{' testInput* '}'
ast::TestDefaults Builder::buildTestDefaults(P::TestDefaultsDeclContext* ctx) {
  ast::TestDefaults d;
  for (auto* i : ctx->testInput()) d.inputs.push_back(buildTestInput(i));
  d.range = rangeOf(ctx);
  return d;
}

// testDecl : TEST STRING '{' testStatement* '}'
ast::Test Builder::buildTest(P::TestDeclContext* ctx) {
  ast::Test t;
  t.name = label(ctx->STRING());
  t.range = rangeOf(ctx);
  using K = ast::TestStatement::Kind;
  for (auto* s : ctx->testStatement()) {
    ast::TestStatement st;
    st.range = rangeOf(s);
    if (auto* d = dynamic_cast<P::TestDateContext*>(s)) {
      st.kind = K::Date;
      st.date = d->DATE_LIT()->getText();
    } else if (auto* in = dynamic_cast<P::TestInputStmtContext*>(s)) {
      st.kind = K::Input;
      st.input = buildTestInput(in->testInput());
    } else if (auto* c = dynamic_cast<P::TestCandidatesContext*>(s)) {
      st.kind = K::Candidates;
      for (auto* r : c->recordLit()) st.records.push_back(buildRecord(r));
    } else if (auto* a = dynamic_cast<P::TestAttributionsContext*>(s)) {
      st.kind = K::Attributions;
      for (auto* r : a->recordLit()) st.records.push_back(buildRecord(r));
    } else if (auto* o = dynamic_cast<P::TestOverrideContext*>(s)) {
      st.kind = K::Override;
      st.target = qualified(o->qualifiedName());
      for (auto* v : o->datedValue()) st.values.push_back(buildDatedValue(v));
    } else if (auto* er = dynamic_cast<P::TestExpectRuleContext*>(s)) {
      st.kind = K::ExpectRule;
      st.target = qualified(er->qualifiedName());
      st.ruleStatus = er->ruleStatus()->getStart()->getText();
    } else {
      st.kind = K::Expect;
      st.expectation = buildExpr(dynamic_cast<P::TestExpectContext*>(s)->expr());
    }
    t.statements.push_back(std::move(st));
  }
  return t;
}

} // namespace loge::syntax::internal
