// libloge: evaluating demandes with the policy's engine.
//
// The compiled engine evaluates a whole batch in one call on flat copies of
// the records (a batch keeps its copy for the next evaluation); a demande
// it flags as failed is evaluated again by the interpreter, which locates
// the error (both engines report the same errors), exactly as `loge run`
// does. Every call works on its own buffers
// and arena: the policy is only read, so evaluations run concurrently.
#include "records.h"
#include "results.h"

#include "loge/interp/result_json.h"
#include "loge/jit/motifs.h"

#include <fmt/format.h>

#include <stdexcept>

namespace loge::capi {

num::Date evaluationDate(const ir::Program& p, const char* text) {
  nonNull(text, "date");
  auto d = num::Date::parse(text);
  if (!d) fail(LOGE_ERR_ARGUMENT, fmt::format("date invalide « {} » (attendu AAAA-MM-JJ, un jour qui existe)", text));
  bool declared = p.vigueurFrom != num::Date::min();
  if ((declared && *d < p.vigueurFrom) || (p.vigueurTo && *p.vigueurTo < *d)) {
    fail(LOGE_ERR_ARGUMENT,
         fmt::format("la date d'évaluation {} est hors de la période de vigueur de la politique (du {}{})",
                     d->toString(), p.vigueurFrom.toString(),
                     p.vigueurTo ? " au " + p.vigueurTo->toString() : std::string()));
  }
  return *d;
}

void fillResult(loge_result& r, const Core& core, const std::string& id, interp::DemandeResult raw) {
  r.core = core;
  r.id = id;
  r.raw = std::move(raw);
}

void fillFailed(loge_result& r, const Core& core, const std::string& id, const interp::EvalError& e) {
  r.core = core;
  r.id = id;
  r.error = evalError(*core, e);
  r.failedJson = interp::errorJson(core->sources, id, e);
}

std::unique_ptr<loge_result> makeResult(const Core& core, const std::string& id, interp::DemandeResult raw) {
  auto r = std::make_unique<loge_result>();
  fillResult(*r, core, id, std::move(raw));
  return r;
}

std::unique_ptr<loge_result> failedResult(const Core& core, const std::string& id, const interp::EvalError& e) {
  auto r = std::make_unique<loge_result>();
  fillFailed(*r, core, id, e);
  return r;
}

namespace {

// Evaluates every demande into `results[i]` (its result, or its evaluation
// error). `batch`: the batch the demandes are, whose flat copy is reused
// (null for a record evaluated alone).
void evaluateAll(const Core& core, const std::vector<interp::Value>& demandes, const std::vector<std::string>& ids,
                 const interp::Value& logement, num::Date date, const loge_batch* batch, loge_result* results) {
  const ir::Program& p = *core->program;
  interp::Inputs in;
  in.date = date;
  in.roles[static_cast<int>(ir::Role::Logement)] = logement;
  auto one = [&](std::size_t i, auto&& compute) {
    in.roles[static_cast<int>(ir::Role::Demande)] = demandes[i];
    try {
      fillResult(results[i], core, ids[i], compute());
    } catch (const interp::EvalError& e) {
      fillFailed(results[i], core, ids[i], e);
    }
  };
  if (!core->engine) {
    for (std::size_t i = 0; i < demandes.size(); ++i) one(i, [&] { return core->interpreter->evaluate(in); });
    return;
  }
  const jit::Engine& engine = *core->engine;
  std::shared_ptr<const jit::FlatRecords> flat =
      batch ? batch->flat(engine)
            : std::make_shared<const jit::FlatRecords>(
                  engine.flatten(demandes, p.schema.roles[static_cast<int>(ir::Role::Demande)]->index));
  jit::FlatRecords flatLogement;
  if (!logement.isAbsent())
    flatLogement = engine.flatten({logement}, p.schema.roles[static_cast<int>(ir::Role::Logement)]->index);
  // By slices: one slice's results are decoded while still in cache, and
  // the results buffer stays small (it would be ≈ 0.6 KB per demande of the
  // batch, zero-filled before use).
  constexpr std::size_t kSlice = 1024;
  std::vector<std::uint8_t> outs, failed;
  for (std::size_t first = 0; first < demandes.size(); first += kSlice) {
    jit::FlatRecords slice = flat->slice(first, kSlice);
    engine.evaluate(slice, logement.isAbsent() ? nullptr : flatLogement.at(0), date, outs, failed);
    for (std::size_t k = 0; k < slice.count(); ++k) {
      one(first + k, [&] {
        if (failed[k]) {
          // Replayed by the interpreter, which throws the located error.
          core->interpreter->evaluate(in);
          throw std::logic_error("les deux moteurs divergent : le moteur compilé signale une erreur que "
                                 "l'interpréteur ne trouve pas");
        }
        interp::DemandeResult r = engine.decode(outs.data() + k * engine.outSize(), !logement.isAbsent());
        jit::completeMotifs(*core->interpreter, in, r);
        return r;
      });
    }
  }
}

} // namespace

} // namespace loge::capi

