// Ingest tests: well-formed JSON that does not fit the schema.
//
// Each case checks the exact French message, the field's path and the byte
// column of the offending value (or key, or object).
#include "test_util.h"

namespace loge::ingest::test {
namespace {

class ValueErrors : public ::testing::Test {
protected:
  const TestSchema s = makeSchema(true);

  // Reads kDemande with `from` replaced by `to`; the error must be at the
  // first occurrence of `marker` in the modified text (its column).
  void expectError(const std::string& from, const std::string& to, const std::string& marker, const std::string& path,
                   const std::string& message) {
    const std::string json = replaced(kDemande, from, to);
    const IngestError e = readFailure(s, s.demande, json);
    EXPECT_EQ(e.message, message) << json;
    EXPECT_EQ(e.path, path) << json;
    EXPECT_EQ(e.line, 1u);
    EXPECT_EQ(e.column, columnOf(json, marker)) << json;
  }
};

constexpr const char* kDecimalHint = " (écrire un nombre décimal avec un point, sans espace ni exposant, "
                                     "par exemple \"1650.00\")";

TEST_F(ValueErrors, IntegerFields) {
  expectError(R"("nb_adultes": 2)", R"("nb_adultes": "deux")", R"("deux")", "menage.nb_adultes",
              R"(attendu un entier, trouvé le texte "deux")");
  expectError(R"("nb_adultes": 2)", R"("nb_adultes": 2.0)", "2.0", "menage.nb_adultes",
              "attendu un entier, trouvé le nombre 2.0");
  expectError(R"("nb_adultes": 2)", R"("nb_adultes": 2e0)", "2e0", "menage.nb_adultes",
              "attendu un entier, trouvé le nombre 2e0");
  expectError(R"("nb_adultes": 2)", R"("nb_adultes": "3")", R"("3")", "menage.nb_adultes",
              R"(attendu un entier, trouvé le texte "3")");
  expectError(R"("nb_adultes": 2)", R"("nb_adultes": true)", "true", "menage.nb_adultes",
              "attendu un entier, trouvé le booléen true");
  expectError(R"("nb_adultes": 2)", R"("nb_adultes": {})", "{}", "menage.nb_adultes",
              "attendu un entier, trouvé un objet");
  expectError(R"("nb_adultes": 2)", R"("nb_adultes": 9223372036854775808)", "9223372036854775808", "menage.nb_adultes",
              "entier hors limites : 9223372036854775808");
  expectError(R"("nb_adultes": 2)", R"("nb_adultes": -9223372036854775809)", "-9223372036854775809",
              "menage.nb_adultes", "entier hors limites : -9223372036854775809");
}

TEST_F(ValueErrors, DecimalFields) {
  const std::string from = R"("ressources_mensuelles": "1485.71428")";
  const std::string path = "menage.ressources_mensuelles";
  for (const char* bad : {R"("1,5")", R"(" 12")", R"("12 ")", R"("1e3")", R"("")", R"(".5")", R"("5.")", R"("+5")",
                          R"("1 650.00")", R"("NaN")"})
    expectError(from, std::string(R"("ressources_mensuelles": )") + bad, bad, path,
                std::string("attendu un montant, trouvé le texte ") + bad + kDecimalHint);
  expectError(from, R"("ressources_mensuelles": 1e3)", "1e3", path,
              R"(notation exponentielle refusée pour un montant : 1e3 (écrire le nombre sans exposant, )"
              R"(par exemple "1650.00"))");
  expectError(from, R"("ressources_mensuelles": 1.5E-2)", "1.5E-2", path,
              R"(notation exponentielle refusée pour un montant : 1.5E-2 (écrire le nombre sans exposant, )"
              R"(par exemple "1650.00"))");
  expectError(from, R"("ressources_mensuelles": "0.1234567890123456789")", R"("0.1)", path,
              R"(trop de décimales dans "0.1234567890123456789" (18 au plus))");
  expectError(from, R"("ressources_mensuelles": 0.1234567890123456789)", "0.1", path,
              "trop de décimales dans 0.1234567890123456789 (18 au plus)");
  expectError(R"("revenu_fiscal_reference": 18500)", R"("revenu_fiscal_reference": 1000000000000000000000)",
              "1000000000000000000000", "menage.revenu_fiscal_reference",
              "nombre hors limites : 1000000000000000000000");
  expectError(R"("revenu_fiscal_reference": 18500)", R"("revenu_fiscal_reference": "-1000000000000000000000")",
              R"("-1000)", "menage.revenu_fiscal_reference", R"(nombre hors limites : "-1000000000000000000000")");
  expectError(from, R"("ressources_mensuelles": false)", "false", path, "attendu un montant, trouvé le booléen false");
  expectError(from, R"("ressources_mensuelles": [])", "[]", path, "attendu un montant, trouvé une liste");
}

TEST_F(ValueErrors, DecimalNounsFollowTheUnit) {
  const TestSchema w = makeSchema(false);
  const IngestError e = readFailure(w, w.logementActuel, R"({"surface_m2": "35,5", "loyer_mensuel": "1"})");
  EXPECT_EQ(e.message, std::string(R"(attendu une surface, trouvé le texte "35,5")") + kDecimalHint);
  EXPECT_EQ(e.path, "surface_m2");
  EXPECT_EQ(e.column, 16u);
}

TEST_F(ValueErrors, BooleanDateTextFields) {
  expectError(R"("grossesse": true)", R"("grossesse": "true")", R"("true")", "menage.grossesse",
              R"(attendu un booléen (true ou false), trouvé le texte "true")");
  expectError(R"("grossesse": true)", R"("grossesse": 1)", "1}", "menage.grossesse",
              "attendu un booléen (true ou false), trouvé le nombre 1");
  expectError(R"("grossesse": true)", R"("grossesse": null)", "null", "menage.grossesse",
              "null refusé : champ obligatoire (attendu un booléen (true ou false))");
  expectError(R"("date_depot": "2021-03-15")", R"("date_depot": "2025-02-30")", R"("2025-02-30")", "date_depot",
              R"(date invalide "2025-02-30" (attendu une date réelle au format AAAA-MM-JJ))");
  expectError(R"("date_depot": "2021-03-15")", R"("date_depot": "15/03/2021")", R"("15/03/2021")", "date_depot",
              R"(date invalide "15/03/2021" (attendu une date réelle au format AAAA-MM-JJ : "2021-03-15"))");
  expectError(R"("date_depot": "2021-03-15")", R"("date_depot": "31/02/2021")", R"("31/02/2021")", "date_depot",
              R"(date invalide "31/02/2021" (attendu une date réelle au format AAAA-MM-JJ))");
  expectError(R"("date_depot": "2021-03-15")", R"("date_depot": 20210315)", "20210315", "date_depot",
              R"(attendu une date (texte "AAAA-MM-JJ"), trouvé le nombre 20210315)");
  expectError(R"("id": "D1")", R"("id": 12)", "12", "id", "attendu un texte, trouvé le nombre 12");
  expectError(R"("id": "D1")", R"("id": null)", "null", "id", "null refusé : champ obligatoire (attendu un texte)");
}

TEST_F(ValueErrors, EnumFields) {
  expectError(R"("statut": "hébergé")", R"("statut": "hébergée")", R"("hébergée")", "statut",
              "valeur inconnue \"hébergée\" pour `Statut` (valeurs possibles : locataire, heberge, sans_domicile) ; "
              "vouliez-vous dire `heberge` ?");
  expectError(R"("statut": "hébergé")", R"("statut": "propriétaire")", R"("propriétaire")", "statut",
              "valeur inconnue \"propriétaire\" pour `Statut` (valeurs possibles : locataire, heberge, sans_domicile)");
  expectError(R"("statut": "hébergé")", R"("statut": "Locataire")", R"("Locataire")", "statut",
              "valeur inconnue \"Locataire\" pour `Statut` (valeurs possibles : locataire, heberge, sans_domicile) ; "
              "vouliez-vous dire `locataire` ?");
  expectError(R"("statut": "hébergé")", R"("statut": 1)", R"(1, "personnes")", "statut",
              "attendu une valeur de `Statut` (texte), trouvé le nombre 1");
  expectError(R"("lien": "enfant")", R"("lien": "fils")", R"("fils")", "personnes[1].lien",
              "valeur inconnue \"fils\" pour `Lien` (valeurs possibles : demandeur, conjoint, enfant, ascendant)");
}

TEST_F(ValueErrors, StructsListsAndNull) {
  expectError(R"("menage": {)", R"("menage": [], "x": {)", "[]", "menage",
              "attendu un objet `Menage`, trouvé une liste");
  expectError(R"("menage": {)", R"("menage": null, "x": {)", "null", "menage",
              "null refusé : champ obligatoire (attendu un objet `Menage`)");
  expectError(R"("logement_actuel": null)", R"("logement_actuel": "aucun")", R"("aucun")", "logement_actuel",
              R"(attendu un objet `LogementActuel`, trouvé le texte "aucun")");
  expectError(R"("personnes": [)", R"("personnes": {"a": 1}, "x": [)", R"({"a")", "personnes",
              "attendu une liste, trouvé un objet");
  expectError(R"("personnes": [)", R"("personnes": [null, )", "null, {", "personnes[0]",
              "null refusé : champ obligatoire (attendu un objet `Personne`)");
  expectError(R"("age": 3,)", R"("age": "trois",)", R"("trois")", "personnes[1].age",
              R"(attendu un entier, trouvé le texte "trois")");
  expectError(R"("date_naissance": "2022-01-31")", R"("date_naissance": "2022-13-01")", R"("2022-13-01")",
              "personnes[1].date_naissance",
              R"(date invalide "2022-13-01" (attendu une date réelle au format AAAA-MM-JJ))");
}

TEST_F(ValueErrors, MissingFields) {
  // Reported at the object that lacks them.
  expectError(R"("nb_enfants": 1, )", "", R"({"nb_adultes")", "menage.nb_enfants", "champ obligatoire absent");
  expectError(R"("id": "D1", )", "", "{", "id", "champ obligatoire absent");
  expectError(R"("lien": "demandeur")", R"("lien2": "demandeur")", R"("lien2")", "personnes[0]",
              "champ inconnu `lien2` (la structure `Personne` a : prenom, age, lien, date_naissance) ; "
              "vouliez-vous dire `lien` ?");
  const std::string json = replaced(kDemande, R"(, "lien": "demandeur")", "");
  const IngestError e = readFailure(s, s.demande, json);
  EXPECT_EQ(e.message, "champ obligatoire absent");
  EXPECT_EQ(e.path, "personnes[0].lien");
  EXPECT_EQ(e.column, columnOf(json, R"({"prenom": "Zoé")"));
}

TEST_F(ValueErrors, UnknownFields) {
  expectError(
      R"("nb_adultes")", R"("nb_adulte")", R"("nb_adulte")", "menage",
      "champ inconnu `nb_adulte` (la structure `Menage` a : nb_adultes, nb_enfants, age_demandeur, "
      "revenu_fiscal_reference, ressources_mensuelles, handicap, grossesse) ; vouliez-vous dire `nb_adultes` ?");
  expectError(R"("id": "D1")", R"("xyz": 1, "id": "D1")", R"("xyz")", "",
              "champ inconnu `xyz` (la structure `Demande` a : id, date_depot, menage, situation, logement_actuel, "
              "statut, personnes, commentaire)");
  // Case matters: names are case-sensitive, as in the policy.
  expectError(R"("id": "D1")", R"("ID": "D1")", R"("ID")", "",
              "champ inconnu `ID` (la structure `Demande` a : id, date_depot, menage, situation, logement_actuel, "
              "statut, personnes, commentaire)");
}

TEST_F(ValueErrors, DuplicateFields) {
  expectError(R"("statut": "hébergé")", R"("statut": "hébergé", "statut": "locataire")", R"("statut": "locataire")",
              "statut", "champ en double dans l'objet");
  // Accent folding makes these the same field.
  expectError(R"("date_depot": "2021-03-15")", R"("date_depot": "2021-03-15", "date_dépôt": "2021-03-15")",
              R"("date_dépôt")", "date_depot", "champ en double dans l'objet");
}

TEST_F(ValueErrors, Bounds) {
  expectError(R"("nb_adultes": 2)", R"("nb_adultes": 0)", R"(0, "nb_enfants")", "menage.nb_adultes",
              "valeur 0 inférieure au minimum 1");
  expectError(R"("refus_propositions": 0)", R"("refus_propositions": -1)", "-1}", "situation.refus_propositions",
              "valeur -1 inférieure au minimum 0");
  expectError(R"("age": 34)", R"("age": 131)", "131", "personnes[0].age", "valeur 131 supérieure au maximum 130");
  expectError(R"("ressources_mensuelles": "1485.71428")", R"("ressources_mensuelles": "-0.01")", R"("-0.01")",
              "menage.ressources_mensuelles", "valeur -0.01 inférieure au minimum 0");
  expectError(R"("ressources_mensuelles": "1485.71428")", R"("ressources_mensuelles": 100000.000001)", "100000.000001",
              "menage.ressources_mensuelles", "valeur 100000.000001 supérieure au maximum 100000");
  expectError(R"("date_depot": "2021-03-15")", R"("date_depot": "1999-12-31")", R"("1999-12-31")", "date_depot",
              "valeur 1999-12-31 inférieure au minimum 2000-01-01");
  const std::size_t from = kDemande.find("[{");
  const std::size_t to = kDemande.find("}]") + 2;
  expectError(kDemande.substr(from, to - from), "[]", "[]", "personnes", "longueur 0 inférieure au minimum 1");
  std::string thirteen = "[";
  for (int i = 0; i < 13; ++i)
    thirteen += std::string(i ? ", " : "") + R"({"prenom": "P", "age": 1, "lien": "enfant"})";
  expectError(kDemande.substr(from, to - from), thirteen + "]", "[{", "personnes",
              "longueur 13 supérieure au maximum 12");
}

TEST_F(ValueErrors, BoundaryValuesAccepted) {
  interp::Arena arena;
  interp::Value v;
  IngestError e;
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {R"("nb_adultes": 2)", R"("nb_adultes": 1)"},
           {R"("age": 34)", R"("age": 130)"},
           {R"("ressources_mensuelles": "1485.71428")", R"("ressources_mensuelles": "0")"},
           {R"("ressources_mensuelles": "1485.71428")", R"("ressources_mensuelles": 100000.000)"},
           {R"("date_depot": "2021-03-15")", R"("date_depot": "2000-01-01")"}})
    EXPECT_TRUE(readRecord(*s.program, s.demande, replaced(kDemande, from, to), arena, v, e)) << e.render();
}

