// Driver stage: CLI11 in French (cli_french.h).
#include "cli_french.h"
#include "loge/ingest/ingest.h"
#include "loge/source/edit_distance.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <regex>
#include <sstream>
#include <vector>

namespace loge::driver {

void useFrench(CLI::App& app) {
  app.set_help_flag("-h,--help", "Afficher cette aide");
  auto formatter = app.get_formatter();
  formatter->label("Usage", "Usage");
  formatter->label("OPTIONS", "OPTIONS");
  formatter->label("SUBCOMMAND", "COMMANDE");
  formatter->label("SUBCOMMANDS", "COMMANDES");
  formatter->label("REQUIRED", "OBLIGATOIRE");
  formatter->label("Positionals", "Arguments");
  formatter->label("Env", "Variable");
  formatter->label("Needs", "Demande");
  formatter->label("Excludes", "Exclut");
  formatter->label("TEXT", "TEXTE");
  formatter->label("INT", "ENTIER");
  formatter->label("UINT", "ENTIER");
  formatter->label("FLOAT", "NOMBRE");
}

void listCommandsInFrench(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands({})) sub->group("Commandes");
}

std::string frenchUsageError(const CLI::ParseError& e, const std::string& firstArgument) {
  // CLI11 2.x builds its messages from fixed English phrases around the
  // option's name: each known phrase is turned into French, anything else
  // is shown as CLI11 wrote it, after a French lead.
  const std::string what = e.what();
  std::smatch m;
  static const std::regex required("^(.+) is required$");
  static const std::regex extras("^The following arguments? (?:was|were) not expected: (.+)$");
  static const std::regex missingValue("^(.+): [0-9]+ required .* missing$");
  static const std::regex expected("^Expected (?:exactly|at least) ([0-9]+) arguments? to (.+), got ([0-9]+)$");
  static const std::regex notAllowed("^The value (.+) is not an allowed value for (.+)$");
  static const std::regex conversion("^Could not convert: (.+) = (.+)$");
  static const std::regex atMost("^(.+): At Most ([0-9]+) required but received ([0-9]+)$");
  static const std::regex validation("^(--?[^:]+): (.+)$");
  // `loge frobnicate`: CLI11 asks for a subcommand before it objects to
  // the extra argument.
  if (what == "A subcommand is required" && !firstArgument.empty() && firstArgument[0] != '-')
    return fmt::format("commande inconnue : « {} » (commandes : check, run, test, explain, fmt, compile, bench, rank, "
                       "position, quota, diff)",
                       firstArgument);
  if (what == "A subcommand is required")
    return "une commande est requise (check, run, test, explain, fmt, compile, bench, rank, position, quota, diff)";
  if (std::regex_match(what, m, required)) {
    std::string name = m[1];
    return name.rfind('-', 0) == 0 ? fmt::format("l'option {} est obligatoire", name)
                                   : fmt::format("l'argument « {} » est obligatoire", name);
  }
  if (std::regex_match(what, m, extras)) {
    // CLI11 lists the extras last first; the user typed them the other way.
    std::vector<std::string> words;
    std::istringstream in(m[1].str());
    for (std::string w; in >> w;) words.insert(words.begin(), w);
    std::string unknownOption;
    for (const std::string& w : words)
      if (unknownOption.empty() && w.size() > 1 && w[0] == '-') unknownOption = w.substr(0, w.find('='));
    if (!unknownOption.empty()) return fmt::format("option inconnue : {}", unknownOption);
    return fmt::format("{} : {}", words.size() == 1 ? "argument inattendu" : "arguments inattendus",
                       fmt::join(words, " "));
  }
  if (std::regex_match(what, m, missingValue)) return fmt::format("l'option {} attend une valeur", m[1].str());
  if (std::regex_match(what, m, expected))
    return fmt::format("{} attend {} valeur(s), {} donnée(s)", m[2].str(), m[1].str(), m[3].str());
  if (std::regex_match(what, m, notAllowed)) return fmt::format("valeur refusée pour {} : {}", m[2].str(), m[1].str());
  if (std::regex_match(what, m, conversion)) return fmt::format("valeur invalide pour {} : {}", m[1].str(), m[2].str());
  if (std::regex_match(what, m, atMost))
    return m[2].str() == "1"
               ? fmt::format("l'option {} ne se donne qu'une fois (donnée {} fois)", m[1].str(), m[3].str())
               : fmt::format("l'option {} se donne au plus {} fois (donnée {} fois)", m[1].str(), m[2].str(),
                             m[3].str());
  if (dynamic_cast<const CLI::ValidationError*>(&e) && std::regex_match(what, m, validation)) {
    // The validators' own phrases (CLI::IsMember, CLI::Range).
    std::string name = m[1], detail = m[2];
    static const std::regex member("^(.*) not in \\{(.*)\\}$");
    static const std::regex range("^Value (.*) not in range (.+) to (.+)$");
    if (std::regex_match(detail, m, member))
      return fmt::format("valeur refusée pour {} : « {} » (valeurs possibles : {})", name, m[1].str(), m[2].str());
    if (std::regex_match(detail, m, range))
      return fmt::format("valeur refusée pour {} : « {} » (attendu un nombre de {} à {})", name, m[1].str(), m[2].str(),
                         m[3].str());
    return fmt::format("valeur refusée pour {} ({})", name, detail);
  }
  return "ligne de commande incorrecte : " + what;
}

