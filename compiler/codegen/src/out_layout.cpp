// Codegen stage: the layout of one demande's results.
#include "loge/codegen/codegen.h"

namespace loge::codegen {

namespace {

bool scalar(const ir::Type* t) {
  switch (t->kind) {
  case ir::TypeKind::Bool:
  case ir::TypeKind::Int:
  case ir::TypeKind::Duration:
  case ir::TypeKind::Decimal:
  case ir::TypeKind::Date:
  case ir::TypeKind::Enum: return true;
  default: return false;
  }
}

std::uint32_t bytesOf(const ir::Type* t) {
  switch (t->kind) {
  case ir::TypeKind::Bool: return 1;
  case ir::TypeKind::Int:
  case ir::TypeKind::Duration: return 8;
  case ir::TypeKind::Decimal: return 16;
  default: return 4; // date, énumération
  }
}

// The cotations whose criteria or rubriques some compiled expression reads
// (définitions, criteria, bounds, rules).
std::vector<bool> detailsRead(const ir::Program& p) {
  std::vector<bool> read(p.cotations.size(), false);
  auto note = [&](const ir::Expr& root) {
    ir::forEachNode(root, [&](const ir::Expr& e) {
      if (e.op == ir::Op::Criterion || e.op == ir::Op::RubriqueTotal) read[e.index] = true;
    });
  };
  for (const auto& d : p.definitions)
    if (d.body) note(*d.body);
  ir::forEachEvaluatedRoot(p, note);
  return read;
}

} // namespace

bool OutLayout::writable(const ir::DefinitionDecl& d) {
  if (!d.paramTypes.empty()) return false;
  const ir::Type* t = d.returnType;
  return scalar(t) || (t->kind == ir::TypeKind::Optional && scalar(t->element));
}

OutLayout::OutLayout(const ir::Program& p, const OutLayoutOptions& options) : criteria(options.criteria) {
  std::uint32_t offset = 0;
  auto take = [&](std::uint32_t bytes) {
    offset = (offset + bytes - 1) / bytes * bytes; // natural alignment
    std::uint32_t at = offset;
    offset += bytes;
    return at;
  };
  std::vector<bool> read = options.criteria ? std::vector<bool>() : detailsRead(p);
  for (std::size_t ci = 0; ci < p.cotations.size(); ++ci) {
    const ir::CotationDecl& c = p.cotations[ci];
    Cotation o;
    o.detailsWritten = options.criteria || read[ci];
    o.total = take(16);
    o.beforeBounds = take(16);
    const bool scratch = c.criteria.size() > kGroupedFrom;
    for (std::size_t i = 0; (o.detailsWritten || scratch) && i < c.criteria.size(); ++i) {
      o.brut.push_back(take(16));
      if (o.detailsWritten) o.contribution.push_back(take(16));
    }
    for (std::size_t i = 0; o.detailsWritten && i < c.rubriques.size(); ++i) o.rubriques.push_back(take(16));
    for (std::size_t i = 0; (o.detailsWritten || scratch) && i < c.criteria.size(); ++i)
      o.applicable.push_back(take(1));
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
  for (std::uint32_t d = 0; options.definitions && d < p.definitions.size(); ++d) {
    if (!writable(p.definitions[d])) continue;
    const ir::Type* t = p.definitions[d].returnType;
    Definition o;
    o.index = d;
    o.state = take(1);
    if (t->kind == ir::TypeKind::Optional) {
      o.value = take(1);
      o.payload = take(bytesOf(t->element));
    } else {
      o.value = take(bytesOf(t));
    }
    definitions.push_back(o);
  }
  size = (offset + 15) / 16 * 16;
}

} // namespace loge::codegen
