// Driver stage: `loge test [CHEMIN…] [--junit FICHIER] [--coverage…]` — runs
// the `test` blocks of every policy found, prints each failure with what was
// expected and what was obtained, and ends with the line `N passed, N
// failed`. With --coverage, the interpreter's evaluations are recorded
// (coverage.h) and a French report precedes that line.
#include "coverage.h"
#include "driver.h"
#include "loge/interp/interp.h"
#include "loge/jit/definitions.h"
#include "loge/jit/jit.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

namespace loge::driver {

namespace {
namespace fs = std::filesystem;

struct Outcome {
  std::string file, name;
  bool passed = true;
  std::string failure; // French, multi-line
  double seconds = 0;
  bool compileError = false; // the policy itself does not compile
};

// The first définition whose value differs between the engines ("" when
// none), as the interpreter and the compiled engine give it.
std::string definitionDiff(const ir::Program& p, const jit::Engine& engine, const interp::Interpreter& interp,
                           const interp::Inputs& in, const std::uint8_t* out, const ir::TestCase& tc,
                           const std::vector<std::uint32_t>& expectations) {
  std::vector<jit::DefinitionMismatch> mismatches = jit::compareDefinitions(p, engine, interp, in, out, expectations);
  if (mismatches.empty()) return "";
  const jit::DefinitionMismatch& m = mismatches.front();
  const ir::DefinitionDecl& d = p.definitions[m.definition];
  auto shown = [&](const std::optional<interp::Value>& v, bool exact) {
    if (!v) return std::string("erreur d'évaluation");
    return exact ? interp::formatJson(p, d.returnType, *v) : interp::formatFrench(p, d.returnType, *v);
  };
  std::string a = shown(m.interpreted, false), b = shown(m.compiled, false);
  if (a == b) {
    // The French display rounds: show the exact values.
    a = shown(m.interpreted, true);
    b = shown(m.compiled, true);
  }
  if (d.expectation) {
    auto j = std::find(expectations.begin(), expectations.end(), m.definition) - expectations.begin();
    return fmt::format("`attendu {}`, côté gauche : {} / {}", tc.expectations[static_cast<std::size_t>(j)].text, a, b);
  }
  return fmt::format("définition `{}` : {} / {}", d.name, a, b);
}

// Compares the compiled engine's results with the interpreter's for the
// test's demande; returns "" when they agree. When the interpreter fails,
// the compiled engine must fail too (its located message is the
// interpreter's by construction, as in `loge run`).
std::string compareEngines(const ir::Program& p, const jit::Engine& engine, const interp::Interpreter& interp,
                           const interp::Inputs& in, const ir::TestCase& tc,
                           const std::vector<std::uint32_t>& expectations) {
  interp::DemandeResult ref;
  std::optional<std::string> refError;
  try {
    ref = interp.evaluate(in);
  } catch (const interp::EvalError& e) {
    refError = e.message;
    for (const interp::Value& role : in.roles)
      if (jit::hasUnsetField(role)) return ""; // a missing test value, not an evaluation the engines can share
  }
  auto flatOf = [&](ir::Role role) {
    const interp::Value& v = in.roles[static_cast<int>(role)];
    return v.isAbsent() ? jit::FlatRecords() : engine.flatten({v}, v.rec->structIndex);
  };
  jit::FlatRecords d = flatOf(ir::Role::Demande), l = flatOf(ir::Role::Logement), cand = flatOf(ir::Role::Candidature);
  std::vector<std::uint8_t> out, errors;
  if (in.overrides)
    for (const auto& [index, values] : *in.overrides)
      if (p.parameters[index].isTable) return ""; // barème overrides: interpreter only
  engine.evaluate(d, l.count() ? l.at(0) : nullptr, in.date, out, errors, cand.count() ? cand.at(0) : nullptr,
                  in.overrides);
  if (refError)
    return errors[0] ? ""
                     : fmt::format("    les moteurs divergent : l'interpréteur signale une erreur d'évaluation ({}), "
                                   "pas le moteur compilé\n",
                                   *refError);
  if (errors[0])
    return "    les moteurs divergent : le moteur compilé signale une erreur d'évaluation, pas l'interpréteur\n";
  interp::DemandeResult got = engine.decode(out.data(), l.count() > 0);
  std::string diff;
  for (std::size_t c = 0; c < p.cotations.size() && diff.empty(); ++c) {
    const auto& a = ref.cotations[c];
    const auto& b = got.cotations[c];
    if (!(a.total == b.total))
      diff = fmt::format("total de `{}` : {} / {}", p.cotations[c].name, a.total.toString(), b.total.toString());
    for (std::size_t i = 0; i < a.criteria.size() && diff.empty(); ++i)
      if (!(a.criteria[i].contribution == b.criteria[i].contribution) || !(a.criteria[i].brut == b.criteria[i].brut) ||
          a.criteria[i].applicable != b.criteria[i].applicable)
        diff = fmt::format("critère `{}.{}` : {} / {}", p.cotations[c].name, p.cotations[c].criteria[i].name,
                           a.criteria[i].contribution.toString(), b.criteria[i].contribution.toString());
    for (std::size_t i = 0; i < a.rubriques.size() && diff.empty(); ++i)
      if (!(a.rubriques[i] == b.rubriques[i])) diff = fmt::format("rubrique `{}`", p.cotations[c].rubriques[i].name);
  }
  for (std::size_t b = 0; b < p.ruleBlocks.size() && diff.empty(); ++b)
    for (std::size_t i = 0; i < p.ruleBlocks[b].rules.size() && diff.empty(); ++i)
      if (ref.blocks[b][i].status != got.blocks[b][i].status ||
          ref.blocks[b][i].exception != got.blocks[b][i].exception)
        diff = fmt::format("règle `{}.{}` : {} / {}", p.ruleBlocks[b].name, p.ruleBlocks[b].rules[i].name,
                           interp::ruleStatusName(ref.blocks[b][i].status),
                           interp::ruleStatusName(got.blocks[b][i].status));
  if (diff.empty()) diff = definitionDiff(p, engine, interp, in, out.data(), tc, expectations);
  return diff.empty() ? "" : "    les moteurs divergent (interpréteur / compilé) : " + diff + "\n";
}

// `attendu X = erreur "texte"`: evaluating X must fail with a message
// that contains the text; a value, or another error, fails the test.
std::string expectError(const Compiled& c, const ir::TestCase::Expectation& x, const interp::Interpreter& interp,
                        const interp::Inputs& in, interp::Arena& arena, std::uint32_t slots) {
  std::string got;
  try {
    interp::Value v = interp.evaluateExpr(*x.actual, in, arena, slots);
    got = interp::formatFrench(*c.program, x.actual->type, v);
  } catch (const interp::EvalError& e) {
    if (e.message.find(x.status) != std::string::npos) return "";
    got = fmt::format("erreur d'évaluation : {} ({})", e.message, location(c.sources, e.range));
  }
  return fmt::format("    {}\n      attendu : une erreur d'évaluation dont le message contient « {} »\n      obtenu  : "
                     "{}\n      ({})\n",
                     x.text, x.status, got, location(c.sources, x.range));
}

// Runs one test case; returns "" when it passes, else the reason.
// With `observer`, everything the test evaluates is recorded; a test that
// gives a demande is also evaluated in full once by the interpreter, so that
// coverage does not depend on the engines compared.
std::string runCase(const Compiled& c, const ir::TestCase& tc, const jit::Engine* engine, interp::Observer* observer,
                    const std::vector<std::uint32_t>& expectations) {
  const ir::Program& p = *c.program;
  interp::Interpreter interp(p);
  interp::Arena arena;
  if (!tc.date)
    return fmt::format("    le test ne donne pas de `date` : ajoutez par exemple `date 2025-06-30`\n      ({})\n",
                       location(c.sources, tc.range));
  // As `loge run` and `loge explain` refuse such a date: a test signs off
  // what the policy computes while in force.
  if (!inVigueur(p, *tc.date))
    return fmt::format("    la date du test ({}) est hors de la période de vigueur de la politique ({})\n      ({})\n",
                       tc.date->toString(), vigueurText(p), location(c.sources, tc.range));
  interp::Inputs in;
  in.date = *tc.date;
  std::map<std::uint32_t, std::vector<ir::DatedValue>> overrides;
  try {
    for (const auto& [param, values] : tc.overrides) {
      // `remplace P depuis D : v`: from D on, the test's values.
      std::vector<ir::DatedValue> merged;
      const ir::ParameterDecl& decl = p.parameters[param];
      num::Date start = values.front().from;
      for (const auto& v : decl.values)
        if (v.from < start) merged.push_back(v);
      for (const auto& v : values) merged.push_back(v);
      overrides[param] = std::move(merged);
    }
    in.overrides = &overrides;
    auto record = [&](const ir::ExprPtr& e) {
      return e ? interp.evaluateExpr(*e, in, arena, tc.slotCount) : interp::Value::absent();
    };
    in.roles[static_cast<int>(ir::Role::Demande)] = record(tc.demande);
    in.roles[static_cast<int>(ir::Role::Logement)] = record(tc.logement);
    in.roles[static_cast<int>(ir::Role::Candidature)] = record(tc.candidature);
    std::vector<interp::Value> candidates, attributions;
    for (const auto& e : tc.candidates) candidates.push_back(record(e));
    for (const auto& e : tc.attributions) attributions.push_back(record(e));
    in.candidates = &candidates;
    in.attributions = &attributions;
    in.observer = observer;
    std::string failures;
    if (observer && !in.roles[static_cast<int>(ir::Role::Demande)].isAbsent()) {
      try {
        (void)interp.evaluate(in);
      } catch (const interp::EvalError&) {
        // Reported by the expectations that need the failing value.
      }
    }
    if (engine && !in.roles[static_cast<int>(ir::Role::Demande)].isAbsent())
      failures += compareEngines(p, *engine, interp, in, tc, expectations);
    std::map<std::uint32_t, std::vector<interp::RuleResult>> blockResults;
    // One failing value fails every expectation that reads it: its error is
    // shown once, with the expectations it failed.
    std::vector<std::pair<std::string, std::vector<std::string>>> errors;
    for (const auto& x : tc.expectations) {
      using K = ir::TestCase::Expectation::Kind;
      std::string where = location(c.sources, x.range);
      try {
        if (x.kind == K::RuleStatus) {
          if (in.roles[static_cast<int>(ir::Role::Demande)].isAbsent())
            throw interp::EvalError{"le test ne donne pas de `demande`", x.range};
          // The rule's block alone: a test of one rule does not fail on
          // another block's error (a field only that block reads).
          auto it = blockResults.find(x.block);
          if (it == blockResults.end()) it = blockResults.emplace(x.block, interp.evaluateBlock(in, x.block)).first;
          const interp::RuleResult& r = it->second[x.rule];
          if (r.status == interp::RuleStatus::NotEvaluated)
            throw interp::EvalError{
                fmt::format("règle non évaluée : le bloc `{}` ne s'évalue que pour un logement (`pour logement`) et "
                            "aucun logement n'est donné ; ajoutez `logement {{ … }}` au test",
                            p.ruleBlocks[x.block].name),
                x.range};
          std::string got = interp::ruleStatusName(r.status);
          if (got != x.status) {
            failures += fmt::format("    {}\n      attendu : {}\n      obtenu  : {}{}\n      ({})\n", x.text, x.status,
                                    got, r.motif.empty() ? "" : " — " + r.motif, where);
          }
        } else if (x.kind == K::Error) {
          failures += expectError(c, x, interp, in, arena, tc.slotCount);
        } else if (x.kind == K::Boolean) {
          interp::Value v = interp.evaluateExpr(*x.actual, in, arena, tc.slotCount);
          if (!v.b)
            failures += fmt::format("    attendu {}\n      la condition est fausse\n      ({})\n", x.text, where);
        } else {
          interp::Value got = interp.evaluateExpr(*x.actual, in, arena, tc.slotCount);
          interp::Value want = interp.evaluateExpr(*x.expected, in, arena, tc.slotCount);
          // Both sides have the expectation's type: compare canonical forms.
          bool same = interp::formatJson(p, x.actual->type, got) == interp::formatJson(p, x.actual->type, want);
          if (!same) {
            // Every decimal: the display's rounding could show 350,001 €
            // and 350 € alike, or 350,00 € and 350 € as different figures.
            std::string w = interp::formatFrenchExact(p, x.actual->type, want);
            std::string g = interp::formatFrenchExact(p, x.actual->type, got);
            failures +=
                fmt::format("    {}\n      attendu : {}\n      obtenu  : {}\n      ({})\n", x.text, w, g, where);
          }
        }
      } catch (const interp::EvalError& e) {
        std::string error =
            fmt::format("    erreur d'évaluation : {}\n      ({})\n", e.message, location(c.sources, e.range));
        auto it = std::find_if(errors.begin(), errors.end(), [&](const auto& seen) { return seen.first == error; });
        if (it == errors.end()) it = errors.insert(errors.end(), {error, {}});
        it->second.push_back(x.text);
      }
    }
    for (const auto& [error, texts] : errors)
      failures +=
          error + (tc.expectations.size() > 1 ? fmt::format("      {} : {}\n", texts.size() > 1 ? "échouent" : "échoue",
                                                            fmt::join(texts, " ; "))
                                              : "");
    return failures;
  } catch (const interp::EvalError& e) {
    return fmt::format("    erreur d'évaluation : {}\n      ({})\n", e.message, location(c.sources, e.range));
  }
}

void collect(const std::string& path, std::vector<std::string>& out) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
      if (it->is_regular_file() && it->path().extension() == ".loge") found.push_back(it->path().string());
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  } else {
    out.push_back(path);
  }
}

