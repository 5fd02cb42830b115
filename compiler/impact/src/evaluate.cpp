// Impact stage: evaluating one policy on the corpus.
#include "loge/impact/impact.h"

#include <fmt/format.h>

namespace loge::impact {

Side evaluate(const ir::Program& program, const std::vector<interp::Value>& demandes, const interp::Value& logement,
              num::Date date, const EvaluateOptions& options) {
  Side side;
  side.program = &program;
  interp::Interpreter interp(program);
  interp::Inputs in;
  in.date = date;
  in.roles[static_cast<int>(ir::Role::Logement)] = logement;
  side.results.reserve(demandes.size());
  side.errors.reserve(demandes.size());
  for (const interp::Value& d : demandes) {
    in.roles[static_cast<int>(ir::Role::Demande)] = d;
    try {
      side.results.push_back(interp.evaluate(in));
      side.errors.emplace_back();
    } catch (const interp::EvalError& e) {
      side.results.emplace_back();
      side.errors.push_back(e.message);
    }
  }
  if (logement.isAbsent() || !options.useClassement) return side;

  // The classement: the named one, else the first one for a logement.
  std::optional<std::uint32_t> index;
  for (std::uint32_t c = 0; c < program.classements.size() && !index; ++c) {
    const ir::ClassementDecl& decl = program.classements[c];
    if (options.classement.empty() ? decl.forLogement : decl.name == options.classement) index = c;
  }
  if (!index) {
    if (!options.classement.empty())
      side.rankingNote = fmt::format("la politique n'a pas de classement `{}`", options.classement);
    return side;
  }
  // Candidates: the demandes evaluated without error.
  std::vector<interp::Value> candidates;
  std::vector<std::size_t> corpusIndex;
  for (std::size_t i = 0; i < demandes.size(); ++i)
    if (side.results[i]) {
      candidates.push_back(demandes[i]);
      corpusIndex.push_back(i);
    }
  in.roles[static_cast<int>(ir::Role::Demande)] = interp::Value::absent();
  try {
    interp::Ranking ranking = interp.rank(*index, candidates, in);
    std::vector<std::size_t> order;
    for (const auto& c : ranking.retained) order.push_back(corpusIndex[c.input]);
    side.ranking = std::move(order);
    side.rankingName = program.classements[*index].name;
  } catch (const interp::EvalError& e) {
    side.rankingNote =
        fmt::format("le classement `{}` n'a pas pu être établi : {}", program.classements[*index].name, e.message);
  }
  return side;
}

} // namespace loge::impact
