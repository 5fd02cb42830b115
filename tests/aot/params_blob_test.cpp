// AOT: an artifact's parameter set survives serialisation (compiler side)
// and loading (runtime side) unchanged, for every shipped policy and for
// parameters with texts, lists, tuples, bands, text keys and holes; and a
// damaged blob is refused, never read out of bounds.
#include "compile_snippet.h"
#include "flatten.h"
#include "loge/codegen/layout.h"
#include "loge/rt/params_blob.h"
#include "params_blob_write.h"
#include "params_build.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

using namespace loge;
namespace fs = std::filesystem;

// Compares two flat values of type `t`, following pointers.
bool sameFlat(const codegen::Layout& layout, const ir::Program& p, const ir::Type* t, const std::uint8_t* a,
              const std::uint8_t* b, std::string& why) {
  auto ptr = [](const std::uint8_t* at) {
    const std::uint8_t* v;
    std::memcpy(&v, at, sizeof v);
    return v;
  };
  auto i64 = [](const std::uint8_t* at) {
    std::int64_t v;
    std::memcpy(&v, at + 8, sizeof v);
    return v;
  };
  switch (t->kind) {
  case ir::TypeKind::Text: {
    std::int64_t n = i64(a);
    if (n != i64(b)) return why = "text length", false;
    if (n && std::memcmp(ptr(a), ptr(b), static_cast<std::size_t>(n)) != 0) return why = "text bytes", false;
    if (n && ptr(a) == ptr(b)) return why = "text not copied", false;
    return true;
  }
  case ir::TypeKind::List: {
    std::int64_t n = i64(a);
    if (n != i64(b)) return why = "list length", false;
    std::uint32_t size = layout.sizeOf(t->element);
    for (std::int64_t i = 0; i < n; ++i)
      if (!sameFlat(layout, p, t->element, ptr(a) + i * size, ptr(b) + i * size, why)) return false;
    return true;
  }
  case ir::TypeKind::Struct: {
    const auto& s = layout.structure(t->index);
    const auto& decl = p.structs[t->index];
    for (std::size_t f = 0; f < decl.fields.size(); ++f)
      if (!sameFlat(layout, p, decl.fields[f].type, a + s.offsets[f], b + s.offsets[f], why)) return false;
    return true;
  }
  case ir::TypeKind::Optional:
    if (a[0] != b[0]) return why = "presence", false;
    return !a[0] || sameFlat(layout, p, t->element, a + layout.payloadOffset(t), b + layout.payloadOffset(t), why);
  default: {
    std::uint32_t n = layout.sizeOf(t);
    if (std::memcmp(a, b, n) != 0) return why = "scalar bytes", false;
    return true;
  }
  }
}

// Builds, serialises and reloads the parameter set of `program`, and
// checks both are the same, value by value.
void roundTrip(const ir::Program& program, const std::string& name) {
  codegen::Layout layout(program);
  jit::internal::BlockStore store;
  auto built = jit::internal::buildParams(program, layout, store);
  std::vector<std::uint8_t> blob = jit::internal::serializeParams(*built, program, layout);
  std::string why;
  auto loaded = rt::loadParams(blob.data(), blob.size(), why);
  ASSERT_TRUE(loaded) << name << ": " << why;
  ASSERT_EQ(built->params.size(), loaded->params.size()) << name;
  for (std::size_t i = 0; i < built->params.size(); ++i) {
    const auto& a = built->params[i];
    const auto& b = loaded->params[i];
    const ir::Type* t = program.parameters[i].type;
    SCOPED_TRACE(name + ": paramètre " + program.parameters[i].name);
    EXPECT_EQ(a.isTable, b.isTable);
    EXPECT_EQ(a.keyCount, b.keyCount);
    EXPECT_EQ(a.key1, b.key1);
    EXPECT_EQ(a.key2, b.key2);
    ASSERT_EQ(a.versions.size(), b.versions.size());
    for (std::size_t v = 0; v < a.versions.size(); ++v) {
      const auto& x = a.versions[v];
      const auto& y = b.versions[v];
      EXPECT_EQ(x.from, y.from);
      EXPECT_EQ(x.to, y.to);
      EXPECT_EQ(x.columns, y.columns);
      EXPECT_EQ(x.present, y.present);
      EXPECT_EQ(x.cellSize, y.cellSize);
      ASSERT_EQ(x.rows.size(), y.rows.size());
      for (std::size_t r = 0; r < x.rows.size(); ++r) {
        EXPECT_EQ(x.rows[r].hasFrom, y.rows[r].hasFrom);
        EXPECT_EQ(x.rows[r].hasTo, y.rows[r].hasTo);
        EXPECT_EQ(x.rows[r].toInclusive, y.rows[r].toInclusive);
        EXPECT_TRUE(x.rows[r].from == y.rows[r].from && x.rows[r].to == y.rows[r].to);
        EXPECT_EQ(x.rows[r].enumValue, y.rows[r].enumValue);
        EXPECT_EQ(x.rows[r].text, y.rows[r].text);
      }
      ASSERT_EQ(x.scalar.size(), y.scalar.size());
      std::string diff;
      if (!x.scalar.empty()) {
        EXPECT_TRUE(sameFlat(layout, program, t, x.scalar.data(), y.scalar.data(), diff)) << diff;
      }
      ASSERT_EQ(x.cells.size(), y.cells.size());
      for (std::size_t c = 0; x.cellSize && c < x.cells.size() / x.cellSize; ++c)
        if (x.present[c]) {
          EXPECT_TRUE(
              sameFlat(layout, program, t, x.cells.data() + c * x.cellSize, y.cells.data() + c * y.cellSize, diff))
              << "cellule " << c << " : " << diff;
        }
    }
  }
}

