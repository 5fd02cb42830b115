// Interpreter stage (internal): quota groups (LANGUAGE-NOTES P3) and the
// hypothetical attribution of a candidate.
//
// Semantics: an attribution counts in the period containing its anchor date
// (absent anchor: not counted). Inside the population and qualifying
// conditions, date_évaluation is the anchor date, so dated parameters take
// the value in force for that attribution. The target is read at the start
// of the group's period. `manque` is the least k >= 0 with q + k >= t(n + k)
// for an `au moins` share, max(t - q, 0) for an `au moins` count; for `au
// plus` quotas it is 0 when the group is within its target and the statut
// is then `atteint`, else `depasse`.
#include "evaluator.h"

#include <fmt/format.h>

#include <map>

namespace loge::interp::internal {

namespace {
num::PeriodKind periodKind(ir::PeriodKind k) {
  switch (k) {
  case ir::PeriodKind::Year: return num::PeriodKind::Year;
  case ir::PeriodKind::Semester: return num::PeriodKind::Semester;
  case ir::PeriodKind::Quarter: return num::PeriodKind::Quarter;
  case ir::PeriodKind::Month: return num::PeriodKind::Month;
  }
  return num::PeriodKind::Year;
}

// q + k >= t(n + k), exactly.
bool shareReached(std::int64_t q, std::int64_t n, std::int64_t k, num::Decimal t, SourceRange r) {
  num::Decimal lhs = num::Decimal::fromInt(q + k);
  num::Decimal rhs = decMul(t, num::Decimal::fromInt(n + k), r);
  return !(lhs < rhs);
}

struct GroupKey {
  std::string period;
  std::vector<std::string> keys; // canonical text of each key
  bool operator<(const GroupKey& o) const { return std::tie(period, keys) < std::tie(o.period, o.keys); }
};

std::string keyText(const Value& v) {
  switch (v.tag) {
  case Tag::Text: return "t:" + *v.text;
  case Tag::Enum: return "e:" + std::to_string(v.e);
  case Tag::Int: return "i:" + std::to_string(v.i);
  case Tag::Bool: return v.b ? "b:1" : "b:0";
  case Tag::Absent: return "absent";
  default: return "?";
  }
}
} // namespace

void finishGroup(const ir::Program& p, const ir::QuotaDecl& q, QuotaGroup& g, Evaluator& targetEval) {
  if (g.effectif > 0) g.part = decDiv(num::Decimal::fromInt(g.nombre), num::Decimal::fromInt(g.effectif), q.range);
  // The target may read the group's keys (slots 0..n-1).
  Evaluator::Frame frame(targetEval, std::max<std::uint32_t>(q.slotCount, static_cast<std::uint32_t>(g.keys.size())));
  for (std::size_t i = 0; i < g.keys.size(); ++i) frame.locals[i] = g.keys[i];
  Value target = targetEval.eval(*q.target);
  (void)p;
  if (target.isAbsent()) {
    g.statut = "sans_objectif";
    return;
  }
  g.cible = target;
  if (q.share) {
    num::Decimal t = target.asDecimal();
    if (g.effectif == 0) {
      g.statut = "sans_objet";
      g.manque = 0;
      return;
    }
    if (q.atLeast) {
      if (shareReached(g.nombre, g.effectif, 0, t, q.range)) {
        g.manque = 0;
      } else if (!(t < num::Decimal::fromInt(1))) {
        g.manque.reset(); // 100 % with q < n can never be reached
      } else {
        // k = ceil((t·n − q) / (1 − t)), then adjusted exactly.
        num::Decimal x =
            decSub(decMul(t, num::Decimal::fromInt(g.effectif), q.range), num::Decimal::fromInt(g.nombre), q.range);
        num::Decimal d = decSub(num::Decimal::fromInt(1), t, q.range);
        num::Decimal k0;
        num::roundTo(decDiv(x, d, q.range), num::Decimal::fromInt(1), num::RoundingMode::Ceiling, k0);
        std::int64_t k = 0;
        num::truncateToInt(k0, k);
        k = std::max<std::int64_t>(0, k - 1);
        while (!shareReached(g.nombre, g.effectif, k, t, q.range)) ++k;
        g.manque = k;
      }
      g.statut = g.manque && *g.manque == 0 ? "atteint" : "en_retard";
    } else {
      bool within = !(decMul(t, num::Decimal::fromInt(g.effectif), q.range) < num::Decimal::fromInt(g.nombre));
      g.manque = 0;
      g.statut = within ? "atteint" : "depasse";
    }
    return;
  }
  std::int64_t t = target.i;
  if (q.atLeast) {
    g.manque = std::max<std::int64_t>(t - g.nombre, 0);
    g.statut = *g.manque == 0 ? "atteint" : "en_retard";
  } else {
    g.manque = 0;
    g.statut = g.nombre <= t ? "atteint" : "depasse";
  }
}

std::vector<QuotaGroup> computeQuotaGroups(const ir::Program& p, std::uint32_t quota,
                                           const std::vector<Value>& attributions, num::Date asOf,
                                           const std::map<std::uint32_t, std::vector<ir::DatedValue>>* overrides,
                                           const Value* extra, std::optional<num::Date> onlyUpTo, Observer* observer,
                                           const std::function<bool(const std::string& period)>& keepPeriod) {
  const ir::QuotaDecl& q = p.quotas[quota];
  std::map<GroupKey, QuotaGroup> groups;
  Arena arena;
  auto count = [&](const Value& a) {
    Inputs in;
    in.roles[static_cast<int>(ir::Role::Attribution)] = a;
    in.date = asOf;
    in.overrides = overrides;
    in.observer = observer;
    Evaluator anchorEval(p, in, arena);
    Evaluator::Frame f(anchorEval, q.slotCount + 1);
    Value anchor = anchorEval.eval(*q.anchor);
    if (anchor.isAbsent()) return;
    num::Date at = anchor.asDate();
    if (onlyUpTo && *onlyUpTo < at) return;
    const num::PeriodKind kind = periodKind(q.period);
    // The policy's periods are those that overlap its période de vigueur:
    // an attribution of an earlier or later period is not counted. In the
    // period where the policy starts (or ends), an attribution anchored
    // before (after) it is counted, its parameters read on the first
    // (last) day of vigueur: the quota is an obligation over the whole
    // period, and the policy has no values outside its vigueur.
    num::Date paramsAt = at;
    if (at < p.vigueurFrom) {
      if (at < num::periodStart(p.vigueurFrom, kind)) return;
      paramsAt = p.vigueurFrom;
    } else if (p.vigueurTo && *p.vigueurTo < at) {
      if (num::periodStart(*p.vigueurTo, kind) < num::periodStart(at, kind)) return;
      paramsAt = *p.vigueurTo;
    }
    const std::string period = num::periodLabel(at, kind);
    if (keepPeriod && !keepPeriod(period)) return;
    // Inside the population and qualifying conditions, date_évaluation is the anchor.
    Inputs atAnchor = in;
    atAnchor.date = paramsAt;
    Evaluator ev(p, atAnchor, arena);
    Evaluator::Frame frame(ev, q.slotCount + 1);
    if (q.population && !ev.eval(*q.population).b) return;
    GroupKey key;
    key.period = period;
    std::vector<Value> keyValues;
    for (const auto& s : q.scopeValues) {
      keyValues.push_back(ev.eval(*s));
      key.keys.push_back(keyText(keyValues.back()));
    }
    auto [it, inserted] = groups.try_emplace(key);
    QuotaGroup& g = it->second;
    if (inserted) {
      g.period = key.period;
      // The target is read on the period's first day, or the policy's
      // first day when it starts within the period.
      g.targetDate = std::max(num::periodStart(at, kind), p.vigueurFrom);
      g.keys = keyValues;
    }
    ++g.effectif;
    if (ev.eval(*q.qualifying).b) ++g.nombre;
  };
  for (std::size_t i = 0; i < attributions.size(); ++i) {
    try {
      count(attributions[i]);
    } catch (EvalError& e) {
      // The policy's place alone does not say which of thousands of
      // attributions has the date or value the expression cannot take.
      std::string id = recordId(p, attributions[i]);
      e.message += id.empty() ? fmt::format(" (attribution n° {})", i + 1)
                              : fmt::format(" (attribution « {} », n° {})", id, i + 1);
      throw;
    }
  }
  if (extra) count(*extra);
  std::vector<QuotaGroup> out;
  for (auto& [k, g] : groups) {
    Inputs in;
    in.date = g.targetDate;
    in.overrides = overrides;
    in.observer = observer;
    Evaluator targetEval(p, in, arena);
    finishGroup(p, q, g, targetEval);
    out.push_back(std::move(g));
  }
  // Texts and lists referenced by keys live in the caller's data or the
  // program, never in this local arena (keys are scalars).
  return out;
}

// The attribution a candidate would make (LANGUAGE-NOTES P3.6): the
// candidate and the logement, the candidature's fields of the same name,
// dates at the evaluation date. It is not input data: a field nothing
// gives takes the schema's default (a relogement flag `= faux`); without
// one, reading it is an error. An absent value would put the candidate in
// no group of a quota split `par reservataire`, never « en retard »,
// silently.
Value hypotheticalAttribution(const ir::Program& p, const Inputs& in, Arena& arena) {
  const ir::Type* at = p.schema.roles[static_cast<int>(ir::Role::Attribution)];
  const ir::StructDecl& s = p.structs[at->index];
  Record* r = arena.record(at->index, s.fields.size());
  const Value& candidature = in.roles[static_cast<int>(ir::Role::Candidature)];
  const ir::StructDecl* cs = candidature.isAbsent() ? nullptr : &p.structs[candidature.rec->structIndex];
  for (std::size_t i = 0; i < s.fields.size(); ++i) {
    const ir::FieldDecl& f = s.fields[i];
    const ir::Type* t = ir::stripOptional(f.type);
    const bool optional = ir::isOptional(f.type);
    const int inCandidature = cs ? cs->fieldIndex(f.name) : -1;
    const Value* given =
        inCandidature >= 0 ? &candidature.rec->fields[static_cast<std::size_t>(inCandidature)] : nullptr;
    Value v;
    if (t == p.schema.roles[static_cast<int>(ir::Role::Demande)])
      v = in.roles[static_cast<int>(ir::Role::Demande)];
    else if (t == p.schema.roles[static_cast<int>(ir::Role::Logement)])
      v = in.roles[static_cast<int>(ir::Role::Logement)];
    else if (given && (optional || !given->isAbsent()))
      v = *given;
    else if (t->kind == ir::TypeKind::Date)
      v = Value::dateValue(in.date);
    else if (optional)
      v = Value::absent();
    else if (t->kind == ir::TypeKind::Text && f.name == "id")
      v = Value::textValue(arena.text("(attribution envisagée)"));
    else if (std::optional<Value> d = f.testDefault ? scalarConstant(*f.testDefault) : std::nullopt)
      v = *d;
    else
      v = Value::unsetField(arena.missingField(fmt::format(
          "l'attribution envisagée n'a pas de `{}` : seuls la demande, le logement, les dates, les champs de la "
          "candidature et les valeurs par défaut du schéma la décrivent ; donnez `{}` dans la candidature "
          "(`--candidature C.json` de loge rank, `candidature {{ … }}` d'un test)",
          f.name, f.name)));
    r->fields[i] = v;
  }
  return Value::record(r);
}

bool envisagedConcerned(const ir::Program& p, std::uint32_t quota, const Inputs& base, Arena& arena) {
  const ir::QuotaDecl& q = p.quotas[quota];
  if (!q.population) return true;
  Inputs in = base;
  in.roles[static_cast<int>(ir::Role::Attribution)] = hypotheticalAttribution(p, base, arena);
  Evaluator ev(p, in, arena);
  Evaluator::Frame frame(ev, q.slotCount + 1);
  return ev.eval(*q.population).b;
}

std::optional<QuotaGroup> envisagedGroup(const ir::Program& p, std::uint32_t quota, const Inputs& base, Arena& arena) {
  const ir::QuotaDecl& q = p.quotas[quota];
  Inputs in = base;
  in.roles[static_cast<int>(ir::Role::Attribution)] = hypotheticalAttribution(p, base, arena);
  Evaluator ev(p, in, arena);
  Evaluator::Frame frame(ev, q.slotCount + 1);
  if (q.population && !ev.eval(*q.population).b) return std::nullopt;
  std::vector<std::string> want;
  for (const auto& s : q.scopeValues) want.push_back(keyText(ev.eval(*s)));
  Value anchor = ev.eval(*q.anchor);
  std::string period = anchor.isAbsent() ? "" : num::periodLabel(anchor.asDate(), periodKind(q.period));
  // The candidate's group, counting this period's attributions up to
  // date_évaluation: those of other periods are not evaluated (an
  // attribution of a year the policy's parameters do not cover cannot
  // stop this year's designation).
  static const std::vector<Value> none;
  std::vector<QuotaGroup> groups =
      computeQuotaGroups(p, quota, base.attributions ? *base.attributions : none, base.date, base.overrides, nullptr,
                         base.date, base.observer, [&](const std::string& label) { return label == period; });
  for (QuotaGroup& g : groups) {
    if (g.period != period) continue;
    std::vector<std::string> keys;
    for (const Value& k : g.keys) keys.push_back(keyText(k));
    if (keys == want) return std::move(g);
  }
  return std::nullopt;
}

Value Evaluator::evalQuotaHypothetical(const ir::Expr& e) {
  const ir::QuotaDecl& q = p_.quotas[e.index];
  Value hypo = hypotheticalAttribution(p_, in_, arena_);
  Inputs in = in_;
  in.roles[static_cast<int>(ir::Role::Attribution)] = hypo;
  Evaluator ev(p_, in, arena_);
  Frame frame(ev, q.slotCount + 1);
  bool concerne = !q.population || ev.eval(*q.population).b;
  if (e.sub == 0) return Value::boolean(concerne);
  bool compte = ev.eval(*q.qualifying).b;
  if (e.sub == 1) return Value::boolean(compte);
  if (!concerne) return Value::boolean(false);
  // en_retard: the candidate's group is behind its target (an empty group
  // or a group without target is not; an unreachable share is).
  std::optional<QuotaGroup> g = envisagedGroup(p_, e.index, in_, arena_);
  return Value::boolean(g && g->statut == "en_retard");
}

Value Evaluator::evalQuotaGroupField(const ir::Expr& e) {
  const ir::QuotaDecl& q = p_.quotas[e.index];
  static const std::vector<Value> none;
  auto groups = computeQuotaGroups(p_, e.index, in_.attributions ? *in_.attributions : none, in_.date, in_.overrides,
                                   nullptr, std::nullopt, in_.observer);
  std::vector<std::string> want;
  for (std::size_t i = 0; i < q.scopeNames.size(); ++i) want.push_back(keyText(eval(*e.args[i])));
  Value periodValue = eval(*e.args.back());
  std::string period = periodValue.tag == Tag::Int ? fmt::format("{:04}", periodValue.i) : *periodValue.text;
  for (const QuotaGroup& g : groups) {
    std::vector<std::string> keys;
    for (const Value& k : g.keys) keys.push_back(keyText(k));
    if (g.period != period || keys != want) continue;
    switch (static_cast<ir::QuotaField>(e.sub)) {
    case ir::QuotaField::Effectif: return Value::integer(g.effectif);
    case ir::QuotaField::Nombre: return Value::integer(g.nombre);
    case ir::QuotaField::Part: return g.part ? Value::decimal(*g.part) : Value::absent();
    case ir::QuotaField::Cible: return g.cible ? *g.cible : Value::absent();
    case ir::QuotaField::Manque: return g.manque ? Value::integer(*g.manque) : Value::absent();
    case ir::QuotaField::Statut: return Value::textValue(arena_.text(g.statut));
    }
  }
  fail(fmt::format("aucune attribution du test ne forme ce groupe du quota `{}` (période {})", q.name, period),
       e.range);
}

} // namespace loge::interp::internal
