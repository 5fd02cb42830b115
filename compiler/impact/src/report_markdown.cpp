// Impact stage: the Markdown report for a reviewer (`loge diff`), in French.
#include "loge/impact/impact.h"

#include <fmt/format.h>

namespace loge::impact {

namespace {
// 3 000 (narrow no-break space, as Decimal::toFrench).
std::string count(std::size_t n) { return num::Decimal::fromInt(static_cast<std::int64_t>(n)).toFrench(0, 0); }

// French typography: the minus sign is U+2212, as in the histogram labels.
std::string points(num::Decimal d) {
  std::string s = d.toFrench(0, 6);
  return s.rfind('-', 0) == 0 ? "−" + s.substr(1) : s;
}

std::string signedPoints(num::Decimal d) { return (d.isNegative() || d.isZero() ? "" : "+") + points(d); }

// French agreement: singular below 2 ("0 demande", "1 demande", "2 demandes").
std::string agree(std::size_t n, const char* singular, const char* plural) {
  return count(n) + " " + (n >= 2 ? plural : singular);
}

std::string demandes(std::size_t n) { return agree(n, "demande", "demandes"); }

// a − b; the comparison already computed it without overflow.
num::Decimal difference(num::Decimal a, num::Decimal b) {
  num::Decimal d;
  (void)num::sub(a, b, d);
  return d;
}

std::string rank(const std::optional<std::size_t>& r) { return r ? count(*r) : "—"; }

std::string code(const std::string& s) { return "`" + s + "`"; }

// Escapes the characters that would break a table cell.
std::string cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

void exampleList(std::string& out, const std::string& title, const std::vector<Example>& list,
                 const std::string& rulesWord) {
  if (list.empty()) return;
  out += fmt::format("{} :\n\n", title);
  for (const Example& e : list) {
    out += fmt::format("- {}", code(e.id));
    if (!e.rules.empty()) {
      std::string joined;
      for (const auto& r : e.rules) joined += (joined.empty() ? "" : ", ") + code(r);
      out += fmt::format(" — {} {}", rulesWord, joined);
    }
    out += "\n";
  }
  out += "\n";
}

void rankTable(std::string& out, const std::string& title, const std::vector<Example>& list, bool withPoints) {
  out += fmt::format("**{}** : {}\n\n", title, list.empty() ? "aucune" : count(list.size()));
  if (list.empty()) return;
  out += withPoints ? "| demande | rang avant | rang après | points avant | points après |\n|---|--:|--:|--:|--:|\n"
                    : "| demande | rang avant | rang après |\n|---|--:|--:|\n";
  for (const Example& e : list) {
    out += fmt::format("| {} | {} | {} |", code(cell(e.id)), rank(e.rankBefore), rank(e.rankAfter));
    if (withPoints)
      out += fmt::format(" {} | {} |", e.before ? points(*e.before) : "—", e.after ? points(*e.after) : "—");
    out += "\n";
  }
  out += "\n";
}
} // namespace

std::string renderMarkdown(const Report& r) {
  std::string out = "# Impact de la modification de la politique\n\n";
  out += fmt::format("- Ancienne version : {}\n- Nouvelle version : {}\n", code(r.oldTitle), code(r.newTitle));
  out += fmt::format("- Corpus : {}", demandes(r.demandes));
  if (!r.date.empty()) out += fmt::format(", évaluées au {}", r.date);
  out += r.logement.empty() ? " (sans logement : éligibilité non évaluée)\n"
                            : fmt::format(" ; logement {}\n", code(r.logement));
  out += fmt::format("- Demandes comparées (évaluées sans erreur par les deux versions) : {}\n\n", count(r.compared));

  // Summary.
  out += "## Résumé\n\n| | |\n|---|---|\n";
  if (r.eligibility.present)
    out += fmt::format("| Éligibilité | {}, {} |\n",
                       agree(r.eligibility.gained, "devient éligible", "deviennent éligibles"),
                       agree(r.eligibility.lost, "devient inéligible", "deviennent inéligibles"));
  for (const AlertImpact& a : r.alerts)
    if (a.appeared || a.disappeared)
      out += fmt::format("| Alerte {} | {}, {} |\n", code(a.rule), agree(a.appeared, "la reçoit", "la reçoivent"),
                         agree(a.disappeared, "ne l'a plus", "ne l'ont plus"));
  for (const CotationImpact& c : r.cotations)
    out += fmt::format("| Cotation {} | {} de points ({} en hausse, {} en baisse) ; écart moyen {} |\n", code(c.name),
                       agree(c.changed, "change", "changent"), count(c.up), count(c.down), signedPoints(c.meanDelta));
  if (r.rank.present)
    out += fmt::format("| Rang ({} premiers) | {}, {}, {} de rang |\n", count(r.rank.top),
                       agree(r.rank.entered.size(), "entre", "entrent"), agree(r.rank.left.size(), "sort", "sortent"),
                       agree(r.rank.moved.size(), "change", "changent"));
  if (r.errors.before || r.errors.after)
    out +=
        fmt::format("| Erreurs d'évaluation | {} avant, {} après |\n", count(r.errors.before), count(r.errors.after));
  out += "\n";

  if (r.eligibility.present) {
    const EligibilityImpact& e = r.eligibility;
    out += "## Éligibilité\n\n";
    out += fmt::format("Demandes éligibles : {} avant, {} après.\n\n", count(e.eligibleBefore), count(e.eligibleAfter));
    out +=
        fmt::format("- Deviennent éligibles : {}\n- Deviennent inéligibles : {}\n\n", count(e.gained), count(e.lost));
    exampleList(out, "Exemples de demandes qui deviennent éligibles", e.gainedExamples, "refusée avant par");
    exampleList(out, "Exemples de demandes qui deviennent inéligibles", e.lostExamples, "refusée par");
  }

  if (!r.alerts.empty()) {
    out += "## Alertes\n\nDemandes qui reçoivent l'alerte de chaque règle, avant et après :\n\n"
           "| règle | avant | après | la reçoivent | ne l'ont plus |\n|---|--:|--:|--:|--:|\n";
    for (const AlertImpact& a : r.alerts)
      out += fmt::format("| {}{} | {} | {} | {} | {} |\n", code(a.rule),
                         a.added     ? " (nouvelle)"
                         : a.removed ? " (supprimée)"
                                     : "",
                         count(a.before), count(a.after), count(a.appeared), count(a.disappeared));
    out += "\n";
    for (const AlertImpact& a : r.alerts) {
      exampleList(out, fmt::format("Exemples de demandes qui reçoivent l'alerte {}", code(a.rule)), a.appearedExamples,
                  "");
      exampleList(out, fmt::format("Exemples de demandes qui n'ont plus l'alerte {}", code(a.rule)),
                  a.disappearedExamples, "");
    }
  }

  for (const CotationImpact& c : r.cotations) {
    out += fmt::format("## Cotation {} — {}\n\n", code(c.name), c.label);
    if (c.added) out += "Cette cotation n'existe que dans la nouvelle version (comparée à zéro point).\n\n";
    if (c.removed) out += "Cette cotation n'existe que dans l'ancienne version (comparée à zéro point).\n\n";
    out += fmt::format("{} sur {} {} de points : {} en hausse, {} en baisse.\n\n", demandes(c.changed),
                       count(c.compared), c.changed >= 2 ? "changent" : "change", count(c.up), count(c.down));
    out += fmt::format("Écart (nouveau − ancien) : moyen {}, minimum {}, maximum {}, total {}.\n\n",
                       signedPoints(c.meanDelta), signedPoints(c.minDelta), signedPoints(c.maxDelta),
                       signedPoints(c.sumDelta));
    out += "| écart de points | demandes |\n|---|--:|\n";
    for (const Bucket& b : c.histogram) out += fmt::format("| {} | {} |\n", b.label, count(b.count));
    out += "\n";
    // Criteria and rubriques that moved: one table row each.
    auto rowsOf = [](const std::vector<CriterionImpact>& items, const char* added, const char* removed) {
      std::string out;
      for (const CriterionImpact& k : items) {
        if (k.changed == 0 && !k.added && !k.removed) continue;
        out += fmt::format("| {}{} | {} | {} | {} | {} |\n", code(k.name),
                           k.added     ? added
                           : k.removed ? removed
                                       : "",
                           cell(k.label), count(k.changed), count(k.up) + " / " + count(k.down),
                           signedPoints(k.totalDelta));
      }
      return out;
    };
    const std::string rows = rowsOf(c.criteria, " (ajouté)", " (supprimé)");
    const std::string rubriqueRows = rowsOf(c.rubriques, " (ajoutée)", " (supprimée)");
    if (rows.empty() && rubriqueRows.empty()) {
      out += c.rubriques.empty() ? "Aucun critère ne change de points.\n\n"
                                 : "Aucun critère ni aucune rubrique ne change de points.\n\n";
    } else if (rows.empty()) {
      out += "Aucun critère ne change de points.\n\n";
    } else {
      out += "Critères en cause :\n\n| critère | libellé | demandes | hausses / baisses | écart total |\n"
             "|---|---|--:|--:|--:|\n" +
             rows + "\n";
    }
    // A rubrique's total (its plancher and plafond applied) can move when
    // no criterion does: a raised plafond.
    if (!rubriqueRows.empty())
      out += "Rubriques en cause (leur total, plancher et plafond appliqués) :\n\n| rubrique | libellé | demandes | "
             "hausses / baisses | écart total |\n|---|---|--:|--:|--:|\n" +
             rubriqueRows + "\n";
    auto scoreExamples = [&](const std::string& title, const std::vector<Example>& list) {
      if (list.empty()) return;
      out += fmt::format("{} :\n\n", title);
      for (const Example& e : list)
        out += fmt::format("- {} : {} → {} ({})\n", code(e.id), points(*e.before), points(*e.after),
                           signedPoints(difference(*e.after, *e.before)));
      out += "\n";
    };
    scoreExamples("Plus fortes hausses", c.upExamples);
    scoreExamples("Plus fortes baisses", c.downExamples);
  }

  if (r.rank.present) {
    const RankImpact& k = r.rank;
    out += fmt::format("## Rang des {} premiers\n\n", count(k.top));
    out += fmt::format("Rang selon le {} ; {} avant, {} après. Un rang « — » : la demande n'est pas "
                       "classée (inéligible, non retenue ou non évaluée).\n\n",
                       k.basis, agree(k.rankedBefore, "demande classée", "demandes classées"), count(k.rankedAfter));
    bool withPoints = k.basis.rfind("total", 0) == 0;
    rankTable(out, "Entrent dans les premiers", k.entered, withPoints);
    rankTable(out, "Sortent des premiers", k.left, withPoints);
    rankTable(out, "Changent de rang parmi les premiers", k.moved, withPoints);
  }

  if (r.errors.appeared || r.errors.disappeared) {
    out += "## Erreurs d'évaluation\n\n";
    out += fmt::format("- Nouvelles erreurs : {}\n- Erreurs disparues : {}\n\n", count(r.errors.appeared),
                       count(r.errors.disappeared));
    auto errorList = [&](const std::string& title, const std::vector<Example>& list) {
      if (list.empty()) return;
      out += fmt::format("{} :\n\n", title);
      for (const Example& e : list) out += fmt::format("- {} : {}\n", code(e.id), e.rules.empty() ? "" : e.rules[0]);
      out += "\n";
    };
    errorList("Exemples de nouvelles erreurs", r.errors.appearedExamples);
    errorList("Exemples d'erreurs disparues (message de l'ancienne version)", r.errors.disappearedExamples);
  }

  if (!r.notes.empty()) {
    out += "## Remarques\n\n";
    for (const auto& n : r.notes) out += "- " + n + "\n";
    out += "\n";
  }
  return out;
}

} // namespace loge::impact
