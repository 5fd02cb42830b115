// Ingest tests: malformed JSON, non-UTF-8 text and resource limits.
//
// Syntax errors have no field path: the line and byte column locate them.
#include "test_util.h"

namespace loge::ingest::test {
namespace {

struct Case {
  std::string json;
  std::string message; // without the "JSON invalide : " prefix when `invalidJson`
  std::size_t column;
  bool invalidJson = true;
};

void check(const TestSchema& s, std::uint32_t index, const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    const IngestError e = readFailure(s, index, c.json);
    EXPECT_EQ(e.message, (c.invalidJson ? "JSON invalide : " : "") + c.message) << c.json;
    EXPECT_EQ(e.line, 1u) << c.json;
    EXPECT_EQ(e.column, c.column) << c.json;
    EXPECT_EQ(e.path, "") << c.json;
  }
}

TEST(SyntaxErrors, Punctuation) {
  const TestSchema s = makeSchema(false);
  check(
      s, s.logement,
      {
          {R"({"id": "L1" "loyer_mensuel": "1"})", "virgule manquante entre deux champs", 13},
          {R"({"id": "L1", "loyer_mensuel": "1",})", "virgule en trop avant « } »", 35},
          {R"({"id": "L1", "loyer_mensuel" "1"})", R"(deux-points manquant après le nom de champ "loyer_mensuel")", 30},
          {R"({"id": "L1", "loyer_mensuel": "1")", "fin du texte inattendue", 34},
          {R"({"id": "L1", "loyer_mensuel": "1"}})", "texte en trop après la fin de l'objet", 35},
          {R"({"id": "L1", "loyer_mensuel": "1"} x)", "texte en trop après la fin de l'objet", 36},
          {R"({id: "L1"})", "attendu un nom de champ entre guillemets, trouvé « i »", 2},
          {R"({'id': "L1"})", "attendu un nom de champ entre guillemets, trouvé « ' »", 2},
          {R"({"id": "L1, "loyer_mensuel": "1"})", "attendu « , » ou « } », trouvé « l »", 14},
          {R"({"id": "L1", "loyer_mensuel": })", "valeur manquante avant « } »", 31},
          {R"({"id": , "loyer_mensuel": "1"})", "valeur manquante avant « , »", 8},
          {R"({"id": "L1"; "loyer_mensuel": "1"})", "attendu « , » ou « } », trouvé « ; »", 12},
          {"{", "fin du texte inattendue", 2},
          {R"({"id")", "fin du texte inattendue", 6},
          {R"({"id":)", "fin du texte inattendue", 7},
          {"{\x01}", "attendu un nom de champ entre guillemets, trouvé le caractère de contrôle U+0001", 2},
          {"{\"id\": \"L1\", é}", "attendu un nom de champ entre guillemets, trouvé « é »", 14},
      });
}

TEST(SyntaxErrors, Numbers) {
  const TestSchema s = makeSchema(false);
  std::vector<Case> cases;
  for (const std::string bad : {"01", "1.", "-", "-x", "1.5.2", "12abc", "1e", "1e+", "--1", "0x10", "1_000"}) {
    cases.push_back({R"({"id": "L1", "loyer_mensuel": )" + bad + "}", "nombre mal formé « " + bad + " »", 31});
  }
  for (const std::string bad : {".5", "+1"}) {
    cases.push_back({R"({"id": "L1", "loyer_mensuel": )" + bad + "}", "nombre mal formé « " + bad + " »", 31});
  }
  check(s, s.logement, cases);
}

TEST(SyntaxErrors, Words) {
  const TestSchema s = makeSchema(false);
  const std::string hint = " (un texte s'écrit entre guillemets ; les booléens s'écrivent true et false)";
  std::vector<Case> cases;
  for (const std::string bad : {"tru", "True", "NaN", "Infinity", "nul", "nulll", "vrai", "L1"}) {
    cases.push_back({R"({"id": "L1", "loyer_mensuel": )" + bad + "}", "valeur invalide « " + bad + " »" + hint, 31});
    cases.push_back({R"({"id": )" + bad + R"(, "loyer_mensuel": "1"})", "valeur invalide « " + bad + " »" + hint, 8});
  }
  check(s, s.logement, cases);
}

