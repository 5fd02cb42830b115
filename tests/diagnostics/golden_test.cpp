// Golden-file tests of the checker's diagnostics.
//
// Every `fail_*.loge` and `ok_*.loge` under a feature folder of
// tests/diagnostics (lib/ and pending/ excluded) is checked with
// sema::check and its diagnostics, rendered with DiagStyle::Full and no
// colour, are compared with the `.expected` file beside it. File paths in
// the rendering are relative to tests/diagnostics: the test runs from that
// directory and passes relative paths.
//
// A few cases cannot be committed as files (a file that does not exist,
// inputs of a hundred modules or of a hundred nested brackets): they are
// generated into a scratch directory laid out like tests/diagnostics, and
// checked from there, so their paths read the same way.
//
// LOGE_UPDATE_GOLDENS=1 rewrites the `.expected` files instead of failing
// (see README.md). Each golden is its own test:
// `ctest -R 'diagnostics\..*types_fail_unit'`.
#include "loge/diag/diagnostic.h"
#include "loge/diag/render.h"
#include "loge/sema/check.h"
#include "loge/source/source.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kDir = LOGE_DIAG_DIR;

bool updating() {
  const char* v = std::getenv("LOGE_UPDATE_GOLDENS");
  return v && std::string(v) == "1";
}

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void writeFile(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << text;
}

// ---------------------------------------------------------------- generated inputs

// Writes the inputs of a generated case under `root` (a scratch directory
// laid out like tests/diagnostics).
using Generator = std::function<void(const fs::path& root)>;

struct Case {
  std::string path;   // relative to tests/diagnostics, e.g. "types/fail_x.loge"
  Generator generate; // empty for committed files
  // A generated case whose current output is wrong (see pending/README.md):
  // not run until the checker is fixed.
  bool pending = false;
};

// gtest prints the parameter of a failing test: show the path, not bytes.
void PrintTo(const Case& c, std::ostream* os) { *os << c.path; }

const char* kHeader = "politique \"Fichier engendré par golden_test.cpp\"\nen vigueur du 2025-01-01\n\n";

std::vector<Case> generatedCases() {
  std::vector<Case> out;
  // A file that does not exist: nothing is written.
  out.push_back({"files/fail_absent.loge", [](const fs::path&) {}});
  // 101 nested parentheses (the limit is 100).
  out.push_back({"limits/fail_nesting_depth.loge", [](const fs::path& root) {
                   std::string text = kHeader;
                   text += "# 101 parenthèses imbriquées : une de trop.\n";
                   text += "définition profonde : entier =\n  ";
                   text += std::string(101, '(') + "1" + std::string(101, ')') + "\n";
                   writeFile(root / "limits/fail_nesting_depth.loge", text);
                 }});
  // 401 prefix forms (`non`) in one declaration (the limit is 400).
  out.push_back({"limits/fail_prefix_chain.loge", [](const fs::path& root) {
                   std::string text = kHeader;
                   text += "# 401 `non` enchaînés dans une seule déclaration : un de trop.\n";
                   text += "définition negations : booléen =\n";
                   for (int i = 0; i < 401; ++i) text += "  non\n";
                   text += "  vrai\n";
                   writeFile(root / "limits/fail_prefix_chain.loge", text);
                 }});
  // 1001 chained operators (the limit is 1000).
  out.push_back({"limits/fail_operator_chain.loge", [](const fs::path& root) {
                   std::string text = kHeader;
                   text += "# 1 002 termes, donc 1 001 additions enchaînées : une de trop.\n";
                   text += "définition somme : entier =\n  1";
                   for (int i = 1; i < 1002; ++i) text += i % 20 ? " + 1" : "\n  + 1";
                   text += "\n";
                   writeFile(root / "limits/fail_operator_chain.loge", text);
                 }});
  // 101 errors: the engine stops at 100 and says so once.
  out.push_back({"limits/fail_too_many_errors.loge", [](const fs::path& root) {
                   std::string text = kHeader;
                   for (int i = 1; i <= 101; ++i)
                     text += "définition d" + std::to_string(i) + " : entier = inconnu_xyz\n";
                   writeFile(root / "limits/fail_too_many_errors.loge", text);
                 }});
  // 64 imported modules (the limit is 64 modules, the root included).
  // Pending: the message says « plus de 64 » modules imported when 64 are
  // (see pending/README.md).
  out.push_back({"limits/fail_too_many_imports.loge",
                 [](const fs::path& root) {
                   std::string text = kHeader;
                   // 65 imports: one more than the limit of 64 (the policy itself is not counted).
                   for (int i = 1; i <= 65; ++i) {
                     std::string name = "module_" + std::to_string(i);
                     text += "importe \"lib/" + name + ".loge\"\n";
                     writeFile(root / "limits/lib" / (name + ".loge"), "politique \"Module " + std::to_string(i) +
                                                                           "\"\n\nparamètre taux_" + std::to_string(i) +
                                                                           " : décimal\n  depuis 2025-01-01 : 1 %\n");
                   }
                   writeFile(root / "limits/fail_too_many_imports.loge", text);
                 },
                 /*pending=*/false});
  return out;
}

// ---------------------------------------------------------------- discovery

bool excludedDir(const std::string& component) { return component == "lib" || component == "pending"; }

