// Ingest tests: the CSV reader, on the standard schema (values, header
// conventions, RFC 4180 quoting, and the exact error messages).
#include "formats_support.h"

#include <map>

namespace loge::ingest::test {
namespace {

// The fixture's header and single row, split into cells (it has no quotes).
struct CsvFixture {
  std::vector<std::string> header, row;
  CsvFixture() {
    const std::string text = readText(dataPath("formats/demande.csv"));
    std::stringstream lines(text);
    std::string line;
    for (std::vector<std::string>* out : {&header, &row}) {
      std::getline(lines, line);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::stringstream cells(line);
      std::string cell;
      while (std::getline(cells, cell, ';')) out->push_back(cell);
      if (!line.empty() && line.back() == ';') out->push_back("");
    }
  }
  std::size_t index(const std::string& column) const {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == column) return i;
    ADD_FAILURE() << "no column " << column;
    return 0;
  }
  // The CSV text with `column`'s cell replaced by `value` (written as is).
  std::string with(const std::string& column, const std::string& value, char sep = ';') const {
    std::vector<std::string> r = row;
    r[index(column)] = value;
    return join(header, sep) + "\n" + join(r, sep) + "\n";
  }
  std::string text(char sep = ';') const { return join(header, sep) + "\n" + join(row, sep) + "\n"; }
  // 1-based byte column of `column`'s cell on the data row.
  std::size_t column(const std::string& name) const {
    std::size_t col = 1;
    for (std::size_t i = 0; i < index(name); ++i) col += row[i].size() + 1;
    return col;
  }
  static std::string join(const std::vector<std::string>& cells, char sep) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? std::string(1, sep) : "") + cells[i];
    return out;
  }
};

const CsvFixture& fixture() {
  static const CsvFixture f;
  return f;
}

// The single error of reading `text`, rendered.
std::string csvError(const std::string& text, ReadOptions options = {}) {
  interp::Arena arena;
  ReadResult r = readCsvString(arena, text, options);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.errors.size(), 1u) << r.rendered();
  return r.errors.empty() ? "" : r.errors[0].render();
}

TEST(Csv, ReadsTheFixtureWithTheExpectedValues) {
  interp::Arena arena;
  ReadResult r;
  r.ok = readCsv(standardProgram(), demandeStruct(), dataPath("formats/demande.csv"), {}, arena, r.data, r.errors);
  ASSERT_TRUE(r.ok) << r.rendered();
  ASSERT_EQ(r.data.records.size(), 1u);
  const ir::Program& p = standardProgram();
  const interp::Value& d = r.data.records[0];
  EXPECT_EQ(r.data.ids[0], "1110318016982G1104");
  EXPECT_EQ(at(p, d, "date_depot").asDate().toString(), "2018-03-15");                       // from 15/03/2018
  EXPECT_TRUE(at(p, d, "date_renouvellement").isAbsent());                                   // empty cell, optional
  EXPECT_EQ(enumAt(p, d, "codemandeur.situation_familiale", "SituationFamiliale"), "marie"); // "marié"
  EXPECT_FALSE(at(p, d, "codemandeur.handicap").b);                                          // "FAUX"
  ASSERT_EQ(at(p, d, "personnes").lst->items.size(), 3u); // personnes[3] is all empty: no item
  EXPECT_TRUE(at(p, d, "personnes.1.a_charge").b);
  EXPECT_EQ(enumAt(p, d, "personnes.1.garde", "ModeGarde"), "alternee"); // "alternée"
  EXPECT_TRUE(at(p, d, "personnes.0.garde").isAbsent());
  EXPECT_EQ(decimalAt(p, d, "ressources.revenu_fiscal_n1"), "21000");     // "21000,00"
  EXPECT_EQ(decimalAt(p, d, "ressources.ressources_mensuelles"), "7025"); // "7025,00"
  EXPECT_EQ(decimalAt(p, d, "logement_actuel.surface"), "50");
  ASSERT_EQ(at(p, d, "logement_recherche.communes").lst->items.size(), 2u);
  EXPECT_EQ(*at(p, d, "logement_recherche.communes.1").text, "75056");
  EXPECT_EQ(at(p, d, "motifs").lst->items.size(), 0u);
}

