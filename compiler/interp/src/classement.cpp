// Interpreter stage (internal): classements (LANGUAGE-NOTES P6).
//
// A candidate is in the pool when no rule of any éligibilité or
// harmonisation block refuses it for this logement (alerts do not exclude)
// and the pool condition holds. Candidates are sorted by the order keys,
// then by `demande.id` ascending (when the schema has it) and input order,
// so the order is total. `retenir N` keeps at most N; `dont au moins k où C
// [si Q]` then swaps the lowest-ranked retained candidates not meeting C for
// the best-ranked ones meeting C, keeping rank order.
#include "evaluator.h"

#include <algorithm>
#include <fmt/format.h>

namespace loge::interp::internal {

Ranking rankCandidates(const ir::Program& p, std::uint32_t index, const std::vector<Value>& candidates,
                       const Inputs& base, Arena& arena, const std::vector<DemandeResult>* precomputed) {
  const ir::ClassementDecl& c = p.classements[index];
  Ranking out;
  struct Entry {
    std::size_t input;
    std::vector<Value> keys;
    std::string id;
    std::vector<bool> meets; // per dont clause
    std::vector<bool> when;  // per dont clause: its `si` condition
  };
  std::vector<Entry> pool;
  const ir::Type* demandeType = p.schema.roles[static_cast<int>(ir::Role::Demande)];
  int idField = demandeType ? p.structs[demandeType->index].fieldIndex("id") : -1;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    Inputs in = base;
    in.roles[static_cast<int>(ir::Role::Demande)] = candidates[i];
    in.precomputed = precomputed ? &(*precomputed)[i] : nullptr;
    Evaluator ev(p, in, arena);
    if (!ev.eligible()) {
      out.ineligible.push_back(i);
      continue;
    }
    Evaluator::Frame frame(ev, c.slotCount + 1);
    if (c.pool && !ev.eval(*c.pool).b) {
      out.outsidePool.push_back(i);
      continue;
    }
    Entry e;
    e.input = i;
    for (const auto& k : c.order) e.keys.push_back(ev.eval(*k.key));
    if (idField >= 0 && candidates[i].rec->fields[static_cast<std::size_t>(idField)].tag == Tag::Text)
      e.id = *candidates[i].rec->fields[static_cast<std::size_t>(idField)].text;
    for (const auto& d : c.dont) {
      e.meets.push_back(ev.eval(*d.condition).b);
      e.when.push_back(d.when ? ev.eval(*d.when).b : true);
    }
    pool.push_back(std::move(e));
  }
  out.eligibleCount = pool.size();
  std::stable_sort(pool.begin(), pool.end(), [&](const Entry& a, const Entry& b) {
    for (std::size_t k = 0; k < c.order.size(); ++k) {
      int cmp = compareValues(a.keys[k], b.keys[k], c.order[k].key->type);
      if (cmp != 0) return c.order[k].descending ? cmp > 0 : cmp < 0;
    }
    if (a.id != b.id) return a.id < b.id;
    return a.input < b.input;
  });
  std::int64_t retain = static_cast<std::int64_t>(pool.size());
  if (c.retain) {
    Evaluator ev(p, base, arena);
    Evaluator::Frame frame(ev, c.slotCount + 1);
    retain = ev.eval(*c.retain).i;
    // A negative count is a mistake in the policy or the logement's data
    // (`retenir logement.places` with -1 places), not "retain nobody".
    if (retain < 0)
      fail(fmt::format("`retenir` vaut {} : le nombre de candidats à retenir ne peut pas être négatif", retain),
           c.retain->range);
  }
  out.retain = retain;
  out.insufficient = static_cast<std::int64_t>(pool.size()) < retain;
  std::size_t n = static_cast<std::size_t>(std::min<std::int64_t>(retain, static_cast<std::int64_t>(pool.size())));
  std::vector<std::size_t> chosen;
  for (std::size_t i = 0; i < n; ++i) chosen.push_back(i);
  std::vector<int> insertedBy(pool.size(), -1);
  for (std::size_t d = 0; d < c.dont.size(); ++d) {
    DontOutcome outcome;
    bool active = c.dont[d].when == nullptr;
    for (std::size_t i = 0; i < pool.size(); ++i) active = active || pool[i].when[d];
    auto meeting = [&] {
      std::int64_t m = 0;
      for (std::size_t i : chosen) m += pool[i].meets[d];
      return m;
    };
    outcome.active = active;
    if (!active) {
      outcome.met = meeting();
      out.dont.push_back(std::move(outcome));
      continue;
    }
    Evaluator ev(p, base, arena);
    std::int64_t k = 0;
    {
      Evaluator::Frame frame(ev, c.slotCount + 1);
      k = ev.eval(*c.dont[d].count).i;
    }
    outcome.wanted = k;
    std::string label = c.dont[d].label.empty() ? "clause `dont au moins`" : c.dont[d].label;
    while (meeting() < k) {
      // Best-ranked candidate meeting C not yet retained…
      std::optional<std::size_t> in;
      for (std::size_t i = 0; i < pool.size() && !in; ++i)
        if (pool[i].meets[d] && std::find(chosen.begin(), chosen.end(), i) == chosen.end()) in = i;
      // …replaces the lowest-ranked retained one not meeting C.
      std::optional<std::size_t> outPos;
      for (std::size_t pos = chosen.size(); pos-- > 0 && !outPos;)
        if (!pool[chosen[pos]].meets[d] && insertedBy[chosen[pos]] < 0) outPos = pos;
      if (!in || !outPos) {
        out.notes.push_back(fmt::format("{} : pas assez de candidats remplissent la condition ({} sur {} demandés)",
                                        label, meeting(), k));
        break;
      }
      outcome.displaced.push_back(pool[chosen[*outPos]].input);
      outcome.inserted.push_back(pool[*in].input);
      chosen[*outPos] = *in;
      insertedBy[*in] = static_cast<int>(d);
      std::sort(chosen.begin(), chosen.end());
      out.notes.push_back(
          fmt::format("{} : candidat de rang {} retenu à la place d'un candidat mieux classé", label, *in + 1));
    }
    outcome.met = meeting();
    out.dont.push_back(std::move(outcome));
  }
  for (std::size_t i = 0; i < pool.size(); ++i) {
    RankedCandidate rc;
    rc.input = pool[i].input;
    rc.keys = pool[i].keys;
    rc.inserted = insertedBy[i] >= 0;
    rc.dontClause = insertedBy[i];
    rc.meets = pool[i].meets;
    out.ordered.push_back(rc);
  }
  for (std::size_t i : chosen) out.retained.push_back(out.ordered[i]);
  return out;
}

Value Evaluator::evalClassementIds(const ir::Expr& e) {
  if (!in_.candidates)
    fail(fmt::format("le classement `{}` se lit dans un test qui donne des `candidats`", p_.classements[e.index].name),
         e.range);
  Ranking r = rankCandidates(p_, e.index, *in_.candidates, in_, arena_, nullptr);
  const ir::Type* demandeType = p_.schema.roles[static_cast<int>(ir::Role::Demande)];
  int idField = p_.structs[demandeType->index].fieldIndex("id");
  List* l = arena_.list();
  for (const RankedCandidate& c : r.retained) {
    const Value& d = (*in_.candidates)[c.input];
    if (idField >= 0 && d.rec->fields[static_cast<std::size_t>(idField)].tag == Tag::Text)
      l->items.push_back(d.rec->fields[static_cast<std::size_t>(idField)]);
    else
      l->items.push_back(Value::textValue(arena_.text(std::to_string(c.input + 1))));
  }
  return Value::list(l);
}

} // namespace loge::interp::internal
