// Designation stage: `loge rank` as French text and as JSON.
#include "french.h"
#include "json.h"
#include "loge/designation/render.h"

#include <fmt/format.h>

#include <algorithm>

namespace loge::designation {

using namespace internal;

namespace {
const char* statusName(CandidateStatus s) {
  switch (s) {
  case CandidateStatus::Retained: return "retenu";
  case CandidateStatus::NotRetained: return "non_retenu";
  case CandidateStatus::OutsidePool: return "hors_classement";
  case CandidateStatus::Ineligible: return "non_eligible";
  case CandidateStatus::Failed: return "erreur";
  case CandidateStatus::NotYetFiled: return "deposee_apres";
  }
  return "erreur";
}

std::string orderText(const ir::Program& p, const ir::ClassementDecl& c) {
  std::string out;
  for (const auto& k : c.order)
    out += (out.empty() ? "" : ", puis ") + describe(p, *k.key) + (k.descending ? " décroissant" : " croissant");
  return out;
}

// Points per criterion that counted, in declaration order.
std::string cotationLine(const ir::CotationDecl& c, const interp::CotationResult& r) {
  std::string items;
  for (std::size_t i = 0; i < c.criteria.size(); ++i) {
    const interp::CriterionResult& x = r.criteria[i];
    if (!x.applicable || x.contribution == num::Decimal()) continue;
    items += (items.empty() ? "" : " ; ") + c.criteria[i].label + " : " + points(x.contribution);
  }
  // A rubrique bound that changed the points, or the criteria listed do
  // not add up to the total.
  const std::vector<num::Decimal> before = interp::rubriquesBeforeBounds(c, r);
  for (std::size_t k = 0; k < c.rubriques.size(); ++k)
    if (before[k] != r.rubriques[k])
      items += fmt::format("{}rubrique « {} » {} : {} au lieu de {}", items.empty() ? "" : " ; ", c.rubriques[k].label,
                           before[k] < r.rubriques[k] ? "portée à son plancher" : "ramenée à son plafond",
                           points(r.rubriques[k]), points(before[k]));
  std::string bounds = r.floorApplied ? " (plancher appliqué)" : r.ceilingApplied ? " (plafond appliqué)" : "";
  return fmt::format("cotation « {} » : {}{}{}", c.label, points(r.total), bounds, items.empty() ? "" : " — " + items);
}

std::vector<std::pair<std::string, std::string>> rulesWith(const ir::Program& p, const interp::DemandeResult& r,
                                                           interp::RuleStatus status) {
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t b = 0; b < p.ruleBlocks.size(); ++b)
    for (std::size_t i = 0; i < p.ruleBlocks[b].rules.size(); ++i)
      if (r.blocks[b][i].status == status)
        out.emplace_back(p.ruleBlocks[b].name + "." + p.ruleBlocks[b].rules[i].name, r.blocks[b][i].motif);
  return out;
}

std::string clauseLabel(const ir::DontDecl& d, std::size_t n) {
  return d.label.empty() ? fmt::format("`dont au moins` n° {}", n + 1) : "« " + d.label + " »";
}

std::string groupSentence(const ir::Program& p, const SourceManager& sm, const QuotaState& s) {
  const ir::QuotaDecl& q = p.quotas[s.quota];
  std::string head = fmt::format("quota « {} » ({}){}", q.label, q.name, refs(q.references));
  if (s.error) return fmt::format("{} : non évalué : {}: {}", head, where(sm, s.error->range), s.error->message);
  if (!s.concerned)
    return head + " : ce logement n'est pas concerné (l'attribution envisagée n'entre pas dans la population du "
                  "quota), il n'est pas en retard";
  if (!s.group)
    return head + " : aucune attribution encore dans le groupe de ce logement pour la période, il n'est "
                  "pas en retard";
  const interp::QuotaGroup& g = *s.group;
  std::string keys = groupKeys(p, q, g);
  std::string out =
      fmt::format("{}, période {}{} : {} sur {} remplissent la condition", head, g.period,
                  keys.empty() ? "" : " (" + keys + ")", g.nombre, plural(g.effectif, "attribution", "attributions"));
  if (g.part) out += " (" + percent(*g.part) + ")";
  out += " ; cible " + target(q, g) + " ; " + statut(g.statut);
  if (g.statut == "en_retard")
    out += g.manque ? " : il en manque " + std::to_string(*g.manque) : " : la cible ne peut plus être atteinte";
  return out;
}

// The candidate's name in sentences: its id, else its place in the input.
std::string inputName(const RankReport& r, std::size_t i) {
  const CandidateReport& x = r.candidates[i];
  return x.id.empty() ? fmt::format("candidat n° {}", x.input + 1) : x.id;
}

// A ranked candidate's order keys, cotations and alerts, one line each.
std::string candidateDetails(const ir::Program& p, const RankReport& r, const CandidateReport& x,
                             const std::string& pad) {
  const ir::ClassementDecl& c = p.classements[r.classement];
  auto sameKeys = [&](const CandidateReport& a, const CandidateReport& b) {
    for (std::size_t k = 0; k < a.keys.size(); ++k)
      if (value(p, c.order[k].key->type, a.keys[k]) != value(p, c.order[k].key->type, b.keys[k])) return false;
    return true;
  };
  std::string s;
  std::string keys;
  for (std::size_t k = 0; k < x.keys.size(); ++k)
    keys +=
        (keys.empty() ? "" : " ; ") + describe(p, *c.order[k].key) + " = " + value(p, c.order[k].key->type, x.keys[k]);
  if (x.rank && *x.rank > 1) {
    const CandidateReport& before = r.candidates[r.order[*x.rank - 2]];
    if (sameKeys(before, x))
      keys += fmt::format(" (à égalité avec {} sur toutes les clés : départagés par le numéro de demande)",
                          before.id.empty() ? fmt::format("le candidat n° {}", before.input + 1) : before.id);
  }
  if (!keys.empty()) s += pad + keys + "\n";
  for (std::size_t i = 0; i < p.cotations.size(); ++i)
    s += pad + cotationLine(p.cotations[i], x.result->cotations[i]) + "\n";
  for (const auto& [rule, motif] : rulesWith(p, *x.result, interp::RuleStatus::Alerte))
    s += pad + "alerte " + rule + " : " + motif + "\n";
  return s;
}

// ", retenu par la clause « … » à la place de G" for a candidate brought in
// by a `dont au moins` clause, else "".
std::string insertedBy(const ir::Program& p, const RankReport& r, const CandidateReport& x) {
  if (!x.inserted) return "";
  const ClauseReport& cl = r.clauses[static_cast<std::size_t>(x.dontClause)];
  for (std::size_t j = 0; j < cl.inserted.size(); ++j)
    if (cl.inserted[j] == x.input)
      return fmt::format(
          ", retenu par la clause {} à la place de {}",
          clauseLabel(p.classements[r.classement].dont[static_cast<std::size_t>(x.dontClause)], cl.clause),
          inputName(r, cl.displaced[j]));
  return "";
}

// Why a candidate is not ranked (outside the pool, ineligible, failed).
std::string exclusion(const ir::Program& p, const SourceManager& sm, const CandidateReport& x) {
  switch (x.status) {
  case CandidateStatus::OutsidePool:
    return "hors du classement : la condition de `candidats éligibles où …` n'est pas remplie";
  case CandidateStatus::Ineligible: {
    std::string why;
    for (const auto& [rule, motif] : rulesWith(p, *x.result, interp::RuleStatus::Refus))
      why += (why.empty() ? "" : " ; ") + rule + " (" + motif + ")";
    return "non éligible : refus " + why;
  }
  case CandidateStatus::Failed:
    return fmt::format("non évalué : {}: {}", where(sm, x.failure->range), x.failure->message);
  case CandidateStatus::NotYetFiled:
    return fmt::format("demande déposée le {}, après la date du classement : pas encore candidate",
                       x.deposited->toFrench());
  default: return "";
  }
}

// The first line of a clause's explanation, and the indented ones below it.
std::string clauseLines(const ir::Program& p, const SourceManager& sm, const RankReport& r, const ClauseReport& cl,
                        const std::string& pad) {
  const ir::DontDecl& d = p.classements[r.classement].dont[cl.clause];
  std::string out = fmt::format("{}Clause {} : ", pad, clauseLabel(d, cl.clause));
  const bool quotaFailed =
      std::any_of(cl.quotas.begin(), cl.quotas.end(), [](const QuotaState& q) { return q.error.has_value(); });
  if (!cl.active && quotaFailed) {
    // Its `si` could not be evaluated: « n'est remplie pour aucun candidat »
    // would blame the candidates.
    out += "ne s'applique pas : un quota qu'elle consulte n'a pas pu être évalué (ci-dessous)\n";
  } else if (!cl.active) {
    out += d.when ? "ne s'applique pas (sa condition `si` n'est remplie pour aucun candidat)\n"
                  : "ne s'applique pas (aucun candidat)\n";
  } else if (cl.inserted.empty()) {
    out += fmt::format("s'applique ; {} {}, pour {}", plural(cl.met, "retenu", "retenus"),
                       cl.met > 1 ? "la remplissent" : "la remplit", plural(cl.wanted, "exigé", "exigés"));
    out += cl.met >= cl.wanted ? ", elle n'a rien changé\n" : " : pas assez de candidats la remplissent\n";
  } else {
    out += fmt::format("s'applique et a modifié la liste ({} {}, pour {})\n", plural(cl.met, "retenu", "retenus"),
                       cl.met > 1 ? "la remplissent" : "la remplit", plural(cl.wanted, "exigé", "exigés"));
    for (std::size_t j = 0; j < cl.inserted.size(); ++j)
      out += fmt::format("{}  {} ({} du classement) est retenu à la place de {} ({} du classement)\n", pad,
                         inputName(r, cl.inserted[j]), ordinal(*r.candidates[cl.inserted[j]].rank),
                         inputName(r, cl.displaced[j]), ordinal(*r.candidates[cl.displaced[j]].rank));
    if (cl.met < cl.wanted) out += pad + "  pas assez de candidats la remplissent\n";
  }
  for (const QuotaState& q : cl.quotas) out += pad + "  " + groupSentence(p, sm, q) + "\n";
  if (!cl.quotas.empty() && !r.attributionsGiven)
    out += pad + "  (aucun fichier d'attributions : les quotas sont vides et jamais en retard ; voir --attributions)\n";
  return out;
}
} // namespace