std::vector<Case> allCases() {
  std::vector<Case> out;
  for (const auto& entry : fs::recursive_directory_iterator(kDir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".loge") continue;
    fs::path rel = entry.path().lexically_relative(kDir);
    if (std::distance(rel.begin(), rel.end()) < 2) continue; // only inside feature folders
    bool skip = false;
    for (const auto& part : rel.parent_path()) skip |= excludedDir(part.string());
    std::string name = rel.filename().string();
    if (skip || !(name.rfind("fail_", 0) == 0 || name.rfind("ok_", 0) == 0)) continue;
    out.push_back({rel.generic_string(), {}});
  }
  for (Case& c : generatedCases())
    if (!c.pending) out.push_back(std::move(c));
  std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.path < b.path; });
  return out;
}

std::string testName(const testing::TestParamInfo<Case>& info) {
  std::string s = info.param.path;
  if (s.size() > 5 && s.compare(s.size() - 5, 5, ".loge") == 0) s.resize(s.size() - 5);
  for (char& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return s;
}

fs::path expectedPath(const std::string& rel) { return kDir / fs::path(rel).replace_extension(".expected"); }

// ---------------------------------------------------------------- diff

// A line diff (longest common subsequence), enough for golden files of a
// few hundred lines.
std::string lineDiff(const std::string& expected, const std::string& actual) {
  auto split = [](const std::string& s) {
    std::vector<std::string> lines;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    return lines;
  };
  std::vector<std::string> a = split(expected), b = split(actual);
  std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;)
    for (std::size_t j = b.size(); j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::string out;
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      out += "  " + a[i] + "\n";
      ++i, ++j;
    } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out += "+ " + b[j++] + "\n";
    } else {
      out += "- " + a[i++] + "\n";
    }
  }
  return out;
}

// ---------------------------------------------------------------- running one case

struct Result {
  std::string rendered;
  std::size_t errors = 0;
};

// Runs the checker from `cwd` on the relative path `rel`.
Result runCheck(const fs::path& cwd, const std::string& rel) {
  fs::path saved = fs::current_path();
  fs::current_path(cwd);
  loge::SourceManager sources;
  loge::DiagnosticEngine diags;
  auto program = loge::sema::check(rel, sources, diags);
  Result r;
  r.rendered = loge::renderAll(diags.diagnostics(), sources, loge::DiagStyle::Full, false);
  r.errors = diags.errorCount();
  // The checker returns a program exactly when there is no error.
  EXPECT_EQ(program != nullptr, r.errors == 0) << rel;
  fs::current_path(saved);
  return r;
}

class GoldenTest : public testing::TestWithParam<Case> {};

TEST_P(GoldenTest, Matches) {
  const Case& c = GetParam();
  fs::path cwd = kDir;
  fs::path scratch;
  if (c.generate) {
    scratch = fs::temp_directory_path() / ("loge-diag-" + std::to_string(::getpid()) + "-" + testName({c, 0}));
    fs::remove_all(scratch);
    fs::create_directories(scratch);
    c.generate(scratch);
    cwd = scratch;
  }
  Result r = runCheck(cwd, c.path);
  if (!scratch.empty()) fs::remove_all(scratch);

  std::string name = fs::path(c.path).filename().string();
  if (name.rfind("fail_", 0) == 0)
    EXPECT_GT(r.errors, 0u) << c.path << " : un fichier `fail_` doit produire au moins une erreur";
  else
    EXPECT_EQ(r.errors, 0u) << c.path << " : un fichier `ok_` ne doit produire aucune erreur\n" << r.rendered;

  fs::path expected = expectedPath(c.path);
  if (updating()) {
    if (!fs::exists(expected) || readFile(expected) != r.rendered) {
      writeFile(expected, r.rendered);
      std::cout << "[ golden  ] mis à jour : " << expected.lexically_relative(kDir).generic_string() << "\n";
    }
    return;
  }
  ASSERT_TRUE(fs::exists(expected)) << "pas de fichier " << expected
                                    << " ; relancez avec LOGE_UPDATE_GOLDENS=1 pour le créer, puis relisez-le";
  std::string want = readFile(expected);
  EXPECT_EQ(want, r.rendered) << "diagnostics différents de " << expected.lexically_relative(kDir).generic_string()
                              << " (- attendu, + obtenu) :\n"
                              << lineDiff(want, r.rendered)
                              << "Si le changement est voulu : LOGE_UPDATE_GOLDENS=1, puis relisez `git diff`.";
}

INSTANTIATE_TEST_SUITE_P(Goldens, GoldenTest, testing::ValuesIn(allCases()), testName);

// Every `.expected` file belongs to a golden: a renamed or deleted policy
// must take its expected output with it.
TEST(GoldenFiles, NoOrphanExpected) {
  std::vector<std::string> known;
  for (const Case& c : allCases()) known.push_back(expectedPath(c.path).lexically_normal().string());
  for (const auto& entry : fs::recursive_directory_iterator(kDir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".expected") continue;
    fs::path rel = entry.path().lexically_relative(kDir);
    bool pending = false;
    for (const auto& part : rel) pending |= part == "pending";
    if (pending) continue;
    std::string p = entry.path().lexically_normal().string();
    EXPECT_NE(std::find(known.begin(), known.end(), p), known.end())
        << rel.generic_string() << " ne correspond à aucun fichier .loge (ni à un cas engendré)";
  }
}

// Every policy in pending/ is explained in pending/README.md.
TEST(GoldenFiles, PendingCasesAreDocumented) {
  std::string readme = readFile(kDir / "pending/README.md");
  for (const auto& entry : fs::directory_iterator(kDir / "pending")) {
    if (entry.path().extension() != ".loge") continue;
    std::string name = entry.path().filename().string();
    EXPECT_NE(readme.find(name), std::string::npos) << "pending/" << name << " n'est pas décrit dans pending/README.md";
  }
}

} // namespace
