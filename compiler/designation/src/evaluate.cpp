// Designation stage: evaluating many demandes against one logement with
// either engine. The compiled engine computes cotations and rule statuses;
// motifs (jit::completeMotifs) and the located message of a failed demande
// come from the interpreter, so the results are the interpreter's exactly.
#include "loge/designation/designation.h"
#include "loge/jit/jit.h"
#include "loge/jit/motifs.h"

#include <memory>

namespace loge::designation {

bool parseEngine(const std::string& text, Engine& out) {
  if (text == "auto")
    out = Engine::Auto;
  else if (text == "interp")
    out = Engine::Interp;
  else if (text == "jit")
    out = Engine::Jit;
  else
    return false;
  return true;
}

bool evaluateAll(const ir::Program& p, Engine engine, const std::vector<interp::Value>& demandes,
                 const interp::Value& logement, const interp::Value& candidature, num::Date date, Evaluations& out,
                 std::string& why, const jit::Engine* given) {
  interp::Interpreter interp(p);
  interp::Inputs in;
  in.date = date;
  in.roles[static_cast<int>(ir::Role::Logement)] = logement;
  in.roles[static_cast<int>(ir::Role::Candidature)] = candidature;
  out.results.assign(demandes.size(), std::nullopt);
  out.failures.clear();
  std::unique_ptr<jit::Engine> own;
  const jit::Engine* compiled = given;
  if (!given && engine != Engine::Interp) {
    std::string reason;
    own = jit::Engine::create(p, reason);
    if (!own && engine == Engine::Jit) {
      why = reason;
      return false;
    }
    if (!own) out.note = reason;
    compiled = own.get();
  }
  out.engine = compiled ? "jit" : "interp";
  std::vector<std::uint8_t> outs, failed;
  if (compiled && !demandes.empty()) {
    const ir::Type* dt = p.schema.roles[static_cast<int>(ir::Role::Demande)];
    jit::FlatRecords flat = compiled->flatten(demandes, dt->index);
    jit::FlatRecords flatLogement, flatCandidature;
    const std::uint8_t* l = nullptr;
    const std::uint8_t* c = nullptr;
    if (!logement.isAbsent()) {
      flatLogement = compiled->flatten({logement}, logement.rec->structIndex);
      l = flatLogement.at(0);
    }
    if (!candidature.isAbsent()) {
      flatCandidature = compiled->flatten({candidature}, candidature.rec->structIndex);
      c = flatCandidature.at(0);
    }
    compiled->evaluate(flat, l, date, outs, failed, c);
  }
  for (std::size_t i = 0; i < demandes.size(); ++i) {
    in.roles[static_cast<int>(ir::Role::Demande)] = demandes[i];
    try {
      if (!compiled || failed[i]) {
        // The interpreter, or the compiled engine's failure replayed by the
        // interpreter to locate it.
        out.results[i] = interp.evaluate(in);
        continue;
      }
      interp::DemandeResult r = compiled->decode(outs.data() + i * compiled->outSize(), !logement.isAbsent());
      jit::completeMotifs(interp, in, r);
      out.results[i] = std::move(r);
    } catch (const interp::EvalError& e) {
      out.failures.push_back({i, recordId(p, demandes[i]), e});
    }
  }
  return true;
}

} // namespace loge::designation
