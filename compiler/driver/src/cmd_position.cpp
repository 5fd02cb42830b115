// Driver stage: `loge position POLITIQUE --demande D.json --demandes F.jsonl
// [--attributions A.jsonl] [--date D] [--similarite NOM] [--cotation NOM]
// [--json] [--engine auto|interp|jit]` — the demandeur's cotation statement
// (compiler/designation does the work).
#include "designation_io.h"
#include "loge/designation/position.h"
#include "loge/designation/render.h"

#include <fmt/format.h>

namespace loge::driver {

int runPosition(const PositionArgs& args, const Options& opts) {
  designation::Engine engine;
  if (!designation::parseEngine(args.engine, engine)) {
    fmt::print(stderr, "erreur : moteur inconnu « {} » (auto, interp ou jit)\n", args.engine);
    return kUsageError;
  }
  auto c = compile(args.policy, opts, /*quietWarnings=*/true);
  if (!c) return kPolicyError;
  const ir::Program& p = *c->program;
  std::string error;
  auto similarity = designation::findSimilarity(p, args.similarite, error);
  auto cotation = similarity ? designation::findCotation(p, args.cotation, error) : std::nullopt;
  if (!similarity || !cotation) {
    fmt::print(stderr, "erreur : {}\n", error);
    bool missing = similarity ? p.cotations.empty() : p.similarities.empty();
    return missing ? kPolicyError : kUsageError;
  }
  auto date = dateOrToday(p, args.date);
  if (!date) return kUsageError;
  auto demandeStruct = roleStruct(p, ir::Role::Demande, "position");
  if (!demandeStruct) return kPolicyError;

  interp::Arena arena;
  designation::PositionRequest req;
  req.similarity = *similarity;
  req.cotation = *cotation;
  req.date = *date;
  req.engine = engine;
  std::unique_ptr<jit::Engine> compiled = cachedEngine(p, engine, opts);
  req.compiled = compiled.get();
  if (!readOne(p, *demandeStruct, args.demande, arena, req.demande)) return kDataError;
  // A statement for a demande not yet deposited at its date would give a
  // note (with negative seniority) and a position it never had.
  {
    interp::Interpreter interp(p);
    if (std::optional<num::Date> d =
            designation::entryDate(p, interp, p.similarities[*similarity], req.demande, *date, arena);
        d && *date < *d) {
      fmt::print(stderr,
                 "erreur : « {} » : la demande est déposée le {}, après la date du relevé ({}) : elle n'était pas "
                 "encore en attente\n",
                 args.demande, d->toFrench(), date->toFrench());
      return kDataError;
    }
  }
  ingest::Dataset demandes, attributions;
  if (int rc = readDemandes(p, *demandeStruct, args.demandes, args.input, arena, demandes); rc != kOk) return rc;
  // As `loge rank`: a demande counted twice would push the demandeur down.
  if (!checkDistinctIds(demandes, args.demandes, "la demande")) return kDataError;
  req.demandes = &demandes.records;
  if (!args.attributions.empty()) {
    auto s = roleStruct(p, ir::Role::Attribution, "position --attributions");
    if (!s) return kUsageError;
    if (designation::attributionDemandeField(p) < 0) {
      fmt::print(stderr, "erreur : la structure des attributions n'a pas de champ de type demande : le délai "
                         "d'attente ne peut pas être calculé\n");
      return kPolicyError;
    }
    if (!readMany(p, *s, args.attributions, arena, attributions, "attributions")) return kDataError;
    if (!checkDistinctIds(attributions, args.attributions, "l'attribution")) return kDataError;
    req.attributions = &attributions.records;
  }
  designation::PositionReport report;
  try {
    std::string why;
    if (!designation::position(p, req, report, why)) {
      fmt::print(stderr, "erreur : {} ; utilisez --engine interp\n", why);
      return kPolicyError;
    }
  } catch (const interp::EvalError& e) {
    return reportEvalError(c->sources, e);
  }
  printEngineNote(report.engineNote);
  std::string out =
      args.json ? designation::positionJson(p, c->sources, report) : designation::positionText(p, c->sources, report);
  std::fputs(out.c_str(), stdout);
  std::fflush(stdout);
  if (!report.failures.empty()) {
    fmt::print(stderr, "{} pu être {} et ne {} pas {}\n",
               report.failures.size() > 1 ? fmt::format("{} demandes similaires n'ont pas", report.failures.size())
                                          : std::string("1 demande similaire n'a pas"),
               report.failures.size() > 1 ? "évaluées" : "évaluée", report.failures.size() > 1 ? "sont" : "est",
               report.failures.size() > 1 ? "comptées" : "comptée");
    return kEvalError;
  }
  return kOk;
}

} // namespace loge::driver