std::string xmlEscape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '&': out += "&amp;"; break;
    case '"': out += "&quot;"; break;
    // As references, they survive attribute normalisation (a tab in a test
    // name read back as a space).
    case '\t': out += "&#9;"; break;
    case '\n': out += "&#10;"; break;
    case '\r': out += "&#13;"; break;
    default:
      // Other control characters are not allowed in XML 1.0.
      if (static_cast<unsigned char>(ch) >= 0x20) out += ch;
    }
  }
  return out;
}

// The first line of a failure, for the `message` attribute.
std::string headline(const std::string& failure) {
  std::size_t b = failure.find_first_not_of(' ');
  if (b == std::string::npos) return "échec";
  std::size_t e = failure.find('\n', b);
  return failure.substr(b, e == std::string::npos ? std::string::npos : e - b);
}

// JUnit XML as read by GitLab, GitHub Actions reporters and Jenkins: one
// <testsuite> per policy file; a policy that does not compile is an <error>;
// with coverage, the file's figures are <properties> of its suite.
bool writeJunit(const std::string& path, const std::vector<Outcome>& outcomes, const Coverage* coverage) {
  std::size_t failures = 0, errors = 0;
  double total = 0;
  for (const auto& o : outcomes) {
    (o.compileError ? errors : failures) += !o.passed;
    total += o.seconds;
  }
  std::map<std::string, const CoverageFile*> byFile;
  std::vector<CoverageFile> files;
  if (coverage) files = coverage->files();
  for (const auto& f : files) byFile[f.path] = &f;
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"loge\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"{:.6f}\">\n",
                     outcomes.size(), failures, errors, total);
  for (std::size_t i = 0; i < outcomes.size();) {
    std::size_t j = i;
    std::size_t n = 0, f = 0, e = 0;
    double seconds = 0;
    for (; j < outcomes.size() && outcomes[j].file == outcomes[i].file; ++j) {
      ++n;
      (outcomes[j].compileError ? e : f) += !outcomes[j].passed;
      seconds += outcomes[j].seconds;
    }
    out += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"{:.6f}\">\n",
                       xmlEscape(outcomes[i].file), n, f, e, seconds);
    auto cov = byFile.find(coverage ? displayPath(outcomes[i].file) : "");
    if (cov != byFile.end()) {
      const CoverageFile& cf = *cov->second;
      out += "    <properties>\n";
      out += fmt::format("      <property name=\"couverture.elements\" value=\"{}/{}\"/>\n", cf.covered(),
                         cf.items.size());
      out += fmt::format("      <property name=\"couverture.pourcentage\" value=\"{}\"/>\n",
                         xmlEscape(percentText(cf.covered(), cf.items.size())));
      out += "    </properties>\n";
    }
    for (; i < j; ++i) {
      const Outcome& o = outcomes[i];
      out += fmt::format("    <testcase classname=\"{}\" name=\"{}\" time=\"{:.6f}\"", xmlEscape(o.file),
                         xmlEscape(o.name), o.seconds);
      if (o.passed) {
        out += "/>\n";
      } else {
        const char* element = o.compileError ? "error" : "failure";
        out += fmt::format(">\n      <{} message=\"{}\">{}</{}>\n    </testcase>\n", element,
                           xmlEscape(headline(o.failure)), xmlEscape(o.failure), element);
      }
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return writeFileAtomically(path, out);
}
} // namespace