std::string rankCandidateText(const ir::Program& p, const SourceManager& sm, const RankReport& r,
                              std::size_t candidate) {
  const CandidateReport& x = r.candidates[candidate];
  switch (x.status) {
  case CandidateStatus::Retained:
    return fmt::format("retenu : {} du classement{}\n", ordinal(*x.rank), insertedBy(p, r, x)) +
           candidateDetails(p, r, x, "");
  case CandidateStatus::NotRetained:
    return fmt::format("classé, non retenu : {} du classement\n", ordinal(*x.rank)) + candidateDetails(p, r, x, "");
  default: return exclusion(p, sm, x) + "\n";
  }
}

std::string rankClauseText(const ir::Program& p, const SourceManager& sm, const RankReport& r, std::size_t clause) {
  return clauseLines(p, sm, r, r.clauses[clause], "");
}

// Whether the classement already orders by the demande's number: its
// tie-break, which the engine adds after the policy's keys, then never
// decides (numbers are unique in a file), and is not shown twice.
static bool ordersById(const ir::Program& p, const ir::ClassementDecl& c) {
  for (const auto& k : c.order)
    if (describe(p, *k.key) == "demande.id") return true;
  return false;
}

std::string rankText(const ir::Program& p, const SourceManager& sm, const RankReport& r) {
  const ir::ClassementDecl& c = p.classements[r.classement];
  std::string out;
  out += fmt::format("Classement « {} » ({}){}\n", c.label, c.name, refs(c.references));
  out += fmt::format("Au {}", r.date.toFrench());
  if (r.attributionsGiven)
    out += fmt::format(" ; {} connues (les quotas comptent celles datées au plus tard ce jour)",
                       plural(static_cast<std::int64_t>(r.attributionCount), "attribution", "attributions"));
  out += "\n";
  out += fmt::format("Ordre : {}{}.\n", orderText(p, c),
                     ordersById(p, c) ? "" : " ; à égalité, numéro de demande croissant, puis ordre du fichier");
  std::size_t outside = 0, ineligible = 0, failed = 0, later = 0;
  for (const auto& x : r.candidates) {
    outside += x.status == CandidateStatus::OutsidePool;
    ineligible += x.status == CandidateStatus::Ineligible;
    failed += x.status == CandidateStatus::Failed;
    later += x.status == CandidateStatus::NotYetFiled;
  }
  auto n = [](std::size_t x) { return static_cast<std::int64_t>(x); };
  out += fmt::format(
      "{} : {}, {} hors du classement, {}", plural(n(r.candidates.size()), "candidat examiné", "candidats examinés"),
      plural(n(r.order.size()), "classé", "classés"), outside, plural(n(ineligible), "non éligible", "non éligibles"));
  if (failed) out += fmt::format(", {} en erreur", failed);
  if (later) out += fmt::format(", {} après le {}", plural(n(later), "déposée", "déposées"), r.date.toFrench());
  out += ".\n";
  out += fmt::format("À retenir : {}", r.retain);
  if (c.retain && r.retain < 3) out += " (moins de trois : la politique le prévoit pour ce logement)";
  out += ".";
  if (r.insufficient)
    out += fmt::format(" Candidats insuffisants : {} seulement.",
                       plural(static_cast<std::int64_t>(r.order.size()), "candidat classé", "candidats classés"));
  out += "\n";

  out += fmt::format("\nCandidats retenus ({}) :\n", r.retained.size());
  if (r.retained.empty()) out += "  aucun\n";
  for (std::size_t k = 0; k < r.retained.size(); ++k) {
    const CandidateReport& x = r.candidates[r.retained[k]];
    out += fmt::format("  {}. {} — {} du classement{}\n", k + 1, inputName(r, r.retained[k]), ordinal(*x.rank),
                       insertedBy(p, r, x));
    out += candidateDetails(p, r, x, "     ");
  }
  std::vector<std::size_t> rest;
  for (std::size_t i : r.order)
    if (r.candidates[i].status == CandidateStatus::NotRetained) rest.push_back(i);
  if (!rest.empty()) {
    out += fmt::format("\nCandidats classés, non retenus ({}) :\n", rest.size());
    for (std::size_t i : rest) {
      out += fmt::format("  {} — {} du classement\n", inputName(r, i), ordinal(*r.candidates[i].rank));
      out += candidateDetails(p, r, r.candidates[i], "     ");
    }
  }
  if (outside + ineligible + failed + later > 0) {
    out += fmt::format("\nCandidats écartés ({}) :\n", outside + ineligible + failed + later);
    for (const CandidateReport& x : r.candidates)
      if (x.status == CandidateStatus::OutsidePool || x.status == CandidateStatus::Ineligible ||
          x.status == CandidateStatus::Failed || x.status == CandidateStatus::NotYetFiled)
        out += fmt::format("  {} — {}\n", inputName(r, x.input), exclusion(p, sm, x));
  }
  if (!r.clauses.empty()) {
    out += "\nContraintes sur les candidats retenus :\n";
    for (const ClauseReport& cl : r.clauses) out += clauseLines(p, sm, r, cl, "  ");
  }
  return out;
}

