// Driver stage: `loge diff ANCIENNE NOUVELLE --demandes F.jsonl [--logement
// L.json] [--date D] [--top N] [--exemples K] [--format markdown|json]` —
// the impact of a policy change on a corpus. Each version is a file or
// `RÉVISION:chemin` (policy_source.h); the comparison itself is the impact
// library's (compiler/impact).
#include "driver.h"
#include "loge/designation/designation.h"
#include "loge/impact/impact.h"
#include "loge/ingest/ingest.h"
#include "policy_source.h"

#include <fmt/format.h>

#include <ctime>

namespace loge::driver {

namespace {
// A structural description of a schema type (field names and types, enum
// values, nested structures included), to tell whether two versions read
// the same records. Type names are left out: they carry the module's
// namespace, which may differ while the shape does not.
std::string shape(const ir::Program& p, const ir::Type* t, int depth = 0) {
  if (depth > 12) return "…";
  switch (t->kind) {
  case ir::TypeKind::Optional: return shape(p, t->element, depth + 1) + "?";
  case ir::TypeKind::List: return "liste de " + shape(p, t->element, depth + 1);
  case ir::TypeKind::Enum: {
    std::string out = "{";
    for (const std::string& v : p.enums[t->index].values) out += v + "|";
    return out + "}";
  }
  case ir::TypeKind::Struct: {
    std::string out = "{";
    for (const ir::FieldDecl& f : p.structs[t->index].fields) out += f.name + ":" + shape(p, f.type, depth + 1) + ";";
    return out + "}";
  }
  default: return ir::typeName(p, t);
  }
}

// What one version needs to be compared: the checked policy and the corpus
// read with its schema.
struct Version {
  PolicySource source;
  std::unique_ptr<Compiled> compiled;
  interp::Arena arena;
  ingest::Dataset demandes;
  interp::Value logement = interp::Value::absent();
  std::vector<ingest::IngestError> errors; // reading the corpus
};

std::string today() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

// Reads the corpus (and logement) with the version's schema; false when
// the data does not fit it (errors kept in `v.errors`).
bool readCorpus(Version& v, const DiffArgs& args) {
  const ir::Program& p = *v.compiled->program;
  const ir::Type* demandeType = p.schema.roles[static_cast<int>(ir::Role::Demande)];
  const ir::Type* logementType = p.schema.roles[static_cast<int>(ir::Role::Logement)];
  if (!args.logement.empty()) {
    if (!logementType) {
      v.errors.push_back({args.logement, 0, 0, "", "la politique ne déclare pas de schéma pour `logement`"});
      return false;
    }
    if (!ingest::readJsonFile(p, logementType->index, args.logement, v.arena, v.logement, v.errors)) return false;
  }
  const std::optional<ingest::InputFormat> format = inputFormat(args.input, args.demandes);
  const std::optional<ingest::ReadOptions> options = readOptions(args.input);
  if (!format || !options) return false;
  return ingest::readDataset(p, demandeType->index, args.demandes, *format, *options, v.arena, v.demandes, v.errors);
}
} // namespace

int runDiff(const DiffArgs& args, const Options& opts) {
  std::string format = args.json ? "json" : args.format;
  if (format != "markdown" && format != "json") {
    fmt::print(stderr, "erreur : format de rapport inconnu « {} » (markdown ou json)\n", args.format);
    return kUsageError;
  }
  if (args.top < 1) {
    fmt::print(stderr, "erreur : --top attend un nombre de candidats d'au moins 1\n");
    return kUsageError;
  }
  // Before any work: the report would replace one of its inputs.
  if (!args.output.empty() && sameFile(args.output, {args.before, args.after, args.demandes, args.logement})) {
    fmt::print(stderr,
               "erreur : --sortie « {} » est aussi un fichier d'entrée : le rapport le remplacerait ; "
               "choisissez un autre fichier\n",
               args.output);
    return kUsageError;
  }
  if (!inputFormat(args.input, args.demandes) || !readOptions(args.input)) return kUsageError;
  Version before, after;
  const char* names[2] = {"l'ancienne version", "la nouvelle version"};
  Version* versions[2] = {&before, &after};
  const std::string* specs[2] = {&args.before, &args.after};
  for (int k = 0; k < 2; ++k)
    if (!versions[k]->source.resolve(*specs[k])) return kUsageError;
  for (int k = 0; k < 2; ++k) {
    Version& v = *versions[k];
    v.compiled = compile(v.source.path(), opts, /*quietWarnings=*/true);
    if (!v.compiled) {
      fmt::print(stderr, "erreur : {} ({}) ne se compile pas : rien n'est comparé\n", names[k], v.source.title());
      return kPolicyError;
    }
    if (!v.compiled->program->schema.roles[static_cast<int>(ir::Role::Demande)]) {
      fmt::print(stderr, "erreur : {} ({}) ne déclare pas de schéma pour `demande`\n", names[k], v.source.title());
      return kPolicyError;
    }
  }
  // A misspelt --cotation or --classement would only leave a note in the
  // report; a CI job comparing versions must fail instead. A name declared
  // by one version only is a legitimate comparison (the report says so).
  // The name as declared (`--cotation priorite` names `priorité`).
  std::string cotation = args.cotation, classement = args.classement;
  auto declaredName = [&](std::string& name, auto find, auto decls, const char* option) {
    if (name.empty()) return true;
    std::string error[2];
    for (int k = 1; k >= 0; --k) {
      const ir::Program& p = *versions[k]->compiled->program;
      if (auto i = find(p, name, error[k])) {
        name = (p.*decls)[*i].name;
        return true;
      }
    }
    fmt::print(stderr, "erreur : {} : {}\n", option, error[1]);
    return false;
  };
  if (!declaredName(cotation, designation::findCotation, &ir::Program::cotations, "--cotation") ||
      !declaredName(classement, designation::findClassement, &ir::Program::classements, "--classement"))
    return kUsageError;
  std::string dateText = args.date.empty() ? today() : args.date;
  std::optional<num::Date> date;
  for (int k = 0; k < 2; ++k) {
    date = evaluationDate(*versions[k]->compiled->program, dateText);
    if (!date) {
      fmt::print(stderr, "  ({} : {})\n", names[k], versions[k]->source.title());
      return kUsageError;
    }
  }

  // The corpus must read with both schemas.
  bool ok[2];
  for (int k = 0; k < 2; ++k) ok[k] = readCorpus(*versions[k], args);
  const ir::Program& pb = *before.compiled->program;
  const ir::Program& pa = *after.compiled->program;
  auto role = [](const ir::Program& p, ir::Role r) { return p.schema.roles[static_cast<int>(r)]; };
  bool sameDemande = shape(pb, role(pb, ir::Role::Demande)) == shape(pa, role(pa, ir::Role::Demande));
  bool sameLogement = args.logement.empty() || !role(pb, ir::Role::Logement) || !role(pa, ir::Role::Logement) ||
                      shape(pb, role(pb, ir::Role::Logement)) == shape(pa, role(pa, ir::Role::Logement));
  if (!ok[0] || !ok[1]) {
    for (int k = 0; k < 2; ++k) {
      if (ok[k]) continue;
      for (const auto& e : versions[k]->errors) fmt::print(stderr, "{}\n", e.render());
      if (ok[1 - k] || !(sameDemande && sameLogement))
        fmt::print(stderr,
                   "erreur : schémas incompatibles : les données se lisent avec le schéma de {} mais pas avec celui "
                   "de {} ({}) ; rien n'est comparé\n",
                   names[1 - k], names[k], versions[k]->source.title());
      else
        fmt::print(stderr, "{} : données invalides, rien n'est comparé\n", args.demandes);
      return kDataError;
    }
  }

  for (const std::string& note : after.demandes.notes) fmt::print(stderr, "note : {}\n", note);

  impact::Side sides[2];
  for (int k = 0; k < 2; ++k) {
    Version& v = *versions[k];
    impact::EvaluateOptions eo;
    eo.classement = classement;
    sides[k] = impact::evaluate(*v.compiled->program, v.demandes.records, v.logement, *date, eo);
    sides[k].title = v.source.title();
  }
  impact::CompareOptions co;
  co.top = args.top;
  co.examples = args.examples;
  co.cotation = cotation;
  impact::Report report = impact::compare(after.demandes.ids, sides[0], sides[1], co);
  report.date = date->toString();
  report.logement = args.logement;
  if (!sameDemande) report.notes.push_back("le schéma de la demande diffère entre les deux versions");
  if (!sameLogement) report.notes.push_back("le schéma du logement diffère entre les deux versions");
  std::string text = format == "json" ? impact::renderJson(report) : impact::renderMarkdown(report);
  if (args.output.empty()) {
    fmt::print("{}", text);
  } else if (!writeFileAtomically(args.output, text)) {
    fmt::print(stderr, "erreur : impossible d'écrire « {} »\n", args.output);
    return kUsageError;
  }
  return kOk;
}

} // namespace loge::driver
