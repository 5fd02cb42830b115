// Interpreter stage (internal): dated parameters and barème lookups.
#include "evaluator.h"

#include <fmt/format.h>

namespace loge::interp::internal {

namespace {
const ir::DatedValue* findVersion(const std::vector<ir::DatedValue>& values, num::Date date) {
  const ir::DatedValue* found = nullptr;
  for (const ir::DatedValue& v : values) {
    if (date < v.from) break;
    found = &v;
  }
  if (found && found->to && *found->to < date) return nullptr;
  return found;
}

std::string refOf(const ir::ParameterDecl& p, const ir::DatedValue* v) {
  if (v && v->reference) return " (" + v->reference->text + ")";
  if (!p.references.empty()) return " (" + p.references[0].text + ")";
  return "";
}
} // namespace

const ir::DatedValue& Evaluator::paramVersion(std::uint32_t index, num::Date date, SourceRange range) {
  const ir::ParameterDecl& p = p_.parameters[index];
  const std::vector<ir::DatedValue>* values = &p.values;
  std::vector<ir::DatedValue> merged;
  if (in_.overrides) {
    auto it = in_.overrides->find(index);
    if (it != in_.overrides->end() && !it->second.empty()) {
      // A test's `remplace P depuis D : v` applies from D on.
      if (!(date < it->second.front().from)) values = &it->second;
    }
  }
  const ir::DatedValue* v = findVersion(*values, date);
  if (!v) fail(fmt::format("le paramètre `{}` n'a pas de valeur en vigueur au {}", p.name, date.toString()), range);
  return *v;
}

Value Evaluator::evalTable(const ir::Expr& e) {
  const ir::ParameterDecl& p = p_.parameters[e.index];
  num::Date date = dateAt(e.b.get());
  const ir::DatedValue& version = paramVersion(e.index, date, e.range);
  const ir::TableVersion& t = version.table;
  // A barème has one or two keys (checked by sema).
  Value keys[2];
  for (std::size_t k = 0; k < e.args.size() && k < 2; ++k) keys[k] = eval(*e.args[k]);
  auto showKey = [&](std::size_t k) {
    const Value& v = keys[k];
    return formatFrench(p_, e.args[k]->type, v);
  };
  // Row. An integer key outside the declared key interval is outside the
  // barème even when an open row (`6 et plus`) would match it.
  const ir::TableKey& k1 = p.keys[0];
  if (k1.kind == ir::TableKey::Kind::IntRange &&
      ((k1.lower != INT64_MIN && keys[0].i < k1.lower) || (k1.upper && keys[0].i > *k1.upper)))
    fail(fmt::format("la clé {} est hors du barème `{}` (clé `{}` de {} à {})", showKey(0), p.name, k1.name, k1.lower,
                     k1.upper ? std::to_string(*k1.upper) : std::string("…")),
         e.range);
  std::optional<std::size_t> row;
  for (std::size_t r = 0; r < t.rowKeys.size() && !row; ++r) {
    const ir::TableRowKey& rk = t.rowKeys[r];
    switch (k1.kind) {
    case ir::TableKey::Kind::Enum:
      if (rk.enumValue == keys[0].e) row = r;
      break;
    case ir::TableKey::Kind::Text:
      if (rk.text == *keys[0].text) row = r;
      break;
    case ir::TableKey::Kind::IntRange: {
      num::int128 k = keys[0].i;
      bool geFrom = !rk.from || k >= rk.from->number;
      bool leTo = !rk.to || (rk.toInclusive ? k <= rk.to->number : k < rk.to->number);
      if (geFrom && leTo) row = r;
      break;
    }
    case ir::TableKey::Kind::Band: {
      num::int128 k = k1.type->kind == ir::TypeKind::Date ? num::int128(keys[0].date) : keys[0].d;
      bool geFrom = !rk.from || k >= rk.from->number;
      bool leTo = !rk.to || (rk.toInclusive ? k <= rk.to->number : k < rk.to->number);
      if (geFrom && leTo) row = r;
      break;
    }
    }
  }
  if (!row) {
    if (k1.kind == ir::TableKey::Kind::Text) return Value::absent();
    fail(fmt::format("la clé {} est hors du barème `{}` au {}{}", showKey(0), p.name, date.toString(),
                     refOf(p, &version)),
         e.range);
  }
  std::size_t col = 0;
  if (p.keys.size() == 2) {
    const ir::TableKey& k2 = p.keys[1];
    std::uint32_t want = k2.kind == ir::TableKey::Kind::Enum ? keys[1].e : static_cast<std::uint32_t>(keys[1].i);
    bool found = false;
    for (std::size_t c = 0; c < t.columnKeys.size(); ++c) {
      if (t.columnKeys[c] == want &&
          (k2.kind == ir::TableKey::Kind::Enum || keys[1].i == static_cast<std::int64_t>(want))) {
        col = c;
        found = true;
      }
    }
    if (!found)
      fail(fmt::format("la clé {} est hors du barème `{}` au {}{}", showKey(1), p.name, date.toString(),
                       refOf(p, &version)),
           e.range);
  }
  if (in_.observer && !p.values.empty() && &version >= p.values.data() && &version < p.values.data() + p.values.size())
    in_.observer->tableRow(e.index, static_cast<std::uint32_t>(&version - p.values.data()),
                           static_cast<std::uint32_t>(*row));
  const auto& cell = t.cells[*row][col];
  if (!cell) {
    std::string key = showKey(0);
    if (e.args.size() == 2) key += ", " + showKey(1);
    fail(fmt::format("la case [{}] du barème `{}` n'est pas publiée pour la période commençant le {}{}", key, p.name,
                     version.from.toString(), refOf(p, &version)),
         e.range);
  }
  Value v = constant(*cell, p.type);
  return e.type->kind == ir::TypeKind::Optional ? v : v;
}

} // namespace loge::interp::internal
