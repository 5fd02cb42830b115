// libloge: bad input through the API. Every failure is a status plus an
// error object with a French message and, where there is one, a location.
#include "capi_support.h"
#include "loge/loge.hpp"

#include <cstring>

using namespace capi_test;

namespace {

class Errors : public ::testing::Test {
protected:
  void SetUp() override {
    policy = loadPolicy(dataPath("api-test.loge"), LOGE_ENGINE_INTERPRETER);
    ASSERT_NE(policy, nullptr);
    ASSERT_EQ(loge_record_create(policy, LOGE_ROLE_DEMANDE, &record, nullptr), LOGE_OK);
  }
  void TearDown() override {
    loge_record_free(record);
    loge_policy_free(policy);
  }
  loge_status fromJson(const std::string& json, loge_record** out, loge_error** e) {
    return loge_record_from_json(policy, LOGE_ROLE_DEMANDE, json.data(), json.size(), out, e);
  }
  loge_policy* policy = nullptr;
  loge_record* record = nullptr;
};

TEST(PolicyErrors, DiagnosticsAreItemsWithLocations) {
  const std::string text = "politique \"P\"\nen vigueur du 2024-01-01\ndéfinition x : entier = y + 1\n"
                           "définition z : entier = vrai\n";
  loge_policy* p = nullptr;
  ErrorSlot e;
  ASSERT_EQ(loge_policy_load_source(text.data(), text.size(), "essai.loge", nullptr, &p, &e), LOGE_ERR_POLICY);
  EXPECT_EQ(p, nullptr);
  ASSERT_EQ(loge_error_count(e.e), 2u) << loge_error_text(e.e);
  const loge_error* first = loge_error_item(e.e, 0);
  EXPECT_EQ(str(loge_error_location(first).file), "essai.loge");
  EXPECT_EQ(loge_error_location(first).line, 3u);
  EXPECT_EQ(loge_error_location(first).column, 25u);
  EXPECT_EQ(str(loge_error_code(first)), "E0201");
  EXPECT_NE(str(loge_error_message(first)).find("y"), std::string::npos);
  EXPECT_EQ(loge_error_location(loge_error_item(e.e, 1)).line, 4u);
  EXPECT_EQ(loge_error_item(e.e, 2), nullptr);
  // The error's own message and location are its first item's.
  EXPECT_EQ(str(loge_error_message(e.e)), str(loge_error_message(first)));
  EXPECT_EQ(loge_error_location(e.e).line, 3u);
  EXPECT_NE(str(loge_error_text(e.e)).find("essai.loge:3:25"), std::string::npos) << loge_error_text(e.e);
}

TEST(PolicyErrors, MissingFileIsAnIoError) {
  loge_policy* p = nullptr;
  ErrorSlot e;
  EXPECT_EQ(loge_policy_load_file("/nonexistent/grille.loge", nullptr, &p, &e), LOGE_ERR_IO);
  EXPECT_NE(e.message().find("grille.loge"), std::string::npos) << e.message();
}

TEST(PolicyErrors, ImportsResolveNextToTheGivenPath) {
  const std::string text = "politique \"P\"\nen vigueur du 2024-01-01\nimporte \"api-test.loge\"\n";
  loge_policy* p = nullptr;
  ErrorSlot e;
  ASSERT_EQ(loge_policy_load_source(text.data(), text.size(), dataPath("racine.loge").c_str(), nullptr, &p, &e),
            LOGE_OK)
      << loge_error_text(e.e);
  loge_policy_free(p);
  ASSERT_EQ(loge_policy_load_source(text.data(), text.size(), "/nonexistent/racine.loge", nullptr, &p, &e),
            LOGE_ERR_POLICY);
  EXPECT_EQ(loge_error_location(e.e).line, 3u);
}

TEST(PolicyErrors, NotUtf8) {
  const std::string text = "politique \"\xff\"\n";
  loge_policy* p = nullptr;
  ErrorSlot e;
  EXPECT_EQ(loge_policy_load_source(text.data(), text.size(), nullptr, nullptr, &p, &e), LOGE_ERR_POLICY);
}

TEST_F(Errors, NullAndWrongHandles) {
  ErrorSlot e;
  size_t n = 0;
  EXPECT_EQ(loge_policy_rule_count(nullptr, &n, &e), LOGE_ERR_ARGUMENT);
  EXPECT_NE(e.message().find("pointeur nul"), std::string::npos);
  // A record passed where a policy is expected: the kind tag differs.
  EXPECT_EQ(loge_policy_rule_count(reinterpret_cast<const loge_policy*>(record), &n, &e), LOGE_ERR_ARGUMENT);
  EXPECT_NE(e.message().find("bon type"), std::string::npos) << e.message();
  EXPECT_EQ(loge_policy_rule_count(policy, nullptr, &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(loge_record_set_int(nullptr, "enfants", 1, &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(loge_evaluate(policy, nullptr, nullptr, "2025-01-01", nullptr, &e), LOGE_ERR_ARGUMENT);
  // NULL error slot: the status alone.
  EXPECT_EQ(loge_policy_rule_count(nullptr, &n, nullptr), LOGE_ERR_ARGUMENT);
  // Freeing NULL or a wrong kind does nothing.
  loge_policy_free(nullptr);
  loge_record_free(reinterpret_cast<loge_record*>(policy));
  size_t count = 0;
  EXPECT_EQ(loge_policy_rule_count(policy, &count, nullptr), LOGE_OK);
  // Error accessors accept NULL.
  EXPECT_STREQ(loge_error_message(nullptr), "");
  EXPECT_EQ(loge_error_count(nullptr), 0u);
}

TEST_F(Errors, IndicesOutOfRange) {
  const char* s = nullptr;
  ErrorSlot e;
  EXPECT_EQ(loge_policy_cotation_name(policy, 1, &s, &e), LOGE_ERR_ARGUMENT);
  EXPECT_NE(e.message().find("cotation n° 1 : hors limites"), std::string::npos);
  EXPECT_EQ(loge_policy_criterion_name(policy, 0, 5, &s, &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(loge_policy_rule_reference(policy, 0, 7, &s, &e), LOGE_ERR_ARGUMENT);
  size_t i = 0;
  EXPECT_EQ(loge_policy_find_rule(policy, "inconnue", &i, &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(loge_policy_find_rule(policy, "zones.zone", &i, &e), LOGE_OK);
}

// A decomposed accented letter is composed when set, as data files are.
TEST_F(Errors, TextsAreComposedWhenSet) {
  ErrorSlot e;
  ASSERT_EQ(loge_record_set_text(record, "id", "E\xCC\x81vry", &e), LOGE_OK) << e.message();
  const char* json = nullptr;
  ASSERT_EQ(loge_record_json(record, &json, &e), LOGE_OK);
  EXPECT_STREQ(json, "{\"id\":\"\xC3\x89vry\"}");
}

TEST_F(Errors, SettersCheckPathsTypesAndValues) {
  ErrorSlot e;
  EXPECT_EQ(loge_record_set_int(record, "enfant", 1, &e), LOGE_ERR_ARGUMENT);
  EXPECT_NE(e.message().find("champ inconnu `enfant`"), std::string::npos) << e.message();
  EXPECT_EQ(loge_record_set_text(record, "enfants", "deux", &e), LOGE_ERR_ARGUMENT);
  EXPECT_NE(e.message().find("de type entier"), std::string::npos) << e.message();
  EXPECT_EQ(loge_record_set_enum(record, "zone", "c", &e), LOGE_ERR_ARGUMENT);
  EXPECT_NE(e.message().find("a, b"), std::string::npos) << e.message();
  EXPECT_EQ(loge_record_set_date(record, "depot", "2025-02-30", &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(loge_record_set_decimal(record, "ressources", "1,5", &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(loge_record_set_decimal(record, "ressources", "1e3", &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(loge_record_set_absent(record, "ressources", &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(loge_record_set_text(record, "personnes[0].lien", "x", &e), LOGE_ERR_ARGUMENT);
  EXPECT_NE(e.message().find("la liste a 0"), std::string::npos) << e.message();
  EXPECT_EQ(loge_record_set_text(record, "id[", "x", &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(loge_record_set_text(record, "id..x", "x", &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(loge_record_set_text(record, "id.x", "x", &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(loge_record_set_text(record, "id", "\xc3(", &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(loge_record_set_text(record, "id", "a\x1b[31m", &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(e.message(), "champ `id` : caractère de contrôle U+001B dans le texte");
  // With a length, a NUL inside is seen (and refused), not the text's end.
  EXPECT_EQ(loge_record_set_text_n(record, "id", "ABC\0DEF", 7, &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(e.message(), "champ `id` : caractère de contrôle U+0000 dans le texte");
  try {
    loge::Policy cpp = loge::Policy::loadFile(dataPath("api-test.loge"), LOGE_ENGINE_INTERPRETER);
    loge::Record r = loge::Record::create(cpp, LOGE_ROLE_DEMANDE);
    r.setText("id", std::string("ABC\0DEF", 7));
    ADD_FAILURE() << "setText a accepté un NUL";
  } catch (const loge::Error& x) {
    EXPECT_EQ(x.status(), LOGE_ERR_ARGUMENT);
  }
  EXPECT_EQ(loge_record_append(record, "id", nullptr, &e), LOGE_ERR_ARGUMENT);
  // Failed setters leave the record as it was.
  const char* json = nullptr;
  ASSERT_EQ(loge_record_json(record, &json, &e), LOGE_OK);
  EXPECT_STREQ(json, "{}");
  // A record read from JSON is immutable.
  loge_record* fixed = nullptr;
  ASSERT_EQ(loge_record_from_json_file(policy, LOGE_ROLE_LOGEMENT, dataPath("logement.json").c_str(), &fixed, &e),
            LOGE_OK);
  EXPECT_EQ(loge_record_set_text(fixed, "id", "x", &e), LOGE_ERR_ARGUMENT);
  loge_record_free(fixed);
}

TEST_F(Errors, ValidationReportsMissingFieldsAndBounds) {
  ErrorSlot e;
  ASSERT_EQ(loge_record_set_text(record, "id", "X", &e), LOGE_OK);
  EXPECT_EQ(loge_record_validate(record, &e), LOGE_ERR_DATA);
  EXPECT_NE(e.message().find("depot"), std::string::npos) << e.message();
  ASSERT_EQ(loge_record_set_date(record, "depot", "2024-01-01", &e), LOGE_OK);
  ASSERT_EQ(loge_record_set_int(record, "enfants", -1, &e), LOGE_OK);
  ASSERT_EQ(loge_record_set_decimal(record, "ressources", "1000", &e), LOGE_OK);
  ASSERT_EQ(loge_record_set_bool(record, "dalo", 0, &e), LOGE_OK);
  ASSERT_EQ(loge_record_set_enum(record, "zone", "a", &e), LOGE_OK);
  EXPECT_EQ(loge_record_validate(record, &e), LOGE_ERR_DATA);
  EXPECT_EQ(str(loge_error_field(e.e)), "enfants");
  // Evaluating an invalid record gives the same error.
  loge_result* r = nullptr;
  EXPECT_EQ(loge_evaluate(policy, record, nullptr, "2025-01-01", &r, &e), LOGE_ERR_DATA);
  ASSERT_EQ(loge_record_set_int(record, "enfants", 1, &e), LOGE_OK);
  ASSERT_EQ(loge_record_set_int(record, "facteur", 0, &e), LOGE_OK);
  ASSERT_EQ(loge_record_clear_list(record, "personnes", &e), LOGE_OK);
  EXPECT_EQ(loge_record_validate(record, &e), LOGE_ERR_DATA);
  EXPECT_EQ(str(loge_error_field(e.e)), "communes");
  ASSERT_EQ(loge_record_clear_list(record, "communes", &e), LOGE_OK);
  EXPECT_EQ(loge_record_validate(record, &e), LOGE_OK) << e.message();
  EXPECT_EQ(loge_record_clear_list(record, "enfants", &e), LOGE_ERR_ARGUMENT);
}

TEST_F(Errors, MalformedJsonAndSchemaViolations) {
  loge_record* r = nullptr;
  ErrorSlot e;
  EXPECT_EQ(fromJson("{\"id\": \"X\",", &r, &e), LOGE_ERR_DATA);
  EXPECT_EQ(loge_error_location(e.e).line, 1u);
  EXPECT_GT(loge_error_location(e.e).column, 0u);
  EXPECT_EQ(fromJson("{\"id\": \"X\", \"inconnu\": 1}", &r, &e), LOGE_ERR_DATA);
  EXPECT_EQ(fromJson("{\"id\": \"X\", \"depot\": \"2024-01-01\", \"enfants\": 0, \"ressources\": 1.5, \"dalo\": "
                     "false, \"zone\": \"z\"}",
                     &r, &e),
            LOGE_ERR_DATA);
  EXPECT_EQ(str(loge_error_field(e.e)), "zone");
  EXPECT_EQ(fromJson("[1, 2]", &r, &e), LOGE_ERR_DATA);
  EXPECT_EQ(r, nullptr);
  // A byte order mark before the object, as a file read by the host may
  // have: accepted, as from a file; one after it is not JSON.
  const std::string valid = "{\"id\": \"X\", \"depot\": \"2024-01-01\", \"enfants\": 0, \"ressources\": 1000, "
                            "\"dalo\": false, \"zone\": \"a\", \"personnes\": [], \"communes\": [], \"facteur\": 0}";
  ASSERT_EQ(fromJson("\xEF\xBB\xBF" + valid, &r, &e), LOGE_OK) << e.message();
  loge_record_free(r);
  r = nullptr;
  EXPECT_EQ(fromJson(" \xEF\xBB\xBF" + valid, &r, &e), LOGE_ERR_DATA);
  loge_batch* b = nullptr;
  // Every problem of every line, in order: line 1's wrong `id` and its
  // missing fields, then line 3's.
  const std::string lines = "{\"id\": 1}\n\n{\"id\": \"X\", \"depot\": \"hier\"}\n";
  EXPECT_EQ(loge_batch_from_jsonl(policy, lines.data(), lines.size(), &b, &e), LOGE_ERR_DATA);
  EXPECT_EQ(b, nullptr);
  ASSERT_GE(loge_error_count(e.e), 4u) << loge_error_text(e.e);
  EXPECT_EQ(loge_error_location(loge_error_item(e.e, 0)).line, 1u);
  EXPECT_EQ(str(loge_error_field(loge_error_item(e.e, 0))), "id");
  std::size_t third = 0;
  while (third < loge_error_count(e.e) && loge_error_location(loge_error_item(e.e, third)).line != 3u) ++third;
  ASSERT_LT(third, loge_error_count(e.e)) << loge_error_text(e.e);
  EXPECT_GT(third, 1u); // line 1 has more than one problem
  EXPECT_EQ(str(loge_error_field(loge_error_item(e.e, third))), "depot");
  EXPECT_NE(str(loge_error_message(e.e)).find("2 ligne(s) invalide(s)"), std::string::npos) << loge_error_message(e.e);
  // One record: every problem as an item, the first being the error itself.
  EXPECT_EQ(fromJson("{\"id\": 1, \"depot\": \"hier\"}", &r, &e), LOGE_ERR_DATA);
  ASSERT_GE(loge_error_count(e.e), 3u) << loge_error_text(e.e);
  EXPECT_EQ(str(loge_error_field(e.e)), "id");
  EXPECT_EQ(str(loge_error_field(loge_error_item(e.e, 0))), "id");
  EXPECT_EQ(str(loge_error_field(loge_error_item(e.e, 1))), "depot");
  EXPECT_NE(str(loge_error_text(e.e)).find("champ `depot`"), std::string::npos) << loge_error_text(e.e);
  EXPECT_EQ(loge_batch_from_jsonl_file(policy, "/nonexistent.jsonl", &b, &e), LOGE_ERR_IO);
  EXPECT_EQ(loge_record_from_json_file(policy, LOGE_ROLE_LOGEMENT, "/nonexistent.json", &r, &e), LOGE_ERR_IO);
  EXPECT_NE(e.message().find("nonexistent.json"), std::string::npos) << e.message();
}

TEST_F(Errors, EvaluationArguments) {
  loge_record* d = nullptr;
  ErrorSlot e;
  const std::string json = "{\"id\": \"X\", \"depot\": \"2024-01-01\", \"enfants\": 0, \"ressources\": 1000, "
                           "\"dalo\": false, \"zone\": \"a\", "
                           "\"personnes\": [], \"communes\": [], \"facteur\": 0}";
  ASSERT_EQ(fromJson(json, &d, &e), LOGE_OK) << e.message();
  loge_result* r = nullptr;
  EXPECT_EQ(loge_evaluate(policy, d, nullptr, "2025-13-01", &r, &e), LOGE_ERR_ARGUMENT);
  EXPECT_EQ(loge_evaluate(policy, d, nullptr, "2023-12-31", &r, &e), LOGE_ERR_ARGUMENT);
  EXPECT_NE(e.message().find("hors de la période de vigueur"), std::string::npos) << e.message();
  EXPECT_EQ(loge_evaluate(policy, d, nullptr, nullptr, &r, &e), LOGE_ERR_ARGUMENT);
  // A demande where the logement goes.
  EXPECT_EQ(loge_evaluate(policy, d, d, "2025-01-01", &r, &e), LOGE_ERR_ARGUMENT);
  EXPECT_NE(e.message().find("attendu un enregistrement `logement`"), std::string::npos) << e.message();
  // A record of another policy (same text, another load).
  loge_policy* other = loadPolicy(dataPath("api-test.loge"), LOGE_ENGINE_INTERPRETER);
  EXPECT_EQ(loge_evaluate(other, d, nullptr, "2025-01-01", &r, &e), LOGE_ERR_ARGUMENT);
  EXPECT_NE(e.message().find("autre politique"), std::string::npos);
  loge_policy_free(other);
  EXPECT_EQ(r, nullptr);
  loge_record_free(d);
}

TEST_F(Errors, ObjectsOutliveThePolicyHandle) {
  loge_record* d = nullptr;
  const std::string json = "{\"id\": \"X\", \"depot\": \"2024-01-01\", \"enfants\": 1, \"ressources\": 1000, "
                           "\"dalo\": false, \"zone\": \"a\", "
                           "\"personnes\": [], \"communes\": [], \"facteur\": 0}";
  ASSERT_EQ(fromJson(json, &d, nullptr), LOGE_OK);
  loge_result* r = nullptr;
  ASSERT_EQ(loge_evaluate(policy, d, nullptr, "2024-07-01", &r, nullptr), LOGE_OK);
  loge_policy_free(policy);
  policy = nullptr;
  const char* total = nullptr;
  ASSERT_EQ(loge_result_total(r, 0, &total, nullptr), LOGE_OK);
  EXPECT_EQ(str(total), "16"); // 10 (un enfant) + 6 mois d'ancienneté
  loge_result_free(r);
  loge_record_free(d);
}

} // namespace

// The C++ wrapper gives what `loge check` shows of a policy that loads: its
// title, its version and its warnings, each with its code and location.
TEST(PolicyWarnings, CppWrapperListsThemWithTitleAndVersion) {
  const std::string text = "politique \"Grille d'essai\"\nversion \"2.1\"\nen vigueur du 2024-01-01\n"
                           "schéma { demande : Demande }\n"
                           "structure Demande { id : texte  a : entier  b : entier }\n"
                           "définition q : décimal = demande.a / demande.b\n";
  loge::Policy p = loge::Policy::loadSource(text, "essai.loge", LOGE_ENGINE_INTERPRETER);
  EXPECT_EQ(p.title(), "Grille d'essai");
  EXPECT_EQ(p.version(), "2.1");
  const std::vector<loge::Warning> w = p.warnings();
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].code, "W0002");
  EXPECT_EQ(w[0].file, "essai.loge");
  EXPECT_EQ(w[0].line, 6u);
  EXPECT_EQ(w[0].column, 38u);
  EXPECT_NE(w[0].message.find("diviseur"), std::string::npos) << w[0].message;
  EXPECT_NE(w[0].text.find("essai.loge:6:38"), std::string::npos) << w[0].text;

  loge::Policy clean = loge::Policy::loadSource("politique \"Sans version\"\nen vigueur du 2024-01-01\n");
  EXPECT_EQ(clean.title(), "Sans version");
  EXPECT_EQ(clean.version(), "");
  EXPECT_TRUE(clean.warnings().empty());
}
