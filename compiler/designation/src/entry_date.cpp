// Designation stage: when a demande entered the waiting list (see
// designation.h): `loge position` leaves out the demandes deposited after
// its date, `loge rank` the candidates.
#include "loge/designation/designation.h"

namespace loge::designation {

std::optional<num::Date> entryDate(const ir::Program& p, const interp::Interpreter& interp, const ir::SimilarityDecl& s,
                                   const interp::Value& demande, num::Date date, interp::Arena& arena) {
  const ir::Type* at = p.schema.roles[static_cast<int>(ir::Role::Attribution)];
  const int demandeField = attributionDemandeField(p);
  if (!s.waitFrom || !at || demandeField < 0) return std::nullopt;
  const ir::StructDecl& st = p.structs[at->index];
  interp::Record* r = arena.record(at->index, st.fields.size());
  for (std::size_t i = 0; i < st.fields.size(); ++i)
    r->fields[i] = static_cast<int>(i) == demandeField
                       ? demande
                       : interp::Value::unsetField(arena.missingField("champ de l'attribution inconnu"));
  interp::Inputs in;
  in.date = date;
  in.roles[static_cast<int>(ir::Role::Attribution)] = interp::Value::record(r);
  try {
    interp::Value v = interp.evaluateExpr(*s.waitFrom, in, arena, s.slotCount);
    if (v.isAbsent()) return std::nullopt;
    return v.asDate();
  } catch (const interp::EvalError&) {
    return std::nullopt;
  }
}

std::optional<num::Date> entryDate(const ir::Program& p, const interp::Interpreter& interp,
                                   const interp::Value& demande, num::Date date, interp::Arena& arena) {
  for (const ir::SimilarityDecl& s : p.similarities)
    if (s.waitFrom) return entryDate(p, interp, s, demande, date, arena);
  const ir::Type* dt = p.schema.roles[static_cast<int>(ir::Role::Demande)];
  if (!dt || demande.tag != interp::Tag::Record) return std::nullopt;
  const int field = p.structs[dt->index].fieldIndex("date_depot");
  if (field < 0 || static_cast<std::uint32_t>(field) >= demande.rec->fieldCount) return std::nullopt;
  const interp::Value& v = demande.rec->fields[static_cast<std::size_t>(field)];
  if (v.tag != interp::Tag::Date) return std::nullopt;
  return v.asDate();
}

} // namespace loge::designation