int runTest(const TestArgs& args, const Options& opts) {
  const std::string& engineName = args.engine;
  if (engineName != "both" && engineName != "interp" && engineName != "jit") {
    fmt::print(stderr, "erreur : moteur inconnu « {} » (both, interp ou jit)\n", engineName);
    return kUsageError;
  }
  std::optional<num::Decimal> minimum;
  if (args.coverageMin) {
    // An empty value (an unset CI variable) must not turn the gate off.
    std::string text = *args.coverageMin;
    if (!text.empty() && text.back() == '%') text.pop_back();
    std::replace(text.begin(), text.end(), ',', '.');
    minimum = num::Decimal::parse(text);
    if (!minimum || *minimum < num::Decimal() || num::Decimal::fromInt(100) < *minimum) {
      fmt::print(stderr, "erreur : --coverage-min attend un pourcentage entre 0 et 100, pas « {} »\n",
                 *args.coverageMin);
      return kUsageError;
    }
  }
  bool coverageOn = args.coverage || !args.coverageJson.empty() || minimum;
  Coverage coverage;
  std::vector<std::string> files;
  for (const auto& p : args.paths) {
    std::size_t before = files.size();
    collect(p, files);
    // A pipeline pointed at the wrong folder must not pass with no test run.
    if (files.size() == before) {
      fmt::print(stderr, "erreur : aucun fichier .loge dans le dossier « {} »\n", p);
      return kUsageError;
    }
  }
  // A report written over a policy (`--junit policies/x.loge`, a slip in a
  // CI script) would destroy it: refused before anything runs, and again
  // for the modules the policies import, once they are known.
  auto overwritesInput = [&](const std::vector<std::string>& inputs) {
    for (const auto& [option, path] : {std::pair{"--junit", &args.junit}, {"--coverage-json", &args.coverageJson}})
      if (!path->empty() && sameFile(*path, inputs)) {
        fmt::print(stderr,
                   "erreur : {} « {} » est aussi un fichier d'entrée : le rapport le remplacerait ; choisissez un "
                   "autre fichier\n",
                   option, *path);
        return true;
      }
    return false;
  };
  if (overwritesInput(files)) return kUsageError;
  std::vector<Outcome> outcomes;
  std::size_t passed = 0, failed = 0;
  for (const std::string& f : files) {
    std::string errors;
    auto c = compile(f, opts, /*quietWarnings=*/true, &errors);
    if (c) {
      std::vector<std::string> imported;
      for (FileId id = 0; const SourceFile* s = c->sources.file(id); ++id) imported.push_back(s->path());
      if (overwritesInput(imported)) return kUsageError;
    }
    if (!c) {
      ++failed;
      // On stdout as well: a CI summary built from it must name the file,
      // and the JUnit error carries the diagnostics, not just the fact.
      fmt::print("{}\n  ÉCHEC  (compilation) : la politique ne se compile pas\n", f);
      Outcome o{f, "(compilation)", false, "la politique ne se compile pas :\n" + errors, 0, true};
      outcomes.push_back(o);
      continue;
    }
    std::unique_ptr<CoverageRecorder> recorder;
    if (coverageOn) recorder = std::make_unique<CoverageRecorder>(*c->program);
    if (c->program->tests.empty()) {
      if (coverageOn) coverage.add(*c->program, c->sources, nullptr);
      continue;
    }
    fmt::print("{}\n", f);
    std::unique_ptr<jit::Engine> engine;
    std::vector<std::vector<std::uint32_t>> expectations(c->program->tests.size());
    if (engineName != "interp") {
      expectations = jit::addExpectations(*c->program);
      std::string why;
      jit::CompileOptions options = jitOptions(opts, jit::Inlining::Standard);
      options.definitions = true; // compared with the interpreter's, as the cotations and rules
      engine = jit::Engine::create(*c->program, why, options);
      if (!engine && engineName == "both") {
        // Not a divergence: the compiled engine does not cover this policy
        // yet. Say so, and run the tests on the interpreter.
        fmt::print("  (moteur compilé indisponible pour ce fichier : {} ; tests sur l'interpréteur seul)\n", why);
      } else if (!engine) {
        // Every test of this file fails: it cannot run on the compiled engine.
        for (const ir::TestCase& tc : c->program->tests) {
          ++failed;
          outcomes.push_back({f, tc.name, false, "    " + why + "\n", 0});
          fmt::print("  ÉCHEC  {}\n    {}\n", tc.name, why);
        }
        jit::removeExpectations(*c->program);
        if (coverageOn) coverage.add(*c->program, c->sources, nullptr);
        continue;
      }
    }
    for (std::size_t t = 0; t < c->program->tests.size(); ++t) {
      const ir::TestCase& tc = c->program->tests[t];
      auto start = std::chrono::steady_clock::now();
      std::optional<CoverageRecorder::Seen> before;
      if (recorder) before = recorder->seen();
      std::string failure = runCase(*c, tc, engine.get(), recorder.get(), expectations[t]);
      if (recorder && !failure.empty()) recorder->restore(std::move(*before));
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      Outcome o{f, tc.name, failure.empty(), failure, seconds};
      if (o.passed) {
        ++passed;
        fmt::print("  ok     {}\n", tc.name);
      } else {
        ++failed;
        fmt::print("  ÉCHEC  {}\n{}", tc.name, failure);
      }
      outcomes.push_back(std::move(o));
    }
    engine.reset();
    jit::removeExpectations(*c->program);
    if (coverageOn) coverage.add(*c->program, c->sources, recorder.get());
  }
  // No test run: an error in the JUnit report too, or CI would show a clean
  // test tab for a failed job.
  const bool noTest = passed + failed == 0;
  std::string noTestMessage;
  if (noTest) {
    noTestMessage = fmt::format("aucun test exécuté : {} ne déclare aucun bloc `test`",
                                files.size() == 1 ? "le fichier « " + files[0] + " »"
                                                  : "aucun des " + std::to_string(files.size()) + " fichiers");
    outcomes.push_back({"loge test", "(aucun test)", false, noTestMessage, 0, true});
  }
  int status = failed || noTest ? kPolicyError : kOk;
  if (coverageOn) {
    fmt::print("{}", coverage.renderText());
    if (!args.coverageJson.empty() && !writeFileAtomically(args.coverageJson, coverage.renderJson())) {
      fmt::print(stderr, "erreur : impossible d'écrire le rapport de couverture « {} »\n", args.coverageJson);
      status = kUsageError; // as any output file (ligne-de-commande.md, codes de sortie)
    }
    // covered / total < minimum / 100, in exact arithmetic.
    if (minimum) {
      num::Decimal lhs = num::Decimal::fromInt(static_cast<std::int64_t>(coverage.covered()) * 100), rhs;
      if (num::mul(*minimum, num::Decimal::fromInt(static_cast<std::int64_t>(coverage.total())), rhs) ==
              num::Status::Ok &&
          lhs < rhs) {
        fmt::print("couverture insuffisante : {} < {} % demandés\n", percentText(coverage.covered(), coverage.total()),
                   *args.coverageMin);
        status = kPolicyError;
      }
    }
  }
  if (!args.junit.empty() && !writeJunit(args.junit, outcomes, coverageOn ? &coverage : nullptr)) {
    fmt::print(stderr, "erreur : impossible d'écrire le rapport JUnit « {} »\n", args.junit);
    status = kUsageError;
  }
  fmt::print("{} passed, {} failed\n", passed, failed);
  if (noTest) fmt::print(stderr, "erreur : {}\n", noTestMessage);
  return status;
}

} // namespace loge::driver
