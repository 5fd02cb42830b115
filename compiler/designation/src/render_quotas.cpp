// Designation stage: `loge quota` as Markdown and as JSON.
#include "french.h"
#include "json.h"
#include "loge/designation/render.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace loge::designation {

using namespace internal;

namespace {
const char* periodName(ir::PeriodKind k) {
  switch (k) {
  case ir::PeriodKind::Year: return "année civile";
  case ir::PeriodKind::Semester: return "semestre";
  case ir::PeriodKind::Quarter: return "trimestre";
  case ir::PeriodKind::Month: return "mois";
  }
  return "année civile";
}
const char* periodKey(ir::PeriodKind k) {
  switch (k) {
  case ir::PeriodKind::Year: return "annee_civile";
  case ir::PeriodKind::Semester: return "semestre";
  case ir::PeriodKind::Quarter: return "trimestre";
  case ir::PeriodKind::Month: return "mois";
  }
  return "annee_civile";
}
// Markdown table cells must not break the table.
std::string cell(std::string s) {
  std::string out;
  for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}
} // namespace

std::string quotasMarkdown(const ir::Program& p, const QuotaReport& r) {
  std::string out = fmt::format("# Quotas{}\n\n", p.title.empty() ? "" : " — " + p.title);
  out += fmt::format("{} lues", plural(static_cast<std::int64_t>(r.attributionCount), "attribution", "attributions"));
  out += r.period ? fmt::format(" ; période {}", r.period->text) : std::string(" ; toutes les périodes");
  out += ". Une attribution sans date d'ancrage (bail non signé) n'est pas comptée";
  if (p.vigueurFrom != num::Date::min() || p.vigueurTo)
    out += fmt::format(", ni celle d'une période hors de la vigueur de la politique ({})",
                       p.vigueurFrom == num::Date::min() ? "jusqu'au " + p.vigueurTo->toString()
                       : p.vigueurTo ? "du " + p.vigueurFrom.toString() + " au " + p.vigueurTo->toString()
                                     : "depuis le " + p.vigueurFrom.toString());
  out += ".\n";
  if (p.quotas.empty()) out += "\nLa politique ne déclare aucun quota.\n";
  for (const QuotaReport::Entry& e : r.quotas) {
    const ir::QuotaDecl& q = p.quotas[e.quota];
    out += fmt::format("\n## {} (`{}`)\n\n", q.label, q.name);
    std::string ref = refs(q.references);
    out +=
        fmt::format("Période : {}{}. Cible : {} d'attributions remplissant la condition.{}\n\n", periodName(q.period),
                    q.scopeNames.empty() ? "" : ", par " + fmt::format("{}", fmt::join(q.scopeNames, ", ")),
                    q.share ? (q.atLeast ? "une part minimale" : "une part maximale")
                            : (q.atLeast ? "un nombre minimal" : "un nombre maximal"),
                    ref.empty() ? "" : " Référence : " + ref.substr(2, ref.size() - 3) + ".");
    if (e.groups.empty()) {
      if (r.period && !e.longerPeriods.empty())
        out += fmt::format("La période de ce quota ({}) est plus longue que {} : ses chiffres sont ceux de la "
                           "période {} (`--periode {}`).\n",
                           periodName(q.period), r.period->text, e.longerPeriods.front(), e.longerPeriods.front());
      else
        out += r.period ? fmt::format("Aucune attribution comptée pour la période {}.\n", r.period->text)
                        : std::string("Aucune attribution comptée.\n");
      continue;
    }
    out += "| période |";
    for (const auto& k : q.scopeNames) out += " " + cell(k) + " |";
    out += " attributions comptées | remplissant la condition | part | cible | manque | statut |\n|---|";
    for (std::size_t i = 0; i < q.scopeNames.size(); ++i) out += "---|";
    out += "---:|---:|---:|---|---:|---|\n";
    for (const interp::QuotaGroup& g : e.groups) {
      out += "| " + g.period + " |";
      for (std::size_t k = 0; k < g.keys.size(); ++k)
        out += " " + cell(value(p, q.scopeValues[k]->type, g.keys[k])) + " |";
      out += fmt::format(" {} | {} | {} | {} | {} | {} |\n", g.effectif, g.nombre, g.part ? percent(*g.part) : "—",
                         target(q, g), g.manque ? std::to_string(*g.manque) : "—", statut(g.statut));
    }
    if (q.share && q.atLeast)
      out += "\nLe manque est le plus petit nombre k d'attributions remplissant la condition tel que "
             "(remplissant + k) ÷ (comptées + k) atteigne la cible.\n";
  }
  return out;
}

std::string quotasJson(const ir::Program& p, const QuotaReport& r) {
  Json root = Json::object();
  root.set("attributions", Json::number(static_cast<std::int64_t>(r.attributionCount)));
  root.set("periode", r.period ? Json::string(r.period->text) : Json::null());
  Json quotas = Json::array();
  for (const QuotaReport::Entry& e : r.quotas) {
    const ir::QuotaDecl& q = p.quotas[e.quota];
    Json j = Json::object();
    j.set("quota", Json::string(q.name)).set("libelle", Json::string(q.label));
    j.set("periode", Json::string(periodKey(q.period)));
    Json keys = Json::array();
    for (const auto& k : q.scopeNames) keys.push(Json::string(k));
    j.set("par", std::move(keys));
    j.set("sens", Json::string(q.atLeast ? "au_moins" : "au_plus"));
    j.set("nature", Json::string(q.share ? "part" : "nombre"));
    Json groups = Json::array();
    for (const interp::QuotaGroup& g : e.groups) {
      Json gj = Json::object();
      gj.set("periode", Json::string(g.period));
      Json gk = Json::object();
      for (std::size_t k = 0; k < g.keys.size(); ++k)
        gk.set(q.scopeNames[k], Json::verbatim(interp::formatJson(p, q.scopeValues[k]->type, g.keys[k])));
      gj.set("cles", std::move(gk));
      gj.set("effectif", Json::number(g.effectif)).set("nombre", Json::number(g.nombre));
      gj.set("part", g.part ? Json::number(*g.part) : Json::null());
      gj.set("cible", !g.cible  ? Json::null()
                      : q.share ? Json::number(g.cible->asDecimal())
                                : Json::number(g.cible->i));
      gj.set("manque", g.manque ? Json::number(*g.manque) : Json::null());
      gj.set("statut", Json::string(g.statut));
      groups.push(std::move(gj));
    }
    j.set("groupes", std::move(groups));
    if (r.period) {
      // The quota's periods longer than the filter, which contain it.
      Json longer = Json::array();
      for (const std::string& label : e.longerPeriods) longer.push(Json::string(label));
      j.set("periodes_englobantes", std::move(longer));
    }
    quotas.push(std::move(j));
  }
  root.set("quotas", std::move(quotas));
  return root.dump();
}

} // namespace loge::designation
