// Designation stage: the demandeur's cotation statement (CCH L441-2-8): the
// note, the average waiting time of similar demandes, and the position of
// the demande among similar demandes. "Similar" is the policy's
// `similarité` declaration: the same value of every `même` key (a list key:
// at least one element in common).
//
// - Position: among the demandes of the file similar to this one (this one
//   excluded, and any line with the same id), how many have a strictly
//   higher total of the chosen cotation; ties share the position.
// - Waiting time: over the attributions whose demande is similar, the time
//   from the `attente de` date to the `à` date, in complete months
//   (mois_entre) and days; the average is exact, rendered to a tenth.
//   An attribution whose `à` date is after the statement's is left out:
//   the statement is what was known at its date.
#pragma once

#include "loge/designation/designation.h"

#include <memory>

namespace loge::designation {

struct PositionRequest {
  interp::Value demande;
  const std::vector<interp::Value>* demandes = nullptr;     // the other demandes
  const std::vector<interp::Value>* attributions = nullptr; // may be null: no waiting time
  std::uint32_t similarity = 0;
  std::uint32_t cotation = 0;
  num::Date date;
  Engine engine = Engine::Auto;
  const jit::Engine* compiled = nullptr; // an engine already built for the program (see evaluateAll)
};

struct WaitingTime {
  bool declared = false; // the similarité has an `attente` clause
  bool attributionsGiven = false;
  std::size_t similar = 0;      // attributions whose demande is similar
  std::size_t measured = 0;     // …with both dates present and in order
  std::size_t undated = 0;      // …with a date absent
  std::size_t inconsistent = 0; // …ending before they start
  std::size_t later = 0;        // …ending after the statement's date: not yet known then
  std::optional<num::Decimal> averageMonths, averageDays;
  std::int64_t minMonths = 0, maxMonths = 0;
};

struct PositionReport {
  std::string id;
  num::Date date;
  interp::DemandeResult result; // every cotation of the demande
  std::uint32_t cotation = 0;   // the one the position uses
  std::uint32_t similarity = 0;
  std::vector<interp::Value> keys; // the demande's similarity keys
  // What `keys` point into: a key computed by a définition (a list built
  // from the demande's) lives there, not in the demande's own arena.
  std::shared_ptr<interp::Arena> keyArena;
  std::size_t demandeCount = 0; // demandes in the file (the same id excluded)
  // Of those, deposited after the statement's date (as the similarité's
  // `attente de` dates an attribution's demande): not counted.
  std::size_t depositedLater = 0;
  std::size_t similar = 0; // similar demandes, evaluated
  std::size_t higher = 0, equal = 0, lower = 0;
  std::size_t position() const { return higher + 1; }
  std::vector<std::string> tiedIds; // similar demandes with the same total
  std::vector<Failure> failures;    // demandes of the file that could not be evaluated
  WaitingTime waiting;
  std::string engine, engineNote;
};

// Throws interp::EvalError when the demande itself, or an expression of the
// similarité on some attribution, cannot be evaluated. Returns false and sets
// `why` when Engine::Jit cannot compile the policy.
bool position(const ir::Program& p, const PositionRequest& request, PositionReport& out, std::string& why);

} // namespace loge::designation
