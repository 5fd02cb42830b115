// JIT stage (internal): the parameter set (runtime/rt) built from the
// checked program's dated values, flattened once.
#include "params_build.h"

#include <cstring>

namespace loge::jit::internal {

namespace {
using KeyKind = loge_rt_params::KeyKind;

KeyKind keyKind(const ir::TableKey& k) {
  switch (k.kind) {
  case ir::TableKey::Kind::Enum: return KeyKind::Enum;
  case ir::TableKey::Kind::IntRange: return KeyKind::IntRange;
  case ir::TableKey::Kind::Text: return KeyKind::Text;
  case ir::TableKey::Kind::Band: return k.type->kind == ir::TypeKind::Date ? KeyKind::BandDate : KeyKind::Band;
  }
  return KeyKind::IntRange;
}
} // namespace

std::unique_ptr<loge_rt_params> buildParams(const ir::Program& p, const codegen::Layout& layout, BlockStore& store) {
  auto out = std::make_unique<loge_rt_params>();
  Flattener flat(layout, store);
  for (const ir::ParameterDecl& decl : p.parameters) {
    loge_rt_params::Param param;
    param.isTable = decl.isTable;
    param.keyCount = static_cast<std::uint32_t>(decl.keys.size());
    if (!decl.keys.empty()) param.key1 = keyKind(decl.keys[0]);
    if (decl.keys.size() > 1) param.key2 = keyKind(decl.keys[1]);
    std::uint32_t size = layout.sizeOf(decl.type);
    for (const ir::DatedValue& dv : decl.values) {
      loge_rt_params::Version v;
      v.from = dv.from.days();
      v.to = dv.to ? dv.to->days() : INT32_MAX;
      if (!decl.isTable) {
        v.scalar.assign(std::max<std::uint32_t>(size, 16), 0);
        flat.constant(dv.value, decl.type, v.scalar.data());
      } else {
        const ir::TableVersion& t = dv.table;
        for (const ir::TableRowKey& rk : t.rowKeys) {
          loge_rt_params::RowKey r;
          r.hasFrom = rk.from.has_value();
          r.hasTo = rk.to.has_value();
          r.toInclusive = rk.toInclusive;
          if (rk.from) r.from = rk.from->number;
          if (rk.to) r.to = rk.to->number;
          r.enumValue = rk.enumValue;
          r.text = rk.text;
          v.rows.push_back(std::move(r));
        }
        for (std::uint32_t c : t.columnKeys) v.columns.push_back(c);
        v.cellSize = (std::max<std::uint32_t>(size, 1) + 15) / 16 * 16;
        std::size_t columns = t.columnKeys.empty() ? 1 : t.columnKeys.size();
        v.cells.assign(t.rowKeys.size() * columns * v.cellSize, 0);
        v.present.assign(t.rowKeys.size() * columns, 0);
        for (std::size_t r = 0; r < t.cells.size(); ++r) {
          for (std::size_t c = 0; c < t.cells[r].size() && c < columns; ++c) {
            if (!t.cells[r][c]) continue;
            v.present[r * columns + c] = 1;
            flat.constant(*t.cells[r][c], decl.type, v.cells.data() + (r * columns + c) * v.cellSize);
          }
        }
      }
      param.versions.push_back(std::move(v));
    }
    out->params.push_back(std::move(param));
  }
  return out;
}

} // namespace loge::jit::internal