TEST(SyntaxErrors, Strings) {
  const TestSchema s = makeSchema(false);
  check(s, s.logement,
        {
            {R"({"id": "L1)", "texte sans guillemet fermant", 8},
            {R"({"id": "L1\)", "texte sans guillemet fermant", 8},
            {"{\"id\": \"L\x01\"}", "caractère de contrôle U+0001 dans un texte (à écrire échappé)", 10},
            {"{\"id\": \"L\t\"}", "caractère de contrôle U+0009 dans un texte (à écrire échappé)", 10},
            {R"({"id": "L\q"})", "séquence d'échappement invalide « \\q »", 10},
            {R"({"id": "L\x41"})", "séquence d'échappement invalide « \\x »", 10},
            {R"({"id": "\u12"})", "séquence \\u invalide (4 chiffres hexadécimaux attendus)", 9},
            {R"({"id": "\u12G4"})", "séquence \\u invalide (4 chiffres hexadécimaux attendus)", 9},
            {R"({"id": "\ud800"})", "séquence \\u invalide (première moitié d'une paire UTF-16 isolée)", 9},
            {R"({"id": "\ud800\u0041"})", "séquence \\u invalide (première moitié d'une paire UTF-16 isolée)", 9},
            {R"({"id": "\udc00"})", "séquence \\u invalide (seconde moitié d'une paire UTF-16 isolée)", 9},
        });
  // Escaped, a control character is valid JSON but still not text: a NUL
  // cut the outputs that show the id.
  check(
      s, s.logement,
      {
          {R"({"id": "L\u0000"})",
           "caractère de contrôle U+0000 (\\u0000) dans un texte : les textes des données n'en contiennent pas", 10,
           false},
          {R"({"id": "\u001b[31m"})",
           "caractère de contrôle U+001B (\\u001b) dans un texte : les textes des données n'en contiennent pas", 9,
           false},
          {R"({"id": "L\b"})",
           "caractère de contrôle U+0008 (\\b) dans un texte : les textes des données n'en contiennent pas", 10, false},
      });
}

TEST(SyntaxErrors, NotUtf8) {
  const TestSchema s = makeSchema(false);
  check(s, s.logement,
        {
            {"{\"id\": \"L\xE9\"}", "texte non encodé en UTF-8 (octet 0xE9)", 10, false},       // Latin-1 é
            {"{\"id\": \"\xC0\xAF\"}", "texte non encodé en UTF-8 (octet 0xC0)", 9, false},     // overlong
            {"{\"id\": \"\xED\xA0\x80\"}", "texte non encodé en UTF-8 (octet 0xED)", 9, false}, // surrogate
            {"{\"id\": \"\xF4\x90\x80\x80\"}", "texte non encodé en UTF-8 (octet 0xF4)", 9, false},
            {"{\"id\": \"\xE2\x82\"}", "texte non encodé en UTF-8 (octet 0xE2)", 9, false}, // truncated
            {"{\"id\": \"\x80\"}", "texte non encodé en UTF-8 (octet 0x80)", 9, false},
            {"{\xFF}", "texte non encodé en UTF-8 (octet 0xFF)", 2, false},
            {"{\"id\": \"L1\", \"loyer_mensuel\": \xFF}", "texte non encodé en UTF-8 (octet 0xFF)", 31, false},
        });
}

TEST(SyntaxErrors, Lists) {
  const TestSchema s = makeSchema(true);
  auto personnes = [&](const std::string& list) {
    const std::size_t from = kDemande.find("[{");
    const std::size_t to = kDemande.find("}]") + 2;
    return kDemande.substr(0, from) + list + kDemande.substr(to);
  };
  const std::string p = R"({"prenom": "A", "age": 1, "lien": "enfant"})";
  const std::size_t at = kDemande.find("[{") + 1; // column of '['
  std::vector<Case> cases = {
      {personnes("[" + p + " " + p + "]"), "virgule manquante entre deux éléments", at + p.size() + 2},
      {personnes("[" + p + ",]"), "virgule en trop avant « ] »", at + p.size() + 2},
      {personnes("[" + p + ";]"), "attendu « , » ou « ] », trouvé « ; »", at + p.size() + 1},
      {personnes("[,]"), "valeur manquante avant « , »", at + 1},
  };
  check(s, s.demande, cases);
}

TEST(SyntaxErrors, PositionsInMultiLineText) {
  const TestSchema s = makeSchema(false);
  const IngestError e = readFailure(s, s.logement, "{\n  \"id\": \"L1\",\n  \"loyer_mensuel\": x\n}");
  EXPECT_EQ(e.line, 3u);
  EXPECT_EQ(e.column, 20u);
  const IngestError end = readFailure(s, s.logement, "{\n  \"id\": \"L1\"\n");
  EXPECT_EQ(end.message, "JSON invalide : fin du texte inattendue");
  EXPECT_EQ(end.line, 3u);
  EXPECT_EQ(end.column, 1u);
}

TEST(SyntaxErrors, NestingDepthIsBounded) {
  // A recursive schema: Noeud { enfants : liste de Noeud }.
  ir::Program p;
  ir::StructDecl noeud;
  noeud.name = "Noeud";
  ir::FieldDecl enfants;
  enfants.name = "enfants";
  enfants.type = p.types.list(p.types.structure(0));
  noeud.fields.push_back(enfants);
  p.structs.push_back(noeud);

  auto nested = [](std::size_t depth) {
    std::string json;
    for (std::size_t i = 0; i < depth; ++i) json += R"({"enfants": [)";
    json += R"({"enfants": []})";
    for (std::size_t i = 0; i < depth; ++i) json += "]}";
    return json;
  };
  interp::Arena arena;
  interp::Value v;
  IngestError e;
  EXPECT_TRUE(readRecord(p, 0, nested(20), arena, v, e)) << e.render();
  EXPECT_FALSE(readRecord(p, 0, nested(10000), arena, v, e));
  EXPECT_EQ(e.message, "imbrication trop profonde (plus de 64 niveaux)");
}

TEST(SyntaxErrors, ListLengthIsBounded) {
  // Noeud { enfants : liste de Noeud }: a list of kMaxListItems empty nodes
  // is read, one more is refused at the list's opening bracket.
  ir::Program p;
  ir::StructDecl noeud;
  noeud.name = "Noeud";
  ir::FieldDecl enfants;
  enfants.name = "enfants";
  enfants.type = p.types.list(p.types.structure(0));
  noeud.fields.push_back(enfants);
  p.structs.push_back(noeud);

  auto wide = [](std::size_t n) {
    std::string json = R"({"enfants": [)";
    for (std::size_t i = 0; i < n; ++i) json += i ? R"(, {"enfants": []})" : R"({"enfants": []})";
    return json + "]}";
  };
  interp::Arena arena;
  interp::Value v;
  IngestError e;
  EXPECT_TRUE(readRecord(p, 0, wide(kMaxListItems), arena, v, e)) << e.render();
  EXPECT_EQ(v.rec->fields[0].lst->items.size(), kMaxListItems);
  EXPECT_FALSE(readRecord(p, 0, wide(kMaxListItems + 1), arena, v, e));
  EXPECT_EQ(e.message, "liste trop longue (plus de 10000 éléments)");
  EXPECT_EQ(e.path, "enfants");
  EXPECT_EQ(e.column, 13u); // the list's `[`
}

} // namespace
} // namespace loge::ingest::test
