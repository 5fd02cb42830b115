// Embedding Loge in a C++ program: load a policy, read demandes and a
// logement, evaluate them at a date and print each demande's results.
//
//   embed-cpp POLITIQUE DEMANDES.jsonl LOGEMENT.json DATE [--resume]
//
// Prints one JSON object per demande, the same lines as
//   loge run POLITIQUE --demandes DEMANDES.jsonl --logement LOGEMENT.json --date DATE
// With --resume, a few lines in French per demande instead: total, points of
// each criterion, eligibility, refusals and alerts with their motifs.
#include <loge/loge.hpp>

#include <cstdio>
#include <iostream>
#include <string>

namespace {

const char* statusName(loge_rule_status s) {
  switch (s) {
  case LOGE_RULE_OK: return "ok";
  case LOGE_RULE_ALERTE: return "alerte";
  case LOGE_RULE_REFUS: return "refus";
  case LOGE_RULE_EXCEPTION: return "exception";
  default: return "non évaluée";
  }
}

void printSummary(const loge::Policy& policy, const loge::Result& r) {
  std::cout << "Demande " << r.id() << "\n";
  if (const loge_error* e = r.error()) {
    loge_location at = loge_error_location(e);
    std::cout << "  non évaluable : " << loge_error_message(e) << " (" << at.file << ":" << at.line << ")\n";
    return;
  }
  for (std::size_t c = 0; c < policy.cotationCount(); ++c) {
    std::cout << "  " << policy.cotationName(c) << " : " << r.total(c) << " points\n";
    for (std::size_t i = 0; i < policy.criterionCount(c); ++i)
      if (r.criterionApplicable(c, i))
        std::cout << "    " << policy.criterionLabel(c, i) << " : " << r.criterionPoints(c, i) << "\n";
  }
  int eligible = r.eligibility();
  std::cout << "  éligible : " << (eligible < 0 ? "non évalué" : eligible ? "oui" : "non") << "\n";
  for (std::size_t rule = 0; rule < policy.ruleCount(); ++rule) {
    loge_rule_status s = r.ruleStatus(rule);
    if (s == LOGE_RULE_OK || s == LOGE_RULE_NOT_EVALUATED) continue;
    std::cout << "  " << statusName(s) << " " << policy.ruleName(rule) << " : " << r.ruleMotif(rule);
    for (const std::string& ref : policy.ruleReferences(rule)) std::cout << " [" << ref << "]";
    std::cout << "\n";
  }
}

} // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage : embed-cpp POLITIQUE DEMANDES.jsonl LOGEMENT.json DATE [--resume]\n";
    return 64;
  }
  if (!loge::abiMatches()) {
    std::cerr << "libloge : ABI " << loge_abi_version() << ", ce programme attend " << LOGE_ABI_VERSION << "\n";
    return 70;
  }
  const bool summary = argc > 5 && std::string(argv[5]) == "--resume";
  try {
    loge::Policy policy = loge::Policy::loadFile(argv[1]); // the compiled engine when it covers the policy
    loge::Batch demandes = loge::Batch::fromJsonLinesFile(policy, argv[2]);
    loge::Record logement = loge::Record::fromJsonFile(policy, LOGE_ROLE_LOGEMENT, argv[3]);
    loge::Results results = policy.evaluate(demandes, &logement, argv[4]);
    for (std::size_t i = 0; i < results.size(); ++i) {
      if (summary)
        printSummary(policy, results[i]);
      else
        std::cout << results[i].json() << "\n";
    }
    std::cout.flush();
    if (results.failed() > 0) {
      std::cerr << results.failed() << " demande(s) sur " << results.size() << " n'ont pas pu être évaluées\n";
      return 3;
    }
    return 0;
  } catch (const loge::Error& e) {
    std::cerr << e.text() << "\n";
    return e.status() == LOGE_ERR_POLICY ? 1 : 2;
  }
}
