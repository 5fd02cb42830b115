// Designation stage: the demandeur's position statement.
#include "loge/designation/position.h"

#include <algorithm>
#include <optional>

namespace loge::designation {

namespace {
bool sameScalar(const interp::Value& a, const interp::Value& b) {
  if (a.tag != b.tag) return false;
  switch (a.tag) {
  case interp::Tag::Absent: return true;
  case interp::Tag::Bool: return a.b == b.b;
  case interp::Tag::Int: return a.i == b.i;
  case interp::Tag::Date: return a.date == b.date;
  case interp::Tag::Enum: return a.e == b.e;
  case interp::Tag::Text: return *a.text == *b.text;
  default: return false;
  }
}

// Equal scalars; lists sharing at least one element (an empty list shares
// nothing); absent matches absent only.
bool sameKey(const interp::Value& a, const interp::Value& b) {
  if (a.tag == interp::Tag::List && b.tag == interp::Tag::List) {
    for (const interp::Value& x : a.lst->items)
      for (const interp::Value& y : b.lst->items)
        if (sameScalar(x, y)) return true;
    return false;
  }
  return sameScalar(a, b);
}

std::vector<interp::Value> keysOf(const interp::Interpreter& interp, const ir::SimilarityDecl& s,
                                  const interp::Value& demande, num::Date date, interp::Arena& arena) {
  interp::Inputs in;
  in.date = date;
  in.roles[static_cast<int>(ir::Role::Demande)] = demande;
  std::vector<interp::Value> out;
  for (const auto& k : s.keys) out.push_back(interp.evaluateExpr(*k, in, arena, s.slotCount));
  return out;
}

bool similar(const std::vector<interp::Value>& a, const std::vector<interp::Value>& b) {
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!sameKey(a[i], b[i])) return false;
  return true;
}
} // namespace

bool position(const ir::Program& p, const PositionRequest& req, PositionReport& out, std::string& why) {
  static const std::vector<interp::Value> none;
  const std::vector<interp::Value>& demandes = req.demandes ? *req.demandes : none;
  const ir::SimilarityDecl& sim = p.similarities[req.similarity];
  interp::Interpreter interp(p);
  interp::Arena arena; // key values computed by the similarité (lists, texts)
  out = PositionReport{};
  out.id = recordId(p, req.demande);
  out.date = req.date;
  out.cotation = req.cotation;
  out.similarity = req.similarity;
  out.keyArena = std::make_shared<interp::Arena>();
  out.keys = keysOf(interp, sim, req.demande, req.date, *out.keyArena);

  // The similar demandes of the file (the same id is this demande, already
  // given on its own).
  std::vector<interp::Value> evaluated{req.demande};
  std::vector<std::size_t> inputs{0};
  for (std::size_t i = 0; i < demandes.size(); ++i) {
    std::string id = recordId(p, demandes[i]);
    if (!out.id.empty() && id == out.id) continue;
    ++out.demandeCount;
    // A demande deposited after the statement's date was not waiting then.
    if (std::optional<num::Date> entered = entryDate(p, interp, sim, demandes[i], req.date, arena);
        entered && req.date < *entered) {
      ++out.depositedLater;
      continue;
    }
    try {
      if (!similar(out.keys, keysOf(interp, sim, demandes[i], req.date, arena))) continue;
    } catch (const interp::EvalError& e) {
      out.failures.push_back({i, id, e});
      continue;
    }
    evaluated.push_back(demandes[i]);
    inputs.push_back(i);
  }
  Evaluations ev;
  if (!evaluateAll(p, req.engine, evaluated, interp::Value::absent(), interp::Value::absent(), req.date, ev, why,
                   req.compiled))
    return false;
  out.engine = ev.engine;
  out.engineNote = ev.note;
  for (const Failure& f : ev.failures) {
    if (f.input == 0) throw f.error;
    out.failures.push_back({inputs[f.input], f.id, f.error});
  }
  std::sort(out.failures.begin(), out.failures.end(),
            [](const Failure& a, const Failure& b) { return a.input < b.input; });
  out.result = *ev.results[0];
  num::Decimal total = out.result.cotations[req.cotation].total;
  for (std::size_t k = 1; k < evaluated.size(); ++k) {
    if (!ev.results[k]) continue;
    ++out.similar;
    num::Decimal other = ev.results[k]->cotations[req.cotation].total;
    if (total < other) {
      ++out.higher;
    } else if (other < total) {
      ++out.lower;
    } else {
      ++out.equal;
      out.tiedIds.push_back(recordId(p, evaluated[k]));
    }
  }
  std::sort(out.tiedIds.begin(), out.tiedIds.end());

  WaitingTime& w = out.waiting;
  w.declared = sim.waitFrom != nullptr;
  const int field = attributionDemandeField(p);
  w.attributionsGiven = req.attributions != nullptr;
  if (!req.attributions || field < 0) return true;
  std::int64_t sumMonths = 0, sumDays = 0;
  for (const interp::Value& a : *req.attributions) {
    const interp::Value& d = a.rec->fields[static_cast<std::size_t>(field)];
    if (d.isAbsent() || !similar(out.keys, keysOf(interp, sim, d, req.date, arena))) continue;
    ++w.similar;
    if (!w.declared) continue;
    interp::Inputs in;
    in.date = req.date;
    in.roles[static_cast<int>(ir::Role::Attribution)] = a;
    interp::Value from = interp.evaluateExpr(*sim.waitFrom, in, arena, sim.slotCount);
    interp::Value to = interp.evaluateExpr(*sim.waitTo, in, arena, sim.slotCount);
    if (from.isAbsent() || to.isAbsent()) {
      ++w.undated;
      continue;
    }
    if (req.date < to.asDate()) {
      ++w.later;
      continue;
    }
    if (to.asDate() < from.asDate()) {
      ++w.inconsistent;
      continue;
    }
    std::int64_t months = num::monthsBetween(from.asDate(), to.asDate());
    sumMonths += months;
    sumDays += num::daysBetween(from.asDate(), to.asDate());
    w.minMonths = w.measured == 0 ? months : std::min(w.minMonths, months);
    w.maxMonths = w.measured == 0 ? months : std::max(w.maxMonths, months);
    ++w.measured;
  }
  if (w.measured > 0) {
    num::Decimal n = num::Decimal::fromInt(static_cast<std::int64_t>(w.measured)), avg;
    if (num::div(num::Decimal::fromInt(sumMonths), n, avg) == num::Status::Ok) w.averageMonths = avg;
    if (num::div(num::Decimal::fromInt(sumDays), n, avg) == num::Status::Ok) w.averageDays = avg;
  }
  return true;
}

} // namespace loge::designation
