// The hand-written baseline of the reference workload (bench/data/WORKLOAD
// semantics, bench/workload.loge): plain structs, exact integer arithmetic
// (amounts in millionths, comparisons by cross-multiplication, as a careful
// C++ programmer would write it), no allocation in the evaluation loop.
// Shared by the baseline program and the C API benchmark, so that both
// measure the same code.
#pragma once

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace loge::bench {

struct Demande {
  std::string id;
  int depotY, depotM, depotD;
  std::int64_t adultes, enfants, age, rfr; // rfr in euros
  std::int64_t ressources;                 // millionths of a euro per month
  bool handicap, grossesse, dalo, sansLogement, hebergement, violences, indigne, expulsion;
  std::int64_t refus;
  bool hasLogement;
  std::int64_t surface, loyer; // millionths
};

struct Result {
  std::int64_t cotation;
  bool eligible, alerte;
};

// "1650.5" → 1650500000 (millionths); the data has at most 6 decimals.
inline std::int64_t micros(const std::string& s) {
  std::int64_t whole = 0, frac = 0;
  std::size_t i = 0;
  while (i < s.size() && s[i] != '.') whole = whole * 10 + (s[i++] - '0');
  int digits = 0;
  if (i < s.size()) {
    for (++i; i < s.size(); ++i, ++digits) frac = frac * 10 + (s[i] - '0');
  }
  for (; digits < 6; ++digits) frac *= 10;
  return whole * 1000000 + frac;
}

constexpr int kEvalY = 2025, kEvalM = 6, kEvalD = 30;
constexpr std::int64_t kCeilings[] = {24316, 32473, 39051, 47144, 55459, 62501};
constexpr std::int64_t kExtraPerson = 6971;
constexpr std::int64_t kLoyer = 520000000; // the dwelling's rent, millionths

inline Result evaluate(const Demande& d) {
  std::int64_t n = d.adultes + d.enfants;
  std::int64_t months = (kEvalY - d.depotY) * 12 + (kEvalM - d.depotM) - (kEvalD < d.depotD ? 1 : 0);
  std::int64_t points = 0;
  points += d.dalo ? 400 : 0;
  points += d.sansLogement ? 150 : 0;
  points += d.hebergement ? 120 : 0;
  points += d.violences ? 200 : 0;
  points += d.handicap ? 100 : 0;
  points += d.indigne ? 100 : 0;
  points += d.expulsion ? 150 : 0;
  if (d.hasLogement) {
    std::int64_t seuil = n <= 1 ? 9 : n == 2 ? 16 : std::min<std::int64_t>(16 + 9 * (n - 2), 70);
    if (d.surface < seuil * 1000000) points += 60;
    // loyer > 40 % × ressources, exactly
    if (d.loyer * 10 > d.ressources * 4) points += 50;
  }
  points += std::min<std::int64_t>(months, 120);
  // rfr / uc < 9 500 with 10·uc an integer: rfr × 10 < 9 500 × 10·uc
  std::int64_t uc10 = 10 + 5 * (d.adultes - 1) + 3 * d.enfants;
  if (d.rfr * 10 < 9500 * uc10) points += 80;
  points += d.grossesse ? 20 : 0;
  points += d.age < 30 ? 10 : 0;
  points += d.age >= 65 ? 30 : 0;
  points += d.enfants >= 3 ? 40 : 0;
  points -= 50 * d.refus;
  Result r;
  r.cotation = std::max<std::int64_t>(points, 0);
  std::int64_t counted = n + (d.handicap ? 1 : 0);
  bool jeune = d.adultes == 2 && d.enfants == 0 && d.age < 28;
  std::int64_t ceiling = counted == 2 && jeune ? kCeilings[2]
                         : counted <= 6        ? kCeilings[std::max<std::int64_t>(counted, 1) - 1]
                                               : kCeilings[5] + kExtraPerson * (counted - 6);
  r.eligible = d.rfr <= ceiling;
  // alert when 520 > 35 % × ressources, exactly
  r.alerte = kLoyer * 100 > d.ressources * 35;
  return r;
}

inline bool load(const std::string& path, std::vector<Demande>& out) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    Demande d;
    d.id = j["id"];
    std::string date = j["date_depot"];
    d.depotY = std::stoi(date.substr(0, 4));
    d.depotM = std::stoi(date.substr(5, 2));
    d.depotD = std::stoi(date.substr(8, 2));
    const auto& m = j["menage"];
    d.adultes = m["nb_adultes"];
    d.enfants = m["nb_enfants"];
    d.age = m["age_demandeur"];
    d.rfr = m["revenu_fiscal_reference"];
    d.ressources = micros(m["ressources_mensuelles"]);
    d.handicap = m["handicap"];
    d.grossesse = m["grossesse"];
    const auto& s = j["situation"];
    d.dalo = s["dalo"];
    d.sansLogement = s["sans_logement"];
    d.hebergement = s["hebergement_structure"];
    d.violences = s["violences"];
    d.indigne = s["logement_indigne"];
    d.expulsion = s["expulsion"];
    d.refus = s["refus_propositions"];
    d.hasLogement = !j["logement_actuel"].is_null();
    d.surface = d.hasLogement ? micros(j["logement_actuel"]["surface_m2"]) : 0;
    d.loyer = d.hasLogement ? micros(j["logement_actuel"]["loyer_mensuel"]) : 0;
    out.push_back(std::move(d));
  }
  return true;
}

} // namespace loge::bench
