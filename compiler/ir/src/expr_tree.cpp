// IR stage: copying and comparing expression trees, and what an expression
// reads.
#include "loge/ir/expr.h"
#include "loge/ir/program.h"

#include <functional>

namespace loge::ir {

ExprPtr clone(const Expr& e) {
  auto copy = std::make_unique<Expr>();
  copy->op = e.op;
  copy->type = e.type;
  copy->range = e.range;
  copy->constant = e.constant;
  copy->role = e.role;
  copy->index = e.index;
  copy->sub = e.sub;
  copy->slot = e.slot;
  copy->flag = e.flag;
  copy->cmp = e.cmp;
  copy->operandType = e.operandType;
  copy->aggregate = e.aggregate;
  copy->builtin = e.builtin;
  copy->rounding = e.rounding;
  if (e.a) copy->a = clone(*e.a);
  if (e.b) copy->b = clone(*e.b);
  if (e.c) copy->c = clone(*e.c);
  copy->args.reserve(e.args.size());
  for (const ExprPtr& arg : e.args) copy->args.push_back(arg ? clone(*arg) : nullptr);
  copy->cases = e.cases;
  copy->parts.reserve(e.parts.size());
  for (const TextPiece& part : e.parts)
    copy->parts.push_back({part.literal, part.value ? clone(*part.value) : nullptr});
  return copy;
}

namespace {

bool sameConstant(const Constant& a, const Constant& b) {
  if (a.kind != b.kind || a.number != b.number || a.text != b.text || a.items.size() != b.items.size()) return false;
  for (std::size_t i = 0; i < a.items.size(); ++i)
    if (!sameConstant(a.items[i], b.items[i])) return false;
  return true;
}

bool sameChild(const Expr* a, const Expr* b) { return a == b || (a && b && same(*a, *b)); }

void combine(std::size_t& h, std::size_t v) { h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); }

} // namespace

bool same(const Expr& a, const Expr& b) {
  if (a.op != b.op || a.type != b.type || a.role != b.role || a.index != b.index || a.sub != b.sub ||
      a.slot != b.slot || a.flag != b.flag || a.cmp != b.cmp || a.operandType != b.operandType ||
      a.aggregate != b.aggregate || a.builtin != b.builtin || a.rounding != b.rounding || a.cases != b.cases ||
      a.args.size() != b.args.size() || a.parts.size() != b.parts.size() || !sameConstant(a.constant, b.constant))
    return false;
  if (!sameChild(a.a.get(), b.a.get()) || !sameChild(a.b.get(), b.b.get()) || !sameChild(a.c.get(), b.c.get()))
    return false;
  for (std::size_t i = 0; i < a.args.size(); ++i)
    if (!sameChild(a.args[i].get(), b.args[i].get())) return false;
  for (std::size_t i = 0; i < a.parts.size(); ++i)
    if (a.parts[i].literal != b.parts[i].literal || !sameChild(a.parts[i].value.get(), b.parts[i].value.get()))
      return false;
  return true;
}

std::size_t hashOf(const Expr& e) {
  std::size_t h = static_cast<std::size_t>(e.op);
  combine(h, std::hash<const void*>()(e.type));
  combine(h, e.index);
  combine(h, e.sub);
  combine(h, static_cast<std::size_t>(e.constant.number));
  combine(h, std::hash<std::string>()(e.constant.text));
  for (const Expr* child : {e.a.get(), e.b.get(), e.c.get()})
    if (child) combine(h, hashOf(*child));
  for (const ExprPtr& arg : e.args)
    if (arg) combine(h, hashOf(*arg));
  for (const TextPiece& part : e.parts) {
    combine(h, std::hash<std::string>()(part.literal));
    if (part.value) combine(h, hashOf(*part.value));
  }
  return h;
}

void forEachNode(const Expr& e, const std::function<void(const Expr&)>& fn) {
  fn(e);
  for (const Expr* child : {e.a.get(), e.b.get(), e.c.get()})
    if (child) forEachNode(*child, fn);
  for (const ExprPtr& arg : e.args)
    if (arg) forEachNode(*arg, fn);
  for (const TextPiece& part : e.parts)
    if (part.value) forEachNode(*part.value, fn);
}

void forEachEvaluatedRoot(const Program& p, const std::function<void(const Expr&)>& fn) {
  auto visit = [&](const ExprPtr& e) {
    if (e) fn(*e);
  };
  for (const CotationDecl& c : p.cotations) {
    for (const CriterionDecl& cr : c.criteria) {
      visit(cr.value);
      visit(cr.condition);
    }
    for (const RubriqueDecl& r : c.rubriques) {
      visit(r.floor);
      visit(r.ceiling);
    }
    visit(c.floor);
    visit(c.ceiling);
  }
  for (const RuleBlockDecl& b : p.ruleBlocks)
    for (const RuleDecl& r : b.rules) {
      visit(r.requirement);
      for (const TextPiece& piece : r.motif) visit(piece.value);
      for (const auto& x : r.exceptions) visit(x.condition);
    }
}

void noteReads(const Program& p, const Expr& e, std::uint32_t& roles, bool& readsDate) {
  switch (e.op) {
  case Op::Context: roles |= 1u << static_cast<unsigned>(e.role); break;
  case Op::DateEvaluation: readsDate = true; break;
  case Op::Param:
  case Op::Table:
    if (!e.b) readsDate = true; // at date_évaluation
    break;
  case Op::Call:
    roles |= p.definitions[e.index].roles;
    readsDate = readsDate || p.definitions[e.index].readsDate;
    break;
  default: break;
  }
  for (const Expr* child : {e.a.get(), e.b.get(), e.c.get()})
    if (child) noteReads(p, *child, roles, readsDate);
  for (const ExprPtr& arg : e.args)
    if (arg) noteReads(p, *arg, roles, readsDate);
  for (const TextPiece& part : e.parts)
    if (part.value) noteReads(p, *part.value, roles, readsDate);
}

} // namespace loge::ir