std::string rankJson(const ir::Program& p, const SourceManager& sm, const RankReport& r) {
  const ir::ClassementDecl& c = p.classements[r.classement];
  Json root = Json::object();
  root.set("classement", Json::string(c.name)).set("libelle", Json::string(c.label));
  root.set("date", Json::string(r.date.toString()));
  Json order = Json::array();
  for (const auto& k : c.order)
    order.push(Json::object()
                   .set("cle", Json::string(describe(p, *k.key)))
                   .set("sens", Json::string(k.descending ? "decroissant" : "croissant")));
  if (!ordersById(p, c))
    order.push(Json::object()
                   .set("cle", Json::string("demande.id"))
                   .set("sens", Json::string("croissant"))
                   .set("departage", Json::boolean(true)));
  root.set("ordre", std::move(order));
  root.set("retenir", Json::number(r.retain)).set("insuffisant", Json::boolean(r.insufficient));
  root.set("attributions",
           r.attributionsGiven ? Json::number(static_cast<std::int64_t>(r.attributionCount)) : Json::null());
  Json retained = Json::array();
  for (std::size_t i : r.retained) retained.push(Json::string(r.candidates[i].id));
  root.set("retenus", std::move(retained));

  auto candidate = [&](const CandidateReport& x) {
    Json j = Json::object();
    j.set("id", Json::string(x.id)).set("statut", Json::string(statusName(x.status)));
    if (x.rank) j.set("rang", Json::number(static_cast<std::int64_t>(*x.rank)));
    if (x.deposited) j.set("date_depot", Json::string(x.deposited->toString()));
    if (!x.keys.empty()) {
      Json keys = Json::array();
      for (std::size_t k = 0; k < x.keys.size(); ++k)
        keys.push(Json::verbatim(interp::formatJson(p, c.order[k].key->type, x.keys[k])));
      j.set("cles", std::move(keys));
    }
    if (x.inserted) {
      const ClauseReport& cl = r.clauses[static_cast<std::size_t>(x.dontClause)];
      j.set("insere_par", Json::number(static_cast<std::int64_t>(cl.clause)));
      for (std::size_t k = 0; k < cl.inserted.size(); ++k)
        if (cl.inserted[k] == x.input) j.set("a_la_place_de", Json::string(r.candidates[cl.displaced[k]].id));
    }
    if (x.result) {
      Json cot = Json::object();
      for (std::size_t i = 0; i < p.cotations.size(); ++i) {
        const ir::CotationDecl& d = p.cotations[i];
        Json crit = Json::object();
        for (std::size_t k = 0; k < d.criteria.size(); ++k)
          crit.set(d.criteria[k].name, Json::number(x.result->cotations[i].criteria[k].contribution));
        cot.set(
            d.name,
            Json::object().set("total", Json::number(x.result->cotations[i].total)).set("criteres", std::move(crit)));
      }
      j.set("cotation", std::move(cot));
      for (auto [status, key] :
           {std::pair{interp::RuleStatus::Refus, "refus"}, std::pair{interp::RuleStatus::Alerte, "alertes"}}) {
        Json list = Json::array();
        for (const auto& [rule, motif] : rulesWith(p, *x.result, status))
          list.push(Json::object().set("regle", Json::string(rule)).set("motif", Json::string(motif)));
        j.set(key, std::move(list));
      }
    }
    if (x.failure)
      j.set("erreur", Json::object()
                          .set("message", Json::string(x.failure->message))
                          .set("lieu", Json::string(where(sm, x.failure->range))));
    return j;
  };
  Json list = Json::array();
  for (std::size_t i : r.order) list.push(candidate(r.candidates[i]));
  for (CandidateStatus s : {CandidateStatus::OutsidePool, CandidateStatus::Ineligible, CandidateStatus::Failed,
                            CandidateStatus::NotYetFiled})
    for (const CandidateReport& x : r.candidates)
      if (x.status == s) list.push(candidate(x));
  root.set("candidats", std::move(list));

  Json clauses = Json::array();
  for (const ClauseReport& cl : r.clauses) {
    const ir::DontDecl& d = c.dont[cl.clause];
    Json j = Json::object();
    j.set("libelle", Json::string(d.label)).set("appliquee", Json::boolean(cl.active));
    j.set("minimum", Json::number(cl.wanted)).set("remplissent", Json::number(cl.met));
    Json ins = Json::array(), dis = Json::array();
    for (std::size_t i : cl.inserted) ins.push(Json::string(r.candidates[i].id));
    for (std::size_t i : cl.displaced) dis.push(Json::string(r.candidates[i].id));
    j.set("inseres", std::move(ins)).set("remplaces", std::move(dis));
    Json quotas = Json::array();
    for (const QuotaState& s : cl.quotas) {
      const ir::QuotaDecl& q = p.quotas[s.quota];
      Json qj = Json::object();
      qj.set("quota", Json::string(q.name));
      if (s.group) {
        const interp::QuotaGroup& g = *s.group;
        Json keys = Json::object();
        for (std::size_t k = 0; k < g.keys.size(); ++k)
          keys.set(q.scopeNames[k], Json::verbatim(interp::formatJson(p, q.scopeValues[k]->type, g.keys[k])));
        qj.set("periode", Json::string(g.period)).set("cles", std::move(keys));
        qj.set("effectif", Json::number(g.effectif)).set("nombre", Json::number(g.nombre));
        qj.set("part", g.part ? Json::number(*g.part) : Json::null());
        qj.set("cible", !g.cible  ? Json::null()
                        : q.share ? Json::number(g.cible->asDecimal())
                                  : Json::number(g.cible->i));
        qj.set("manque", g.manque ? Json::number(*g.manque) : Json::null());
        qj.set("statut", Json::string(g.statut));
      } else if (s.error) {
        qj.set("statut", Json::string("erreur"))
            .set("erreur", Json::object()
                               .set("message", Json::string(s.error->message))
                               .set("lieu", Json::string(where(sm, s.error->range))));
      } else {
        qj.set("statut", Json::string(s.concerned ? "groupe_vide" : "non_concerne"));
      }
      quotas.push(std::move(qj));
    }
    j.set("quotas", std::move(quotas));
    clauses.push(std::move(j));
  }
  root.set("clauses", std::move(clauses));
  return root.dump();
}

} // namespace loge::designation
