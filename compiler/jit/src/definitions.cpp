// JIT stage: the compiled engine's définitions against the interpreter's.
#include "loge/jit/definitions.h"

#include <algorithm>
#include <iterator>

namespace loge::jit {

bool hasUnsetField(const interp::Value& v) {
  if (v.tag == interp::Tag::Unset) return true;
  if (v.tag == interp::Tag::Record) return std::any_of(v.rec->fields, v.rec->fields + v.rec->fieldCount, hasUnsetField);
  if (v.tag == interp::Tag::List) return std::any_of(v.lst->items.begin(), v.lst->items.end(), hasUnsetField);
  return false;
}

std::vector<DefinitionMismatch> compareDefinitions(const ir::Program& p, const Engine& engine,
                                                   const interp::Interpreter& interp, const interp::Inputs& in,
                                                   const std::uint8_t* out) {
  interp::Inputs quiet = in;
  quiet.observer = nullptr; // comparing is not covering
  interp::Arena arena;
  const bool unset = std::any_of(std::begin(in.roles), std::end(in.roles), hasUnsetField);
  std::vector<DefinitionMismatch> mismatches;
  for (const DefinitionResult& got : engine.decodeDefinitions(out)) {
    if (got.state == DefinitionResult::State::NotComputed) continue;
    const ir::DefinitionDecl& d = p.definitions[got.definition];
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

} // namespace loge::jit