TEST(Csv, SameRecordAsTheJsonLinesFixture) {
  interp::Arena arena;
  ReadResult csv;
  csv.ok =
      readCsv(standardProgram(), demandeStruct(), dataPath("formats/demande.csv"), {}, arena, csv.data, csv.errors);
  Dataset json;
  std::vector<IngestError> errors;
  ASSERT_TRUE(
      readJsonLines(standardProgram(), demandeStruct(), dataPath("formats/demande.jsonl"), arena, json, errors));
  ASSERT_TRUE(csv.ok) << csv.rendered();
  ASSERT_EQ(json.records.size(), 1u);
  EXPECT_TRUE(sameValue(csv.data.records[0], json.records[0]));
}

TEST(Csv, CommaSeparatorAndQuotedCells) {
  // Same row with ',' as separator: cells holding ',' are quoted, decimals
  // use a point; a quoted id holds a doubled quote and a line break.
  CsvFixture f = fixture();
  f.row[f.index("ressources.revenu_fiscal_n1")] = "21000.00";
  f.row[f.index("ressources.ressources_mensuelles")] = "\"7025.00\"";
  f.row[f.index("logement_actuel.surface")] = "50";
  f.row[f.index("id")] = "\"A \"\"1\"\",\nB\"";
  interp::Arena arena;
  ReadResult r = readCsvString(arena, f.text(','));
  ASSERT_TRUE(r.ok) << r.rendered();
  EXPECT_EQ(r.data.ids.at(0), "A \"1\",\nB");
  EXPECT_EQ(decimalAt(standardProgram(), r.data.records[0], "ressources.ressources_mensuelles"), "7025");
}

TEST(Csv, AbsentOptionalStructureAndSeveralRows) {
  CsvFixture f = fixture();
  std::vector<std::string> second = f.row;
  for (std::size_t i = 0; i < f.header.size(); ++i)
    if (f.header[i].rfind("codemandeur.", 0) == 0) second[i] = "";
  second[f.index("id")] = "D2";
  const std::string text = f.text() + CsvFixture::join(second, ';') + "\r\n\r\n";
  interp::Arena arena;
  ReadResult r = readCsvString(arena, text);
  ASSERT_TRUE(r.ok) << r.rendered();
  ASSERT_EQ(r.data.records.size(), 2u);
  EXPECT_FALSE(at(standardProgram(), r.data.records[0], "codemandeur").isAbsent());
  EXPECT_TRUE(at(standardProgram(), r.data.records[1], "codemandeur").isAbsent());
}

TEST(Csv, ForcedSeparator) {
  ReadOptions options;
  options.csvSeparator = ',';
  // With ',' forced, the ';' header is one unknown column.
  const std::string e = csvError(fixture().text(), options);
  EXPECT_NE(e.find("d.csv:1:1: erreur: en-tête, colonne 1"), std::string::npos) << e;
}

// ------------------------------------------------------------ golden errors

TEST(CsvErrors, BadDate) {
  const CsvFixture& f = fixture();
  EXPECT_EQ(csvError(f.with("date_depot", "31/02/2018")),
            fmt::format("d.csv:2:{}: erreur: champ `date_depot` : date invalide \"31/02/2018\" (attendu une date "
                        "réelle au format AAAA-MM-JJ ou JJ/MM/AAAA) [colonne 2 « date_depot »]",
                        f.column("date_depot")));
}

TEST(CsvErrors, WrongType) {
  const CsvFixture& f = fixture();
  EXPECT_EQ(csvError(f.with("enfants_a_naitre", "un")),
            fmt::format("d.csv:2:{}: erreur: champ `enfants_a_naitre` : attendu un entier, trouvé le texte \"un\" "
                        "[colonne {} « enfants_a_naitre »]",
                        f.column("enfants_a_naitre"), f.index("enfants_a_naitre") + 1));
  EXPECT_EQ(csvError(f.with("demandeur.handicap", "peut-être")),
            fmt::format("d.csv:2:{}: erreur: champ `demandeur.handicap` : attendu un booléen (vrai, faux, oui, non, "
                        "true ou false), trouvé le texte \"peut-être\" [colonne 8 « demandeur.handicap »]",
                        f.column("demandeur.handicap")));
}

TEST(CsvErrors, UnknownEnumerationValueInAList) {
  const CsvFixture& f = fixture();
  const std::string e = csvError(f.with("logement_recherche.typologies", "T3|T9"));
  EXPECT_EQ(e.substr(0, e.find(" (valeurs")),
            fmt::format("d.csv:2:{}: erreur: champ `logement_recherche.typologies[1]` : valeur inconnue \"T9\" pour "
                        "`standard.Typologie`",
                        f.column("logement_recherche.typologies")));
}

