// Impact stage: comparing two sides on the same corpus.
#include "loge/impact/impact.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>
#include <utility>

namespace loge::impact {

namespace {
num::Decimal plus(num::Decimal a, num::Decimal b) {
  num::Decimal out;
  if (num::add(a, b, out) != num::Status::Ok) throw std::overflow_error("dépassement de capacité dans loge diff");
  return out;
}
num::Decimal minus(num::Decimal a, num::Decimal b) {
  num::Decimal out;
  if (num::sub(a, b, out) != num::Status::Ok) throw std::overflow_error("dépassement de capacité dans loge diff");
  return out;
}

// Rounded mean (half to even, 0.01), 0 for no values.
num::Decimal mean(num::Decimal sum, std::size_t n) {
  if (n == 0) return num::Decimal();
  num::Decimal q, out;
  if (num::div(sum, num::Decimal::fromInt(static_cast<std::int64_t>(n)), q) != num::Status::Ok ||
      num::roundTo(q, *num::Decimal::parse("0.01"), num::RoundingMode::HalfEven, out) != num::Status::Ok)
    throw std::overflow_error("dépassement de capacité dans loge diff");
  return out;
}

// Histogram buckets of score changes, symmetric around 0.
const char* const kBucketLabels[] = {"≤ −100",   "]−100 ; −50]", "]−50 ; −10]", "]−10 ; 0[", "0",
                                     "]0 ; 10[", "[10 ; 50[",    "[50 ; 100[",  "≥ 100"};
std::size_t bucketOf(num::Decimal d) {
  auto n = [](int v) { return num::Decimal::fromInt(v); };
  if (d.isZero()) return 4;
  if (d.isNegative()) {
    if (d <= n(-100)) return 0;
    if (d <= n(-50)) return 1;
    if (d <= n(-10)) return 2;
    return 3;
  }
  if (d < n(10)) return 5;
  if (d < n(50)) return 6;
  if (d < n(100)) return 7;
  return 8;
}

std::optional<std::size_t> findCotation(const ir::Program& p, const std::string& name) {
  for (std::size_t c = 0; c < p.cotations.size(); ++c)
    if (p.cotations[c].name == name) return c;
  return std::nullopt;
}

template <class Decl> CriterionImpact criterion(const Decl& d) {
  CriterionImpact c;
  c.name = d.name;
  c.label = d.label;
  return c;
}

// Items (criteria or rubriques) paired by name: NEW's order, then those of
// OLD only.
struct Pair {
  std::optional<std::size_t> b, a;
};
template <class Decl, class Find>
std::vector<Pair> pairItems(const std::vector<Decl>* before, const std::vector<Decl>* after, Find find,
                            std::vector<CriterionImpact>& out) {
  std::vector<Pair> pairs;
  if (after)
    for (std::size_t i = 0; i < after->size(); ++i) {
      pairs.push_back({before ? find(*before, (*after)[i].name) : std::nullopt, i});
      out.push_back(criterion((*after)[i]));
      out.back().added = !pairs.back().b;
    }
  if (before)
    for (std::size_t i = 0; i < before->size(); ++i)
      if (!after || !find(*after, (*before)[i].name)) {
        pairs.push_back({i, std::nullopt});
        out.push_back(criterion((*before)[i]));
        out.back().removed = true;
      }
  return pairs;
}

template <class T> std::optional<std::size_t> byName(const std::vector<T>& items, const std::string& name) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].name == name) return i;
  return std::nullopt;
}

void count(CriterionImpact& ci, num::Decimal before, num::Decimal after) {
  num::Decimal d = minus(after, before);
  if (d.isZero()) return;
  ++ci.changed;
  (d.isNegative() ? ci.down : ci.up) += 1;
  ci.totalDelta = plus(ci.totalDelta, d);
}

std::vector<std::string> refusingRules(const ir::Program& p, const interp::DemandeResult& r) {
  std::vector<std::string> out;
  for (std::size_t b = 0; b < p.ruleBlocks.size(); ++b)
    for (std::size_t i = 0; i < p.ruleBlocks[b].rules.size(); ++i)
      if (r.blocks[b][i].status == interp::RuleStatus::Refus)
        out.push_back(p.ruleBlocks[b].name + "." + p.ruleBlocks[b].rules[i].name);
  return out;
}

Example example(const std::vector<std::string>& ids, std::size_t i) {
  Example e;
  e.id = ids[i];
  e.index = i;
  return e;
}

