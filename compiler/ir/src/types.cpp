// IR stage: type interning and type names.
#include "loge/ir/types.h"
#include "loge/ir/program.h"

namespace loge::ir {

TypeTable::TypeTable() {
  bool_ = intern({TypeKind::Bool});
  int_ = intern({TypeKind::Int});
  date_ = intern({TypeKind::Date});
  text_ = intern({TypeKind::Text});
  absent_ = intern({TypeKind::Absent});
  error_ = intern({TypeKind::Error});
}

const Type* TypeTable::intern(const Type& t) {
  for (const Type& e : types_) {
    if (e.kind == t.kind && e.unit == t.unit && e.durationUnit == t.durationUnit && e.index == t.index &&
        e.element == t.element)
      return &e;
  }
  types_.push_back(t);
  return &types_.back();
}

const Type* TypeTable::decimal(Unit unit) { return intern({TypeKind::Decimal, unit}); }
const Type* TypeTable::duration(DurationUnit unit) {
  Type t{TypeKind::Duration};
  t.durationUnit = unit;
  return intern(t);
}
const Type* TypeTable::enumeration(std::uint32_t index) {
  Type t{TypeKind::Enum};
  t.index = index;
  return intern(t);
}
const Type* TypeTable::structure(std::uint32_t index) {
  Type t{TypeKind::Struct};
  t.index = index;
  return intern(t);
}
const Type* TypeTable::list(const Type* element) {
  Type t{TypeKind::List};
  t.element = element;
  return intern(t);
}
const Type* TypeTable::optional(const Type* inner) {
  if (inner->kind == TypeKind::Optional || inner->kind == TypeKind::Absent || inner->kind == TypeKind::Error)
    return inner;
  Type t{TypeKind::Optional};
  t.element = inner;
  return intern(t);
}

ExprPtr makeExpr(Op op, const Type* type, SourceRange range) {
  auto e = std::make_unique<Expr>();
  e->op = op;
  e->type = type;
  e->range = range;
  return e;
}

int StructDecl::fieldIndex(const std::string& foldedName) const {
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == foldedName) return static_cast<int>(i);
  return -1;
}

std::string typeName(const Program& p, const Type* t) {
  switch (t->kind) {
  case TypeKind::Bool: return "booléen";
  case TypeKind::Int: return "entier";
  case TypeKind::Decimal:
    switch (t->unit) {
    case Unit::None: return "décimal";
    case Unit::Euro: return "montant (€)";
    case Unit::EuroPerMonth: return "montant mensuel (€/mois)";
    case Unit::EuroPerYear: return "montant annuel (€/an)";
    case Unit::SquareMetre: return "surface (m²)";
    case Unit::Points: return "points";
    }
    return "décimal";
  case TypeKind::Date: return "date";
  case TypeKind::Duration: return t->durationUnit == DurationUnit::Months ? "durée en mois" : "durée en jours";
  case TypeKind::Text: return "texte";
  case TypeKind::Enum: return t->index < p.enums.size() ? p.enums[t->index].name : "énumération";
  case TypeKind::Struct: return t->index < p.structs.size() ? p.structs[t->index].name : "structure";
  case TypeKind::List: return "liste de " + typeName(p, t->element);
  case TypeKind::Optional: return typeName(p, t->element) + "?";
  case TypeKind::Absent: return "absent";
  case TypeKind::Error: return "erreur";
  }
  return "?";
}

} // namespace loge::ir
