// Interpreter stage: a demande's results as the JSON objects `loge run`
// prints (one line per demande), shared by the command line and libloge so
// that a host embedding the library can compare its output byte for byte.
#pragma once

#include "loge/interp/interp.h"
#include "loge/source/source.h"

#include <string>

namespace loge::interp {

// `--format json`: every cotation (total, criteria, rubriques), eligibility,
// refusals, alerts and each evaluated rule's statut and motif.
std::string resultJson(const ir::Program& p, const std::string& id, const DemandeResult& r);

// `--format compact`: the first cotation's total, eligibility and one
// `alerte_<règle>` boolean per alert rule (the reference workload's format).
std::string compactResultJson(const ir::Program& p, const std::string& id, const DemandeResult& r);

// "fichier.loge:12:5": where an evaluation error happened in the policy.
std::string errorLocation(const SourceManager& sm, const EvalError& e);

// The object printed instead of results for a demande that failed.
std::string errorJson(const SourceManager& sm, const std::string& id, const EvalError& e);

} // namespace loge::interp