// Where rule `name` (bloc.règle) is in `p`: block and rule indices.
std::optional<std::pair<std::size_t, std::size_t>> findRule(const ir::Program& p, const std::string& name) {
  for (std::size_t b = 0; b < p.ruleBlocks.size(); ++b)
    for (std::size_t i = 0; i < p.ruleBlocks[b].rules.size(); ++i)
      if (p.ruleBlocks[b].name + "." + p.ruleBlocks[b].rules[i].name == name) return std::pair{b, i};
  return std::nullopt;
}

// Per rule, on the demandes evaluated without error on both sides: who is
// alerted before, after, and who changes.
void compareAlerts(const std::vector<std::string>& ids, const Side& before, const Side& after,
                   const CompareOptions& opts, std::vector<AlertImpact>& out) {
  std::vector<std::string> names;
  for (const ir::Program* p : {after.program, before.program})
    for (const auto& b : p->ruleBlocks)
      for (const auto& rule : b.rules)
        if (std::find(names.begin(), names.end(), b.name + "." + rule.name) == names.end())
          names.push_back(b.name + "." + rule.name);
  for (const std::string& name : names) {
    auto rb = findRule(*before.program, name);
    auto ra = findRule(*after.program, name);
    AlertImpact a;
    a.rule = name;
    a.added = !rb;
    a.removed = !ra;
    auto alerted = [](const std::optional<std::pair<std::size_t, std::size_t>>& at, const interp::DemandeResult& r) {
      return at && r.blocks[at->first][at->second].status == interp::RuleStatus::Alerte;
    };
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (!before.results[i] || !after.results[i]) continue;
      const bool xb = alerted(rb, *before.results[i]);
      const bool xa = alerted(ra, *after.results[i]);
      a.before += xb;
      a.after += xa;
      if (xa && !xb && a.appeared++ < opts.examples) a.appearedExamples.push_back(example(ids, i));
      if (xb && !xa && a.disappeared++ < opts.examples) a.disappearedExamples.push_back(example(ids, i));
    }
    if (a.before || a.after) out.push_back(std::move(a));
  }
}

// The ranked demandes of one side, best first: the classement's retained
// list, else every demande evaluated without error (and eligible when a
// logement was given) by decreasing total of cotation `c`, ties in corpus
// order.
std::vector<std::size_t> rankedBy(const Side& s, std::optional<std::size_t> c, bool useClassement) {
  if (useClassement) return *s.ranking;
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < s.results.size(); ++i)
    if (s.results[i] && (!s.results[i]->eligible || *s.results[i]->eligible)) out.push_back(i);
  std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
    return s.results[b]->cotations[*c].total < s.results[a]->cotations[*c].total;
  });
  return out;
}

