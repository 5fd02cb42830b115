// Interpreter stage: what each rubrique of a cotation added up to before its
// own plancher or plafond, recomputed from a result (either engine's): the
// explanations must say when a bound changed a rubrique, or the points they
// list do not add up to the total shown.
#include "loge/interp/interp.h"

namespace loge::interp {

namespace {
struct Combined {
  num::Decimal value;
  bool applicable = false;
};

Combined combine(const ir::CotationDecl& c, const CotationResult& r, const std::vector<std::int32_t>& items,
                 bool maximum, std::vector<num::Decimal>& sums) {
  Combined out;
  for (std::int32_t it : items) {
    Combined item;
    if (it >= 0) {
      const CriterionResult& x = r.criteria[static_cast<std::size_t>(it)];
      item = {x.applicable ? x.brut : num::Decimal(), x.applicable};
    } else {
      auto ri = static_cast<std::size_t>(-it - 1);
      const ir::RubriqueDecl& rb = c.rubriques[ri];
      Combined inner = combine(c, r, rb.items, rb.maximum, sums);
      sums[ri] = inner.value;
      // As the evaluation does: a rubrique none of whose criteria applies
      // adds nothing, whatever its plancher.
      item = {r.rubriques[ri], inner.applicable};
    }
    if (!item.applicable) continue;
    if (!maximum) {
      // The evaluation made this sum without overflow: it cannot fail here.
      num::Decimal sum;
      if (num::add(out.value, item.value, sum) == num::Status::Ok) out.value = sum;
    } else if (!out.applicable || out.value < item.value) {
      out.value = item.value;
    }
    out.applicable = true;
  }
  return out;
}
} // namespace

std::vector<num::Decimal> rubriquesBeforeBounds(const ir::CotationDecl& c, const CotationResult& r) {
  std::vector<num::Decimal> sums(c.rubriques.size());
  if (r.rubriques.size() == c.rubriques.size() && r.criteria.size() == c.criteria.size())
    combine(c, r, c.items, false, sums);
  return sums;
}

} // namespace loge::interp
