// Designation stage: the reports as French text (for a CAL, a demandeur),
// Markdown (quota tables) and JSON (for software). JSON numbers are exact
// decimals; dates are ISO; texts are UTF-8.
#pragma once

#include "loge/designation/position.h"
#include "loge/designation/quotas.h"
#include "loge/designation/rank.h"
#include "loge/source/source.h"

#include <string>

namespace loge::designation {

// `sources` locates evaluation errors in the policy.
std::string rankText(const ir::Program& p, const SourceManager& sources, const RankReport& r);
std::string rankJson(const ir::Program& p, const SourceManager& sources, const RankReport& r);
// One candidate (index into r.candidates) as rankText explains it: a first
// line with its status and place ("retenu : 2e du classement", "non éligible
// : refus …"), then, for a ranked candidate, its order keys, cotations and
// alerts; every line ends with '\n'.
std::string rankCandidateText(const ir::Program& p, const SourceManager& sources, const RankReport& r,
                              std::size_t candidate);
// What `dont au moins` clause `clause` did to the list, and the state of the
// quotas it reads, as rankText explains it (without its indentation).
std::string rankClauseText(const ir::Program& p, const SourceManager& sm, const RankReport& r, std::size_t clause);

std::string quotasMarkdown(const ir::Program& p, const QuotaReport& r);
std::string quotasJson(const ir::Program& p, const QuotaReport& r);

std::string positionText(const ir::Program& p, const SourceManager& sources, const PositionReport& r);
std::string positionJson(const ir::Program& p, const SourceManager& sources, const PositionReport& r);

} // namespace loge::designation
