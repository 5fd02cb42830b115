// Driver stage: the `loge` executable — argument parsing (CLI11) and
// dispatch to one verb. The work runs on a thread with a large stack so that
// deeply nested (but legal) policies never exhaust it; the syntax stage caps
// nesting well below what that stack can hold.
#include "cli_french.h"
#include "driver.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <filesystem>

#include <cstdio>
#include <system_error>

#include <cerrno>
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

namespace {

// The options that say how a demandes file is read, shared by the verbs.
void addInputOptions(CLI::App* cmd, loge::driver::InputArgs& in) {
  cmd->add_option("--format-entree,--input-format", in.format,
                  "Format du fichier de demandes : jsonl, xml (format d'échange du SNE) ou csv ; par défaut, "
                  "d'après l'extension (.jsonl, .xml, .csv)");
  cmd->add_option("--separateur", in.separator,
                  "CSV : séparateur des colonnes, « ; » ou « , » (par défaut : deviné "
                  "d'après la ligne d'en-tête)");
  cmd->add_flag("--sne-defauts", in.sneDefaults,
                "SNE : donner aux champs que le format d'échange ne porte pas leur défaut de test du schéma");
}

// The first option or argument given an empty value (`--logement "$L"`
// with $L unset), named as written; "" when none. An empty value would
// otherwise pass for an option not given: eligibility silently skipped.
std::string emptyValue(const CLI::App& app) {
  for (const CLI::App* sub : app.get_subcommands()) {
    for (const CLI::Option* o : sub->get_options()) {
      if (o->count() == 0) continue;
      for (const std::string& v : o->results())
        if (v.empty()) return o->nonpositional() ? "l'option " + o->get_name() : "l'argument `" + o->get_name() + "`";
    }
  }
  return "";
}

struct Job {
  std::function<int()> fn;
  int result = loge::driver::kInternalError;
};

void* trampoline(void* p) {
  auto* job = static_cast<Job*>(p);
  try {
    job->result = job->fn();
  } catch (const std::system_error& e) {
    // fmt::print throws when the standard output cannot be written (closed,
    // full disk): not a bug; main says so and exits 64.
    if (std::ferror(stdout)) {
      job->result = loge::driver::kUsageError;
    } else {
      fmt::print(stderr, "erreur interne de loge (bogue à signaler) : {}\n", e.what());
      job->result = loge::driver::kInternalError;
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "erreur interne de loge (bogue à signaler) : {}\n", e.what());
    job->result = loge::driver::kInternalError;
  }
  return nullptr;
}

int runWithLargeStack(std::function<int()> fn) {
  Job job{std::move(fn)};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 256u * 1024u * 1024u); // reserved lazily by the kernel
  pthread_t thread;
  if (pthread_create(&thread, &attr, trampoline, &job) != 0) {
    pthread_attr_destroy(&attr);
    trampoline(&job);
    return job.result;
  }
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
  return job.result;
}

} // namespace

// A standard descriptor closed by the caller (`loge … >&-`) would be the
// next one opened: a pipe to git, a temporary file, written through by
// mistake. Each is held by /dev/null opened read-only, so that writing the
// output still fails (and says so), as on the closed descriptor.
static void holdClosedStandardDescriptors() {
  for (int fd = 0; fd <= 2; ++fd)
    if (fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
      const int held = open("/dev/null", O_RDONLY);
      if (held >= 0 && held != fd) {
        dup2(held, fd);
        close(held);
      }
    }
}

