// Ingest tests: JSON Lines and JSON files, error collection, rendering and
// the 10k-line volume.
#include "test_util.h"

#include <fmt/format.h>

#include <chrono>

namespace loge::ingest::test {
namespace {

using interp::Value;

const Value& at(const Value& record, std::size_t field) { return record.rec->fields[field]; }
num::Decimal dec(const char* text) { return *num::Decimal::parse(text); }

const std::string kLogement = R"({"id": "L1", "loyer_mensuel": "520.00"})";

TEST(JsonLines, ReadsTheBenchSample) {
  const TestSchema s = makeSchema(false);
  interp::Arena arena;
  Dataset data;
  std::vector<IngestError> errors;
  ASSERT_TRUE(readJsonLines(*s.program, s.demande, LOGE_INGEST_DATA_DIR "/demandes_sample.jsonl", arena, data, errors))
      << (errors.empty() ? "" : errors[0].render());
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(data.records.size(), 12u);
  ASSERT_EQ(data.ids.size(), 12u);
  EXPECT_EQ(data.ids[0], "D00000001");
  EXPECT_EQ(data.ids[8], "D90000005");
  EXPECT_EQ(data.ids[11], "D90000170");
  EXPECT_EQ(at(at(data.records[0], 2), 4).asDecimal(), dec("2052.42"));
  EXPECT_EQ(at(at(data.records[8], 2), 4).asDecimal(), dec("1485.71428"));
  EXPECT_EQ(at(at(data.records[9], 2), 4).asDecimal(), dec("0"));
  EXPECT_EQ(at(at(data.records[9], 4), 1).asDecimal(), dec("0.01"));
  EXPECT_TRUE(at(data.records[11], 4).isAbsent());
  EXPECT_EQ(at(data.records[11], 1).asDate(), *num::Date::parse("2022-07-09"));
}

TEST(JsonLines, BlankLinesCrLfBomAndMissingFinalNewline) {
  const TestSchema s = makeSchema(false);
  TempDir dir;
  const std::string path =
      dir.write("l.jsonl", "\xEF\xBB\xBF" + kLogement + "\r\n\r\n   \n\t\n" + R"({"id": "L2", "loyer_mensuel": 1})" +
                               "\n\n" + R"({"id": "L3", "loyer_mensuel": "3.5"})");
  interp::Arena arena;
  Dataset data;
  std::vector<IngestError> errors;
  ASSERT_TRUE(readJsonLines(*s.program, s.logement, path, arena, data, errors));
  ASSERT_EQ(data.ids, (std::vector<std::string>{"L1", "L2", "L3"}));
  EXPECT_EQ(at(data.records[2], 1).asDecimal(), dec("3.5"));
}

TEST(JsonLines, BomOnlyOnTheFirstLine) {
  const TestSchema s = makeSchema(false);
  TempDir dir;
  const std::string path = dir.write("l.jsonl", kLogement + "\n\xEF\xBB\xBF" + kLogement + "\n");
  interp::Arena arena;
  Dataset data;
  std::vector<IngestError> errors;
  EXPECT_FALSE(readJsonLines(*s.program, s.logement, path, arena, data, errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].render(),
            path +
                ":2:1: erreur: JSON invalide : attendu une valeur, trouvé une marque d'ordre des octets (BOM, U+FEFF)");
}

TEST(JsonLines, EveryBadLineIsReportedAndGoodLinesKept) {
  const TestSchema s = makeSchema(false);
  TempDir dir;
  const std::string path = dir.write("demandes.jsonl", kLogement + "\n" + R"({"id": "L2", "loyer_mensuel": "1,5"})" +
                                                           "\n\n" + R"({"id": "L3", "loyer_mensuel": "2"})" + "\n" +
                                                           "{\n" + R"({"id": 4, "loyer_mensuel": "2"})" + "\n");
  interp::Arena arena;
  Dataset data;
  std::vector<IngestError> errors;
  EXPECT_FALSE(readJsonLines(*s.program, s.logement, path, arena, data, errors));
  EXPECT_EQ(data.ids, (std::vector<std::string>{"L1", "L3"}));
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].render(), path + ":2:31: erreur: champ `loyer_mensuel` : attendu un montant, trouvé le texte "
                                       "\"1,5\" (écrire un nombre décimal avec un point, sans espace ni exposant, par "
                                       "exemple \"1650.00\")");
  EXPECT_EQ(errors[1].render(), path + ":5:2: erreur: JSON invalide : fin de ligne inattendue (en JSON Lines, "
                                       "chaque enregistrement tient sur une seule ligne)");
  EXPECT_EQ(errors[2].line, 6u);
  EXPECT_EQ(errors[2].column, 8u);
  EXPECT_EQ(errors[2].path, "id");
  EXPECT_EQ(errors[2].file, path);
}

