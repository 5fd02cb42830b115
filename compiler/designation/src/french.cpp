// Designation stage (internal): French wording.
#include "french.h"

#include <fmt/format.h>

namespace loge::designation::internal {

std::string points(num::Decimal d) {
  // French: singular below two (0 point, 1 point, 1,5 point).
  bool singular = num::Decimal::fromInt(-2) < d && d < num::Decimal::fromInt(2);
  return d.toFrench(0, 2) + (singular ? " point" : " points");
}

std::string percent(num::Decimal share) {
  num::Decimal x;
  if (num::mul(share, num::Decimal::fromInt(100), x) != num::Status::Ok) return share.toFrench(0, 4);
  return x.toFrench(0, 2) + " %";
}

std::string ordinal(std::size_t n) { return n == 1 ? "1er" : fmt::format("{}e", n); }
std::string ordinalFeminine(std::size_t n) { return n == 1 ? "1re" : fmt::format("{}e", n); }

std::string plural(std::int64_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, (n == 0 || n == 1 || n == -1) ? one : many);
}

std::string refs(const std::vector<ir::Reference>& rs) {
  std::string out;
  for (const auto& r : rs) out += (out.empty() ? "" : " ; ") + r.text;
  return out.empty() ? "" : " [" + out + "]";
}

std::string describe(const ir::Program& p, const ir::Expr& e) {
  using ir::Op;
  switch (e.op) {
  case Op::Context: {
    static const char* names[] = {"demande", "logement", "candidature", "attribution"};
    return names[static_cast<int>(e.role)];
  }
  case Op::DateEvaluation: return "date_évaluation";
  case Op::Field:
  case Op::OptionalField: {
    const ir::Type* t = ir::stripOptional(e.a->type);
    return describe(p, *e.a) + "." + p.structs[t->index].fields[e.index].name;
  }
  case Op::Unwrap:
  case Op::Some:
  case Op::IntToDecimal: return describe(p, *e.a);
  case Op::CotationTotal: return p.cotations[e.index].name;
  case Op::Criterion: return p.cotations[e.index].name + "." + p.cotations[e.index].criteria[e.sub].name;
  case Op::RubriqueTotal: return p.cotations[e.index].name + "." + p.cotations[e.index].rubriques[e.sub].name;
  case Op::Call: return p.definitions[e.index].name + (e.args.empty() ? "" : "(…)");
  case Op::Param: return p.parameters[e.index].name;
  case Op::QuotaHypothetical: {
    static const char* subs[] = {"concerne", "compte", "en_retard"};
    return "quota." + p.quotas[e.index].name + "." + subs[e.sub < 3 ? e.sub : 0];
  }
  case Op::Eligible: return "éligible";
  case Op::Not: return "non " + describe(p, *e.a);
  case Op::And: return "(" + describe(p, *e.a) + " et " + describe(p, *e.b) + ")";
  case Op::Or: return "(" + describe(p, *e.a) + " ou " + describe(p, *e.b) + ")";
  default: return "(expression)";
  }
}

std::string label(const ir::Program& p, const ir::Expr& e) {
  const ir::Expr* x = &e;
  while (x->op == ir::Op::Unwrap || x->op == ir::Op::Some || x->op == ir::Op::IntToDecimal) x = x->a.get();
  if (x->op == ir::Op::Field || x->op == ir::Op::OptionalField) {
    const ir::FieldDecl& f = p.structs[ir::stripOptional(x->a->type)->index].fields[x->index];
    if (!f.label.empty()) return f.label;
  }
  return describe(p, e);
}

std::string value(const ir::Program& p, const ir::Type* type, const interp::Value& v) {
  if (v.isAbsent()) return "absent";
  if (v.tag == interp::Tag::List) {
    std::string out;
    for (const interp::Value& x : v.lst->items)
      out += (out.empty() ? "" : ", ") + value(p, ir::stripOptional(ir::stripOptional(type)->element), x);
    return "[" + out + "]";
  }
  return interp::formatFrench(p, ir::stripOptional(type), v);
}

std::string where(const SourceManager& sm, SourceRange r) {
  const SourceFile* f = sm.file(r.file);
  return fmt::format("{}:{}:{}", f ? f->path() : "?", r.begin.line, r.begin.column);
}

std::string groupKeys(const ir::Program& p, const ir::QuotaDecl& q, const interp::QuotaGroup& g) {
  std::string out;
  for (std::size_t i = 0; i < g.keys.size() && i < q.scopeNames.size(); ++i)
    out += (out.empty() ? "" : ", ") + q.scopeNames[i] + " = " + value(p, q.scopeValues[i]->type, g.keys[i]);
  return out;
}

std::string target(const ir::QuotaDecl& q, const interp::QuotaGroup& g) {
  if (!g.cible) return "sans objectif";
  std::string dir = q.atLeast ? "au moins " : "au plus ";
  if (q.share) return dir + percent(g.cible->asDecimal());
  return dir + plural(g.cible->i, "attribution", "attributions");
}

std::string statut(const std::string& s) {
  if (s == "en_retard") return "en retard";
  if (s == "depasse") return "dépassé";
  if (s == "sans_objectif") return "sans objectif";
  if (s == "sans_objet") return "sans objet";
  return s;
}

} // namespace loge::designation::internal
