// ir::clone, ir::same, ir::hashOf and ir::noteReads, on every expression of
// the shipped policies: a copy is the same tree and hashes the same, two
// different définitions are not the same, and what noteReads finds a
// définition reads is what the checker recorded for it.
#include "compile_snippet.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace loge;

std::unique_ptr<loge::testing::Compiled> checkPolicy(const std::string& relative) {
  return loge::testing::compileFile(std::string(LOGE_REPO_ROOT) + "/" + relative);
}

const std::vector<std::string> kPolicies = {"policies/grenoble/grenoble.loge",
                                            "policies/national/tests/menage-tests.loge", "bench/workload.loge",
                                            "examples/grille-exemple.loge"};

TEST(ExprTree, ACopyIsTheSameTreeAndHashesTheSame) {
  for (const std::string& path : kPolicies) {
    auto c = checkPolicy(path);
    ASSERT_TRUE(c->program) << path;
    for (const ir::DefinitionDecl& d : c->program->definitions) {
      ir::ExprPtr copy = ir::clone(*d.body);
      ASSERT_NE(copy.get(), d.body.get());
      EXPECT_TRUE(ir::same(*copy, *d.body)) << path << " " << d.name;
      EXPECT_EQ(ir::hashOf(*copy), ir::hashOf(*d.body)) << path << " " << d.name;
    }
    for (const ir::TestCase& tc : c->program->tests)
      for (const auto& x : tc.expectations)
        if (x.actual) {
          EXPECT_TRUE(ir::same(*ir::clone(*x.actual), *x.actual)) << path << " " << tc.name;
        }
  }
}

TEST(ExprTree, DifferentDefinitionsAreNotTheSame) {
  auto c = checkPolicy("policies/grenoble/grenoble.loge");
  ASSERT_TRUE(c->program);
  const auto& defs = c->program->definitions;
  std::size_t pairs = 0, alike = 0;
  for (std::size_t i = 0; i < defs.size(); ++i)
    for (std::size_t j = i + 1; j < defs.size(); ++j) {
      ++pairs;
      bool same = ir::same(*defs[i].body, *defs[j].body);
      EXPECT_EQ(same, ir::same(*defs[j].body, *defs[i].body)) << defs[i].name << " / " << defs[j].name;
      if (!same) continue;
      // Two définitions may be written alike (`= demande.x` in two
      // modules); equal trees hash equal.
      ++alike;
      EXPECT_EQ(ir::hashOf(*defs[i].body), ir::hashOf(*defs[j].body)) << defs[i].name << " / " << defs[j].name;
    }
  EXPECT_GT(pairs, 1000u);
  EXPECT_LT(alike * 100, pairs) << alike << " pairs of " << pairs << " alike";
}

TEST(ExprTree, OneChangeMakesADifferentTree) {
  auto c = loge::testing::compileSource(R"(politique "p"
schéma { demande : D }
structure D { a : entier  b : entier }
définition f : entier = demande.a + 2 × demande.b
)");
  ASSERT_TRUE(c->program) << c->rendered();
  const ir::Expr& body = *c->program->definitions[0].body;
  ir::ExprPtr copy = ir::clone(body);
  ASSERT_TRUE(ir::same(*copy, body));
  // Find the constant 2 and change it; then a field index.
  std::vector<ir::Expr*> stack{copy.get()};
  ir::Expr* constant = nullptr;
  ir::Expr* field = nullptr;
  while (!stack.empty()) {
    ir::Expr* e = stack.back();
    stack.pop_back();
    if (e->op == ir::Op::Const && !constant) constant = e;
    if (e->op == ir::Op::Field && !field) field = e;
    for (ir::Expr* child : {e->a.get(), e->b.get(), e->c.get()})
      if (child) stack.push_back(child);
  }
  ASSERT_TRUE(constant && field);
  constant->constant.number += 1;
  EXPECT_FALSE(ir::same(*copy, body));
  constant->constant.number -= 1;
  EXPECT_TRUE(ir::same(*copy, body));
  field->index ^= 1;
  EXPECT_FALSE(ir::same(*copy, body));
}

TEST(ExprTree, NoteReadsAgreesWithTheChecker) {
  for (const std::string& path : kPolicies) {
    auto c = checkPolicy(path);
    ASSERT_TRUE(c->program) << path;
    for (const ir::DefinitionDecl& d : c->program->definitions) {
      std::uint32_t roles = 0;
      bool date = false;
      ir::noteReads(*c->program, *d.body, roles, date);
      EXPECT_EQ(roles, d.roles) << path << " " << d.name;
      EXPECT_EQ(date, d.readsDate) << path << " " << d.name;
    }
  }
}

} // namespace
