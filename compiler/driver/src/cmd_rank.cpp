// Driver stage: `loge rank POLITIQUE --logement L.json --demandes F.jsonl
// [--date D] [--attributions A.jsonl] [--classement NOM] [--candidature C.json]
// [--json] [--engine auto|interp|jit]` — the candidates for one logement,
// ranked per the policy's classement (compiler/designation does the work).
#include "designation_io.h"
#include "loge/designation/rank.h"
#include "loge/designation/render.h"

#include <fmt/format.h>

namespace loge::driver {

int runRank(const RankArgs& args, const Options& opts) {
  designation::Engine engine;
  if (!designation::parseEngine(args.engine, engine)) {
    fmt::print(stderr, "erreur : moteur inconnu « {} » (auto, interp ou jit)\n", args.engine);
    return kUsageError;
  }
  auto c = compile(args.policy, opts, /*quietWarnings=*/true);
  if (!c) return kPolicyError;
  const ir::Program& p = *c->program;
  std::string error;
  auto classement = designation::findClassement(p, args.classement, error);
  if (!classement) {
    fmt::print(stderr, "erreur : {}\n", error);
    return p.classements.empty() ? kPolicyError : kUsageError;
  }
  auto date = dateOrToday(p, args.date);
  if (!date) return kUsageError;
  auto demandeStruct = roleStruct(p, ir::Role::Demande, "rank");
  auto logementStruct = roleStruct(p, ir::Role::Logement, "rank");
  if (!demandeStruct || !logementStruct) return kPolicyError;

  interp::Arena arena;
  designation::RankRequest req;
  req.classement = *classement;
  req.date = *date;
  req.engine = engine;
  std::unique_ptr<jit::Engine> compiled = cachedEngine(p, engine, opts);
  req.compiled = compiled.get();
  if (!readOne(p, *logementStruct, args.logement, arena, req.logement)) return kDataError;
  if (!args.candidature.empty()) {
    // The policy is sound; the option is what does not apply to it.
    auto s = roleStruct(p, ir::Role::Candidature, "rank --candidature");
    if (!s) return kUsageError;
    if (!readOne(p, *s, args.candidature, arena, req.candidature)) return kDataError;
  }
  ingest::Dataset demandes, attributions;
  if (int rc = readDemandes(p, *demandeStruct, args.demandes, args.input, arena, demandes); rc != kOk) return rc;
  // The same demande twice would be ranked, and retained, twice.
  if (!checkDistinctIds(demandes, args.demandes, "la demande")) return kDataError;
  req.candidates = &demandes.records;
  if (!args.attributions.empty()) {
    auto s = roleStruct(p, ir::Role::Attribution, "rank --attributions");
    if (!s) return kUsageError;
    if (!readMany(p, *s, args.attributions, arena, attributions, "attributions")) return kDataError;
    if (!checkDistinctIds(attributions, args.attributions, "l'attribution")) return kDataError;
    req.attributions = &attributions.records;
  }

  designation::RankReport report;
  try {
    std::string why;
    if (!designation::rank(p, req, report, why)) {
      fmt::print(stderr, "erreur : {} ; utilisez --engine interp\n", why);
      return kPolicyError;
    }
  } catch (const interp::EvalError& e) {
    return reportEvalError(c->sources, e);
  }
  printEngineNote(report.engineNote);
  std::string out =
      args.json ? designation::rankJson(p, c->sources, report) : designation::rankText(p, c->sources, report);
  std::fputs(out.c_str(), stdout);
  std::fflush(stdout);
  if (std::size_t n = report.failed()) {
    fmt::print(stderr, "{} candidat(s) n'ont pas pu être évalués et ne sont pas classés\n", n);
    return kEvalError;
  }
  return kOk;
}

} // namespace loge::driver
