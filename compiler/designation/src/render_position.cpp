// Designation stage: `loge position`, the statement a demandeur reads, and
// its JSON form.
#include "french.h"
#include "json.h"
#include "loge/designation/render.h"

#include <fmt/format.h>

namespace loge::designation {

using namespace internal;

namespace {
// The criteria that gave (or took) points, in declaration order.
std::vector<std::pair<std::string, num::Decimal>> counted(const ir::CotationDecl& c, const interp::CotationResult& r) {
  std::vector<std::pair<std::string, num::Decimal>> out;
  for (std::size_t i = 0; i < c.criteria.size(); ++i)
    if (r.criteria[i].applicable && !(r.criteria[i].contribution == num::Decimal()))
      out.emplace_back(c.criteria[i].label + refs(c.criteria[i].references), r.criteria[i].contribution);
  return out;
}

// Rounded to a tenth « au plus proche » (a half away from zero, as a reader
// rounds: 0,25 → 0,3), for reading; the JSON has the exact value.
std::string months(num::Decimal d) {
  num::Decimal rounded;
  if (num::roundTo(d, *num::Decimal::parse("0.1"), num::RoundingMode::HalfAwayFromZero, rounded) == num::Status::Ok)
    d = rounded;
  return d.toFrench(0, 1) + " mois";
}
} // namespace

std::string positionText(const ir::Program& p, const SourceManager& sm, const PositionReport& r) {
  const ir::CotationDecl& cot = p.cotations[r.cotation];
  const interp::CotationResult& res = r.result.cotations[r.cotation];
  const ir::SimilarityDecl& sim = p.similarities[r.similarity];
  std::string out;
  out += "Relevé de cotation de votre demande de logement social\n";
  out += fmt::format("Demande {}, situation au {}\n", r.id.empty() ? "sans numéro" : r.id, r.date.toFrench());
  if (!p.title.empty())
    out += fmt::format("Règles appliquées : {}{}\n", p.title, p.version.empty() ? "" : ", version " + p.version);

  out += fmt::format("\n1. Votre note : {}\n", points(res.total));
  out += fmt::format("   Grille « {} »{}.\n", cot.label, refs(cot.references));
  auto items = counted(cot, res);
  if (items.empty()) {
    out += "   Aucun critère de la grille ne vous donne de points pour l'instant.\n";
  } else {
    out += "   Les critères qui comptent pour votre demande :\n";
    for (const auto& [label, pts] : items) out += fmt::format("   - {} : {}\n", label, points(pts));
  }
  const std::vector<num::Decimal> before = interp::rubriquesBeforeBounds(cot, res);
  for (std::size_t k = 0; k < cot.rubriques.size(); ++k) {
    if (before[k] < res.rubriques[k])
      out +=
          fmt::format("   Les critères de la rubrique « {} » totalisent {}, moins que son minimum : elle compte pour "
                      "{}.\n",
                      cot.rubriques[k].label, points(before[k]), points(res.rubriques[k]));
    else if (res.rubriques[k] < before[k])
      out += fmt::format("   Les critères de la rubrique « {} » totalisent {}, plus que son maximum : elle compte pour "
                         "{}.\n",
                         cot.rubriques[k].label, points(before[k]), points(res.rubriques[k]));
  }
  if (res.floorApplied)
    out += fmt::format("   La somme des critères ({}) est inférieure au minimum de la grille : votre note est portée "
                       "à {}.\n",
                       points(res.beforeBounds), points(res.total));
  if (res.ceilingApplied)
    out += fmt::format("   La somme des critères ({}) dépasse le maximum de la grille : votre note est ramenée à {}.\n",
                       points(res.beforeBounds), points(res.total));

  std::string keys;
  for (std::size_t k = 0; k < sim.keys.size(); ++k)
    keys += (keys.empty() ? "" : " ; ") + label(p, *sim.keys[k]) + " : " + value(p, sim.keys[k]->type, r.keys[k]);
  out += "\n2. Le délai d'attente moyen des demandes similaires à la vôtre\n";
  out +=
      fmt::format("   Demandes similaires : {}{} (pour votre demande : {}).\n", sim.label, refs(sim.references), keys);
  const WaitingTime& w = r.waiting;
  if (!w.declared) {
    out += "   Les règles ne disent pas comment mesurer le délai d'attente : il n'est pas calculé.\n";
  } else if (!w.attributionsGiven) {
    out += "   Aucune attribution n'a été fournie : le délai d'attente moyen n'est pas calculé.\n";
  } else if (w.measured == 0) {
    out += "   Aucune demande similaire n'a été attribuée dans les attributions connues : le délai d'attente moyen "
           "ne peut pas encore être calculé.\n";
  } else {
    out += fmt::format("   {} similaires ont reçu un logement ; l'attente moyenne a été de {} ",
                       w.measured == 1 ? std::string("1 demande") : fmt::format("{} demandes", w.measured),
                       months(*w.averageMonths));
    out += w.minMonths == w.maxMonths ? fmt::format("({} mois).\n", w.minMonths)
                                      : fmt::format("(de {} à {} mois).\n", w.minMonths, w.maxMonths);
  }
  if (w.undated + w.inconsistent > 0)
    out += fmt::format(
        "   ({} en compte : date manquante ou incohérente.)\n",
        plural(static_cast<std::int64_t>(w.undated + w.inconsistent), "similaire non prise", "similaires non prises"));
  if (w.later > 0)
    out += fmt::format("   ({} après le {} non {} en compte.)\n",
                       plural(static_cast<std::int64_t>(w.later), "similaire attribuée", "similaires attribuées"),
                       r.date.toFrench(), w.later > 1 ? "prises" : "prise");

  out += "\n3. La position de votre demande parmi les demandes similaires\n";
  if (r.similar == 0) {
    out += "   Aucune autre demande similaire n'est en attente : votre demande est la seule, en 1re position.\n";
  } else {
    std::size_t total = r.similar + 1;
    out += fmt::format("   {} demandes similaires sont en attente, la vôtre comprise. ", total);
    if (r.higher == 0)
      out += "Aucune n'a plus de points que la vôtre";
    else
      out += fmt::format("{} plus de points que la vôtre",
                         r.higher == 1 ? std::string("1 a") : fmt::format("{} ont", r.higher));
    out += fmt::format(" : votre demande est en {} position sur {}.\n", ordinalFeminine(r.position()), total);
    if (r.equal > 0)
      out +=
          fmt::format("   {} le même nombre de points que la vôtre ({}) : vous partagez cette position. Entre "
                      "demandes à égalité, l'ordre est fixé au moment de la désignation des candidats à un "
                      "logement.\n",
                      r.equal == 1 ? std::string("1 autre demande a") : fmt::format("{} autres demandes ont", r.equal),
                      points(res.total));
  }
  if (r.depositedLater > 0)
    out += fmt::format("   ({} après le {} non {} en compte.)\n",
                       plural(static_cast<std::int64_t>(r.depositedLater), "demande déposée", "demandes déposées"),
                       r.date.toFrench(), r.depositedLater > 1 ? "prises" : "prise");
  out += "\nCe relevé est établi d'après les demandes et les attributions connues à cette date ; la position et le "
         "délai évoluent avec les nouvelles demandes et les attributions. Ils ne valent pas promesse d'attribution.\n";
  if (!r.failures.empty()) {
    out += fmt::format("\nNote pour le service : {} du calcul :\n",
                       plural(static_cast<std::int64_t>(r.failures.size()), "demande non évaluée, exclue",
                              "demandes non évaluées, exclues"));
    for (const Failure& f : r.failures)
      out += fmt::format("  {} — {}: {}\n", f.id.empty() ? fmt::format("ligne {}", f.input + 1) : f.id,
                         where(sm, f.error.range), f.error.message);
  }
  return out;
}

std::string positionJson(const ir::Program& p, const SourceManager& sm, const PositionReport& r) {
  const ir::CotationDecl& cot = p.cotations[r.cotation];
  const interp::CotationResult& res = r.result.cotations[r.cotation];
  const ir::SimilarityDecl& sim = p.similarities[r.similarity];
  Json root = Json::object();
  root.set("id", Json::string(r.id)).set("date", Json::string(r.date.toString()));
  Json crit = Json::object();
  for (std::size_t k = 0; k < cot.criteria.size(); ++k)
    crit.set(cot.criteria[k].name, Json::number(res.criteria[k].contribution));
  root.set("note", Json::object()
                       .set("cotation", Json::string(cot.name))
                       .set("total", Json::number(res.total))
                       .set("criteres", std::move(crit)));
  Json keys = Json::object();
  for (std::size_t k = 0; k < sim.keys.size(); ++k)
    keys.set(describe(p, *sim.keys[k]), Json::verbatim(interp::formatJson(p, sim.keys[k]->type, r.keys[k])));
  root.set("similarite", Json::object().set("nom", Json::string(sim.name)).set("cles", std::move(keys)));
  const WaitingTime& w = r.waiting;
  Json wait = Json::object();
  wait.set("defini", Json::boolean(w.declared));
  wait.set("attributions_similaires", Json::number(static_cast<std::int64_t>(w.similar)));
  wait.set("mesurees", Json::number(static_cast<std::int64_t>(w.measured)));
  wait.set("non_mesurees", Json::number(static_cast<std::int64_t>(w.undated + w.inconsistent)));
  wait.set("posterieures", Json::number(static_cast<std::int64_t>(w.later)));
  wait.set("moyenne_mois", w.averageMonths ? Json::number(*w.averageMonths) : Json::null());
  wait.set("moyenne_jours", w.averageDays ? Json::number(*w.averageDays) : Json::null());
  wait.set("min_mois", w.measured ? Json::number(w.minMonths) : Json::null());
  wait.set("max_mois", w.measured ? Json::number(w.maxMonths) : Json::null());
  root.set("attente", std::move(wait));
  Json pos = Json::object();
  pos.set("rang", Json::number(static_cast<std::int64_t>(r.position())));
  pos.set("sur", Json::number(static_cast<std::int64_t>(r.similar + 1)));
  pos.set("devant", Json::number(static_cast<std::int64_t>(r.higher)));
  pos.set("ex_aequo", Json::number(static_cast<std::int64_t>(r.equal)));
  pos.set("derriere", Json::number(static_cast<std::int64_t>(r.lower)));
  Json tied = Json::array();
  for (const auto& id : r.tiedIds) tied.push(Json::string(id));
  pos.set("ex_aequo_ids", std::move(tied));
  pos.set("demandes_lues", Json::number(static_cast<std::int64_t>(r.demandeCount)));
  pos.set("deposees_apres", Json::number(static_cast<std::int64_t>(r.depositedLater)));
  root.set("position", std::move(pos));
  Json failures = Json::array();
  for (const Failure& f : r.failures)
    failures.push(Json::object()
                      .set("id", Json::string(f.id))
                      .set("message", Json::string(f.error.message))
                      .set("lieu", Json::string(where(sm, f.error.range))));
  root.set("erreurs", std::move(failures));
  return root.dump();
}

} // namespace loge::designation
