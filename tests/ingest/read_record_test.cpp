// Ingest tests: well-formed records become the expected values.
#include "test_util.h"

namespace loge::ingest::test {
namespace {

using interp::Tag;
using interp::Value;

num::Decimal dec(const char* text) { return *num::Decimal::parse(text); }
num::Date date(const char* text) { return *num::Date::parse(text); }

Value readOk(const TestSchema& s, std::uint32_t index, const std::string& json, interp::Arena& arena) {
  Value v;
  IngestError error;
  EXPECT_TRUE(readRecord(*s.program, index, json, arena, v, error)) << error.render();
  return v;
}

const Value& at(const Value& record, std::size_t field) { return record.rec->fields[field]; }

TEST(ReadRecord, ExtendedDemande) {
  const TestSchema s = makeSchema(true);
  interp::Arena arena;
  const Value d = readOk(s, s.demande, kDemande, arena);
  ASSERT_EQ(d.tag, Tag::Record);
  EXPECT_EQ(d.rec->structIndex, s.demande);
  ASSERT_EQ(d.rec->fieldCount, 8u);
  EXPECT_EQ(*at(d, 0).text, "D1");
  EXPECT_EQ(at(d, 1).asDate(), date("2021-03-15"));

  const Value& menage = at(d, 2);
  ASSERT_EQ(menage.tag, Tag::Record);
  EXPECT_EQ(menage.rec->structIndex, s.menage);
  EXPECT_EQ(at(menage, 0).tag, Tag::Int);
  EXPECT_EQ(at(menage, 0).i, 2);
  EXPECT_EQ(at(menage, 1).i, 1);
  EXPECT_EQ(at(menage, 2).i, 34);
  EXPECT_EQ(at(menage, 3).tag, Tag::Decimal); // a JSON integer for a montant
  EXPECT_EQ(at(menage, 3).asDecimal(), num::Decimal::fromInt(18500));
  // Exact: 1485.71428 is 1485714280000000000000 × 10^-18, not a nearby double.
  EXPECT_EQ(at(menage, 4).d, num::int128(148571428) * 10000000000000LL);
  EXPECT_EQ(at(menage, 5).tag, Tag::Bool);
  EXPECT_FALSE(at(menage, 5).b);
  EXPECT_TRUE(at(menage, 6).b);

  const Value& situation = at(d, 3);
  EXPECT_TRUE(at(situation, 0).b);
  EXPECT_EQ(at(situation, 6).i, 0);

  EXPECT_TRUE(at(d, 4).isAbsent()); // logement_actuel: null
  EXPECT_EQ(at(d, 5).tag, Tag::Enum);
  EXPECT_EQ(at(d, 5).e, 1u); // "hébergé" folds to `heberge`

  const Value& personnes = at(d, 6);
  ASSERT_EQ(personnes.tag, Tag::List);
  ASSERT_EQ(personnes.lst->items.size(), 2u);
  const Value& zoe = personnes.lst->items[0];
  EXPECT_EQ(zoe.rec->structIndex, s.personne);
  EXPECT_EQ(*at(zoe, 0).text, "Zoé");
  EXPECT_EQ(at(zoe, 2).e, 0u);
  EXPECT_TRUE(at(zoe, 3).isAbsent()); // date_naissance missing: optional
  const Value& leo = personnes.lst->items[1];
  EXPECT_EQ(at(leo, 1).i, 3);
  EXPECT_EQ(at(leo, 2).e, 2u);
  EXPECT_EQ(at(leo, 3).asDate(), date("2022-01-31"));

  EXPECT_EQ(*at(d, 7).text, "priorité \"urgente\"");
}

TEST(ReadRecord, WorkloadLineWithLogementActuel) {
  const TestSchema s = makeSchema(false);
  interp::Arena arena;
  const std::string line =
      R"({"id": "D00000001", "date_depot": "2020-07-12", "menage": {"nb_adultes": 1, "nb_enfants": 2, )"
      R"("age_demandeur": 39, "revenu_fiscal_reference": 27366, "ressources_mensuelles": "2052.42", "handicap": false, )"
      R"("grossesse": false}, "situation": {"dalo": false, "sans_logement": false, "hebergement_structure": false, )"
      R"("violences": false, "logement_indigne": true, "expulsion": true, "refus_propositions": 0}, )"
      R"("logement_actuel": {"surface_m2": "50.67", "loyer_mensuel": "862.24"}})";
  const Value d = readOk(s, s.demande, line, arena);
  ASSERT_EQ(d.rec->fieldCount, 5u);
  const Value& logement = at(d, 4);
  ASSERT_EQ(logement.tag, Tag::Record);
  EXPECT_EQ(logement.rec->structIndex, s.logementActuel);
  EXPECT_EQ(at(logement, 0).asDecimal(), dec("50.67"));
  EXPECT_EQ(at(logement, 1).asDecimal(), dec("862.24"));
  EXPECT_EQ(at(at(d, 2), 4).asDecimal(), dec("2052.42"));
}

TEST(ReadRecord, DecimalSpellings) {
  const TestSchema s = makeSchema(false);
  struct Case {
    const char* json; // the loyer_mensuel value as written
    const char* value;
  };
  const Case cases[] = {
      {R"("0")", "0"},
      {R"("35.5")", "35.5"},
      {R"("-12.25")", "-12.25"},
      {"0", "0"},
      {"650", "650"},
      {"650.125", "650.125"},
      {"-0.5", "-0.5"},
      {R"("0.000000000000000001")", "0.000000000000000001"},
      {"123456789012.123456789012345678", "123456789012.123456789012345678"},
  };
  for (const Case& c : cases) {
    interp::Arena arena;
    const std::string json = std::string(R"({"surface_m2": "1", "loyer_mensuel": )") + c.json + "}";
    const Value v = readOk(s, s.logementActuel, json, arena);
    EXPECT_EQ(at(v, 1).asDecimal(), dec(c.value)) << json;
  }
}

std::string situation(const std::string& refus) {
  return R"({"dalo": false, "sans_logement": false, "hebergement_structure": false, "violences": false, )"
         R"("logement_indigne": false, "expulsion": false, "refus_propositions": )" +
         refus + "}";
}

TEST(ReadRecord, IntegerLimits) {
  const TestSchema s = makeSchema(false);
  for (const char* n : {"9223372036854775807", "0", "12", "-0"}) {
    interp::Arena arena;
    EXPECT_EQ(at(readOk(s, s.situation, situation(n), arena), 6).i, std::stoll(n)) << n;
  }
  // int64's minimum is read exactly (then refused by the bound `au moins 0`).
  const TestSchema e = makeSchema(true);
  const IngestError error =
      readFailure(e, e.personne, R"({"prenom": "A", "age": -9223372036854775808, "lien": "enfant"})");
  EXPECT_EQ(error.message, "valeur -9223372036854775808 inférieure au minimum 0");
}

TEST(ReadRecord, KeysInAnyOrderAccentedOrEscaped) {
  const TestSchema s = makeSchema(false);
  interp::Arena arena;
  const Value v = readOk(s, s.logementActuel, R"({"loyer_mensuel": "2", "surface_m2": "1"})", arena);
  EXPECT_EQ(at(v, 0).asDecimal(), dec("1"));
  EXPECT_EQ(at(v, 1).asDecimal(), dec("2"));

  const TestSchema e = makeSchema(true);
  const std::string accented =
      replaced(replaced(kDemande, "\"revenu_fiscal_reference\"", "\"revenu_fiscal_référence\""), "\"date_depot\"",
               "\"date_d\\u00e9p\\u00f4t\"");
  const Value d = readOk(e, e.demande, accented, arena);
  EXPECT_EQ(at(at(d, 2), 3).asDecimal(), dec("18500"));
  EXPECT_EQ(at(d, 1).asDate(), date("2021-03-15"));
}

TEST(ReadRecord, EnumSpellings) {
  const TestSchema s = makeSchema(true);
  for (const char* spelling : {"heberge", "hébergé", "h\\u00e9berg\\u00e9"}) {
    interp::Arena arena;
    const Value d = readOk(s, s.demande, replaced(kDemande, "\"hébergé\"", std::string("\"") + spelling + "\""), arena);
    EXPECT_EQ(at(d, 5).e, 1u) << spelling;
  }
  interp::Arena arena;
  EXPECT_EQ(at(readOk(s, s.demande, replaced(kDemande, "\"hébergé\"", "\"sans_domicile\""), arena), 5).e, 2u);
}

TEST(ReadRecord, StringEscapesAndUnicode) {
  const TestSchema s = makeSchema(true);
  interp::Arena arena;
  const Value d =
      readOk(s, s.demande,
             replaced(kDemande, R"("priorité \"urgente\"")", R"("a\\b\/c\n\t\r \u20AC \ud83d\ude00 \u0009z")"), arena);
  EXPECT_EQ(*at(d, 7).text, std::string("a\\b/c\n\t\r € \xF0\x9F\x98\x80 \tz"));
}

TEST(ReadRecord, OptionalFieldsMayBeMissingOrNull) {
  const TestSchema s = makeSchema(true);
  interp::Arena arena;
  std::string json = replaced(kDemande, R"("logement_actuel": null, )", "");
  json = replaced(json, R"(, "commentaire": "priorité \"urgente\"")", "");
  const Value d = readOk(s, s.demande, json, arena);
  EXPECT_TRUE(at(d, 4).isAbsent());
  EXPECT_TRUE(at(d, 7).isAbsent());
  const Value d2 = readOk(s, s.demande, replaced(kDemande, R"("priorité \"urgente\"")", "null"), arena);
  EXPECT_TRUE(at(d2, 7).isAbsent());
}

TEST(ReadRecord, WhitespaceAndLayout) {
  const TestSchema s = makeSchema(false);
  interp::Arena arena;
  const Value v =
      readOk(s, s.logement, "\r\n\t {\n  \"id\" :\"L1\" ,\n  \"loyer_mensuel\"\t:\t\"520.00\"\n}\n ", arena);
  EXPECT_EQ(*at(v, 0).text, "L1");
  EXPECT_EQ(at(v, 1).asDecimal(), dec("520"));
}

TEST(ReadRecord, ListBoundsAccepted) {
  const TestSchema s = makeSchema(true);
  std::string twelve = "[";
  for (int i = 0; i < 12; ++i) twelve += std::string(i ? ", " : "") + R"({"prenom": "P", "age": 1, "lien": "enfant"})";
  twelve += "]";
  const std::size_t from = kDemande.find("[{");
  const std::size_t to = kDemande.find("}]") + 2;
  const std::string json = kDemande.substr(0, from) + twelve + kDemande.substr(to);
  interp::Arena arena;
  EXPECT_EQ(at(readOk(s, s.demande, json, arena), 6).lst->items.size(), 12u);
}

} // namespace
} // namespace loge::ingest::test
