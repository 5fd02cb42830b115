// Codegen stage: the layout of one demande's results.
#include "loge/codegen/codegen.h"

namespace loge::codegen {

OutLayout::OutLayout(const ir::Program& p) {
  std::uint32_t offset = 0;
  auto take = [&](std::uint32_t bytes) {
    offset = (offset + bytes - 1) / bytes * bytes; // natural alignment
    std::uint32_t at = offset;
    offset += bytes;
    return at;
  };
  for (const auto& c : p.cotations) {
    Cotation o;
    o.total = take(16);
    o.beforeBounds = take(16);
    for (std::size_t i = 0; i < c.criteria.size(); ++i) {
      o.brut.push_back(take(16));
      o.contribution.push_back(take(16));
    }
    for (std::size_t i = 0; i < c.rubriques.size(); ++i) o.rubriques.push_back(take(16));
    for (std::size_t i = 0; i < c.criteria.size(); ++i) o.applicable.push_back(take(1));
    o.floorApplied = take(1);
    o.ceilingApplied = take(1);
    cotations.push_back(std::move(o));
  }
  for (const auto& b : p.ruleBlocks) {
    Block o;
    for (std::size_t i = 0; i < b.rules.size(); ++i) {
      o.status.push_back(take(1));
      o.exception.push_back(take(1));
    }
    blocks.push_back(std::move(o));
  }
  size = (offset + 15) / 16 * 16;
}

} // namespace loge::codegen