TEST(CsvErrors, DecimalCommaNeedsSemicolons) {
  CsvFixture f = fixture();
  f.row[f.index("ressources.revenu_fiscal_n1")] = "21000";
  f.row[f.index("ressources.ressources_mensuelles")] = "\"7025,50\"";
  f.row[f.index("logement_actuel.surface")] = "50";
  const std::string e = csvError(f.text(','));
  EXPECT_NE(e.find("erreur: champ `ressources.ressources_mensuelles` : attendu un montant, trouvé le texte "
                   "\"7025,50\" (virgule décimale refusée quand le séparateur des colonnes est « , » : écrire le "
                   "nombre avec un point, par exemple 1650.50)"),
            std::string::npos)
      << e;
}

// With `;`, `48.500` may be 48 500 (a French spreadsheet's thousands) or
// 48,5: refused; a dot that cannot separate thousands is read as written.
TEST(CsvErrors, DotBeforeThreeDigitsIsAmbiguousWithSemicolons) {
  const CsvFixture& f = fixture();
  const std::string e = csvError(f.with("ressources.ressources_mensuelles", "1.500"));
  EXPECT_NE(e.find("nombre ambigu \"1.500\" : un point suivi de trois chiffres peut séparer les milliers (1500) ou "
                   "les décimales (1,500) ; écrire 1500 ou 1,500"),
            std::string::npos)
      << e;
  for (const char* fine : {"0.125", "1420.5", "1420.50", "1420,500", "1500"}) {
    interp::Arena arena;
    ReadResult r = readCsvString(arena, f.with("ressources.ressources_mensuelles", fine));
    EXPECT_TRUE(r.ok) << fine << "\n" << r.rendered();
  }
}

// Items of a one-cell list: spaces around `|` are not part of them, and
// an empty item is refused.
TEST(Csv, ListItemsAreTrimmedAndNeverEmpty) {
  const CsvFixture& f = fixture();
  interp::Arena arena;
  ReadResult r = readCsvString(arena, f.with("logement_recherche.communes", "38169 | 38185"));
  ASSERT_TRUE(r.ok) << r.rendered();
  const ir::Program& p = standardProgram();
  const interp::Value& d = r.data.records[0];
  const ir::StructDecl& demande = p.structs[demandeStruct()];
  const interp::Value& lr = d.rec->fields[static_cast<std::size_t>(demande.fieldIndex("logement_recherche"))];
  const ir::StructDecl& lrs = p.structs[lr.rec->structIndex];
  const interp::Value& communes = lr.rec->fields[static_cast<std::size_t>(lrs.fieldIndex("communes"))];
  ASSERT_EQ(communes.lst->items.size(), 2u);
  EXPECT_EQ(*communes.lst->items[0].text, "38169");
  EXPECT_EQ(*communes.lst->items[1].text, "38185");
  EXPECT_NE(csvError(f.with("logement_recherche.communes", "38169||38185")).find("élément vide dans la liste"),
            std::string::npos);
}

TEST(CsvErrors, EmptyRequiredCell) {
  const CsvFixture& f = fixture();
  EXPECT_EQ(csvError(f.with("demandeur.date_naissance", "")),
            fmt::format("d.csv:2:{}: erreur: champ `demandeur.date_naissance` : valeur manquante : champ obligatoire "
                        "(attendu une date (texte \"AAAA-MM-JJ\")) [colonne 5 « demandeur.date_naissance »]",
                        f.column("demandeur.date_naissance")));
}

TEST(CsvErrors, Bounds) {
  const CsvFixture& f = fixture();
  EXPECT_EQ(csvError(f.with("logement_recherche.communes", "")),
            fmt::format("d.csv:2:{}: erreur: champ `logement_recherche.communes` : longueur 0 inférieure au minimum 1 "
                        "[colonne {} « logement_recherche.communes »]",
                        f.column("logement_recherche.communes"), f.index("logement_recherche.communes") + 1));
}

TEST(CsvErrors, QuoteInsideAnUnquotedCell) {
  const CsvFixture& f = fixture();
  EXPECT_EQ(csvError(f.with("type_demande", "premiere\"demande")),
            fmt::format("d.csv:2:{}: erreur: guillemet dans une cellule qui ne commence pas par un guillemet "
                        "(entourer la cellule de guillemets et doubler celui-ci : \"\") [colonne 4 « type_demande »]",
                        f.column("type_demande") + 8));
}

