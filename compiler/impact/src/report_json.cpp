// Impact stage: the JSON report (`loge diff --format json`). Keys are French
// and stable; decimal numbers are exact.
#include "json_writer.h"
#include "loge/impact/impact.h"

namespace loge::impact {

namespace {
using internal::JsonWriter;

void examples(JsonWriter& w, const std::string& key, const std::vector<Example>& list, const char* rulesKey) {
  w.key(key).beginArray();
  for (const Example& e : list) {
    w.beginObject().key("id").value(e.id).key("ligne").value(e.index + 1);
    if (e.rankBefore || e.rankAfter || key == "entrent" || key == "sortent" || key == "bougent") {
      w.key("rang_avant");
      e.rankBefore ? w.value(*e.rankBefore) : w.null();
      w.key("rang_apres");
      e.rankAfter ? w.value(*e.rankAfter) : w.null();
    }
    if (e.before) w.key("avant").value(*e.before);
    if (e.after) w.key("apres").value(*e.after);
    if (rulesKey) {
      w.key(rulesKey).beginArray();
      for (const auto& r : e.rules) w.value(r);
      w.endArray();
    }
    w.endObject();
  }
  w.endArray();
}
} // namespace

std::string renderJson(const Report& r) {
  JsonWriter w;
  w.beginObject();
  w.key("ancienne").value(r.oldTitle).key("nouvelle").value(r.newTitle);
  w.key("date").value(r.date).key("logement");
  r.logement.empty() ? w.null() : w.value(r.logement);
  w.key("demandes").value(r.demandes).key("comparees").value(r.compared);

  w.key("erreurs").beginObject();
  w.key("avant").value(r.errors.before).key("apres").value(r.errors.after);
  w.key("apparues").value(r.errors.appeared).key("disparues").value(r.errors.disappeared);
  examples(w, "exemples_apparues", r.errors.appearedExamples, "messages");
  examples(w, "exemples_disparues", r.errors.disappearedExamples, "messages");
  w.endObject();

  w.key("eligibilite");
  if (!r.eligibility.present) {
    w.null();
  } else {
    const EligibilityImpact& e = r.eligibility;
    w.beginObject();
    w.key("eligibles_avant").value(e.eligibleBefore).key("eligibles_apres").value(e.eligibleAfter);
    w.key("deviennent_eligibles").value(e.gained).key("deviennent_ineligibles").value(e.lost);
    examples(w, "exemples_deviennent_eligibles", e.gainedExamples, "refus_avant");
    examples(w, "exemples_deviennent_ineligibles", e.lostExamples, "refus_apres");
    w.endObject();
  }

  w.key("alertes").beginArray();
  for (const AlertImpact& a : r.alerts) {
    w.beginObject();
    w.key("regle").value(a.rule).key("nouvelle").value(a.added).key("supprimee").value(a.removed);
    w.key("avant").value(a.before).key("apres").value(a.after);
    w.key("la_recoivent").value(a.appeared).key("ne_l_ont_plus").value(a.disappeared);
    examples(w, "exemples_la_recoivent", a.appearedExamples, nullptr);
    examples(w, "exemples_ne_l_ont_plus", a.disappearedExamples, nullptr);
    w.endObject();
  }
  w.endArray();

  w.key("cotations").beginArray();
  for (const CotationImpact& c : r.cotations) {
    w.beginObject();
    w.key("nom").value(c.name).key("libelle").value(c.label);
    w.key("ajoutee").value(c.added).key("supprimee").value(c.removed);
    w.key("comparees").value(c.compared).key("changent").value(c.changed);
    w.key("hausses").value(c.up).key("baisses").value(c.down);
    w.key("ecart_total").value(c.sumDelta).key("ecart_moyen").value(c.meanDelta);
    w.key("ecart_min").value(c.minDelta).key("ecart_max").value(c.maxDelta);
    w.key("histogramme").beginArray();
    for (const Bucket& b : c.histogram)
      w.beginObject().key("tranche").value(b.label).key("demandes").value(b.count).endObject();
    w.endArray();
    for (const auto& [key, items] : {std::pair{"criteres", &c.criteria}, std::pair{"rubriques", &c.rubriques}}) {
      w.key(key).beginArray();
      for (const CriterionImpact& k : *items) {
        w.beginObject();
        w.key("nom").value(k.name).key("libelle").value(k.label);
        w.key(items == &c.criteria ? "ajoute" : "ajoutee").value(k.added);
        w.key(items == &c.criteria ? "supprime" : "supprimee").value(k.removed);
        w.key("changent").value(k.changed).key("hausses").value(k.up).key("baisses").value(k.down);
        w.key("ecart_total").value(k.totalDelta);
        w.endObject();
      }
      w.endArray();
    }
    examples(w, "exemples_hausse", c.upExamples, nullptr);
    examples(w, "exemples_baisse", c.downExamples, nullptr);
    w.endObject();
  }
  w.endArray();

  w.key("rang");
  if (!r.rank.present) {
    w.null();
  } else {
    const RankImpact& k = r.rank;
    w.beginObject();
    w.key("base").value(k.basis).key("premiers").value(k.top);
    w.key("classees_avant").value(k.rankedBefore).key("classees_apres").value(k.rankedAfter);
    examples(w, "entrent", k.entered, nullptr);
    examples(w, "sortent", k.left, nullptr);
    examples(w, "bougent", k.moved, nullptr);
    w.endObject();
  }

  w.key("remarques").beginArray();
  for (const auto& n : r.notes) w.value(n);
  w.endArray();
  w.endObject();
  return w.str();
}

} // namespace loge::impact