TEST(JsonLines, EveryProblemOfALineInOnePass) {
  const TestSchema s = makeSchema(false);
  TempDir dir;
  // A wrong type, an unknown field whose value is nested, a duplicate, a
  // missing field; then a line whose meaning error is followed by a syntax
  // error, which stops its reading; then a good line.
  const std::string path =
      dir.write("l.jsonl", std::string(R"({"id": 7, "autre": {"a": [1, {"b": "}"}]}, "id": "L1"})") + "\n" +
                               R"({"id": "L2", "loyer_mensuel": true "x": 1})" + "\n" + kLogement + "\n");
  interp::Arena arena;
  Dataset data;
  std::vector<IngestError> errors;
  EXPECT_FALSE(readJsonLines(*s.program, s.logement, path, arena, data, errors));
  EXPECT_EQ(data.ids, (std::vector<std::string>{"L1"}));
  std::vector<std::string> shown;
  for (const IngestError& e : errors)
    shown.push_back(fmt::format("{}:{} [{}] {}", e.line, e.column, e.path, e.message));
  EXPECT_EQ(shown, (std::vector<std::string>{
                       "1:8 [id] attendu un texte, trouvé le nombre 7",
                       "1:11 [] champ inconnu `autre` (la structure `Logement` a : id, loyer_mensuel)",
                       "1:44 [id] champ en double dans l'objet",
                       "1:1 [loyer_mensuel] champ obligatoire absent",
                       "2:31 [loyer_mensuel] attendu un montant, trouvé le booléen true",
                       "2:36 [] JSON invalide : virgule manquante entre deux champs",
                   }));
}

TEST(JsonLines, ProblemsInListItemsKeepTheirIndex) {
  const TestSchema s = makeSchema(true);
  TempDir dir;
  std::string line = replaced(kDemande, R"("age": 34)", R"("age": 200)");
  line = replaced(line, R"("lien": "enfant")", R"("lien": "cousin")");
  line = replaced(line, R"("statut": "hébergé", )", "");
  const std::string path = dir.write("l.jsonl", line + "\n");
  interp::Arena arena;
  Dataset data;
  std::vector<IngestError> errors;
  EXPECT_FALSE(readJsonLines(*s.program, s.demande, path, arena, data, errors));
  std::vector<std::string> paths;
  for (const IngestError& e : errors) paths.push_back(e.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"personnes[0].age", "personnes[1].lien", "statut"})) << errors[0].render();
}

TEST(JsonLines, AtMostTwentyProblemsPerLine) {
  const TestSchema s = makeSchema(false);
  std::string line = R"({"id": "L1", "loyer_mensuel": "1")";
  for (int i = 0; i < 30; ++i) line += fmt::format(R"(, "x{}": 0)", i);
  TempDir dir;
  const std::string path = dir.write("l.jsonl", line + "}\n");
  interp::Arena arena;
  Dataset data;
  std::vector<IngestError> errors;
  EXPECT_FALSE(readJsonLines(*s.program, s.logement, path, arena, data, errors));
  ASSERT_EQ(errors.size(), 20u);
  EXPECT_EQ(errors[19].message.substr(0, 18), "champ inconnu `x19");
}

TEST(JsonLines, ErrorsBeyondTheLimitAreCounted) {
  const TestSchema s = makeSchema(false);
  std::string content;
  for (int i = 0; i < 30; ++i) content += "[]\n" + kLogement + "\n";
  TempDir dir;
  const std::string path = dir.write("l.jsonl", content);
  interp::Arena arena;
  Dataset data;
  std::vector<IngestError> errors;
  EXPECT_FALSE(readJsonLines(*s.program, s.logement, path, arena, data, errors, 5));
  EXPECT_EQ(data.records.size(), 30u);
  ASSERT_EQ(errors.size(), 6u);
  EXPECT_EQ(errors[4].line, 9u);
  EXPECT_EQ(errors[4].message, "attendu un objet `Logement`, trouvé une liste");
  EXPECT_EQ(errors[5].line, 0u);
  EXPECT_EQ(errors[5].message, "25 autre(s) ligne(s) en erreur non détaillée(s)");
  EXPECT_EQ(errors[5].render(), path + ": erreur: 25 autre(s) ligne(s) en erreur non détaillée(s)");
}

