// Driver stage: `loge run POLITIQUE --demandes F.jsonl|F.xml|F.csv
// [--format-entree jsonl|xml|csv] [--logement L.json] [--date D]
// [--format json|compact] [--sortie FICHIER]`.
//
// One JSON object per demande, in input order (SPEC §3). A demande whose
// evaluation fails gets an `erreur` object instead of results; the others
// are unaffected, and the exit status says that some failed. Malformed
// input data stops the run before any output.
#include "driver.h"
#include "loge/ingest/ingest.h"
#include "loge/interp/interp.h"
#include "loge/jit/jit.h"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

namespace loge::driver {

namespace {
std::string quote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      out += fmt::format("\\u{:04x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string ruleName(const ir::RuleBlockDecl& b, const ir::RuleDecl& r) { return b.name + "." + r.name; }

std::string fullJson(const ir::Program& p, const std::string& id, const interp::DemandeResult& r) {
  std::string out = "{\"id\": " + quote(id) + ", \"cotation\": {";
  for (std::size_t c = 0; c < p.cotations.size(); ++c) {
    const ir::CotationDecl& decl = p.cotations[c];
    const interp::CotationResult& res = r.cotations[c];
    out += (c ? ", " : "") + quote(decl.name) + ": {\"total\": " + res.total.toString() + ", \"criteres\": {";
    for (std::size_t i = 0; i < decl.criteria.size(); ++i)
      out += (i ? ", " : "") + quote(decl.criteria[i].name) + ": " + res.criteria[i].contribution.toString();
    out += "}";
    if (!decl.rubriques.empty()) {
      out += ", \"rubriques\": {";
      for (std::size_t i = 0; i < decl.rubriques.size(); ++i)
        out += (i ? ", " : "") + quote(decl.rubriques[i].name) + ": " + res.rubriques[i].toString();
      out += "}";
    }
    if (res.floorApplied) out += ", \"plancher_applique\": true";
    if (res.ceilingApplied) out += ", \"plafond_applique\": true";
    out += "}";
  }
  out += "}";
  if (r.eligible) out += std::string(", \"eligible\": ") + (*r.eligible ? "true" : "false");
  std::string refus, alertes, regles;
  for (std::size_t b = 0; b < p.ruleBlocks.size(); ++b) {
    for (std::size_t i = 0; i < p.ruleBlocks[b].rules.size(); ++i) {
      const interp::RuleResult& rr = r.blocks[b][i];
      if (rr.status == interp::RuleStatus::NotEvaluated) continue;
      std::string name = quote(ruleName(p.ruleBlocks[b], p.ruleBlocks[b].rules[i]));
      if (rr.status == interp::RuleStatus::Refus) refus += (refus.empty() ? "" : ", ") + name;
      if (rr.status == interp::RuleStatus::Alerte) alertes += (alertes.empty() ? "" : ", ") + name;
      regles += (regles.empty() ? "" : ", ") + name + ": {\"statut\": \"" + interp::ruleStatusName(rr.status) + "\"";
      if (!rr.motif.empty()) regles += ", \"motif\": " + quote(rr.motif);
      regles += "}";
    }
  }
  out += ", \"refus\": [" + refus + "], \"alertes\": [" + alertes + "], \"regles\": {" + regles + "}}";
  return out;
}

// The compact summary of the reference workload: the first cotation's total,
// eligibility and one `alerte_<règle>` boolean per alert rule.
std::string compactJson(const ir::Program& p, const std::string& id, const interp::DemandeResult& r) {
  std::string out = "{\"id\": " + quote(id);
  if (!p.cotations.empty()) out += ", \"cotation\": " + r.cotations[0].total.toString();
  if (r.eligible) out += std::string(", \"eligible\": ") + (*r.eligible ? "true" : "false");
  std::map<std::string, int> uses;
  for (const auto& b : p.ruleBlocks)
    for (const auto& rule : b.rules) ++uses[rule.name];
  for (std::size_t b = 0; b < p.ruleBlocks.size(); ++b) {
    for (std::size_t i = 0; i < p.ruleBlocks[b].rules.size(); ++i) {
      const ir::RuleDecl& rule = p.ruleBlocks[b].rules[i];
      if (rule.refusal || r.blocks[b][i].status == interp::RuleStatus::NotEvaluated) continue;
      std::string key = uses[rule.name] > 1 ? p.ruleBlocks[b].name + "_" + rule.name : rule.name;
      out += ", \"alerte_" + key + "\": " + (r.blocks[b][i].status == interp::RuleStatus::Alerte ? "true" : "false");
    }
  }
  return out + "}";
}

// The motif of a rule that alerts or refuses: static text directly, else
// the interpreter's rendering (the one definition of French formatting).
bool staticMotif(const ir::RuleDecl& r, std::string& out) {
  if (r.motif.empty()) {
    out = r.label;
    return true;
  }
  out.clear();
  for (const auto& piece : r.motif) {
    if (piece.value) return false;
    out += piece.literal;
  }
  return true;
}

std::string errorJson(const SourceManager& sm, const std::string& id, const interp::EvalError& e) {
  const SourceFile* f = sm.file(e.range.file);
  std::string where = fmt::format("{}:{}:{}", f ? f->path() : "?", e.range.begin.line, e.range.begin.column);
  return "{\"id\": " + quote(id) + ", \"erreur\": {\"message\": " + quote(e.message) + ", \"lieu\": " + quote(where) +
         "}}";
}
} // namespace

int runRun(const RunArgs& args, const Options& opts) {
  if (args.format != "json" && args.format != "compact") {
    fmt::print(stderr, "erreur : format de sortie inconnu « {} » (json ou compact)\n", args.format);
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
    fmt::print(stderr, "erreur : la politique ne déclare pas de schéma pour `demande`\n");
    return kPolicyError;
  }
  interp::Arena arena;
  interp::Inputs in;
  in.date = *date;
  if (!args.logement.empty()) {
    if (!logementType) {
      fmt::print(stderr, "erreur : la politique ne déclare pas de schéma pour `logement`\n");
      return kPolicyError;
    }
    ingest::IngestError error;
    if (!ingest::readJsonFile(p, logementType->index, args.logement, arena,
                              in.roles[static_cast<int>(ir::Role::Logement)], error)) {
      fmt::print(stderr, "{}\n", error.render());
      return kDataError;
    }
  }
  ingest::Dataset data;
  if (const int status = readDemandes(p, demandeType->index, args.demandes, args.input, arena, data); status != kOk)
    return status;

  interp::Interpreter interp(p);
  if (args.engine != "interp" && args.engine != "jit" && args.engine != "auto") {
    fmt::print(stderr, "erreur : moteur inconnu « {} » (auto, interp ou jit)\n", args.engine);
    return kUsageError;
  }
  // The compiled engine evaluates everything up front; each demande's
  // results are then printed exactly as the interpreter's would be.
  std::unique_ptr<jit::Engine> engine;
  jit::FlatRecords flatDemandes, flatLogement;
  std::vector<std::uint8_t> outs, failed;
  if (args.engine != "interp") {
    std::string why;
    engine = jit::Engine::create(p, why);
    if (!engine && args.engine == "jit") {
      fmt::print(stderr, "erreur : {} ; utilisez --engine interp\n", why);
      return kPolicyError;
    }
    if (!engine) fmt::print(stderr, "note : {} ; évaluation par l'interpréteur\n", why);
  }
  if (engine) {
    flatDemandes = engine->flatten(data.records, demandeType->index);
    const interp::Value& lv = in.roles[static_cast<int>(ir::Role::Logement)];
    if (!lv.isAbsent()) flatLogement = engine->flatten({lv}, logementType->index);
    engine->evaluate(flatDemandes, lv.isAbsent() ? nullptr : flatLogement.at(0), *date, outs, failed);
  }
  std::FILE* out = stdout;
  std::string tmp;
  if (!args.output.empty()) {
    tmp = args.output + ".tmp";
    out = std::fopen(tmp.c_str(), "wb");
    if (!out) {
      fmt::print(stderr, "erreur : impossible d'écrire « {} »\n", tmp);
      return kUsageError;
    }
  }
  std::size_t failedCount = 0;
  std::map<std::string, std::size_t> reasons;
  std::string line;
  for (std::size_t i = 0; i < data.records.size(); ++i) {
    in.roles[static_cast<int>(ir::Role::Demande)] = data.records[i];
    try {
      interp::DemandeResult r;
      if (!engine || failed[i]) {
        // The interpreter, or the compiled engine's error replayed by the
        // interpreter to locate it.
        r = interp.evaluate(in);
        if (engine)
          throw std::logic_error("les deux moteurs divergent sur la demande " + data.ids[i] +
                                 " : le moteur compilé signale une erreur que l'interpréteur ne trouve pas");
      } else {
        r = engine->decode(outs.data() + i * engine->outSize(), !in.roles[1].isAbsent());
        bool needInterp = false;
        for (std::size_t b = 0; b < p.ruleBlocks.size(); ++b) {
          for (std::size_t k = 0; k < p.ruleBlocks[b].rules.size(); ++k) {
            interp::RuleResult& rr = r.blocks[b][k];
            if (rr.status == interp::RuleStatus::Exception)
              rr.motif = p.ruleBlocks[b].rules[k].exceptions[static_cast<std::size_t>(rr.exception)].label;
            else if ((rr.status == interp::RuleStatus::Refus || rr.status == interp::RuleStatus::Alerte) &&
                     !staticMotif(p.ruleBlocks[b].rules[k], rr.motif))
              needInterp = true;
          }
        }
        if (needInterp) {
          interp::DemandeResult ref = interp.evaluate(in);
          for (std::size_t b = 0; b < p.ruleBlocks.size(); ++b)
            for (std::size_t k = 0; k < p.ruleBlocks[b].rules.size(); ++k)
              r.blocks[b][k].motif = ref.blocks[b][k].motif;
        }
      }
      line = args.format == "compact" ? compactJson(p, data.ids[i], r) : fullJson(p, data.ids[i], r);
    } catch (const interp::EvalError& e) {
      ++failedCount;
      const SourceFile* f = c->sources.file(e.range.file);
      ++reasons[fmt::format("{}:{}:{}: {}", f ? f->path() : "?", e.range.begin.line, e.range.begin.column, e.message)];
      line = errorJson(c->sources, data.ids[i], e);
    }
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), out);
  }
  if (out != stdout) {
    bool ok = std::fclose(out) == 0;
    std::error_code ec;
    if (ok) std::filesystem::rename(tmp, args.output, ec);
    if (!ok || ec) {
      fmt::print(stderr, "erreur : impossible d'écrire « {} »\n", args.output);
      std::filesystem::remove(tmp, ec);
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