void compareCotation(const std::vector<std::string>& ids, const Side& before, const Side& after,
                     std::optional<std::size_t> cb, std::optional<std::size_t> ca, const CompareOptions& opts,
                     CotationImpact& out) {
  const ir::CotationDecl* db = cb ? &before.program->cotations[*cb] : nullptr;
  const ir::CotationDecl* da = ca ? &after.program->cotations[*ca] : nullptr;
  const ir::CotationDecl& any = da ? *da : *db;
  out.name = any.name;
  out.label = any.label;
  out.added = !db;
  out.removed = !da;
  std::vector<Pair> pairs =
      pairItems(db ? &db->criteria : nullptr, da ? &da->criteria : nullptr, byName<ir::CriterionDecl>, out.criteria);
  std::vector<Pair> rubriquePairs =
      pairItems(db ? &db->rubriques : nullptr, da ? &da->rubriques : nullptr, byName<ir::RubriqueDecl>, out.rubriques);
  out.histogram.resize(std::size(kBucketLabels));
  for (std::size_t k = 0; k < out.histogram.size(); ++k) out.histogram[k].label = kBucketLabels[k];
  std::vector<std::pair<num::Decimal, std::size_t>> deltas;
  bool first = true;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (!before.results[i] || !after.results[i]) continue;
    const interp::CotationResult* rb = cb ? &before.results[i]->cotations[*cb] : nullptr;
    const interp::CotationResult* ra = ca ? &after.results[i]->cotations[*ca] : nullptr;
    num::Decimal tb = rb ? rb->total : num::Decimal(), ta = ra ? ra->total : num::Decimal();
    num::Decimal d = minus(ta, tb);
    ++out.compared;
    out.sumDelta = plus(out.sumDelta, d);
    if (first || d < out.minDelta) out.minDelta = d;
    if (first || out.maxDelta < d) out.maxDelta = d;
    first = false;
    ++out.histogram[bucketOf(d)].count;
    if (!d.isZero()) {
      ++out.changed;
      (d.isNegative() ? out.down : out.up) += 1;
      deltas.push_back({d, i});
    }
    for (std::size_t k = 0; k < pairs.size(); ++k)
      count(out.criteria[k], pairs[k].b ? rb->criteria[*pairs[k].b].contribution : num::Decimal(),
            pairs[k].a ? ra->criteria[*pairs[k].a].contribution : num::Decimal());
    for (std::size_t k = 0; k < rubriquePairs.size(); ++k)
      count(out.rubriques[k], rubriquePairs[k].b ? rb->rubriques[*rubriquePairs[k].b] : num::Decimal(),
            rubriquePairs[k].a ? ra->rubriques[*rubriquePairs[k].a] : num::Decimal());
  }
  out.meanDelta = mean(out.sumDelta, out.compared);
  // Criteria that moved first, by decreasing number of demandes affected.
  auto byChange = [](const CriterionImpact& x, const CriterionImpact& y) { return x.changed > y.changed; };
  std::stable_sort(out.criteria.begin(), out.criteria.end(), byChange);
  std::stable_sort(out.rubriques.begin(), out.rubriques.end(), byChange);
  // Examples: the largest rises and falls, ties in corpus order.
  auto pick = [&](bool rising, std::vector<Example>& into) {
    std::vector<std::pair<num::Decimal, std::size_t>> v;
    for (const auto& x : deltas)
      if (x.first.isNegative() != rising) v.push_back(x);
    std::stable_sort(v.begin(), v.end(),
                     [&](const auto& x, const auto& y) { return rising ? y.first < x.first : x.first < y.first; });
    for (std::size_t k = 0; k < v.size() && k < opts.examples; ++k) {
      Example e = example(ids, v[k].second);
      e.before = cb ? before.results[v[k].second]->cotations[*cb].total : num::Decimal();
      e.after = ca ? after.results[v[k].second]->cotations[*ca].total : num::Decimal();
      into.push_back(std::move(e));
    }
  };
  pick(true, out.upExamples);
  pick(false, out.downExamples);
}
} // namespace

