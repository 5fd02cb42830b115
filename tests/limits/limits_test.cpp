// Resource limits hold on an ordinary 8 Mio thread stack.
//
// `loge` runs its work on a 256 Mio-stack thread, but a library user calls
// the compiler and the engines from whatever thread it has. Every test here
// runs its body on a fresh thread with an 8 Mio stack (the Linux default)
// and checks the largest inputs the limits allow: they must check, compile
// and evaluate in both engines without overflowing; one step past a limit
// must give its diagnostic. The stack claim is the uninstrumented build's:
// AddressSanitizer puts a redzone around every local and never shares a
// stack slot between the cases of a big switch, so its frames are several
// times larger (Lowering::lower, recursed ~1 500 times here, needs more than
// 5 Kio each); the sanitizer build runs the same inputs on a larger stack
// to check their memory safety.
#include "loge/diag/render.h"
#include "loge/ingest/ingest.h"
#include "loge/interp/interp.h"
#include "loge/jit/jit.h"
#include "loge/sema/check.h"
#include "loge/syntax/parse.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <pthread.h>
#include <string>
#include <unistd.h>

namespace loge {
namespace {

namespace fs = std::filesystem;

#if defined(__SANITIZE_ADDRESS__)
#define LOGE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LOGE_ASAN 1
#endif
#endif
#ifdef LOGE_ASAN
constexpr std::size_t kStack = std::size_t{64} << 20;
#else
constexpr std::size_t kStack = std::size_t{8} << 20;
#endif

// Runs `body` on a new thread whose stack is exactly 8 Mio (64 under ASan).
void onOrdinaryStack(const std::function<void()>& body) {
  pthread_attr_t attr;
  ASSERT_EQ(pthread_attr_init(&attr), 0);
  ASSERT_EQ(pthread_attr_setstacksize(&attr, kStack), 0);
  pthread_t thread;
  auto trampoline = [](void* arg) -> void* {
    (*static_cast<const std::function<void()>*>(arg))();
    return nullptr;
  };
  ASSERT_EQ(pthread_create(&thread, &attr, trampoline, const_cast<std::function<void()>*>(&body)), 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
}

const char* kHead = "politique \"Limites\"\n"
                    "en vigueur du 2024-01-01\n"
                    "schéma { demande : Demande }\n"
                    "structure Demande { id : texte  n : entier }\n";

struct Checked {
  SourceManager sources;
  DiagnosticEngine diags;
  std::unique_ptr<ir::Program> program;
  std::string rendered() const { return renderAll(diags.diagnostics(), sources, DiagStyle::OneLine); }
};

std::unique_ptr<Checked> checkText(const std::string& text) {
  auto c = std::make_unique<Checked>();
  const SourceFile& f = c->sources.addVirtual("limites.loge", text);
  c->program = sema::checkFile(f, c->sources, c->diags);
  return c;
}

// Evaluates the policy's cotation for one demande {n: 1} in both engines;
// returns the totals (interpreter, compiled).
std::pair<std::string, std::string> evaluateBoth(const ir::Program& p) {
  interp::Arena arena;
  interp::Value d;
  ingest::IngestError e;
  EXPECT_TRUE(ingest::readRecord(p, p.schema.roles[0]->index, R"({"id": "D1", "n": 1})", arena, d, e)) << e.render();
  interp::Inputs in;
  in.date = *num::Date::fromYmd(2025, 6, 30);
  in.roles[0] = d;
  interp::Interpreter interp(p);
  std::string a = interp.evaluate(in).cotations.at(0).total.toString();
  std::string why;
  auto engine = jit::Engine::create(p, why);
  EXPECT_TRUE(engine) << why;
  if (!engine) return {a, ""};
  std::vector<std::uint8_t> out, failed;
  engine->evaluate(engine->flatten({d}, p.schema.roles[0]->index), nullptr, in.date, out, failed);
  EXPECT_EQ(failed.at(0), 0);
  return {a, engine->decode(out.data(), false).cotations.at(0).total.toString()};
}

std::string sumOfOnes(int operands) {
  std::string s = "1";
  for (int i = 1; i < operands; ++i) s += i % 20 ? " + 1" : "\n  + 1";
  return s;
}

// The deepest expression the limits allow: 399 prefix minus signs around 99
// nested brackets around a chain of 1000 operators.
TEST(Limits, DeepestLegalExpressionOnOrdinaryStack) {
  onOrdinaryStack([] {
    std::string expr = std::string(99, '(') + sumOfOnes(syntax::kMaxOperatorChain + 1) + std::string(99, ')');
    for (int i = 0; i < syntax::kMaxPrefixChain - 1; ++i) expr = "- " + expr;
    auto c = checkText(std::string(kHead) + "définition x : entier = " + expr + "\n" +
                       "cotation c \"C\" {\n  critère a \"A\" = x × 1 point\n}\n");
    ASSERT_TRUE(c->program) << c->rendered();
    // 1001 ones under 399 minus signs: -1001.
    auto [interp, compiled] = evaluateBoth(*c->program);
    EXPECT_EQ(interp, "-1001");
    EXPECT_EQ(compiled, "-1001");
  });
}

TEST(Limits, OperatorChainOneTooLong) {
  onOrdinaryStack([] {
    auto c =
        checkText(std::string(kHead) + "définition x : entier = " + sumOfOnes(syntax::kMaxOperatorChain + 2) + "\n");
    EXPECT_FALSE(c->program);
    EXPECT_NE(c->rendered().find("[E0110]"), std::string::npos) << c->rendered();
  });
}

// Chains count together when they enclose one another: 600 + 600 operators.
TEST(Limits, NestedChainsCountTogether) {
  onOrdinaryStack([] {
    auto c =
        checkText(std::string(kHead) + "définition x : entier = " + sumOfOnes(600) + " + (" + sumOfOnes(602) + ")\n");
    EXPECT_FALSE(c->program);
    EXPECT_NE(c->rendered().find("[E0110]"), std::string::npos) << c->rendered();
  });
}

// A very long chain is refused quickly: the builder once read the chain's
// operands through ANTLR's indexed accessors, quadratic in its length
// (200 000 operands took hours).
TEST(Limits, HugeChainIsRefusedWithoutQuadraticWork) {
  onOrdinaryStack([] {
    auto c = checkText(std::string(kHead) + "définition x : entier = " + sumOfOnes(200000) + "\n");
    EXPECT_FALSE(c->program);
    EXPECT_NE(c->rendered().find("[E0110]"), std::string::npos);
  });
}

// 40 000 unknown names among 40 000 declarations: past the 100th error no
// suggestion is searched (each searched every declaration: minutes), and
// E0003 says how many errors were not shown.
TEST(Limits, ManyUnknownNamesWithoutQuadraticWork) {
  std::string text = kHead;
  for (int i = 0; i < 40000; ++i) text += fmt::format("définition v{} : entier = x{}\n", i, i);
  auto c = checkText(text);
  EXPECT_FALSE(c->program);
  EXPECT_EQ(c->diags.errorCount(), DiagnosticEngine::kMaxErrors);
  EXPECT_NE(c->rendered().find("trop d'erreurs : 39900 autres non affichées [E0003]"), std::string::npos);
  EXPECT_EQ(summary(c->diags.diagnostics()), "100 erreurs affichées, d'autres suivent (E0003)");
}

// A 200 000-character name misspelt: no suggestion is searched for it (the
// edit distance of two such names took minutes).
TEST(Limits, HugeNameTypoWithoutQuadraticWork) {
  const std::string name(200000, 'a');
  auto c =
      checkText(std::string(kHead) + "définition " + name + " : entier = 1\ndéfinition y : entier = " + name + "b\n");
  EXPECT_FALSE(c->program);
  EXPECT_NE(c->rendered().find("[E0201]"), std::string::npos);
}

// 399 `si … sinon` (the prefix limit is 400 per declaration).
TEST(Limits, LongestLegalSiChainOnOrdinaryStack) {
  onOrdinaryStack([] {
    std::string expr;
    for (int i = 0; i < syntax::kMaxPrefixChain - 1; ++i)
      expr += "si demande.n = " + std::to_string(i + 2) + " alors " + std::to_string(i) + "\n  sinon ";
    expr += "7";
    auto c = checkText(std::string(kHead) + "définition x : entier = " + expr + "\n" +
                       "cotation c \"C\" {\n  critère a \"A\" = x × 1 point\n}\n");
    ASSERT_TRUE(c->program) << c->rendered();
    auto [interp, compiled] = evaluateBoth(*c->program);
    EXPECT_EQ(interp, "7");
    EXPECT_EQ(compiled, "7");
  });
}

// Input data: objects nested far beyond ingest::kMaxDepth are refused with
// a message, not by a stack overflow of the recursive reader.
TEST(Limits, DeeplyNestedJsonOnOrdinaryStack) {
  onOrdinaryStack([] {
    auto c = checkText("politique \"Arbre\"\n"
                       "schéma { demande : Demande }\n"
                       "structure Demande { id : texte  arbre : Noeud }\n"
                       "structure Noeud { enfants : liste de Noeud }\n");
    ASSERT_TRUE(c->program) << c->rendered();
    std::string json = R"({"id": "D1", "arbre": )";
    for (int i = 0; i < 100000; ++i) json += R"({"enfants": [)";
    json += std::string(100000, ']') + "}";
    interp::Arena arena;
    interp::Value v;
    ingest::IngestError e;
    EXPECT_FALSE(ingest::readRecord(*c->program, c->program->schema.roles[0]->index, json, arena, v, e));
    EXPECT_NE(e.message.find("imbrication trop profonde"), std::string::npos) << e.render();
  });
}

// Imports: a chain of modules each importing the next, as long as the
// module limit allows, loads on an ordinary stack; one more is refused.
TEST(Limits, ImportChainOnOrdinaryStack) {
  fs::path dir = fs::temp_directory_path() / ("loge-limits-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  sema::CheckOptions options;
  auto writeChain = [&](std::size_t modules) {
    for (std::size_t i = 0; i < modules; ++i) {
      std::ofstream f(dir / ("m" + std::to_string(i) + ".loge"));
      f << "politique \"M" << i << "\"\n";
      if (i + 1 < modules) f << "importe \"m" << i + 1 << ".loge\"\n";
      f << "paramètre p" << i << " : entier\n  depuis 2024-01-01 : " << i << "\n";
    }
  };
  onOrdinaryStack([&] {
    writeChain(options.maxModules);
    SourceManager sources;
    DiagnosticEngine diags;
    EXPECT_TRUE(sema::check((dir / "m0.loge").string(), sources, diags, options))
        << renderAll(diags.diagnostics(), sources, DiagStyle::OneLine);
  });
  onOrdinaryStack([&] {
    writeChain(options.maxModules + 2);
    SourceManager sources;
    DiagnosticEngine diags;
    EXPECT_FALSE(sema::check((dir / "m0.loge").string(), sources, diags, options));
    EXPECT_NE(renderAll(diags.diagnostics(), sources, DiagStyle::OneLine).find("[E0215]"), std::string::npos);
  });
  fs::remove_all(dir);
}

} // namespace
} // namespace loge