int main(int argc, char** argv) {
  using namespace loge::driver;
  holdClosedStandardDescriptors();
  CLI::App app{"loge — règles d'attribution des logements sociaux, vérifiées et exécutables"};
  useFrench(app);
  app.set_version_flag("--version", std::string("loge ") + LOGE_VERSION_STRING, "Afficher la version de loge");
  app.require_subcommand(1);
  app.fallthrough(); // `loge check --une-ligne f.loge` as well as `loge --une-ligne check f.loge`
  Options opts;
  bool oneLine = false;
  app.add_flag("--une-ligne", oneLine, "Diagnostics sur une ligne chacun (journaux d'intégration continue)");
  bool color = false;
  app.add_flag("--couleur", color, "Diagnostics en couleur");
  std::string compilation = "auto";
  app.add_option("--compilation", compilation,
                 "Code compilé : auto (rapide, puis optimisé au-delà d'un million de demandes évaluées), rapide, ou "
                 "optimisée (plus lent à compiler, plus rapide à évaluer)")
      ->check(CLI::IsMember({"auto", "rapide", "optimisée", "optimisee"}))
      ->type_name("MODE");
  bool noCache = false;
  app.add_flag("--sans-cache", noCache,
               "Compiler sans réutiliser ni conserver le code natif des exécutions précédentes (voir LOGE_CACHE_DIR)");

  std::vector<std::string> checkFiles;
  auto* check = app.add_subcommand("check", "Analyser et vérifier les types d'une ou plusieurs politiques");
  check->add_option("fichiers", checkFiles, "Politiques (.loge)")->required();

  RunArgs run;
  auto* runCmd = app.add_subcommand("run", "Évaluer une politique sur un fichier de demandes (JSON Lines, CSV, SNE)");
  runCmd->add_option("politique", run.policy, "Politique (.loge)")->required();
  runCmd->add_option("--demandes", run.demandes, "Demandes : JSON Lines (.jsonl), CSV (.csv) ou SNE (.xml)")
      ->required();
  addInputOptions(runCmd, run.input);
  runCmd->add_option("--logement", run.logement, "Logement proposé (JSON)");
  runCmd->add_option("--date", run.date, "Date d'évaluation AAAA-MM-JJ")->required();
  runCmd->add_option("--format", run.format, "json (par défaut) ou compact");
  runCmd->add_option("--sortie,-o", run.output, "Fichier de sortie (par défaut : sortie standard)");
  runCmd->add_option("--engine,--moteur", run.engine,
                     "Moteur : auto (par défaut : compilé quand il couvre la politique), jit (compilé) ou interp "
                     "(interpréteur de référence)");

  ExplainArgs explain;
  auto* explainCmd = app.add_subcommand("explain", "Expliquer en français le résultat d'une demande");
  explainCmd->add_option("politique", explain.policy, "Politique (.loge)")->required();
  explainCmd
      ->add_option("--demande", explain.demande,
                   "Demande : un objet JSON (.json), ou un fichier JSON Lines, CSV ou SNE")
      ->required();
  explainCmd->add_option("--id", explain.id, "La demande à expliquer, quand le fichier en contient plusieurs");
  addInputOptions(explainCmd, explain.input);
  explainCmd->add_option("--logement", explain.logement, "Logement proposé (JSON)");
  explainCmd->add_option("--date", explain.date, "Date d'évaluation AAAA-MM-JJ")->required();
  explainCmd->add_option("--engine,--moteur", explain.engine,
                         "Moteur : auto (par défaut : compilé quand il couvre la politique), jit ou interp");

  BenchArgs bench;
  auto* benchCmd = app.add_subcommand("bench", "Mesurer le temps d'évaluation seul (données chargées avant la mesure)");
  benchCmd->add_option("politique", bench.policy, "Politique (.loge)")->required();
  benchCmd->add_option("--demandes", bench.demandes,
                       "Demandes (JSON Lines, CSV ou SNE) ; sans elles, seul le temps de compilation est mesuré");
  addInputOptions(benchCmd, bench.input);
  benchCmd->add_option("--logement", bench.logement, "Logement proposé (JSON)");
  benchCmd->add_option("--date", bench.date, "Date d'évaluation AAAA-MM-JJ")->required();
  benchCmd->add_option("--engine,--moteur", bench.engine, "jit (par défaut) ou interp");
  benchCmd
      ->add_option("--passes", bench.passes,
                   "Nombre exact de passes sur les demandes (par défaut : au moins 5 et au moins une seconde) ; "
                   "pour compter les instructions sous valgrind")
      ->check(CLI::Range(1, 1000000));
  benchCmd->add_flag("--totaux", bench.totalsOnly,
                     "Moteur compilé : n'écrire que les totaux et les statuts des règles, comme `loge run --format "
                     "compact` (par défaut : aussi chaque critère, comme `--format json`)");

  CompileArgs compileArgs;
  auto* compileCmd = app.add_subcommand("compile", "Compiler une politique à l'avance (fichier objet et en-tête C)");
  compileCmd->add_option("politique", compileArgs.policy, "Politique (.loge)")->required();
  compileCmd->add_option("--sortie,-o", compileArgs.output, "Dossier où écrire NOM.o et NOM.h")->required();
  compileCmd->add_option("--nom", compileArgs.name,
                         "Nom de l'artefact, identifiant C (par défaut : le nom du fichier ; symboles loge_NOM_…)");
  compileCmd->add_option("--cpu", compileArgs.cpu,
                         "generic (par défaut : tout processeur x86-64) ou native (celui de cette machine)");

  RankArgs rank;
  auto* rankCmd = app.add_subcommand("rank", "Classer les candidats à un logement selon un classement de la politique");
  rankCmd->add_option("politique", rank.policy, "Politique (.loge)")->required();
  rankCmd->add_option("--logement", rank.logement, "Logement proposé (JSON)")->required();
  rankCmd->add_option("--demandes", rank.demandes, "Demandes candidates (JSON Lines, CSV ou SNE)")->required();
  addInputOptions(rankCmd, rank.input);
  rankCmd->add_option("--date", rank.date, "Date d'évaluation AAAA-MM-JJ (par défaut : aujourd'hui)");
  rankCmd->add_option("--attributions", rank.attributions,
                      "Attributions de la période (JSON Lines), pour les classements qui suivent des quotas");
  rankCmd->add_option("--classement", rank.classement, "Nom du classement (si la politique en déclare plusieurs)");
  rankCmd->add_option("--candidature", rank.candidature, "Données de candidature communes aux candidats (JSON)");
  rankCmd->add_flag("--json", rank.json, "Sortie JSON plutôt que texte");
  rankCmd->add_option("--engine,--moteur", rank.engine, "Moteur : auto (par défaut), jit ou interp");

  QuotaArgs quota;
  auto* quotaCmd = app.add_subcommand("quota", "Calculer chaque quota de la politique sur un fichier d'attributions");
  quotaCmd->add_option("politique", quota.policy, "Politique (.loge)")->required();
  quotaCmd->add_option("--attributions", quota.attributions, "Attributions, une par ligne (JSON Lines)")->required();
  quotaCmd->add_option("--periode", quota.periode, "Période : 2025, 2025-S1, 2025-T3 ou 2025-06 (par défaut : toutes)");
  quotaCmd->add_option("--date", quota.date, "Date d'évaluation AAAA-MM-JJ (par défaut : aujourd'hui)");
  quotaCmd->add_flag("--json", quota.json, "Sortie JSON plutôt que Markdown");

  PositionArgs position;
  auto* positionCmd =
      app.add_subcommand("position", "Relevé de cotation d'un demandeur : note, délai d'attente moyen, position");
  positionCmd->add_option("politique", position.policy, "Politique (.loge)")->required();
  positionCmd->add_option("--demande", position.demande, "La demande (JSON)")->required();
  positionCmd->add_option("--demandes", position.demandes, "Les demandes en attente (JSON Lines, CSV ou SNE)")
      ->required();
  addInputOptions(positionCmd, position.input);
  positionCmd->add_option("--attributions", position.attributions, "Les attributions passées (JSON Lines)");
  positionCmd->add_option("--date", position.date, "Date d'évaluation AAAA-MM-JJ (par défaut : aujourd'hui)");
  positionCmd->add_option("--similarite", position.similarite,
                          "Nom de la similarité (si la politique en déclare plusieurs)");
  positionCmd->add_option("--cotation", position.cotation,
                          "Nom de la cotation (par défaut : la première de la politique)");
  positionCmd->add_flag("--json", position.json, "Sortie JSON plutôt que texte");
  positionCmd->add_option("--engine,--moteur", position.engine, "Moteur : auto (par défaut), jit ou interp");

  TestArgs testArgs;
  auto* test = app.add_subcommand("test", "Exécuter les blocs `test` des politiques");
  test->add_option("chemins", testArgs.paths, "Fichiers ou dossiers (par défaut : policies/)");
  test->add_option("--junit", testArgs.junit, "Écrire un rapport JUnit XML");
  test->add_option("--engine,--moteur", testArgs.engine,
                   "both (par défaut : chaque test par les deux moteurs, qui doivent concorder), interp ou jit");
  test->add_flag("--coverage", testArgs.coverage,
                 "Rapport de couverture : critères, règles, exceptions et lignes de barème exercés par les tests");
  test->add_option("--coverage-json", testArgs.coverageJson, "Écrire la couverture en JSON dans ce fichier");
  test->add_option("--coverage-min", testArgs.coverageMin,
                   "Échouer (code 1) si la couverture totale est inférieure à ce pourcentage (ex. 90)");

  DiffArgs diff;
  auto* diffCmd =
      app.add_subcommand("diff", "Mesurer l'impact d'une modification de politique sur un corpus de demandes");
  diffCmd->add_option("ancienne", diff.before, "Ancienne version : fichier, ou RÉVISION:chemin dans l'historique git")
      ->required();
  diffCmd->add_option("nouvelle", diff.after, "Nouvelle version : fichier, ou RÉVISION:chemin")->required();
  diffCmd->add_option("--demandes", diff.demandes, "Demandes, une par ligne (JSON Lines)")->required();
  diffCmd->add_option("--logement", diff.logement, "Logement proposé (JSON) : éligibilité et classement");
  diffCmd->add_option("--date", diff.date, "Date d'évaluation AAAA-MM-JJ (par défaut : aujourd'hui)");
  // Ranges checked on the text: a size_t would take `-1` for 2⁶⁴ − 1.
  diffCmd->add_option("--top", diff.top, "Nombre de premiers candidats suivis (10 par défaut)")
      ->check(CLI::Range(1, 1000000));
  diffCmd->add_option("--exemples", diff.examples, "Demandes citées en exemple par type de changement (3 par défaut)")
      ->check(CLI::Range(0, 1000000));
  diffCmd->add_option("--cotation", diff.cotation, "Cotation qui ordonne les demandes (par défaut : la première)");
  diffCmd->add_option("--classement", diff.classement,
                      "Classement qui désigne les candidats avec --logement (par défaut : le premier)");
  diffCmd->add_option("--format", diff.format, "markdown (par défaut) ou json");
  diffCmd->add_flag("--json", diff.json, "Rapport JSON (comme --format json)");
  diffCmd->add_option("--sortie,-o", diff.output, "Fichier du rapport (par défaut : sortie standard)");
  addInputOptions(diffCmd, diff.input);

  std::vector<std::string> fmtFiles;
  bool fmtCheck = false;
  auto* fmtCmd = app.add_subcommand("fmt", "Mettre des politiques au format canonique");
  fmtCmd->add_option("fichiers", fmtFiles, "Politiques (.loge)")->required();
  fmtCmd->add_flag("--check", fmtCheck, "Vérifier seulement (code de sortie 1 si un fichier n'est pas au format)");

  listCommandsInFrench(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e); // --help, --version
    fmt::print(stderr, "erreur : {}\n", frenchUsageError(e, argc > 1 ? argv[1] : ""));
    const std::vector<std::string> args(argv + 1, argv + argc);
    std::string hint = missingOptionHint(app, e, args);
    if (hint.empty()) hint = unknownOptionHint(app, e, args);
    if (!hint.empty()) fmt::print(stderr, "aide : {}\n", hint);
    fmt::print(stderr, "Voir `loge --help`, ou `loge COMMANDE --help`.\n");
    return kUsageError;
  }
  if (std::string name = emptyValue(app); !name.empty()) {
    fmt::print(stderr, "erreur : valeur vide pour {}\nVoir `loge {} --help`.\n", name,
               app.get_subcommands().empty() ? "" : app.get_subcommands().front()->get_name());
    return kUsageError;
  }
  opts.style = oneLine ? loge::DiagStyle::OneLine : loge::DiagStyle::Full;
  opts.color = color && isatty(2);
  opts.jitCache = !noCache;
  opts.compilation = compilation == "rapide" ? Compilation::Quick
                     : compilation == "auto" ? Compilation::Auto
                                             : Compilation::Optimised;

  const int status = runWithLargeStack([&]() -> int {
    if (*check) return runCheck(checkFiles, opts);
    if (*runCmd) return runRun(run, opts);
    if (*explainCmd) return runExplain(explain, opts);
    if (*benchCmd) return runBench(bench, opts);
    if (*compileCmd) return runCompile(compileArgs, opts);
    if (*rankCmd) return runRank(rank, opts);
    if (*quotaCmd) return runQuota(quota, opts);
    if (*positionCmd) return runPosition(position, opts);
    if (*test) {
      if (testArgs.paths.empty()) {
        std::error_code ec;
        if (!std::filesystem::is_directory("policies", ec)) {
          fmt::print(stderr, "erreur : aucune politique donnée, et pas de dossier `policies/` ici : `loge test "
                             "politique.loge` (ou un dossier de politiques)\n");
          return kUsageError;
        }
        testArgs.paths = {"policies"};
      }
      return runTest(testArgs, opts);
    }
    if (*fmtCmd) return runFmt(fmtFiles, fmtCheck, opts);
    if (*diffCmd) return runDiff(diff, opts);
    return kUsageError;
  });
  // A full disk or a closed pipe must not pass for a run whose results
  // were written: CI would keep a truncated report.
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    fmt::print(stderr, "erreur : impossible d'écrire la sortie standard (disque plein, tube fermé ?)\n");
    return status == kOk ? kUsageError : status;
  }
  return status;
}