// `loge run politique.loge demandes.jsonl`: a data file given without its
// option, which CLI11 reports as the option missing.
namespace {

// The subcommand the command line names (its first argument), or null.
const CLI::App* commandOf(const CLI::App& app, const std::vector<std::string>& args) {
  if (args.empty()) return nullptr;
  for (const CLI::App* sub : app.get_subcommands({}))
    if (sub->get_name() == args[0]) return sub;
  return nullptr;
}

// Whether `--name` is one of the command's options.
bool isOptionOf(const CLI::App* command, const std::string& given) {
  if (!command) return false;
  for (const CLI::Option* o : command->get_options())
    for (const std::string& name : o->get_lnames())
      if ("--" + name == given) return true;
  return false;
}

} // namespace

std::string missingOptionHint(const CLI::App& app, const CLI::ParseError& e, const std::vector<std::string>& args) {
  static const std::regex required("^(--[a-z-]+) is required$");
  std::smatch m;
  const std::string what = e.what();
  if (!std::regex_match(what, m, required)) return "";
  const std::string option = m[1];
  // `run --demande`, `explain --demandes`: the other verb's option, which
  // CLI11 reports as this one missing (before the unknown one).
  for (const std::string& a : args) {
    const std::string given = a.substr(0, a.find('='));
    if (given.rfind("--", 0) == 0 && given != option && editDistance(given, option) <= 2 &&
        !isOptionOf(commandOf(app, args), given)) {
      const std::string verb = args.empty() ? std::string() : args[0];
      if (option == "--demande")
        return fmt::format("`loge {}` prend une seule demande : `--demande FICHIER` (avec `--id` quand le fichier "
                           "en contient plusieurs)",
                           verb);
      return fmt::format("vouliez-vous dire `{}` ? (`{}` n'est pas une option de `loge {}`)", option, given, verb);
    }
  }
  if (option != "--demandes" && option != "--demande" && option != "--logement" && option != "--attributions")
    return "";
  for (std::size_t i = 0; i < args.size(); ++i)
    if (ingest::formatFromExtension(args[i]) &&
        (i == 0 || args[i - 1].rfind("--", 0) != 0 || args[i - 1].find('=') != std::string::npos))
      return fmt::format("un fichier de données se donne avec son option : `{} {}`", option, args[i]);
  return "";
}

std::string unknownOptionHint(const CLI::App& app, const CLI::ParseError& e, const std::vector<std::string>& args) {
  if (!dynamic_cast<const CLI::ExtrasError*>(&e)) return "";
  const CLI::App* command = commandOf(app, args);
  if (!command) return "";
  for (const std::string& a : args) {
    const std::string given = a.substr(0, a.find('='));
    if (given.rfind("--", 0) != 0) continue;
    if (isOptionOf(command, given)) continue;
    std::string best;
    std::size_t bestDistance = 3; // two edits at most
    for (const CLI::Option* o : command->get_options())
      for (const std::string& name : o->get_lnames())
        if (const std::size_t d = editDistance(given, "--" + name); d < bestDistance) {
          bestDistance = d;
          best = "--" + name;
        }
    if (!best.empty()) return fmt::format("vouliez-vous dire `{}` ?", best);
  }
  return "";
}

} // namespace loge::driver
