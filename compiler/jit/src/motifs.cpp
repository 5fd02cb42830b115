// JIT stage: rule motifs for the compiled engine's results.
#include "loge/jit/motifs.h"

namespace loge::jit {

namespace {
// The motif of a rule that alerts or refuses, when it needs no evaluation.
bool staticMotif(const ir::RuleDecl& r, std::string& out) {
  if (r.motif.empty()) {
    out = r.label;
    return true;
  }
  out.clear();
  for (const auto& piece : r.motif) {
    if (piece.value) return false;
    out += piece.literal;
  }
  return true;
}
} // namespace

void completeMotifs(const interp::Interpreter& interp, const interp::Inputs& in, interp::DemandeResult& r) {
  const ir::Program& p = interp.program();
  for (std::uint32_t b = 0; b < p.ruleBlocks.size(); ++b) {
    for (std::uint32_t k = 0; k < p.ruleBlocks[b].rules.size(); ++k) {
      interp::RuleResult& rr = r.blocks[b][k];
      if (rr.status == interp::RuleStatus::Exception)
        rr.motif = p.ruleBlocks[b].rules[k].exceptions[static_cast<std::size_t>(rr.exception)].label;
      else if ((rr.status == interp::RuleStatus::Refus || rr.status == interp::RuleStatus::Alerte) &&
               !staticMotif(p.ruleBlocks[b].rules[k], rr.motif))
        rr.motif = interp.failedRuleMotif(in, b, k);
    }
  }
}

} // namespace loge::jit
