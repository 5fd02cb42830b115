// Only the définitions the generated code calls are compiled: those a
// cotation or a rule reads, those they call in turn, and those a test
// compares (OutLayoutOptions::definitions). The others, often most of an
// imported national module, cost compilation for nothing.
#include "compile_snippet.h"
#include "loge/codegen/codegen.h"

#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>

#include <gtest/gtest.h>

namespace {

using namespace loge;

const char* kPolicy = R"(politique "définitions appelées"
schéma { demande : Demande }
structure Demande { n : entier  d : décimal }

définition base : entier = demande.n + 1
définition appelee : entier = base × 2
définition par_regle(k : entier) : booléen = demande.n > k
définition inutile : entier = demande.n - 1
définition inutile_aussi : décimal = demande.d / 3
définition appelle_inutile : entier = inutile + 1

cotation c {
  critère a = 1 point × appelee
}
éligibilité e {
  règle r exige par_regle(2) sinon refus "trop petit"
}
)";

// Which définitions have a function in the module generated for `options`.
std::vector<std::string> compiledDefinitions(const ir::Program& p, const codegen::OutLayoutOptions& options) {
  codegen::Layout layout(p);
  codegen::OutLayout out(p, options);
  codegen::Generated g;
  std::string why;
  EXPECT_TRUE(codegen::generate(p, layout, out, g, why)) << why;
  std::vector<std::string> names;
  for (const ir::DefinitionDecl& d : p.definitions)
    if (g.module && g.module->getFunction("def." + d.name)) names.push_back(d.name);
  return names;
}

TEST(NeededDefinitions, OnlyThoseTheCotationsAndRulesCall) {
  auto compiled = loge::testing::compileSource(kPolicy);
  ASSERT_TRUE(compiled->program) << compiled->rendered();
  EXPECT_EQ(compiledDefinitions(*compiled->program, {}), (std::vector<std::string>{"base", "appelee", "par_regle"}));
}

TEST(NeededDefinitions, AndThoseATestCompares) {
  auto compiled = loge::testing::compileSource(kPolicy);
  ASSERT_TRUE(compiled->program) << compiled->rendered();
  codegen::OutLayoutOptions options;
  options.definitions = true;
  // Every parameterless définition of a scalar type is compared, and
  // appelle_inutile calls inutile.
  EXPECT_EQ(compiledDefinitions(*compiled->program, options),
            (std::vector<std::string>{"base", "appelee", "par_regle", "inutile", "inutile_aussi", "appelle_inutile"}));
}

} // namespace