const char* kParams = R"(
politique "Paramètres de toutes les formes"
en vigueur du 2024-01-01
schéma { demande : Demande }
énumération Zone { a "A"  b "B" }
structure Demande { id : texte  zone : Zone  n : entier  taux : décimal  depot : date }
structure Pieces { min : entier  max : entier }

paramètre seuil : montant annuel
  depuis 2024-01-01 : 9_105 €/an
  depuis 2025-01-01 : 9_500 €/an
paramètre communes : liste de texte
  depuis 2024-01-01 : ["Valmont", "Saint-Aubin", ""]
paramètre vides : liste de texte
  depuis 2024-01-01 : []
paramètre nom : texte
  depuis 2024-01-01 : "Métropole"
paramètre pieces : barème (personnes : 1..) → (min : entier, max : entier)
  depuis 2024-01-01 :
    personnes | pieces
    1         | (1, 2)
    de 2 à 4  | (2, 4)
    5 et plus | (4, 7)
paramètre bonus : barème (taux : décimal) → points
  depuis 2024-01-01 :
    taux                    | points
    moins de 33 %           | 0 points
    de 33 % à moins de 40 % | 20 points
    40 % et plus            | 50 points
paramètre par_epci : barème (epci : texte) → montant annuel
  depuis 2024-01-01 :
    epci        | seuil
    "200000001" | 9_500 €/an
    "200000002" | 10_120 €/an
paramètre plafond : barème (categorie : 1..2, zone : Zone) → montant annuel
  depuis 2024-01-01 :
    categorie | a           | b
    1         | 20_000 €/an | —
    2         | 30_000 €/an | 25_000 €/an
paramètre dates : barème (depot : date) → points
  depuis 2024-01-01 :
    depot                          | points
    moins de 2020-01-01            | 10 points
    de 2020-01-01 à moins de 2030-01-01 | 5 points
    2030-01-01 et plus             | 0 points

cotation c {
  critère x = bonus[demande.taux] + dates[demande.depot] + 1 point × pieces[demande.n].min
}
)";

TEST(ParamsBlob, AllShapesRoundTrip) {
  auto c = loge::testing::compileSource(kParams);
  ASSERT_TRUE(c->program) << c->rendered();
  roundTrip(*c->program, "formes");
}

TEST(ParamsBlob, ShippedPoliciesRoundTrip) {
  const fs::path root = LOGE_REPO_ROOT;
  std::size_t count = 0;
  for (const char* dir : {"policies", "examples", "bench", "tests/lang"}) {
    if (!fs::exists(root / dir)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root / dir)) {
      if (e.path().extension() != ".loge") continue;
      SourceManager sources;
      DiagnosticEngine diags;
      auto p = sema::check(e.path().string(), sources, diags);
      if (!p) continue; // fragments and policies that do not check are not this test's business
      roundTrip(*p, e.path().string());
      ++count;
    }
  }
  EXPECT_GT(count, 5u);
}

TEST(ParamsBlob, DamagedBlobsAreRefused) {
  auto c = loge::testing::compileSource(kParams);
  ASSERT_TRUE(c->program) << c->rendered();
  codegen::Layout layout(*c->program);
  jit::internal::BlockStore store;
  auto built = jit::internal::buildParams(*c->program, layout, store);
  std::vector<std::uint8_t> blob = jit::internal::serializeParams(*built, *c->program, layout);
  std::string why;
  // Every truncation is refused (the last byte is part of a relocation).
  for (std::size_t n = 0; n < blob.size(); ++n) {
    std::vector<std::uint8_t> cut(blob.begin(), blob.begin() + static_cast<std::ptrdiff_t>(n));
    EXPECT_FALSE(rt::loadParams(cut.data(), cut.size(), why)) << "tronqué à " << n;
    EXPECT_FALSE(why.empty());
  }
  // Flipped bytes: refused or loaded, but never a crash (ASan builds check
  // the "never reads out of bounds" part).
  for (std::size_t i = 0; i < blob.size(); ++i) {
    std::vector<std::uint8_t> bad = blob;
    bad[i] ^= 0xFF;
    (void)rt::loadParams(bad.data(), bad.size(), why);
  }
  std::vector<std::uint8_t> foreign = blob;
  foreign[0] = 'X';
  EXPECT_FALSE(rt::loadParams(foreign.data(), foreign.size(), why));
  EXPECT_FALSE(rt::loadParams(nullptr, 0, why));
}

} // namespace
