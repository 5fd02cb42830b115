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

  void calls(const ir::Expr& e) {
    ir::forEachNode(e, [&](const ir::Expr& node) {
      if (node.op == ir::Op::Call) definition(node.index);
    });
  }

  // The bodies of the définitions found so far, and of those they call.
  std::vector<bool> close() {
    while (!pending_.empty()) {
      const std::uint32_t d = pending_.back();
      pending_.pop_back();
      if (const ir::Expr* body = p_.definitions[d].body.get()) calls(*body);
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
  ir::forEachEvaluatedRoot(p, [&](const ir::Expr& root) { reach.calls(root); });
  // The définitions a test compares (`loge test`), when the layout has them.
  for (const OutLayout::Definition& d : out.definitions) reach.definition(d.index);
  return reach.close();
}

} // namespace loge::codegen::internal
