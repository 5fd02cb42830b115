// libloge: records built field by field give the results of the same record
// read from JSON; the C++ wrapper over the C API.
#include "capi_support.h"

#include "loge/loge.hpp"

using namespace capi_test;

namespace {

TEST(Records, FieldByFieldEqualsJson) {
  loge::Policy policy = loge::Policy::loadFile(dataPath("api-test.loge"));
  loge::Record built = loge::Record::create(policy, LOGE_ROLE_DEMANDE);
  built.setText("id", "A")
      .setDate("dépôt", "2024-03-15") // accents are folded, as in the language
      .setInt("enfants", 2)
      .setDecimal("ressources", "1200")
      .setBool("dalo", false)
      .setEnum("zone", "a")
      .setInt("facteur", 3)
      .setAbsent("ancien_loyer");
  std::size_t p = built.append("personnes");
  EXPECT_EQ(p, 0u);
  built.setText("personnes[0].lien", "enfant").setInt("personnes[0].age", 4);
  built.append("communes");
  built.append("communes");
  built.setText("communes[0]", "38185").setText("communes[1]", "38169");
  EXPECT_EQ(built.json(), "{\"id\":\"A\",\"depot\":\"2024-03-15\",\"enfants\":2,\"ressources\":\"1200\",\"dalo\":false,"
                          "\"zone\":\"a\",\"facteur\":3,\"ancien_loyer\":null,\"personnes\":[{\"lien\":\"enfant\","
                          "\"age\":4}],\"communes\":[\"38185\",\"38169\"]}");
  loge::Record logement = loge::Record::fromJsonFile(policy, LOGE_ROLE_LOGEMENT, dataPath("logement.json"));
  loge::Result r = policy.evaluate(built, &logement, "2025-06-30");
  EXPECT_EQ(r.total(), "44");
  EXPECT_EQ(r.alerts(), std::vector<std::size_t>{1});

  loge::Batch batch = loge::Batch::fromJsonLinesFile(policy, dataPath("demandes.jsonl"));
  loge::Results all = policy.evaluate(batch, &logement, "2025-06-30");
  // Same JSON line as the file's first demande (the extra list items do not
  // change the points).
  EXPECT_EQ(r.json(), all[0].json());

  // A batch built from records.
  loge::Batch mine = loge::Batch::create(policy);
  mine.add(built).add(built.validate());
  EXPECT_EQ(mine.size(), 2u);
  loge::Results twice = policy.evaluate(mine, &logement, "2025-06-30");
  EXPECT_EQ(twice[1].json(), all[0].json());

  // A result taken from a temporary Results keeps it alive (it was a
  // dangling view: the Results was freed at the end of the statement).
  loge::Result first = policy.evaluate(batch, &logement, "2025-06-30")[0];
  EXPECT_EQ(first.json(), all[0].json());
  EXPECT_EQ(first.total(), all[0].total());
}

TEST(Records, WrapperThrowsErrorsWithTheirLocation) {
  try {
    loge::Policy::loadSource("politique \"P\"\nen vigueur du 2024-01-01\ndéfinition x : entier = y\n", "p.loge");
    FAIL() << "la politique ne devait pas se charger";
  } catch (const loge::Error& e) {
    EXPECT_EQ(e.status(), LOGE_ERR_POLICY);
    EXPECT_EQ(e.location().line, 3u);
    EXPECT_EQ(e.code(), "E0201");
  }
  loge::Policy policy = loge::Policy::loadFile(dataPath("api-test.loge"), LOGE_ENGINE_INTERPRETER);
  EXPECT_EQ(policy.engine(), LOGE_ENGINE_INTERPRETER);
  loge::Record r = loge::Record::create(policy, LOGE_ROLE_DEMANDE);
  EXPECT_THROW(r.setInt("nope", 1), loge::Error);
  EXPECT_EQ(loge::toDouble("-0.25"), -0.25);
  EXPECT_TRUE(loge::abiMatches());
}

} // namespace