TEST(JsonLines, OverlongLinesAreSkippedWithoutParsing) {
  const TestSchema s = makeSchema(false);
  // Exactly at the limit: accepted. One byte more: refused, and reading goes on.
  const std::string prefix = R"({"id": ")", suffix = R"(", "loyer_mensuel": "1"})";
  const std::string atLimit = prefix + std::string(kMaxLineBytes - prefix.size() - suffix.size(), 'x') + suffix;
  ASSERT_EQ(atLimit.size(), kMaxLineBytes);
  const std::string tooLong = prefix + std::string(kMaxLineBytes - prefix.size() - suffix.size() + 1, 'x') + suffix;
  TempDir dir;
  const std::string path =
      dir.write("l.jsonl", atLimit + "\r\n" + tooLong + "\n" + kLogement + "\n" + std::string(3 * kMaxLineBytes, '{'));
  interp::Arena arena;
  Dataset data;
  std::vector<IngestError> errors;
  EXPECT_FALSE(readJsonLines(*s.program, s.logement, path, arena, data, errors));
  ASSERT_EQ(data.ids.size(), 2u);
  EXPECT_EQ(data.ids[0].size(), kMaxLineBytes - prefix.size() - suffix.size());
  EXPECT_EQ(data.ids[1], "L1");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].render(), path + ":2: erreur: ligne trop longue (plus de 1048576 octets)");
  EXPECT_EQ(errors[1].line, 4u);
  EXPECT_EQ(errors[1].message, "ligne trop longue (plus de 1048576 octets)");
}

TEST(JsonLines, FilesThatCannotBeRead) {
  const TestSchema s = makeSchema(false);
  TempDir dir;
  interp::Arena arena;
  Dataset data;
  std::vector<IngestError> errors;
  EXPECT_FALSE(readJsonLines(*s.program, s.logement, dir.path("absent.jsonl"), arena, data, errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].render(),
            dir.path("absent.jsonl") + ": erreur: impossible d'ouvrir le fichier : fichier introuvable");
  errors.clear();
  std::filesystem::create_directories(dir.path("rep"));
  EXPECT_FALSE(readJsonLines(*s.program, s.logement, dir.path("rep"), arena, data, errors));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "lecture du fichier impossible : c'est un répertoire, pas un fichier");

  // An empty file is an empty data set.
  errors.clear();
  EXPECT_TRUE(readJsonLines(*s.program, s.logement, dir.write("vide.jsonl", ""), arena, data, errors));
  EXPECT_TRUE(data.records.empty());
  EXPECT_TRUE(errors.empty());
}

TEST(JsonLines, IdsAreEmptyWithoutAnIdField) {
  const TestSchema s = makeSchema(false);
  TempDir dir;
  const std::string path = dir.write("l.jsonl", R"({"surface_m2": "9", "loyer_mensuel": "1"})"
                                                "\n");
  interp::Arena arena;
  Dataset data;
  std::vector<IngestError> errors;
  ASSERT_TRUE(readJsonLines(*s.program, s.logementActuel, path, arena, data, errors));
  EXPECT_EQ(data.ids, (std::vector<std::string>{""}));
}

TEST(JsonFile, ReadsOneObject) {
  const TestSchema s = makeSchema(false);
  interp::Arena arena;
  Value v;
  IngestError e;
  ASSERT_TRUE(readJsonFile(*s.program, s.logement, LOGE_INGEST_DATA_DIR "/logement.json", arena, v, e)) << e.render();
  EXPECT_EQ(*at(v, 0).text, "L0001");
  EXPECT_EQ(at(v, 1).asDecimal(), dec("520"));
}

TEST(JsonFile, Errors) {
  const TestSchema s = makeSchema(false);
  TempDir dir;
  interp::Arena arena;
  Value v;
  IngestError e;
  const std::string bad = dir.write("l.json", "\xEF\xBB\xBF{\n  \"id\": \"L1\",\n  \"loyer_mensuel\": \"5 €\"\n}\n");
  EXPECT_FALSE(readJsonFile(*s.program, s.logement, bad, arena, v, e));
  EXPECT_EQ(e.render(),
            bad + ":3:20: erreur: champ `loyer_mensuel` : attendu un montant, trouvé le texte \"5 €\" "
                  "(écrire un nombre décimal avec un point, sans espace ni exposant, par exemple \"1650.00\")");

  const std::string two = dir.write("two.json", kLogement + "\n" + kLogement + "\n");
  EXPECT_FALSE(readJsonFile(*s.program, s.logement, two, arena, v, e));
  EXPECT_EQ(e.render(), two + ":2:1: erreur: JSON invalide : texte en trop après la fin de l'objet");

  const std::string cut = dir.write("cut.json", "{\n  \"id\": \"L1\",\n");
  EXPECT_FALSE(readJsonFile(*s.program, s.logement, cut, arena, v, e));
  EXPECT_EQ(e.render(), cut + ":3:1: erreur: JSON invalide : fin de fichier inattendue");

  EXPECT_FALSE(readJsonFile(*s.program, s.logement, dir.write("empty.json", " \n"), arena, v, e));
  EXPECT_EQ(e.message, "fichier vide : un objet JSON attendu");
  EXPECT_EQ(e.line, 0u);

  EXPECT_FALSE(readJsonFile(*s.program, s.logement, dir.path("absent.json"), arena, v, e));
  EXPECT_EQ(e.message, "impossible d'ouvrir le fichier : fichier introuvable");
  EXPECT_FALSE(readJsonFile(*s.program, s.logement, dir.path(""), arena, v, e));
  EXPECT_EQ(e.message, "lecture du fichier impossible : c'est un répertoire, pas un fichier");
}

