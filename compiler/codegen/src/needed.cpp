// Codegen stage (internal): which définitions the generated code calls.
//
// A policy importing the national modules reaches a fraction of their
// définitions; compiling the others cost instruction selection in the
// quick tier (which has no dead-function elimination) and inlining work in
// the optimised one, for functions nothing calls.
#include "lowering.h"

namespace loge::codegen::internal {

namespace {

class Reach {
public:
  explicit Reach(const ir::Program& p) : p_(p), needed_(p.definitions.size(), false) {}

  void definition(std::uint32_t index) {
    if (needed_[index]) return;
    needed_[index] = true;
    pending_.push_back(index);
  }

  void expr(const ir::Expr* e) {
    if (!e) return;
    if (e->op == ir::Op::Call) definition(e->index);
    expr(e->a.get());
    expr(e->b.get());
    expr(e->c.get());
    for (const auto& arg : e->args) expr(arg.get());
    for (const auto& part : e->parts) expr(part.value.get());
  }

  // The bodies of the définitions found so far, and of those they call.
  std::vector<bool> close() {
    while (!pending_.empty()) {
      const std::uint32_t d = pending_.back();
      pending_.pop_back();
      expr(p_.definitions[d].body.get());
    }
    return needed_;
  }

private:
  const ir::Program& p_;
  std::vector<bool> needed_;
  std::vector<std::uint32_t> pending_;
};

} // namespace

std::vector<bool> neededDefinitions(const ir::Program& p, const OutLayout& out) {
  Reach reach(p);
  for (const ir::CotationDecl& c : p.cotations) {
    for (const ir::CriterionDecl& cr : c.criteria) {
      reach.expr(cr.value.get());
      reach.expr(cr.condition.get());
    }
    for (const ir::RubriqueDecl& r : c.rubriques) {
      reach.expr(r.floor.get());
      reach.expr(r.ceiling.get());
    }
    reach.expr(c.floor.get());
    reach.expr(c.ceiling.get());
  }
  for (const ir::RuleBlockDecl& b : p.ruleBlocks)
    for (const ir::RuleDecl& r : b.rules) {
      reach.expr(r.requirement.get());
      for (const ir::TextPiece& piece : r.motif) reach.expr(piece.value.get());
      for (const auto& x : r.exceptions) reach.expr(x.condition.get());
    }
  // The définitions a test compares (`loge test`), when the layout has them.
  for (const OutLayout::Definition& d : out.definitions) reach.definition(d.index);
  return reach.close();
}

} // namespace loge::codegen::internal