TEST_F(ValueErrors, TopLevelMustBeAnObject) {
  struct Case {
    const char* json;
    const char* message;
    std::size_t column;
  };
  const Case cases[] = {
      {"[1, 2]", "attendu un objet `Demande`, trouvé une liste", 1},
      {"  42", "attendu un objet `Demande`, trouvé le nombre 42", 3},
      {R"("D1")", R"(attendu un objet `Demande`, trouvé le texte "D1")", 1},
      {"null", "attendu un objet `Demande`, trouvé null", 1},
      {"", "aucun objet JSON (texte vide)", 1},
      {" \t", "aucun objet JSON (texte vide)", 3},
  };
  for (const Case& c : cases) {
    const IngestError e = readFailure(s, s.demande, c.json);
    EXPECT_EQ(e.message, c.message) << c.json;
    EXPECT_EQ(e.column, c.column) << c.json;
    EXPECT_EQ(e.path, "");
  }
  EXPECT_EQ(readFailure(s, 99, "{}").message, "structure inconnue (indice 99)");
}

TEST_F(ValueErrors, LongValuesAreCutInMessages) {
  const std::string longText(100, 'x');
  const IngestError e =
      readFailure(s, s.demande, replaced(kDemande, R"("nb_adultes": 2)", "\"nb_adultes\": \"" + longText + "\""));
  EXPECT_EQ(e.message, "attendu un entier, trouvé le texte \"" + std::string(40, 'x') + "…\"");
  const IngestError ctl =
      readFailure(s, s.demande, replaced(kDemande, R"("nb_adultes": 2)", R"("nb_adultes": "a\"\n\u0009")"));
  EXPECT_EQ(ctl.message, R"(attendu un entier, trouvé le texte "a\"\n\t")");
}

} // namespace
} // namespace loge::ingest::test
