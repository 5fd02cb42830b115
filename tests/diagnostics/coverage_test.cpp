// Every diagnostic kind of the registry (diagnostic_kinds.def) must appear,
// by its code, in at least one golden `.expected` file of tests/diagnostics:
// a kind nobody can provoke is either dead or untested. The few kinds that
// cannot be provoked today are listed below, each with the reason; an
// exemption that is no longer needed (its code now appears in a golden)
// fails too, so the list only shrinks.
#include "loge/diag/diagnostic.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

const fs::path kDir = LOGE_DIAG_DIR;

// Code → why no golden shows it.
const std::map<std::string, std::string> kExempt = {
    // Nothing is exempt today: every registered kind has a golden.
};

std::string allExpected() {
  std::string all;
  for (const auto& entry : fs::recursive_directory_iterator(kDir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".expected") continue;
    bool pending = false;
    for (const auto& part : entry.path().lexically_relative(kDir)) pending |= part == "pending";
    if (pending) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    all += s.str();
  }
  return all;
}

TEST(Coverage, EveryDiagnosticKindHasAGolden) {
  std::string all = allExpected();
  ASSERT_FALSE(all.empty()) << "aucun fichier .expected sous " << kDir;
  std::set<std::string> codes;
  for (loge::DiagKind k : loge::allDiagKinds()) {
    const loge::DiagKindInfo& i = loge::info(k);
    codes.insert(i.code);
    bool seen = all.find(std::string("[") + i.code + "]") != std::string::npos;
    auto ex = kExempt.find(i.code);
    if (ex == kExempt.end()) {
      EXPECT_TRUE(seen) << i.name << " [" << i.code << "] n'apparaît dans aucun fichier .expected : ajoutez un golden "
                        << "qui le provoque (ou, s'il ne peut pas l'être, une exemption motivée)";
    } else {
      EXPECT_FALSE(seen) << i.name << " [" << i.code << "] apparaît maintenant dans un golden : retirez son exemption ("
                         << ex->second << ")";
    }
  }
  for (const auto& [code, why] : kExempt)
    EXPECT_TRUE(codes.count(code)) << "exemption " << code << " (" << why
                                   << ") : ce code n'existe pas dans le registre";
}

// Codes are unique and well formed (E/W + four digits).
TEST(Coverage, CodesAreUniqueAndWellFormed) {
  std::set<std::string> seen;
  for (loge::DiagKind k : loge::allDiagKinds()) {
    std::string code = loge::info(k).code;
    EXPECT_TRUE(seen.insert(code).second) << "code en double : " << code;
    ASSERT_EQ(code.size(), 5u) << code;
    EXPECT_TRUE(code[0] == 'E' || code[0] == 'W') << code;
    for (std::size_t i = 1; i < code.size(); ++i)
      EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(code[i]))) << code;
    bool warning = loge::info(k).severity == loge::Severity::Warning;
    EXPECT_EQ(code[0] == 'W', warning) << code << " : la lettre du code doit suivre la gravité";
  }
}

} // namespace