TEST(CsvErrors, TextAfterClosingQuote) {
  const CsvFixture& f = fixture();
  EXPECT_EQ(csvError(f.with("type_demande", "\"premiere\"_demande")),
            fmt::format("d.csv:2:{}: erreur: caractère « _ » après le guillemet fermant d'une cellule (un guillemet "
                        "dans une cellule entre guillemets s'écrit \"\") [colonne 4 « type_demande »]",
                        f.column("type_demande") + 10));
}

TEST(CsvErrors, UnterminatedQuote) {
  const CsvFixture& f = fixture();
  EXPECT_EQ(csvError(f.with("type_demande", "\"premiere_demande")),
            fmt::format("d.csv:2:{}: erreur: guillemet fermant manquant : la cellule ouverte ici se poursuit jusqu'à "
                        "la fin du fichier [colonne 4 « type_demande »]",
                        f.column("type_demande")));
}

TEST(CsvErrors, WrongColumnCount) {
  const CsvFixture& f = fixture();
  EXPECT_EQ(
      csvError(f.text() + "a;b;c\n"),
      fmt::format("d.csv:3:1: erreur: la ligne a 3 cellule(s), l'en-tête en a {} (séparateur « ; »)", f.header.size()));
}

TEST(CsvErrors, InvalidUtf8) {
  const CsvFixture& f = fixture();
  EXPECT_EQ(csvError(f.with("id", "D\xE9")),
            "d.csv:2:2: erreur: texte invalide : l'octet 0xE9 n'est pas de l'UTF-8 valide (enregistrer le fichier en "
            "UTF-8) [colonne 1 « id »]");
}

// As JSON Lines does: a NUL (or another control character) is not text.
TEST(CsvErrors, ControlCharacter) {
  const CsvFixture& f = fixture();
  EXPECT_EQ(csvError(f.with("id", std::string("A\0B", 3))),
            "d.csv:2:2: erreur: caractère de contrôle U+0000 dans une cellule [colonne 1 « id »]");
  EXPECT_EQ(csvError(f.with("id", "A\x1B")),
            "d.csv:2:2: erreur: caractère de contrôle U+001B dans une cellule [colonne 1 « id »]");
}

TEST(CsvErrors, UnknownColumnWithSuggestion) {
  CsvFixture f = fixture();
  f.header[f.index("demandeur.handicap")] = "demandeur.handicape";
  std::size_t column = 1;
  for (std::size_t i = 0; i < f.index("demandeur.handicape"); ++i) column += f.header[i].size() + 1;
  EXPECT_EQ(
      csvError(f.text()),
      fmt::format(
          "d.csv:1:{}: erreur: en-tête, colonne 8 « demandeur.handicape » : champ inconnu `handicape` "
          "(la structure `standard.Demandeur` a : date_naissance, situation_familiale, situation_professionnelle, "
          "handicap) ; vouliez-vous dire `handicap` ?",
          column));
}

TEST(CsvErrors, MissingAndDuplicateColumns) {
  CsvFixture f = fixture();
  const std::size_t i = f.index("nombre_refus");
  f.header.erase(f.header.begin() + static_cast<std::ptrdiff_t>(i));
  f.row.erase(f.row.begin() + static_cast<std::ptrdiff_t>(i));
  EXPECT_EQ(
      csvError(f.text()),
      "d.csv:1:1: erreur: colonne obligatoire absente : `nombre_refus` (champ `nombre_refus` de `standard.Demande`)");
  CsvFixture g = fixture();
  g.header[g.index("nombre_refus")] = "type_demande";
  const std::string e = csvError(g.text());
  EXPECT_NE(e.find("« type_demande » : colonne en double : la colonne 4 désigne déjà `type_demande`"),
            std::string::npos)
      << e;
}

TEST(CsvErrors, HeaderShapes) {
  CsvFixture f = fixture();
  f.header[f.index("demandeur.handicap")] = "demandeur";
  EXPECT_NE(csvError(f.text()).find("`demandeur` est une structure : nommer un de ses champs "
                                    "(`demandeur.date_naissance`…)"),
            std::string::npos);
  CsvFixture g = fixture();
  g.header[g.index("personnes[1].lien")] = "personnes[x].lien";
  EXPECT_NE(csvError(g.text()).find("indice mal écrit"), std::string::npos);
}