Report compare(const std::vector<std::string>& ids, const Side& before, const Side& after, const CompareOptions& opts) {
  Report r;
  r.oldTitle = before.title;
  r.newTitle = after.title;
  r.options = opts;
  r.demandes = ids.size();
  const ir::Program& pb = *before.program;
  const ir::Program& pa = *after.program;

  // Evaluation errors.
  for (std::size_t i = 0; i < ids.size(); ++i) {
    bool eb = !before.results[i], ea = !after.results[i];
    r.errors.before += eb;
    r.errors.after += ea;
    if (!eb && !ea) ++r.compared;
    if (!eb && ea) {
      ++r.errors.appeared;
      if (r.errors.appearedExamples.size() < opts.examples) {
        r.errors.appearedExamples.push_back(example(ids, i));
        r.errors.appearedExamples.back().rules = {after.errors[i]};
      }
    }
    if (eb && !ea) {
      ++r.errors.disappeared;
      if (r.errors.disappearedExamples.size() < opts.examples) {
        r.errors.disappearedExamples.push_back(example(ids, i));
        r.errors.disappearedExamples.back().rules = {before.errors[i]};
      }
    }
  }

  // Eligibility, on the demandes evaluated on both sides.
  EligibilityImpact& el = r.eligibility;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (!before.results[i] || !after.results[i]) continue;
    const auto& xb = before.results[i]->eligible;
    const auto& xa = after.results[i]->eligible;
    if (!xb || !xa) continue;
    el.present = true;
    el.eligibleBefore += *xb;
    el.eligibleAfter += *xa;
    if (!*xb && *xa) {
      ++el.gained;
      if (el.gainedExamples.size() < opts.examples) {
        el.gainedExamples.push_back(example(ids, i));
        el.gainedExamples.back().rules = refusingRules(pb, *before.results[i]);
      }
    }
    if (*xb && !*xa) {
      ++el.lost;
      if (el.lostExamples.size() < opts.examples) {
        el.lostExamples.push_back(example(ids, i));
        el.lostExamples.back().rules = refusingRules(pa, *after.results[i]);
      }
    }
  }

  compareAlerts(ids, before, after, opts, r.alerts);

  // Cotations: NEW's order, then those of OLD only.
  for (std::size_t c = 0; c < pa.cotations.size(); ++c) {
    r.cotations.emplace_back();
    compareCotation(ids, before, after, findCotation(pb, pa.cotations[c].name), c, opts, r.cotations.back());
  }
  for (std::size_t c = 0; c < pb.cotations.size(); ++c)
    if (!findCotation(pa, pb.cotations[c].name)) {
      r.cotations.emplace_back();
      compareCotation(ids, before, after, c, std::nullopt, opts, r.cotations.back());
    }
  for (const CotationImpact& ci : r.cotations) {
    if (ci.added) r.notes.push_back(fmt::format("la cotation `{}` n'existe que dans la nouvelle version", ci.name));
    if (ci.removed) r.notes.push_back(fmt::format("la cotation `{}` n'existe que dans l'ancienne version", ci.name));
    for (const CriterionImpact& k : ci.criteria) {
      if (k.added && !ci.added)
        r.notes.push_back(fmt::format("critère ajouté : `{}.{}` ({})", ci.name, k.name, k.label));
      if (k.removed && !ci.removed)
        r.notes.push_back(fmt::format("critère supprimé : `{}.{}` ({})", ci.name, k.name, k.label));
    }
  }

  // Ranking.
  RankImpact& rk = r.rank;
  bool classement = before.ranking && after.ranking && before.rankingName == after.rankingName;
  std::optional<std::size_t> cb, ca;
  if (!classement) {
    if (before.ranking || after.ranking)
      r.notes.push_back("le classement n'est pas le même dans les deux versions : le rang suit le total de la "
                        "cotation");
    if (!before.rankingNote.empty()) r.notes.push_back(before.rankingNote);
    if (!after.rankingNote.empty() && after.rankingNote != before.rankingNote) r.notes.push_back(after.rankingNote);
    std::string name = opts.cotation;
    if (name.empty())
      for (const auto& c : pa.cotations)
        if (findCotation(pb, c.name)) {
          name = c.name;
          break;
        }
    cb = findCotation(pb, name);
    ca = findCotation(pa, name);
    if (!cb || !ca) {
      if (!opts.cotation.empty())
        r.notes.push_back(fmt::format("pas de rang : la cotation `{}` n'existe pas dans les deux versions", name));
      return r;
    }
  }
  rk.present = true;
  rk.basis = classement ? fmt::format("classement `{}`", after.rankingName)
                        : fmt::format("total de la cotation `{}`", pa.cotations[*ca].name);
  rk.top = opts.top;
  std::vector<std::size_t> ob = rankedBy(before, cb, classement), oa = rankedBy(after, ca, classement);
  rk.rankedBefore = ob.size();
  rk.rankedAfter = oa.size();
  std::map<std::size_t, std::size_t> rankB, rankA; // corpus index → 1-based rank
  for (std::size_t k = 0; k < ob.size(); ++k) rankB[ob[k]] = k + 1;
  for (std::size_t k = 0; k < oa.size(); ++k) rankA[oa[k]] = k + 1;
  auto describe = [&](std::size_t i) {
    Example e = example(ids, i);
    if (auto it = rankB.find(i); it != rankB.end()) e.rankBefore = it->second;
    if (auto it = rankA.find(i); it != rankA.end()) e.rankAfter = it->second;
    if (!classement) {
      if (before.results[i]) e.before = before.results[i]->cotations[*cb].total;
      if (after.results[i]) e.after = after.results[i]->cotations[*ca].total;
    }
    return e;
  };
  auto inTop = [&](const std::map<std::size_t, std::size_t>& ranks, std::size_t i) {
    auto it = ranks.find(i);
    return it != ranks.end() && it->second <= opts.top;
  };
  for (std::size_t k = 0; k < oa.size() && k < opts.top; ++k) {
    std::size_t i = oa[k];
    if (!inTop(rankB, i))
      rk.entered.push_back(describe(i));
    else if (rankB[i] != k + 1)
      rk.moved.push_back(describe(i));
  }
  for (std::size_t k = 0; k < ob.size() && k < opts.top; ++k)
    if (!inTop(rankA, ob[k])) rk.left.push_back(describe(ob[k]));
  return r;
}

} // namespace loge::impact
