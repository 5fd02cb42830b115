// Driver stage: `loge run POLITIQUE --demandes F.jsonl|F.xml|F.csv
// [--format-entree jsonl|xml|csv] [--logement L.json] [--date D]
// [--format json|compact] [--sortie FICHIER]`.
//
// One JSON object per demande, in input order (SPEC §3). A demande whose
// evaluation fails gets an `erreur` object instead of results; the others
// are unaffected, and the exit status says that some failed. Malformed
// input data stops the run before any output.
#include "driver.h"
#include "loge/designation/designation.h"
#include "loge/ingest/ingest.h"
#include "loge/interp/interp.h"
#include "loge/interp/result_json.h"
#include "loge/jit/jit.h"
#include "loge/jit/motifs.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

namespace loge::driver {

int runRun(const RunArgs& args, const Options& opts) {
  if (args.format != "json" && args.format != "compact") {
    fmt::print(stderr, "erreur : format de sortie inconnu « {} » (json ou compact)\n", args.format);
    return kUsageError;
  }
  if (!args.output.empty() && sameFile(args.output, {args.policy, args.demandes, args.logement})) {
    fmt::print(stderr,
               "erreur : --sortie « {} » est aussi un fichier d'entrée : les résultats le remplaceraient ; "
               "choisissez un autre fichier\n",
               args.output);
    return kUsageError;
  }
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
  interp::Arena arena;
  interp::Inputs in;
  in.date = *date;
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
  ingest::Dataset data;
  if (const int status = readDemandes(p, demandeType->index, args.demandes, args.input, arena, data); status != kOk)
    return status;
  // Not an error (an export of a quiet period is empty), but an empty
  // output should not look like a silent failure.
  if (data.records.empty()) fmt::print(stderr, "note : « {} » ne contient aucune demande\n", args.demandes);
  // Not an error either (each result is on its demande's line), but two
  // demandes with one identifier are usually an export's mistake, and a
  // consumer that joins the results by id would merge them.
  if (auto repeated = designation::repeatedIds(data.ids); !repeated.empty())
    fmt::print(stderr, "note : « {} » : l'identifiant « {} » est celui des demandes n° {} et {}{}\n", args.demandes,
               repeated[0].id, repeated[0].first + 1, repeated[0].second + 1,
               repeated.size() > 1 ? fmt::format(" ({} identifiants répétés en tout)", repeated.size()) : "");

  interp::Interpreter interp(p);
  // Not an error either (a replay may date its run before a late deposit),
  // but such a demande's seniority is negative, and `mois_entre` counts it
  // so: `rank` and `position` set it aside; `run` says so.
  std::size_t late = 0, firstLate = 0;
  std::optional<num::Date> firstLateDate;
  for (std::size_t i = 0; i < data.records.size(); ++i)
    if (auto entry = designation::entryDate(p, interp, data.records[i], *date, arena); entry && *date < *entry)
      if (late++ == 0) {
        firstLate = i;
        firstLateDate = entry;
      }
  if (late > 0) {
    const std::string which =
        fmt::format("n° {}{}", firstLate + 1,
                    data.ids[firstLate].empty() ? std::string() : fmt::format(" « {} »", data.ids[firstLate]));
    if (late == 1)
      fmt::print(stderr,
                 "note : « {} » : la demande {} est déposée le {}, après la date d'évaluation ({}) : une "
                 "ancienneté comptée depuis son dépôt est négative\n",
                 args.demandes, which, firstLateDate->toString(), date->toString());
    else
      fmt::print(stderr,
                 "note : « {} » : {} demandes sont déposées après la date d'évaluation ({}) (la première : {}, le "
                 "{}) : une ancienneté comptée depuis leur dépôt est négative\n",
                 args.demandes, late, date->toString(), which, firstLateDate->toString());
  }
  if (args.engine != "interp" && args.engine != "jit" && args.engine != "auto") {
    fmt::print(stderr, "erreur : moteur inconnu « {} » (auto, interp ou jit)\n", args.engine);
    return kUsageError;
  }
  // The compiled engine evaluates the demandes by slices, each laid out flat
  // and evaluated before its demandes are printed — exactly as the
  // interpreter's results would be. By slices, the flat copy and the results
  // buffer (≈ 0.8 KB per demande of the workload) do not grow with the file.
  std::unique_ptr<jit::Engine> engine;
  jit::FlatRecords flatLogement;
  std::vector<std::uint8_t> outs, failed;
  constexpr std::size_t kSlice = 4096;
  std::size_t sliceStart = 0, sliceEnd = 0;
  if (args.engine != "interp") {
    std::string why;
    jit::CompileOptions options = jitOptions(opts, jit::Inlining::Extended);
    options.criteria = args.format != "compact"; // compact prints totals and rule statuses only
    engine = jit::Engine::create(p, why, options);
    if (!engine && args.engine == "jit") {
      fmt::print(stderr, "erreur : {} ; utilisez --engine interp\n", why);
      return kPolicyError;
    }
    if (!engine) fmt::print(stderr, "note : {} ; évaluation par l'interpréteur\n", why);
  }
  const interp::Value& logement = in.roles[static_cast<int>(ir::Role::Logement)];
  if (engine && !logement.isAbsent()) flatLogement = engine->flatten({logement}, logementType->index);
  auto evaluateSlice = [&](std::size_t first) {
    sliceStart = first;
    sliceEnd = std::min(first + kSlice, data.records.size());
    std::vector<interp::Value> part(data.records.begin() + static_cast<std::ptrdiff_t>(sliceStart),
                                    data.records.begin() + static_cast<std::ptrdiff_t>(sliceEnd));
    jit::FlatRecords flat = engine->flatten(part, demandeType->index);
    engine->evaluate(flat, logement.isAbsent() ? nullptr : flatLogement.at(0), *date, outs, failed);
  };
  std::FILE* out = stdout;
  OutputFile file;
  if (!args.output.empty()) {
    if (!file.open(args.output)) {
      fmt::print(stderr, "erreur : impossible d'écrire « {} »\n", args.output);
      return kUsageError;
    }
    out = file.get();
  }
  std::size_t failedCount = 0;
  std::map<std::string, std::size_t> reasons;
  std::string line;
  for (std::size_t i = 0; i < data.records.size(); ++i) {
    in.roles[static_cast<int>(ir::Role::Demande)] = data.records[i];
    if (engine && i == sliceEnd) evaluateSlice(i);
    const std::size_t k = i - sliceStart; // within the slice
    try {
      interp::DemandeResult r;
      if (!engine || failed[k]) {
        // The interpreter, or the compiled engine's error replayed by the
        // interpreter to locate it.
        r = interp.evaluate(in);
        if (engine)
          throw std::logic_error("les deux moteurs divergent sur la demande " + data.ids[i] +
                                 " : le moteur compilé signale une erreur que l'interpréteur ne trouve pas");
      } else {
        r = engine->decode(outs.data() + k * engine->outSize(), !logement.isAbsent());
        jit::completeMotifs(interp, in, r);
      }
      line = args.format == "compact" ? interp::compactResultJson(p, data.ids[i], r)
                                      : interp::resultJson(p, data.ids[i], r);
    } catch (const interp::EvalError& e) {
      ++failedCount;
      ++reasons[interp::errorLocation(c->sources, e) + ": " + e.message];
      line = interp::errorJson(c->sources, data.ids[i], e);
    }
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), out);
  }
  if (out != stdout) {
    if (!file.close()) {
      fmt::print(stderr, "erreur : impossible d'écrire « {} »\n", args.output);
      return kUsageError;
    }
  } else {
    std::fflush(stdout);
  }
  if (failedCount) {
    fmt::print(stderr, "{} demande(s) sur {} n'ont pas pu être évaluées :\n", failedCount, data.records.size());
    for (const auto& [why, n] : reasons) fmt::print(stderr, "  {} × {}\n", n, why);
    return kEvalError;
  }
  return kOk;
}

} // namespace loge::driver
