// Driver stage (internal): data files and dates for the designation verbs.
#include "designation_io.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <map>

namespace loge::driver {

std::optional<num::Date> dateOrToday(const ir::Program& p, const std::string& option) {
  if (!option.empty()) return evaluationDate(p, option);
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  std::string today = fmt::format("{:%Y-%m-%d}", local);
  auto d = evaluationDate(p, today);
  if (!d) fmt::print(stderr, "(sans --date, la date d'évaluation est celle du jour, {})\n", today);
  return d;
}

std::optional<std::uint32_t> roleStruct(const ir::Program& p, ir::Role role, const char* verb) {
  static const char* names[] = {"demande", "logement", "candidature", "attribution"};
  const ir::Type* t = p.schema.roles[static_cast<int>(role)];
  if (!t) {
    fmt::print(stderr, "erreur : la politique ne déclare pas de schéma pour `{}`, dont `loge {}` a besoin\n",
               names[static_cast<int>(role)], verb);
    return std::nullopt;
  }
  return t->index;
}

bool readMany(const ir::Program& p, std::uint32_t structIndex, const std::string& path, interp::Arena& arena,
              ingest::Dataset& out, const char* what) {
  std::vector<ingest::IngestError> errors;
  if (ingest::readJsonLines(p, structIndex, path, arena, out, errors)) return true;
  for (const auto& e : errors) fmt::print(stderr, "{}\n", e.render());
  fmt::print(stderr, "{} : {} invalides, rien n'est calculé\n", path, what);
  return false;
}

bool checkDistinctIds(const ingest::Dataset& data, const std::string& path, const char* what) {
  const auto repeated = designation::repeatedIds(data.ids);
  auto line = [&](std::size_t i) { return i < data.lines.size() ? data.lines[i] : 0; };
  for (const designation::RepeatedId& r : repeated) {
    // Located like the other data errors (`fichier:ligne: erreur: …`), so
    // that editors jump to the second occurrence.
    if (line(r.second) > 0)
      fmt::print(stderr, "{}:{}: erreur: {} « {} » figure deux fois (déjà ligne {})\n", path, line(r.second), what,
                 r.id, line(r.first));
    else
      fmt::print(stderr, "{} : erreur : {} « {} » figure deux fois (enregistrements n° {} et n° {})\n", path, what,
                 r.id, r.first + 1, r.second + 1);
  }
  return repeated.empty();
}

void printEngineNote(const std::string& note) {
  if (!note.empty()) fmt::print(stderr, "note : {} ; évaluation par l'interpréteur\n", note);
}

std::unique_ptr<jit::Engine> cachedEngine(const ir::Program& p, designation::Engine engine, const Options& opts) {
  if (engine == designation::Engine::Interp) return nullptr;
  std::string why;
  return jit::Engine::create(p, why, jitOptions(opts, jit::Inlining::Extended));
}

} // namespace loge::driver