TEST(Render, Shapes) {
  IngestError e;
  e.message = "m";
  EXPECT_EQ(e.render(), "<entrée>: erreur: m");
  e.file = "d.jsonl";
  e.line = 12;
  EXPECT_EQ(e.render(), "d.jsonl:12: erreur: m");
  e.column = 5;
  e.path = "menage.nb_adultes";
  EXPECT_EQ(e.render(), "d.jsonl:12:5: erreur: champ `menage.nb_adultes` : m");
}

// Deterministic demandes in the bench's format (gen_demandes.py's shape).
std::string generateDemandes(std::size_t count, num::Decimal& sumRessources) {
  std::mt19937 rng(20250630);
  std::string out;
  out.reserve(count * 460);
  sumRessources = num::Decimal();
  for (std::size_t i = 1; i <= count; ++i) {
    const unsigned cents = rng() % 400000;
    const std::string ressources = std::to_string(cents / 100) + "." + std::to_string(100 + cents % 100).substr(1);
    num::Decimal next;
    EXPECT_EQ(num::add(sumRessources, *num::Decimal::parse(ressources), next), num::Status::Ok);
    sumRessources = next;
    const bool logement = rng() % 4 != 0;
    out += fmt::format(
        R"({{"id": "D{:08}", "date_depot": "20{:02}-{:02}-{:02}", "menage": {{"nb_adultes": {}, "nb_enfants": {}, )"
        R"("age_demandeur": {}, "revenu_fiscal_reference": {}, "ressources_mensuelles": "{}", "handicap": {}, )"
        R"("grossesse": false}}, "situation": {{"dalo": {}, "sans_logement": false, "hebergement_structure": false, )"
        R"("violences": false, "logement_indigne": false, "expulsion": false, "refus_propositions": {}}}, )"
        R"("logement_actuel": {}}})"
        "\n",
        i, 14 + rng() % 11, 1 + rng() % 12, 1 + rng() % 28, 1 + rng() % 2, rng() % 5, 18 + rng() % 80, rng() % 60000,
        ressources, rng() % 10 == 0 ? "true" : "false", rng() % 20 == 0 ? "true" : "false", rng() % 3,
        logement ? fmt::format(R"({{"surface_m2": "{}.{}", "loyer_mensuel": "{}.{:02}"}})", 9 + rng() % 90, rng() % 10,
                               200 + rng() % 900, rng() % 100)
                 : std::string("null"));
  }
  return out;
}

TEST(JsonLines, TenThousandLines) {
  const TestSchema s = makeSchema(false);
  num::Decimal expectedSum;
  TempDir dir;
  const std::string path = dir.write("demandes_10k.jsonl", generateDemandes(10000, expectedSum));
  interp::Arena arena;
  Dataset data;
  std::vector<IngestError> errors;
  const auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(readJsonLines(*s.program, s.demande, path, arena, data, errors))
      << (errors.empty() ? "" : errors[0].render());
  const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  RecordProperty("seconds", std::to_string(elapsed));
  ASSERT_EQ(data.records.size(), 10000u);
  EXPECT_EQ(data.ids.front(), "D00000001");
  EXPECT_EQ(data.ids.back(), "D00010000");
  num::Decimal sum;
  for (const Value& d : data.records) ASSERT_EQ(num::add(sum, at(at(d, 2), 4).asDecimal(), sum), num::Status::Ok);
  EXPECT_EQ(sum, expectedSum); // exact to the cent, no float drift
  // Well under a second in optimised builds; generous for debug and sanitizer builds.
  EXPECT_LT(elapsed, 5.0);
}

} // namespace
} // namespace loge::ingest::test
