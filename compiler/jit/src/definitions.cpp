// JIT stage: the compiled engine's définitions against the interpreter's.
#include "loge/jit/definitions.h"

#include "loge/codegen/codegen.h"

#include <algorithm>
#include <iterator>
#include <unordered_map>

namespace loge::jit {

bool hasUnsetField(const interp::Value& v) {
  if (v.tag == interp::Tag::Unset) return true;
  if (v.tag == interp::Tag::Record) return std::any_of(v.rec->fields, v.rec->fields + v.rec->fieldCount, hasUnsetField);
  if (v.tag == interp::Tag::List) return std::any_of(v.lst->items.begin(), v.lst->items.end(), hasUnsetField);
  return false;
}

std::vector<DefinitionMismatch> compareDefinitions(const ir::Program& p, const Engine& engine,
                                                   const interp::Interpreter& interp, const interp::Inputs& in,
                                                   const std::uint8_t* out,
                                                   const std::vector<std::uint32_t>& expectations) {
  interp::Inputs quiet = in;
  quiet.observer = nullptr; // comparing is not covering
  interp::Arena arena;
  const bool unset = std::any_of(std::begin(in.roles), std::end(in.roles), hasUnsetField);
  std::vector<DefinitionMismatch> mismatches;
  for (const DefinitionResult& got : engine.decodeDefinitions(out)) {
    if (got.state == DefinitionResult::State::NotComputed) continue;
    const ir::DefinitionDecl& d = p.definitions[got.definition];
    if (d.expectation && std::find(expectations.begin(), expectations.end(), got.definition) == expectations.end())
      continue;
    ir::Expr call;
    call.op = ir::Op::Call;
    call.type = d.returnType;
    call.index = got.definition;
    call.range = d.range;
    DefinitionMismatch m;
    m.definition = got.definition;
    try {
      m.interpreted = interp.evaluateExpr(call, quiet, arena, 0);
    } catch (const interp::EvalError&) {
      if (unset) continue;
    }
    if (got.state == DefinitionResult::State::Value) m.compiled = got.value;
    if (!m.interpreted && !m.compiled) continue;
    if (m.interpreted && m.compiled &&
        interp::formatJson(p, d.returnType, *m.interpreted) == interp::formatJson(p, d.returnType, *m.compiled))
      continue;
    mismatches.push_back(std::move(m));
  }
  return mismatches;
}

std::vector<std::vector<std::uint32_t>> addExpectations(ir::Program& p) {
  std::vector<std::vector<std::uint32_t>> made(p.tests.size());
  // Tests often repeat an expression (`plafond_logement(demande, logement)`
  // in every case of a table): one définition serves them all, each test
  // evaluating it on its own demande.
  std::unordered_map<std::size_t, std::vector<std::uint32_t>> byHash;
  for (std::size_t t = 0; t < p.tests.size(); ++t) {
    const ir::TestCase& tc = p.tests[t];
    made[t].assign(tc.expectations.size(), kNoDefinition);
    if (!tc.demande) continue; // the compiled engine evaluates demandes
    for (std::size_t j = 0; j < tc.expectations.size(); ++j) {
      const ir::TestCase::Expectation& x = tc.expectations[j];
      if (!x.actual || x.kind == ir::TestCase::Expectation::Kind::RuleStatus) continue;
      // Compared already: a parameterless définition, a cotation's total.
      if (x.actual->op == ir::Op::CotationTotal) continue;
      if (x.actual->op == ir::Op::Call && x.actual->args.empty()) continue;
      std::vector<std::uint32_t>& bucket = byHash[ir::hashOf(*x.actual)];
      for (std::uint32_t d : bucket)
        if (ir::same(*p.definitions[d].body, *x.actual)) {
          made[t][j] = d;
          p.definitions[d].slotCount = std::max(p.definitions[d].slotCount, tc.slotCount);
          break;
        }
      if (made[t][j] != kNoDefinition) continue;
      ir::DefinitionDecl d;
      d.name = x.text;
      d.returnType = x.actual->type;
      d.slotCount = tc.slotCount;
      d.expectation = true;
      d.range = x.actual->range;
      if (!codegen::OutLayout::writable(d)) continue;
      d.body = ir::clone(*x.actual);
      ir::noteReads(p, *d.body, d.roles, d.readsDate);
      made[t][j] = static_cast<std::uint32_t>(p.definitions.size());
      bucket.push_back(made[t][j]);
      p.definitions.push_back(std::move(d));
    }
  }
  return made;
}

void removeExpectations(ir::Program& p) {
  while (!p.definitions.empty() && p.definitions.back().expectation) p.definitions.pop_back();
}

} // namespace loge::jit