TEST(CsvErrors, ListItemsWithoutGap) {
  CsvFixture f = fixture();
  for (const char* field : {"lien", "date_naissance", "handicap", "a_charge", "garde"})
    f.row[f.index(std::string("personnes[1].") + field)] = "";
  f.row[f.index("personnes[3].lien")] = "enfant";
  const std::string e = csvError(f.text());
  EXPECT_NE(e.find("erreur: `personnes[1]` n'a aucune cellule remplie alors que `personnes[3]` en a"),
            std::string::npos)
      << e;
}

TEST(CsvErrors, AmbiguousSeparator) {
  EXPECT_EQ(csvError("id;date_depot,x\n"),
            "d.csv:1:1: erreur: séparateur ambigu : la ligne d'en-tête contient « ; » et « , » ; préciser "
            "--separateur ';' ou --separateur ','");
}

// An empty export (or only a byte-order mark and blank lines) holds no
// demande, as an empty JSON Lines file: no header is needed for no row.
TEST(Csv, AnEmptyFileHoldsNoDemande) {
  for (const std::string text : {"", "\xEF\xBB\xBF\r\n", "\n \n"}) {
    interp::Arena arena;
    ReadResult r = readCsvString(arena, text);
    EXPECT_TRUE(r.ok) << r.rendered();
    EXPECT_TRUE(r.data.records.empty());
  }
}

TEST(CsvErrors, EveryBadRowIsReportedAndGoodRowsKept) {
  const CsvFixture& f = fixture();
  std::vector<std::string> bad = f.row;
  bad[f.index("enfants_a_naitre")] = "-1";
  const std::string text = f.text() + CsvFixture::join(bad, ';') + "\n" + CsvFixture::join(f.row, ';') + "\n";
  interp::Arena arena;
  ReadResult r = readCsvString(arena, text);
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 3u);
  EXPECT_EQ(r.errors[0].message, "valeur -1 inférieure au minimum 0 [colonne " +
                                     std::to_string(f.index("enfants_a_naitre") + 1) + " « enfants_a_naitre »]");
  EXPECT_EQ(r.data.records.size(), 2u);
}

TEST(CsvErrors, EveryProblemOfARowInOnePass) {
  const CsvFixture& f = fixture();
  std::vector<std::string> bad = f.row;
  bad[f.index("enfants_a_naitre")] = "un";
  bad[f.index("demandeur.handicap")] = "peut-être";
  bad[f.index("date_depot")] = "31/02/2018";
  interp::Arena arena;
  ReadResult r = readCsvString(arena, f.text() + CsvFixture::join(bad, ';') + "\n");
  EXPECT_FALSE(r.ok);
  std::vector<std::string> paths;
  for (const IngestError& e : r.errors) {
    EXPECT_EQ(e.line, 3u);
    paths.push_back(e.path);
  }
  // In the order of the schema's fields.
  EXPECT_EQ(paths, (std::vector<std::string>{"date_depot", "demandeur.handicap", "enfants_a_naitre"}));
  EXPECT_EQ(r.data.records.size(), 1u);
}

} // namespace
// A list read from CSV columns has the bound of a JSON list
// (kMaxListItems): 10 001 people are refused, located at the row.
TEST(CsvErrors, ListLongerThanTheJsonBoundIsRefused) {
  const CsvFixture& f = fixture();
  std::vector<std::string> header = f.header, row = f.row;
  std::map<std::string, std::size_t> columns; // the fixture's
  for (std::size_t i = 0; i < header.size(); ++i) columns[header[i]] = i;
  // People 2 to 10 000 (the fixture's own columns for some of them, empty
  // there, new ones for the others), each a copy of person 1.
  for (std::size_t p = 2; p <= loge::ingest::kMaxListItems; ++p)
    for (const char* field : {"lien", "date_naissance", "handicap", "a_charge", "garde"}) {
      const std::string column = fmt::format("personnes[{}].{}", p, field);
      const std::string value = f.row[f.index(std::string("personnes[1].") + field)];
      if (const auto at = columns.find(column); at != columns.end()) {
        row[at->second] = value;
      } else {
        header.push_back(column);
        row.push_back(value);
      }
    }
  const std::string e = csvError(CsvFixture::join(header, ';') + "\n" + CsvFixture::join(row, ';') + "\n");
  EXPECT_NE(e.find("liste trop longue (10001 éléments, 10000 au plus)"), std::string::npos) << e.substr(0, 500);
}

} // namespace loge::ingest::test
