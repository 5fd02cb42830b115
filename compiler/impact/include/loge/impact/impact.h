// Impact stage: what a policy change does to a corpus of demandes (`loge
// diff OLD NEW`).
//
// Both policies are evaluated on the same demandes (and the same logement
// and date); `compare` then reports who changes eligibility, who gets or
// loses an alert, how each
// cotation's scores move (histogram, mean, extremes), which criteria move
// them, and how the top of the ranking changes. The comparison works on
// results only, so it is unit-testable with hand-made results; `evaluate`
// produces them with the reference interpreter.
//
// Matching between OLD and NEW is by name: cotations by qualified name,
// criteria by name within their cotation, rules by `bloc.règle`. A cotation
// or criterion present on one side only is compared with zero points and
// reported as added or removed.
#pragma once

#include "loge/interp/interp.h"
#include "loge/ir/program.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace loge::impact {

// One policy's results on the corpus, in corpus order.
struct Side {
  const ir::Program* program = nullptr;
  std::string title;                                         // how reports name it ("grille.loge", "main:grille.loge")
  std::vector<std::optional<interp::DemandeResult>> results; // nullopt: evaluation error
  std::vector<std::string> errors;                           // parallel: the error message, "" when ok
  // When the policy's classement was applied (a logement given): the corpus
  // indices of the retained candidates, in order.
  std::optional<std::vector<std::size_t>> ranking;
  std::string rankingName; // the classement's qualified name
  std::string rankingNote; // why no classement ranking, in French ("" when none was sought)
};

struct EvaluateOptions {
  std::string classement; // "" : the first `pour logement` classement, if any
  bool useClassement = true;
};

// Evaluates every demande with the interpreter. `logement` may be absent.
// Evaluation errors are recorded per demande, never thrown.
Side evaluate(const ir::Program& program, const std::vector<interp::Value>& demandes, const interp::Value& logement,
              num::Date date, const EvaluateOptions& options = {});

struct CompareOptions {
  std::size_t top = 10;     // the top of the ranking that is watched
  std::size_t examples = 3; // example demandes per kind of change
  std::string cotation;     // ranking by this cotation's total; "" : the first cotation on both sides
};

// A demande cited as an example, with what changed for it.
struct Example {
  std::string id;
  std::size_t index = 0;                            // in the corpus
  std::optional<num::Decimal> before, after;        // scores (or ranks for rank changes)
  std::optional<std::size_t> rankBefore, rankAfter; // 1-based; nullopt: not ranked / outside the list
  std::vector<std::string> rules;                   // refusing rules, or error messages
};

struct CriterionImpact {
  std::string name, label;
  bool added = false, removed = false; // present in NEW only / OLD only
  std::size_t changed = 0, up = 0, down = 0;
  num::Decimal totalDelta; // Σ (new − old contribution)
};

struct Bucket {
  std::string label; // "−50 à −10", "0", "+10 à +50"…
  std::size_t count = 0;
};

struct CotationImpact {
  std::string name, label;
  bool added = false, removed = false;
  std::size_t compared = 0, changed = 0, up = 0, down = 0;
  num::Decimal sumDelta, meanDelta, minDelta, maxDelta; // over the compared demandes; mean rounded to 0.01
  std::vector<Bucket> histogram;
  std::vector<CriterionImpact> criteria; // those that changed for at least one demande, then the others
  // The rubriques' totals (plancher and plafond applied), likewise: a
  // raised rubrique plafond moves the total without moving a criterion.
  std::vector<CriterionImpact> rubriques;
  std::vector<Example> upExamples, downExamples;
};

struct EligibilityImpact {
  bool present = false; // both sides evaluated a logement
  std::size_t eligibleBefore = 0, eligibleAfter = 0, gained = 0, lost = 0;
  std::vector<Example> gainedExamples, lostExamples; // rules: the refusing rules (OLD for gained, NEW for lost)
};

// The alerts of one rule (`bloc.règle`, matched by name): a CAL rule's
// soft alert moves no eligibility and no points, and is what a jurist
// changes most often.
struct AlertImpact {
  std::string rule; // qualified: bloc.règle
  bool added = false, removed = false;
  std::size_t before = 0, after = 0;         // demandes alerted, on the compared demandes
  std::size_t appeared = 0, disappeared = 0; // alerted after only / before only
  std::vector<Example> appearedExamples, disappearedExamples;
};

struct RankImpact {
  bool present = false;
  std::string basis;   // French: "total de la cotation `principale`" or "classement `designation`"
  std::size_t top = 0; // the watched top size
  std::size_t rankedBefore = 0, rankedAfter = 0;
  std::vector<Example> entered, left, moved; // every one of them (the top is small)
};

struct ErrorImpact {
  std::size_t before = 0, after = 0, appeared = 0, disappeared = 0;
  std::vector<Example> appearedExamples, disappearedExamples;
};

struct Report {
  std::string oldTitle, newTitle;
  std::string date, logement;             // as the caller describes them (not used by compare)
  std::size_t demandes = 0, compared = 0; // compared: evaluated without error on both sides
  ErrorImpact errors;
  EligibilityImpact eligibility;
  std::vector<AlertImpact> alerts; // rules that alert at least one demande on one side, NEW's order then OLD's
  std::vector<CotationImpact> cotations;
  RankImpact rank;
  std::vector<std::string> notes; // French
  CompareOptions options;
};

// Compares two sides evaluated on the same corpus (`ids` in corpus order).
Report compare(const std::vector<std::string>& ids, const Side& before, const Side& after,
               const CompareOptions& options = {});

// The report for a reviewer, in French Markdown.
std::string renderMarkdown(const Report& r);
// The report for a machine: JSON (keys in French, numbers exact).
std::string renderJson(const Report& r);

} // namespace loge::impact