using namespace loge::capi;

extern "C" {

LOGE_API loge_status loge_evaluate(const loge_policy* policy, const loge_record* demande, const loge_record* logement,
                                   const char* date, loge_result** out, loge_error** error) {
  return guard(error, [&] {
    const Core& core = handle(policy, Tag::Policy, "policy").core;
    nonNull(out, "out");
    const loge_record& d = recordFor(demande, core, LOGE_ROLE_DEMANDE, "demande");
    loge::num::Date when = evaluationDate(*core->program, date);
    loge::interp::Arena arena; // for records not validated beforehand
    std::vector<loge::interp::Value> demandes{recordValue(d, arena)};
    loge::interp::Value lv;
    if (logement) lv = recordValue(recordFor(logement, core, LOGE_ROLE_LOGEMENT, "logement"), arena);
    std::vector<std::string> ids{loge::interp::recordId(*core->program, demandes[0])};
    auto result = std::make_unique<loge_result>();
    evaluateAll(core, demandes, ids, lv, when, nullptr, result.get());
    if (result->error) {
      std::unique_ptr<loge_error> e = std::move(result->error);
      throw Failure{std::move(e)};
    }
    *out = result.release();
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_evaluate_batch(const loge_policy* policy, const loge_batch* demandes,
                                         const loge_record* logement, const char* date, loge_results** out,
                                         loge_error** error) {
  return guard(error, [&] {
    const Core& core = handle(policy, Tag::Policy, "policy").core;
    nonNull(out, "out");
    const loge_batch& b = batchFor(demandes, core, LOGE_ROLE_DEMANDE, "demandes");
    loge::num::Date when = evaluationDate(*core->program, date);
    loge::interp::Arena arena;
    loge::interp::Value lv;
    if (logement) lv = recordValue(recordFor(logement, core, LOGE_ROLE_LOGEMENT, "logement"), arena);
    auto results = std::make_unique<loge_results>();
    results->core = core;
    // One block for the batch's result objects, not one allocation each.
    results->count = b.records.size();
    results->items = std::make_unique<loge_result[]>(results->count);
    evaluateAll(core, b.records, b.ids, lv, when, &b, results->items.get());
    for (std::size_t i = 0; i < results->count; ++i) {
      results->items[i].owned = false;
      if (results->items[i].error) ++results->failed;
    }
    *out = results.release();
    return LOGE_OK;
  });
}

LOGE_API void loge_results_free(loge_results* results) {
  if (results && results->tag == Tag::Results) {
    results->tag = Tag::Freed;
    for (std::size_t i = 0; i < results->count; ++i) results->items[i].tag = Tag::Freed;
    delete results;
  }
}

LOGE_API loge_status loge_results_count(const loge_results* results, size_t* out, loge_error** error) {
  return guard(error, [&] {
    *nonNull(out, "out") = handle(results, Tag::Results, "results").count;
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_results_failed_count(const loge_results* results, size_t* out, loge_error** error) {
  return guard(error, [&] {
    *nonNull(out, "out") = handle(results, Tag::Results, "results").failed;
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_results_get(const loge_results* results, size_t index, const loge_result** out,
                                      loge_error** error) {
  return guard(error, [&] {
    const loge_results& rs = handle(results, Tag::Results, "results");
    nonNull(out, "out");
    checkIndex(index, rs.count, "résultat");
    *out = &rs.items[index];
    return LOGE_OK;
  });
}

} // extern "C"
