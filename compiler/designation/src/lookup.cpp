// Designation stage: choosing a classement, a similarité or a cotation by
// name, with the French message a user needs when the choice is not clear.
#include "loge/ast/names.h"
#include "loge/designation/designation.h"

#include <fmt/format.h>

namespace loge::designation {

namespace {
template <class Decl>
std::optional<std::uint32_t> find(const std::vector<Decl>& decls, const std::string& name, bool feminine,
                                  const char* what, const char* plural, const char* option, std::string& error) {
  std::string names;
  for (const Decl& d : decls) names += (names.empty() ? "" : ", ") + d.name;
  if (decls.empty()) {
    error = fmt::format("la politique ne déclare {} {}", feminine ? "aucune" : "aucun", what);
    return std::nullopt;
  }
  if (name.empty()) {
    if (decls.size() == 1) return 0;
    error = fmt::format("la politique déclare plusieurs {} ({}) : précisez {} avec {}", plural, names,
                        feminine ? "laquelle" : "lequel", option);
    return std::nullopt;
  }
  std::string folded = ast::foldName(name);
  for (std::size_t i = 0; i < decls.size(); ++i)
    if (ast::foldName(decls[i].name) == folded) return static_cast<std::uint32_t>(i);
  error = fmt::format("{} {} « {} » (la politique déclare : {})", what, feminine ? "inconnue" : "inconnu", name, names);
  return std::nullopt;
}
} // namespace

std::optional<std::uint32_t> findClassement(const ir::Program& p, const std::string& name, std::string& error) {
  return find(p.classements, name, false, "classement", "classements", "--classement", error);
}

std::optional<std::uint32_t> findSimilarity(const ir::Program& p, const std::string& name, std::string& error) {
  // A policy's own similarité wins over the one it imports (the standard
  // schema declares the default one).
  if (name.empty() && p.similarities.size() > 1) {
    std::optional<std::uint32_t> own;
    std::size_t count = 0;
    for (std::size_t i = 0; i < p.similarities.size(); ++i)
      if (p.similarities[i].range.file == p.rootFile) {
        own = static_cast<std::uint32_t>(i);
        ++count;
      }
    if (count == 1) return own;
  }
  auto r = find(p.similarities, name, true, "similarité", "similarités", "--similarite", error);
  if (!r && p.similarities.empty())
    error += " : une déclaration `similarité` dit quelles demandes sont similaires, par exemple\n"
             "  similarité comparables \"Même typologie et même commune\" {\n"
             "    même demande.typologie\n"
             "    même demande.commune\n"
             "    attente de attribution.demande.date_depot à attribution.date_commission\n"
             "  }";
  return r;
}

std::optional<std::uint32_t> findCotation(const ir::Program& p, const std::string& name, std::string& error) {
  if (name.empty()) {
    if (p.cotations.empty()) {
      error = "la politique ne déclare aucune cotation";
      return std::nullopt;
    }
    for (std::size_t i = 0; i < p.cotations.size(); ++i)
      if (p.cotations[i].range.file == p.rootFile) return static_cast<std::uint32_t>(i);
    return 0;
  }
  return find(p.cotations, name, true, "cotation", "cotations", "--cotation", error);
}

int attributionDemandeField(const ir::Program& p) {
  const ir::Type* at = p.schema.roles[static_cast<int>(ir::Role::Attribution)];
  const ir::Type* dt = p.schema.roles[static_cast<int>(ir::Role::Demande)];
  if (!at || !dt) return -1;
  const ir::StructDecl& s = p.structs[at->index];
  for (std::size_t i = 0; i < s.fields.size(); ++i)
    if (ir::stripOptional(s.fields[i].type) == dt) return static_cast<int>(i);
  return -1;
}

} // namespace loge::designation
