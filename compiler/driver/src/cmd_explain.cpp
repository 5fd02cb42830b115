// Driver stage: `loge explain POLITIQUE --demande D.json [--logement L.json]
// [--date D]` — a French breakdown of every criterion and rule, with its
// label and its legal reference, for a jurist or a CAL member.
#include "driver.h"
#include "loge/designation/designation.h"
#include "loge/ingest/ingest.h"
#include "loge/interp/interp.h"
#include "loge/jit/jit.h"
#include "loge/jit/motifs.h"

#include <fmt/format.h>

#include <algorithm>

namespace loge::driver {

namespace {
std::string refs(const std::vector<ir::Reference>& rs) {
  std::string out;
  for (const auto& r : rs) out += (out.empty() ? "" : " ; ") + r.text;
  return out.empty() ? "" : " [" + out + "]";
}

std::string points(num::Decimal d) {
  std::string s = d.toFrench(0, 2);
  // French: singular below two (0 point, 1 point, 1,5 point).
  bool singular = num::Decimal::fromInt(-2) < d && d < num::Decimal::fromInt(2);
  return s + (singular ? " point" : " points");
}

void explainItems(const ir::CotationDecl& c, const interp::CotationResult& r, const std::vector<std::int32_t>& items,
                  const std::vector<num::Decimal>& before, int depth, std::string& out) {
  std::string indent(static_cast<std::size_t>(2 + 2 * depth), ' ');
  for (std::int32_t it : items) {
    if (it >= 0) {
      const ir::CriterionDecl& cr = c.criteria[static_cast<std::size_t>(it)];
      const interp::CriterionResult& x = r.criteria[static_cast<std::size_t>(it)];
      std::string value;
      if (!x.applicable)
        value = "non applicable (0 point)";
      else if (x.contribution == x.brut)
        value = points(x.brut);
      else
        value = points(x.brut) + ", non retenu (seul le critère le plus élevé de la rubrique compte)";
      out += fmt::format("{}- {} ({}){} : {}\n", indent, cr.label, cr.name, refs(cr.references), value);
    } else {
      auto ri = static_cast<std::size_t>(-it - 1);
      const ir::RubriqueDecl& rb = c.rubriques[ri];
      // A bound of the rubrique that changed its points is said, or the
      // points listed below would not add up to the value shown.
      std::string value = points(r.rubriques[ri]);
      if (before[ri] < r.rubriques[ri])
        value = fmt::format("{}, portée au plancher de la rubrique : {}", points(before[ri]), value);
      else if (r.rubriques[ri] < before[ri])
        value = fmt::format("{}, ramenée au plafond de la rubrique : {}", points(before[ri]), value);
      out += fmt::format("{}- rubrique {} ({}){}, {} : {}\n", indent, rb.label, rb.name, refs(rb.references),
                         rb.maximum ? "seul le critère le plus élevé compte" : "somme des critères", value);
      explainItems(c, r, rb.items, before, depth + 1, out);
    }
  }
}
} // namespace

namespace {

// The demande to explain: a file holding one JSON object (.json), or one
// demande of a JSON Lines, CSV or SNE file, chosen by --id when the file
// holds several.
int readOneDemande(const ir::Program& p, std::uint32_t structIndex, const ExplainArgs& args, interp::Arena& arena,
                   interp::Value& out) {
  const std::optional<ingest::InputFormat> format = inputFormat(args.input, args.demande);
  if (!format) return kUsageError;
  const bool plainJson = args.input.format.empty() && args.demande.size() >= 5 &&
                         args.demande.compare(args.demande.size() - 5, 5, ".json") == 0;
  if (plainJson) {
    if (!readOne(p, structIndex, args.demande, arena, out)) {
      return kDataError;
    }
    // --id names the demande to explain: a file holding another one is an
    // error, not a different household's explanation.
    if (const std::string held = interp::recordId(p, out); !args.id.empty() && held != args.id) {
      fmt::print(stderr, "erreur : aucune demande d'identifiant « {} » dans « {} » (il contient la demande « {} »)\n",
                 args.id, args.demande, held);
      return kDataError;
    }
    return kOk;
  }
  ingest::Dataset data;
  if (const int status = readDemandes(p, structIndex, args.demande, args.input, arena, data); status != kOk)
    return status;
  std::size_t chosen = data.records.size();
  if (!args.id.empty()) {
    std::size_t found = 0;
    for (std::size_t i = 0; i < data.ids.size(); ++i)
      if (data.ids[i] == args.id && found++ == 0) chosen = i;
    if (found > 1) {
      fmt::print(stderr, "erreur : {} demandes ont l'identifiant « {} » dans « {} » : laquelle expliquer ?\n", found,
                 args.id, args.demande);
      return kDataError;
    }
    if (chosen == data.records.size()) {
      fmt::print(stderr, "erreur : aucune demande d'identifiant « {} » dans « {} »\n", args.id, args.demande);
      return kDataError;
    }
  } else if (data.records.size() == 1) {
    chosen = 0;
  } else if (data.records.empty()) {
    fmt::print(stderr, "erreur : « {} » ne contient aucune demande à expliquer\n", args.demande);
    return kDataError;
  } else {
    fmt::print(stderr, "erreur : « {} » contient {} demandes : choisir laquelle expliquer avec --id\n", args.demande,
               data.records.size());
    return kUsageError;
  }
  out = data.records[chosen];
  return kOk;
}

// The demande's results by the engine asked for. The compiled engine's
// error is replayed by the interpreter, which locates it in the policy.
interp::DemandeResult evaluateWith(const ir::Program& p, const std::string& engineName,
                                   const jit::CompileOptions& compileOptions, const interp::Interpreter& interp,
                                   const interp::Inputs& in) {
  std::unique_ptr<jit::Engine> engine;
  if (engineName != "interp") {
    std::string why;
    engine = jit::Engine::create(p, why, compileOptions);
    if (!engine && engineName == "jit") throw std::invalid_argument(why);
    if (!engine) fmt::print(stderr, "note : {} ; évaluation par l'interpréteur\n", why);
  }
  if (!engine) return interp.evaluate(in);
  const interp::Value& demande = in.roles[static_cast<int>(ir::Role::Demande)];
  const interp::Value& logement = in.roles[static_cast<int>(ir::Role::Logement)];
  const jit::FlatRecords flatDemande =
      engine->flatten({demande}, p.schema.roles[static_cast<int>(ir::Role::Demande)]->index);
  jit::FlatRecords flatLogement;
  if (!logement.isAbsent())
    flatLogement = engine->flatten({logement}, p.schema.roles[static_cast<int>(ir::Role::Logement)]->index);
  std::vector<std::uint8_t> outs, failed;
  engine->evaluate(flatDemande, logement.isAbsent() ? nullptr : flatLogement.at(0), in.date, outs, failed);
  if (failed.at(0)) {
    interp.evaluate(in); // throws the located error
    throw std::logic_error("les deux moteurs divergent : le moteur compilé signale une erreur que l'interpréteur "
                           "ne trouve pas");
  }
  interp::DemandeResult r = engine->decode(outs.data(), !logement.isAbsent());
  jit::completeMotifs(interp, in, r);
  return r;
}

} // namespace

int runExplain(const ExplainArgs& args, const Options& opts) {
  auto c = compile(args.policy, opts, /*quietWarnings=*/true);
  if (!c) return kPolicyError;
  const ir::Program& p = *c->program;
  auto date = evaluationDate(p, args.date);
  if (!date) return kUsageError;
  const ir::Type* demandeType = p.schema.roles[static_cast<int>(ir::Role::Demande)];
  const ir::Type* logementType = p.schema.roles[static_cast<int>(ir::Role::Logement)];
  if (!demandeType) {
    fmt::print(stderr,
               "{}: erreur: la politique ne déclare pas de schéma pour `demande` (`schéma {{ demande : … }}`)\n",
               args.policy);
    return kPolicyError;
  }
  if (args.engine != "interp" && args.engine != "jit" && args.engine != "auto") {
    fmt::print(stderr, "erreur : moteur inconnu « {} » (auto, interp ou jit)\n", args.engine);
    return kUsageError;
  }
  interp::Arena arena;
  interp::Inputs in;
  in.date = *date;
  if (const int status =
          readOneDemande(p, demandeType->index, args, arena, in.roles[static_cast<int>(ir::Role::Demande)]);
      status != kOk)
    return status;
  if (!args.logement.empty()) {
    if (!logementType) {
      fmt::print(stderr,
                 "{}: erreur: la politique ne déclare pas de schéma pour `logement` (`schéma {{ logement : … }}`)\n",
                 args.policy);
      return kPolicyError;
    }
    if (!readOne(p, logementType->index, args.logement, arena, in.roles[static_cast<int>(ir::Role::Logement)])) {
      return kDataError;
    }
  }
  interp::Interpreter interp(p);
  const interp::Value& demande = in.roles[static_cast<int>(ir::Role::Demande)];
  if (auto entry = designation::entryDate(p, interp, demande, *date, arena); entry && *date < *entry)
    fmt::print(stderr,
               "note : la demande est déposée le {}, après la date d'évaluation ({}) : une ancienneté comptée "
               "depuis son dépôt est négative\n",
               entry->toString(), date->toString());
  interp::PartialResult r;
  std::optional<interp::EvalError> failure;
  try {
    interp::DemandeResult whole = evaluateWith(p, args.engine, jitOptions(opts, jit::Inlining::Standard), interp, in);
    for (auto& cotation : whole.cotations) {
      r.cotations.emplace_back(std::move(cotation));
      r.cotationErrors.emplace_back();
    }
    for (auto& block : whole.blocks) {
      r.blocks.emplace_back(std::move(block));
      r.blockErrors.emplace_back();
    }
  } catch (const std::invalid_argument& e) {
    fmt::print(stderr, "erreur : {} ; utilisez --engine interp\n", e.what());
    return kPolicyError;
  } catch (const interp::EvalError& e) {
    // The rest is still worth explaining: each cotation and block on its
    // own, those that fail with their error.
    failure = e;
    r = interp.evaluateEach(in);
  }
  std::string out;
  out += fmt::format("Politique : {}{}{}\n", p.title.empty() ? args.policy : p.title,
                     p.version.empty() ? "" : ", version " + p.version, refs(p.references));
  std::string id = interp::recordId(p, in.roles[static_cast<int>(ir::Role::Demande)]);
  if (id.empty()) id = args.demande;
  out += fmt::format("Demande {}, évaluée au {}\n", id, date->toFrench());
  auto failed = [&](const interp::EvalError& e) {
    return fmt::format("erreur d'évaluation : {} ({})", e.message, location(c->sources, e.range));
  };
  for (std::size_t i = 0; i < p.cotations.size(); ++i) {
    const ir::CotationDecl& cot = p.cotations[i];
    if (!r.cotations[i]) {
      out += fmt::format("\nCotation « {} » ({}){} : non calculée — {}\n", cot.label, cot.name, refs(cot.references),
                         failed(*r.cotationErrors[i]));
      continue;
    }
    const interp::CotationResult& res = *r.cotations[i];
    out += fmt::format("\nCotation « {} » ({}){} : {}\n", cot.label, cot.name, refs(cot.references), points(res.total));
    explainItems(cot, res, cot.items, interp::rubriquesBeforeBounds(cot, res), 0, out);
    const char* what = cot.rubriques.empty() ? "la somme des critères" : "la somme des critères et des rubriques";
    if (res.floorApplied)
      out += fmt::format("  plancher appliqué : {} ({}) est portée au plancher, {}\n", what, points(res.beforeBounds),
                         points(res.total));
    if (res.ceilingApplied)
      out += fmt::format("  plafond appliqué : {} ({}) est ramenée au plafond, {}\n", what, points(res.beforeBounds),
                         points(res.total));
  }
  std::size_t refusals = 0, alerts = 0;
  for (std::size_t b = 0; b < p.ruleBlocks.size(); ++b) {
    const ir::RuleBlockDecl& block = p.ruleBlocks[b];
    out += fmt::format("\n{} « {} » ({}){}", block.eligibility ? "Éligibilité" : "Harmonisation", block.label,
                       block.name, refs(block.references));
    if (block.forLogement && args.logement.empty()) {
      out += " : non évalué (aucun logement fourni)\n";
      continue;
    }
    if (!r.blocks[b]) {
      out += fmt::format(" : non évalué — {}\n", failed(*r.blockErrors[b]));
      continue;
    }
    out += "\n";
    for (std::size_t i = 0; i < block.rules.size(); ++i) {
      const ir::RuleDecl& rule = block.rules[i];
      const interp::RuleResult& rr = (*r.blocks[b])[i];
      std::string verdict;
      switch (rr.status) {
      case interp::RuleStatus::Ok: verdict = "respectée"; break;
      case interp::RuleStatus::Refus:
        verdict = "REFUS — " + rr.motif;
        ++refusals;
        break;
      case interp::RuleStatus::Alerte:
        verdict = "ALERTE — " + rr.motif;
        ++alerts;
        break;
      case interp::RuleStatus::Exception: {
        const ir::ExceptionDecl& x = rule.exceptions[static_cast<std::size_t>(rr.exception)];
        verdict = "non respectée, mais exception : " + rr.motif + (x.reference ? " [" + x.reference->text + "]" : "");
        break;
      }
      case interp::RuleStatus::NotEvaluated: verdict = "non évaluée"; break;
      }
      out += fmt::format("  - {} ({}){} : {}\n", rule.label, rule.name, refs(rule.references), verdict);
    }
  }
  out += "\nRésultat : ";
  const bool blocksFailed = std::any_of(r.blocks.begin(), r.blocks.end(), [](const auto& b) { return !b; });
  if (args.logement.empty())
    out += "éligibilité non évaluée (aucun logement fourni)";
  else if (blocksFailed)
    out += refusals ? "non éligible" : "éligibilité non déterminée (une erreur d'évaluation)";
  else
    out += refusals ? "non éligible" : "éligible";
  out += fmt::format(" ; {} refus, {} alerte{}.\n", refusals, alerts, alerts > 1 ? "s" : "");
  std::fputs(out.c_str(), stdout);
  if (failure) return reportEvalError(c->sources, *failure);
  return kOk;
}

} // namespace loge::driver
