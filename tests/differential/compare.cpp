// Differential test support: comparing the two engines on one demande.
#include "compare.h"

#include "loge/jit/definitions.h"

#include "random_records.h"

#include <algorithm>
#include <optional>

namespace loge::difftest {

namespace {
// The constructs the compiled engine refuses by design (codegen's
// `Unsupported` reasons, listed in docs/differential.md).
const char* kRefusalPrefix = "le moteur compilé ne prend pas encore en charge : ";
const std::vector<std::string>& documentedUnsupported() {
  static const std::vector<std::string> v{
      "type de valeur non pris en charge par le moteur compilé",
      "liste constante de structures",
      "n-uplet constant",
      "égalité entre valeurs composées",
      "liste construite à l'exécution",
      "enregistrement construit (tests seulement)",
      "état d'un quota pour un candidat (`quota.X.en_retard`)",
      "`eligible` (tests seulement)",
      "groupe de quota (tests seulement)",
      "classement (tests seulement)",
  };
  return v;
}

} // namespace

bool documentedRefusal(const std::string& why) {
  if (why.rfind(kRefusalPrefix, 0) != 0) return false;
  std::string rest = why.substr(std::string(kRefusalPrefix).size());
  const auto& v = documentedUnsupported();
  return std::find(v.begin(), v.end(), rest) != v.end();
}

std::vector<num::Date> evaluationDates(const ir::Program& p, std::uint64_t seed, bool withRandom) {
  const num::Date fallbackStart = *num::Date::fromYmd(2020, 1, 1);
  num::Date from = p.vigueurFrom == num::Date::min() ? fallbackStart : p.vigueurFrom;
  num::Date to = p.vigueurTo ? *p.vigueurTo : std::max(*num::Date::fromYmd(2030, 12, 31), from);
  std::vector<num::Date> dates{from};
  num::Date mid = *num::Date::fromYmd(2025, 6, 30);
  if (from < mid && !(to < mid)) dates.push_back(mid);
  if (withRandom) {
    std::mt19937_64 rng(mixSeed(seed, 0xDA7E));
    num::Date r = num::Date::fromDays(static_cast<std::int32_t>(uniform(rng, from.days(), to.days())));
    if (std::find(dates.begin(), dates.end(), r) == dates.end()) dates.push_back(r);
  }
  return dates;
}

namespace {
std::string statusName(const interp::RuleResult& r) {
  std::string s = interp::ruleStatusName(r.status);
  if (r.status == interp::RuleStatus::Exception || r.exception != -1) s += " #" + std::to_string(r.exception);
  return s;
}

} // namespace

std::string diffResults(const ir::Program& p, const interp::DemandeResult& a, const interp::DemandeResult& b,
                        bool details) {
  std::string out;
  auto note = [&](const std::string& field, const std::string& x, const std::string& y) {
    out += "    " + field + ": interpreter " + x + ", compiled " + y + "\n";
  };
  auto dec = [&](const std::string& field, num::Decimal x, num::Decimal y) {
    if (!(x == y)) note(field, x.toString(), y.toString());
  };
  auto flag = [&](const std::string& field, bool x, bool y) {
    if (x != y) note(field, x ? "true" : "false", y ? "true" : "false");
  };
  if (a.cotations.size() != b.cotations.size() || a.blocks.size() != b.blocks.size())
    return "    result shapes differ (cotations or rule blocks)\n";
  for (std::size_t c = 0; c < p.cotations.size(); ++c) {
    const ir::CotationDecl& decl = p.cotations[c];
    const interp::CotationResult& x = a.cotations[c];
    const interp::CotationResult& y = b.cotations[c];
    dec(decl.name + " (total)", x.total, y.total);
    dec(decl.name + " (before floor/ceiling)", x.beforeBounds, y.beforeBounds);
    flag(decl.name + " (floor applied)", x.floorApplied, y.floorApplied);
    flag(decl.name + " (ceiling applied)", x.ceilingApplied, y.ceilingApplied);
    if (!details) continue;
    if (x.criteria.size() != y.criteria.size() || x.rubriques.size() != y.rubriques.size()) {
      out += "    " + decl.name + ": criteria or rubriques counts differ\n";
      continue;
    }
    for (std::size_t i = 0; i < x.criteria.size(); ++i) {
      std::string name = decl.name + "." + decl.criteria[i].name;
      dec(name + ".brut", x.criteria[i].brut, y.criteria[i].brut);
      dec(name + " (contribution)", x.criteria[i].contribution, y.criteria[i].contribution);
      flag(name + " (applicable)", x.criteria[i].applicable, y.criteria[i].applicable);
    }
    for (std::size_t i = 0; i < x.rubriques.size(); ++i)
      dec(decl.name + "." + decl.rubriques[i].name + " (rubrique)", x.rubriques[i], y.rubriques[i]);
  }
  for (std::size_t bl = 0; bl < p.ruleBlocks.size(); ++bl) {
    if (a.blocks[bl].size() != b.blocks[bl].size()) {
      out += "    " + p.ruleBlocks[bl].name + ": rule counts differ\n";
      continue;
    }
    for (std::size_t i = 0; i < a.blocks[bl].size(); ++i) {
      const interp::RuleResult& x = a.blocks[bl][i];
      const interp::RuleResult& y = b.blocks[bl][i];
      if (x.status != y.status || x.exception != y.exception)
        note("rule " + p.ruleBlocks[bl].name + "." + p.ruleBlocks[bl].rules[i].name, statusName(x), statusName(y));
    }
  }
  if (a.eligible != b.eligible) {
    auto show = [](const std::optional<bool>& e) { return e ? (*e ? "true" : "false") : "(none)"; };
    note("eligible", show(a.eligible), show(b.eligible));
  }
  return out;
}

Outcome compareOne(const ir::Program& p, const interp::Interpreter& interp, const jit::Engine& engine,
                   const interp::Value& demande, const Context& ctx, const std::uint8_t* out, bool failed,
                   bool details) {
  interp::Inputs in;
  in.date = ctx.date;
  in.roles[static_cast<int>(ir::Role::Demande)] = demande;
  in.roles[static_cast<int>(ir::Role::Logement)] = ctx.logement;
  in.roles[static_cast<int>(ir::Role::Candidature)] = ctx.candidature;
  Outcome o;
  std::optional<interp::DemandeResult> ref;
  try {
    ref = interp.evaluate(in);
  } catch (const interp::EvalError& e) {
    o.error = "line " + std::to_string(e.range.begin.line) + ": " + e.message;
  }
  if (!ref && failed) {
    o.bothFailed = true;
    return o;
  }
  if (!ref) {
    o.agreed = false;
    o.what = "    the interpreter fails (" + o.error + "), the compiled engine does not\n";
    return o;
  }
  if (failed) {
    o.agreed = false;
    o.what = "    the compiled engine flags an evaluation error, the interpreter does not\n";
    return o;
  }
  interp::DemandeResult got = engine.decode(out, !ctx.logement.isAbsent());
  o.what = diffResults(p, *ref, got, details);
  for (const jit::DefinitionMismatch& m : jit::compareDefinitions(p, engine, interp, in, out)) {
    const ir::DefinitionDecl& d = p.definitions[m.definition];
    auto shown = [&](const std::optional<interp::Value>& v) {
      return v ? interp::formatJson(p, d.returnType, *v) : std::string("evaluation error");
    };
    o.what +=
        "    definition " + d.name + ": interpreter " + shown(m.interpreted) + ", compiled " + shown(m.compiled) + "\n";
  }
  o.agreed = o.what.empty();
  return o;
}

} // namespace loge::difftest
