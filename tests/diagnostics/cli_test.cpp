// End-to-end checks of `loge check` as CI uses it: the one-line mode
// (`--une-ligne`), exit codes, and bad paths (a missing file, a directory),
// which must get a clear French message and a non-zero exit, never a crash.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace fs = std::filesystem;

namespace {

const fs::path kDir = LOGE_DIAG_DIR;
const std::string kLoge = LOGE_BINARY;

struct Outcome {
  bool exited = false; // false: killed by a signal (a crash)
  int code = -1;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs `loge args…` from tests/diagnostics, capturing both streams.
Outcome loge(const std::vector<std::string>& args) {
  fs::path tmp = fs::temp_directory_path() / ("loge-cli-" + std::to_string(::getpid()));
  fs::create_directories(tmp);
  fs::path out = tmp / "out", err = tmp / "err";
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addchdir_np(&fa, kDir.c_str());
  std::vector<std::string> argv{kLoge};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> cargv;
  for (auto& a : argv) cargv.push_back(a.data());
  cargv.push_back(nullptr);
  pid_t pid = 0;
  Outcome r;
  int rc = posix_spawn(&pid, kLoge.c_str(), &fa, nullptr, cargv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) {
    ADD_FAILURE() << "impossible de lancer " << kLoge;
    return r;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  r.exited = WIFEXITED(status);
  r.code = r.exited ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  fs::remove_all(tmp);
  return r;
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// `chemin:ligne:colonne: erreur|avertissement: message [E0123]`, optionally
// followed by ` (aide : …)`.
const std::regex
    kOneLine(R"(^[^: ][^:]*:[0-9]+:[0-9]+: (erreur|avertissement): .+ \[[EW][0-9]{4}\]( \(aide : .+\))?$)");

TEST(OneLine, ErrorLineFormatAndExitCode) {
  Outcome r = loge({"--une-ligne", "check", "types/fail_condition_not_bool.loge"});
  ASSERT_TRUE(r.exited) << "loge s'est arrêté sur un signal\n" << r.err;
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  auto ls = lines(r.err);
  ASSERT_EQ(ls.size(), 2u) << r.err;
  EXPECT_EQ(ls[0], "types/fail_condition_not_bool.loge:10:11: erreur: une condition doit être un booléen ; cette "
                   "expression est de type entier [E0309]");
  EXPECT_TRUE(std::regex_match(ls[0], kOneLine)) << ls[0];
  // No source snippet in this mode; the last line is the summary.
  EXPECT_EQ(r.err.find(" | "), std::string::npos) << r.err;
  EXPECT_EQ(ls[1], "types/fail_condition_not_bool.loge : 1 erreur");
}

TEST(OneLine, HintsStayOnTheLine) {
  Outcome r = loge({"--une-ligne", "check", "names/fail_field_typo.loge"});
  ASSERT_TRUE(r.exited);
  EXPECT_EQ(r.code, 1);
  auto ls = lines(r.err);
  ASSERT_FALSE(ls.empty());
  EXPECT_TRUE(std::regex_match(ls[0], kOneLine)) << ls[0];
  EXPECT_NE(ls[0].find("[E0202] (aide : vouliez-vous dire `nb_enfants` ?)"), std::string::npos) << ls[0];
}

TEST(OneLine, SeveralErrorsOneLineEach) {
  Outcome r = loge({"--une-ligne", "check", "syntax/fail_several_errors.loge"});
  ASSERT_TRUE(r.exited);
  EXPECT_EQ(r.code, 1);
  auto ls = lines(r.err);
  ASSERT_EQ(ls.size(), 4u) << r.err;
  for (std::size_t i = 0; i + 1 < ls.size(); ++i) {
    EXPECT_TRUE(std::regex_match(ls[i], kOneLine)) << ls[i];
    EXPECT_EQ(ls[i].rfind("syntax/fail_several_errors.loge:", 0), 0u) << ls[i];
  }
  EXPECT_EQ(ls.back(), "syntax/fail_several_errors.loge : 3 erreurs");
}

TEST(OneLine, WarningsOnlyExitZero) {
  Outcome r = loge({"--une-ligne", "check", "header/ok_end_of_month_warning.loge"});
  ASSERT_TRUE(r.exited);
  EXPECT_EQ(r.code, 0) << r.err;
  auto ls = lines(r.err);
  ASSERT_EQ(ls.size(), 1u) << r.err;
  EXPECT_TRUE(std::regex_match(ls[0], kOneLine)) << ls[0];
  EXPECT_NE(ls[0].find(": avertissement: "), std::string::npos);
  EXPECT_NE(ls[0].find("[W0001]"), std::string::npos);
  EXPECT_NE(r.out.find("correct"), std::string::npos) << r.out;
}

TEST(Check, SeveralFilesExitOneIfAnyFails) {
  Outcome r = loge({"check", "selon/ok_selon_sinon.loge", "selon/fail_non_exhaustive.loge"});
  ASSERT_TRUE(r.exited);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("selon/ok_selon_sinon.loge : correct"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("selon/fail_non_exhaustive.loge:15:3: erreur: "), std::string::npos) << r.err;
}

TEST(Check, MissingFile) {
  Outcome r = loge({"check", "introuvable/politique.loge"});
  ASSERT_TRUE(r.exited) << "loge s'est arrêté sur un signal\n" << r.err;
  EXPECT_NE(r.code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("impossible d'ouvrir le fichier « introuvable/politique.loge »"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("[E0001]"), std::string::npos) << r.err;
}

TEST(Check, MissingFileOneLine) {
  Outcome r = loge({"--une-ligne", "check", "introuvable.loge"});
  ASSERT_TRUE(r.exited);
  EXPECT_NE(r.code, 0);
  auto ls = lines(r.err);
  ASSERT_FALSE(ls.empty());
  // Without a position the line starts with the path alone.
  EXPECT_EQ(ls[0].rfind("introuvable.loge: erreur: impossible d'ouvrir le fichier", 0), 0u) << ls[0];
}

// A directory is not a policy: `loge check` must say so (in French) and
// fail, not report an empty policy as correct.
TEST(Check, DirectoryIsRefused) {
  Outcome r = loge({"check", "types"});
  ASSERT_TRUE(r.exited) << "loge s'est arrêté sur un signal\n" << r.err;
  EXPECT_NE(r.code, 0) << "stdout: " << r.out << "\nstderr: " << r.err;
  EXPECT_EQ(r.out.find("correct"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("types"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("dossier"), std::string::npos) << "message attendu : « … est un dossier, pas un fichier »\n"
                                                      << r.err;
}

// A wrong command line gets a French message, exit code 64, and none of
// CLI11's English phrases.
TEST(Usage, ErrorsInFrench) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"run"}, "erreur : l'argument « politique » est obligatoire"},
      {{"run", "types/ok_division_bounded_decimal.loge"}, "erreur : l'option --demandes est obligatoire"},
      {{"check", "--bogus", "x.loge"}, "erreur : option inconnue : --bogus"},
      // CLI11 lists extras last first: the message keeps the typed order.
      {{"run", "x.loge", "y", "z", "--demandes", "d", "--date", "2025-01-01"}, "erreur : arguments inattendus : y z"},
      {{"fmt", "a.loge", "--format", "compact"}, "erreur : option inconnue : --format"},
      {{"frobnicate"}, "erreur : commande inconnue : « frobnicate »"},
      {{}, "erreur : une commande est requise"},
      {{"--compilation", "lente", "check", "x.loge"},
       "erreur : valeur refusée pour --compilation : « lente » (valeurs possibles : auto,rapide"},
      {{"bench", "x.loge", "--passes", "0"}, "erreur : valeur refusée pour --passes : « 0 » (attendu un nombre de 1 à"},
      {{"run", "x.loge", "--demandes"}, "erreur : l'option --demandes attend une valeur"},
      {{"quota", "x.loge", "--attributions", "a.jsonl", "--periode", "2025", "--periode", "2024"},
       "erreur : l'option --periode ne se donne qu'une fois (donnée 2 fois)"},
  };
  for (const Case& c : cases) {
    Outcome r = loge(c.args);
    ASSERT_TRUE(r.exited) << "loge s'est arrêté sur un signal\n" << r.err;
    EXPECT_EQ(r.code, 64) << r.err;
    EXPECT_EQ(r.err.rfind(c.message, 0), 0u) << r.err;
    EXPECT_NE(r.err.find("loge COMMANDE --help"), std::string::npos) << r.err;
    for (const char* english : {"Run with", "is required", "not expected", "not in", "Expected", "At Most"})
      EXPECT_EQ(r.err.find(english), std::string::npos) << r.err;
  }
}

TEST(Usage, HelpInFrench) {
  Outcome r = loge({"--help"});
  ASSERT_TRUE(r.exited);
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("Afficher cette aide"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Commandes:"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Subcommands"), std::string::npos) << r.out;
  Outcome sub = loge({"explain", "--help"});
  EXPECT_EQ(sub.code, 0);
  EXPECT_NE(sub.out.find("Arguments:"), std::string::npos) << sub.out;
  EXPECT_NE(sub.out.find("OBLIGATOIRE"), std::string::npos) << sub.out;
  EXPECT_EQ(sub.out.find("REQUIRED"), std::string::npos) << sub.out;
  Outcome version = loge({"--version"});
  EXPECT_EQ(version.code, 0);
  EXPECT_TRUE(std::regex_match(version.out, std::regex("loge [0-9]+\\.[0-9]+\\.[0-9]+\n"))) << version.out;
}

} // namespace
