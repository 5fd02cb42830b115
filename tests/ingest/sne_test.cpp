// Ingest tests: the SNE (interfaceNuu XML) reader on the published sample,
// its mapping onto the standard schema, and the exact error messages.
#include "formats_support.h"

namespace loge::ingest::test {
namespace {

const std::string& complete() {
  static const std::string text = readText(dataPath("sne/demande-complete.xml"));
  return text;
}

// `text` with the first `from` replaced by `to`.
std::string edited(std::string text, const std::string& from, const std::string& to) {
  const std::size_t i = text.find(from);
  EXPECT_NE(i, std::string::npos) << from;
  if (i != std::string::npos) text.replace(i, from.size(), to);
  return text;
}

// 1-based line and column of the first `needle` in `text`.
std::string where(const std::string& text, const std::string& needle) {
  const std::size_t i = text.find(needle);
  EXPECT_NE(i, std::string::npos) << needle;
  std::size_t line = 1, start = 0;
  for (std::size_t k = 0; k < i; ++k)
    if (text[k] == '\n') {
      ++line;
      start = k + 1;
    }
  return fmt::format("{}:{}", line, i - start + 1);
}

std::string sneError(const std::string& text, bool defaults = true) {
  interp::Arena arena;
  ReadResult r = readSneString(arena, text, defaults);
  EXPECT_FALSE(r.ok);
  EXPECT_GE(r.errors.size(), 1u);
  return r.errors.empty() ? "" : r.errors[0].render();
}

constexpr const char* kDemandeur = "interfaceNuu/demande/demandeLogement/personnePhysique/demandeur";

TEST(Sne, MapsThePublishedDemande) {
  interp::Arena arena;
  ReadResult r = readSneString(arena, complete());
  ASSERT_TRUE(r.ok) << r.rendered();
  ASSERT_EQ(r.data.records.size(), 1u);
  const ir::Program& p = standardProgram();
  const interp::Value& d = r.data.records[0];
  EXPECT_EQ(r.data.ids[0], "1110318016982G1104");
  EXPECT_EQ(at(p, d, "date_depot").asDate().toString(), "2018-03-15");
  EXPECT_EQ(enumAt(p, d, "type_demande", "TypeDemande"), "premiere_demande");
  EXPECT_EQ(at(p, d, "demandeur.date_naissance").asDate().toString(), "1970-01-01");
  EXPECT_EQ(enumAt(p, d, "demandeur.situation_familiale", "SituationFamiliale"), "marie");
  EXPECT_EQ(enumAt(p, d, "demandeur.situation_professionnelle", "SituationProfessionnelle"), "cdi");
  EXPECT_EQ(enumAt(p, d, "codemandeur.lien", "Lien"), "conjoint");
  EXPECT_EQ(at(p, d, "codemandeur.date_naissance").asDate().toString(), "1975-02-01");
  // Dependants first, then the two children of separated parents.
  ASSERT_EQ(at(p, d, "personnes").lst->items.size(), 3u);
  EXPECT_EQ(at(p, d, "personnes.0.date_naissance").asDate().toString(), "2010-01-01");
  EXPECT_TRUE(at(p, d, "personnes.0.a_charge").b);
  EXPECT_TRUE(at(p, d, "personnes.0.garde").isAbsent());
  EXPECT_EQ(enumAt(p, d, "personnes.1.garde", "ModeGarde"), "alternee");
  EXPECT_TRUE(at(p, d, "personnes.1.a_charge").b);
  EXPECT_EQ(enumAt(p, d, "personnes.2.garde", "ModeGarde"), "droit_de_visite");
  EXPECT_FALSE(at(p, d, "personnes.2.a_charge").b);
  EXPECT_EQ(at(p, d, "enfants_a_naitre").i, 1);
  // Worked out by hand from the sample: the demandeur's 14 resources add up
  // to 4010 and the co-titulaire's to 3165; pensions paid 120 and 30.
  // 4010 - 120 + 3165 - 30 = 7025. The co-titulaire gives no amount.
  EXPECT_EQ(decimalAt(p, d, "ressources.ressources_mensuelles"), "7025");
  EXPECT_EQ(decimalAt(p, d, "ressources.revenu_fiscal_n2"), "20000");
  EXPECT_EQ(decimalAt(p, d, "ressources.revenu_fiscal_n1"), "21000");
  EXPECT_EQ(enumAt(p, d, "logement_actuel.statut", "StatutOccupation"), "locataire_prive");
  EXPECT_EQ(enumAt(p, d, "logement_actuel.typologie", "Typologie"), "T3");
  EXPECT_EQ(decimalAt(p, d, "logement_actuel.surface"), "50");
  EXPECT_EQ(decimalAt(p, d, "logement_actuel.loyer_mensuel"), "1000");
  EXPECT_EQ(at(p, d, "logement_actuel.nombre_occupants").i, 5);
  EXPECT_EQ(*at(p, d, "logement_recherche.communes.0").text, "75113");
  EXPECT_EQ(enumAt(p, d, "logement_recherche.typologies.1", "Typologie"), "T4");
  // Not carried by the format: test defaults under --sne-defauts, and said so.
  EXPECT_FALSE(at(p, d, "demandeur.handicap").b);
  EXPECT_EQ(at(p, d, "motifs").lst->items.size(), 0u);
  ASSERT_EQ(r.data.notes.size(), 1u);
  EXPECT_EQ(r.data.notes[0],
            "d.xml : champs que le format SNE ne porte pas, pris à leur défaut de test du schéma (--sne-defauts) : "
            "codemandeur.handicap, demandeur.handicap, logement_recherche.logement_adapte, motifs, nombre_refus, "
            "personnes[].handicap, situations_prioritaires");
}

TEST(Sne, SameRecordAsTheJsonLinesAndCsvFixtures) {
  interp::Arena arena;
  ReadResult sne = readSneString(arena, complete());
  ASSERT_TRUE(sne.ok) << sne.rendered();
  for (const char* name : {"formats/demande.jsonl", "formats/demande.csv"}) {
    Dataset other;
    std::vector<IngestError> errors;
    const InputFormat format = *formatFromExtension(name);
    ASSERT_TRUE(readDataset(standardProgram(), demandeStruct(), dataPath(name), format, {}, arena, other, errors))
        << name;
    ASSERT_EQ(other.records.size(), 1u);
    EXPECT_TRUE(sameValue(sne.data.records[0], other.records[0])) << name;
  }
}

TEST(SneErrors, ThePublishedSampleLacksTheCommunesSought) {
  const std::string text = readText(dataPath("sne/JDD_OPENFISCA.XML"));
  EXPECT_EQ(sneError(text), fmt::format("d.xml:{}: erreur: champ `logement_recherche` : élément obligatoire absent : "
                                        "`logementRecherche` [élément interfaceNuu/demande/demandeLogement]",
                                        where(text, "<ns1:demandeLogement>")));
}

TEST(SneErrors, FieldsNotCarriedNeedTheOption) {
  EXPECT_EQ(sneError(complete(), false),
            fmt::format("d.xml:{}: erreur: champ `demandeur.handicap` : champ obligatoire absent : le format "
                        "d'échange du SNE ne porte pas cette information ; l'option --sne-defauts lui donne son défaut "
                        "de test du schéma (voir docs/reference/format-sne.md) [élément {}]",
                        where(complete(), "<ns1:demandeur>"), kDemandeur));
}

// Every field the exchange format does not carry is named, the reason and
// the option once per demande.
TEST(SneErrors, EveryFieldNotCarriedIsNamedTheReasonOnce) {
  interp::Arena arena;
  ReadResult r = readSneString(arena, complete(), false);
  EXPECT_FALSE(r.ok);
  ASSERT_GE(r.errors.size(), 2u);
  std::size_t explained = 0;
  for (const IngestError& e : r.errors) {
    EXPECT_EQ(e.message.rfind("champ obligatoire absent", 0), 0u) << e.render();
    explained += e.message.find("--sne-defauts") != std::string::npos ? 1 : 0;
  }
  EXPECT_EQ(explained, 1u);
  EXPECT_EQ(r.errors[0].path, "demandeur.handicap");
}

// A comment, a CDATA section or a processing instruction inside a value is
// legal XML: the value is the whole text around it (the first part alone,
// 20 for 20 000, was read before).
TEST(Sne, ValueSplitByCommentOrCdata) {
  const ir::Program& p = standardProgram();
  for (const std::string& value :
       {std::string("20<!-- x -->000"), std::string("20<![CDATA[0]]>00"), std::string("2<?pi x?>0000")}) {
    interp::Arena arena;
    ReadResult r =
        readSneString(arena, edited(complete(), "<ns1:montantMoins2>20000<", "<ns1:montantMoins2>" + value + "<"));
    ASSERT_TRUE(r.ok) << value << "\n" << r.rendered();
    EXPECT_EQ(decimalAt(p, r.data.records[0], "ressources.revenu_fiscal_n2"), "20000") << value;
  }
}

// A numeric character reference must name a character XML allows: a NUL
// cut the text, a surrogate wrote invalid UTF-8, a huge number wrapped.
TEST(SneErrors, CharacterReferences) {
  for (const char* ref : {"&#0;", "&#x1B;", "&#xD800;", "&#x110000;", "&#99999999999999999999;", "&#x;"}) {
    const std::string text = edited(complete(), "Dupont", std::string("Dup") + ref + "ont");
    EXPECT_EQ(sneError(text),
              fmt::format("d.xml:{}: erreur: référence de caractère « {} » invalide : elle ne désigne pas un caractère "
                          "permis en XML (les caractères de contrôle sont refusés)",
                          where(text, ref), ref));
  }
  interp::Arena arena;
  EXPECT_TRUE(readSneString(arena, edited(complete(), "Dupont", "Dup&#x6F;&#110;t")).ok);
}

TEST(SneErrors, UnknownCode) {
  const std::string text =
      edited(complete(), "<ns1:situationFamiliale code=\"M\"/>", "<ns1:situationFamiliale code=\"Z\"/>");
  EXPECT_EQ(sneError(text),
            fmt::format("d.xml:{}: erreur: champ `demandeur.situation_familiale` : code inconnu « Z » pour "
                        "`situationFamiliale` (codes reconnus : M → marie) : la nomenclature complète du SNE n'est pas "
                        "publiée et Loge ne devine pas le sens d'un code ; voir docs/reference/format-sne.md [élément "
                        "{}/situationFamiliale]",
                        where(text, "<ns1:situationFamiliale code=\"Z\"/>"), kDemandeur));
}

TEST(SneErrors, UnknownResourceCode) {
  const std::string text = edited(complete(), "<ns1:ressource code=\"AUT\"/>", "<ns1:ressource code=\"APL\"/>");
  const std::string e = sneError(text);
  EXPECT_NE(e.find(fmt::format("d.xml:{}: erreur: champ `ressources.ressources_mensuelles` : code de ressource "
                               "inconnu « APL » dans `listeRessourceRecue`",
                               where(text, "<ns1:ressource code=\"APL\"/>"))),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("[élément " + std::string(kDemandeur) + "/listeRessourceRecue/detailRessource[14]/ressource]"),
            std::string::npos)
      << e;
}

// A sign in an SNE amount is refused: a resource paid out has its own list,
// and a negative received amount would silently lower the resources.
TEST(SneErrors, NegativeAmount) {
  const std::string detail = edited(complete(), "<ns1:montant>140</ns1:montant>", "<ns1:montant>-140</ns1:montant>");
  EXPECT_EQ(sneError(detail),
            fmt::format("d.xml:{}: erreur: champ `ressources.ressources_mensuelles` : montant négatif « -140 » dans "
                        "`montant` : le SNE donne des montants positifs (une ressource versée se déclare dans "
                        "`listeRessourceVersee`) [élément {}/listeRessourceRecue/detailRessource[2]/montant]",
                        where(detail, "<ns1:montant>-140"), kDemandeur));
  const std::string fiscal =
      edited(complete(), "<ns1:montantMoins2>20000</ns1:montantMoins2>", "<ns1:montantMoins2>-1</ns1:montantMoins2>");
  EXPECT_NE(sneError(fiscal).find("montant négatif « -1 » dans `montantMoins2`"), std::string::npos)
      << sneError(fiscal);
}

TEST(SneErrors, WrongType) {
  const std::string text =
      edited(complete(), "<ns1:nombreHabitant>5</ns1:nombreHabitant>", "<ns1:nombreHabitant>cinq</ns1:nombreHabitant>");
  EXPECT_EQ(sneError(text),
            fmt::format("d.xml:{}: erreur: champ `logement_actuel.nombre_occupants` : attendu un entier, trouvé le "
                        "texte \"cinq\" [élément interfaceNuu/demande/demandeLogement/personnePhysique/logementActuel/"
                        "nombreHabitant]",
                        where(text, "<ns1:nombreHabitant>")));
}

TEST(SneErrors, BadDate) {
  const std::string text = edited(complete(), "<ns1:dateNaissance>2010-01-01", "<ns1:dateNaissance>2010-02-30");
  EXPECT_EQ(sneError(text),
            fmt::format("d.xml:{}: erreur: champ `personnes[0].date_naissance` : date invalide \"2010-02-30\" "
                        "(attendu une date réelle au format AAAA-MM-JJ) [élément interfaceNuu/demande/demandeLogement/"
                        "personnePhysique/listePersonneACharge/personneACharge/dateNaissance]",
                        where(text, "<ns1:dateNaissance>2010-02-30")));
}

TEST(SneErrors, TruncatedXml) {
  const std::string text = complete().substr(0, complete().find("<ns1:listeCotitulaire>"));
  const std::string e = sneError(text);
  EXPECT_NE(e.find("erreur: XML invalide : balise fermante qui ne correspond pas à la balise ouverte (ou fichier "
                   "tronqué)"),
            std::string::npos)
      << e;
  EXPECT_EQ(e.rfind("d.xml:", 0), 0u);
  EXPECT_NE(e.find(":", 6), std::string::npos);
}

TEST(SneErrors, UnknownElement) {
  const std::string text = edited(complete(), "<ns1:telPortable>", "<ns1:motifDemande code=\"X\"/><ns1:telPortable>");
  const std::string expected = fmt::format(
      "d.xml:{}: erreur: élément non reconnu `motifDemande` dans `demandeur` (éléments connus : civilite, nom,",
      where(text, "<ns1:motifDemande"));
  const std::string e = sneError(text);
  EXPECT_EQ(e.substr(0, expected.size()), expected);
  EXPECT_NE(e.find("l'import SNE refuse les éléments qu'il ne connaît pas plutôt que d'en ignorer le contenu ; voir "
                   "docs/reference/format-sne.md [élément " +
                   std::string(kDemandeur) + "/motifDemande]"),
            std::string::npos)
      << e;
}

TEST(SneErrors, MissingAndDuplicateElements) {
  std::string text = edited(complete(), "<ns1:numUnique>1110318016982G1104</ns1:numUnique>", "");
  EXPECT_EQ(sneError(text), fmt::format("d.xml:{}: erreur: champ `id` : élément obligatoire absent : `numUnique` "
                                        "[élément interfaceNuu/demande/demandeLogement]",
                                        where(text, "<ns1:demandeLogement>")));
  text = edited(complete(), "<ns1:dateCreationDemande>", "<ns1:numUnique>X</ns1:numUnique><ns1:dateCreationDemande>");
  EXPECT_EQ(sneError(text), fmt::format("d.xml:{}: erreur: champ `id` : élément `numUnique` en double [élément "
                                        "interfaceNuu/demande/demandeLogement/numUnique[2]]",
                                        where(text, "<ns1:numUnique>X")));
}

TEST(SneErrors, SeveralCotitulaires) {
  const std::size_t a = complete().find("<ns1:cotitulaire>");
  const std::size_t b = complete().find("</ns1:cotitulaire>") + std::string("</ns1:cotitulaire>").size();
  std::string text = complete();
  text.insert(b, complete().substr(a, b - a));
  EXPECT_NE(sneError(text).find("champ `codemandeur` : plusieurs co-titulaires"), std::string::npos);
}

TEST(SneErrors, RootNamespaceVersionEncoding) {
  EXPECT_EQ(sneError(edited(complete(), "versionInterface=\"02.00\"", "versionInterface=\"03.00\"")),
            "d.xml:2:1: erreur: version d'interface « 03.00 » non prise en charge (versions lues : 02.00 et 02.01)");
  EXPECT_EQ(sneError(edited(complete(), "http://nuu.application.i2/", "urn:autre")),
            "d.xml:2:1: erreur: espace de noms de `interfaceNuu` : attendu « http://nuu.application.i2/ »");
  EXPECT_EQ(sneError("<?xml version=\"1.0\"?>\n<demandes/>"),
            "d.xml:2:1: erreur: élément racine `demandes` : attendu `interfaceNuu` (format d'échange du SNE)");
  EXPECT_EQ(sneError(edited(complete(), "encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"")),
            "d.xml:1:1: erreur: encodage « ISO-8859-1 » non pris en charge : seul l'UTF-8 est accepté");
  // The bad byte is the sixth of "Dupont".
  const std::string at = where(complete(), "Dupont");
  const std::size_t colon = at.find(':');
  EXPECT_EQ(sneError(edited(complete(), "Dupont", "Dupon\xE9")),
            fmt::format("d.xml:{}:{}: erreur: texte invalide : l'octet 0xE9 n'est pas de l'UTF-8 valide (seul l'UTF-8 "
                        "est accepté)",
                        at.substr(0, colon), std::stoul(at.substr(colon + 1)) + 5));
}

// Namespaces as XML resolves them: a prefix declared again for another
// namespace is outside the interface (it was read as SNE income); another
// prefix, or the default namespace, declared for the SNE's is inside.
TEST(Sne, NamespacesAreResolvedByDeclaration) {
  const std::string foreign = edited(complete(), "<ns1:montantMoins1>21000</ns1:montantMoins1>",
                                     "<ns1:montantMoins1 xmlns:ns1=\"urn:autre\">21000</ns1:montantMoins1>");
  EXPECT_NE(sneError(foreign).find("hors de l'espace de noms de l'interface"), std::string::npos) << sneError(foreign);
  for (const std::string& alias :
       {edited(complete(), "<ns1:montantMoins1>21000</ns1:montantMoins1>",
               "<x:montantMoins1 xmlns:x=\"http://nuu.application.i2/\">21000</x:montantMoins1>"),
        edited(complete(), "<ns1:montantMoins1>21000</ns1:montantMoins1>",
               "<montantMoins1 xmlns=\"http://nuu.application.i2/\">21000</montantMoins1>")}) {
    interp::Arena arena;
    ReadResult r = readSneString(arena, alias, true);
    EXPECT_TRUE(r.ok) << r.rendered();
  }
}

// XML that pugixml accepts and XML forbids; a commune without its code.
TEST(SneErrors, DuplicateAttributeTrailingTextEmptyCommune) {
  EXPECT_NE(sneError(edited(complete(), "<ns1:situationFamiliale code=\"M\"/>",
                            "<ns1:situationFamiliale code=\"M\" code=\"C\"/>"))
                .find("attribut `code` donné deux fois"),
            std::string::npos);
  EXPECT_NE(sneError(complete() + "fin\n").find("texte après l'élément racine"), std::string::npos);
  EXPECT_NE(
      sneError(edited(complete(), "<ns1:localisationSouhaite>\n                        <ns1:commune code=\"75113\"/>",
                      "<ns1:localisationSouhaite>\n                        <ns1:commune code=\"\"/>"))
          .find("code INSEE de commune invalide"),
      std::string::npos);
}

TEST(SneErrors, OneBadDemandeAmongTwo) {
  const std::size_t a = complete().find("<ns1:demande>");
  const std::size_t b = complete().find("</ns1:demande>") + std::string("</ns1:demande>").size();
  const std::string second =
      edited(complete().substr(a, b - a), "<ns1:numUnique>1110318016982G1104", "<ns1:numUnique>D2");
  std::string text = complete();
  text.insert(b, edited(second, "<ns1:typeLogementActuel code=\"T3\"/>", "<ns1:typeLogementActuel code=\"T7\"/>"));
  text.insert(b, second);
  interp::Arena arena;
  ReadResult r = readSneString(arena, text);
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.errors.size(), 1u) << r.rendered();
  EXPECT_NE(r.errors[0].message.find("code inconnu « T7 » pour `typeLogementActuel`"), std::string::npos);
  EXPECT_EQ(r.data.records.size(), 2u);
}

} // namespace
} // namespace loge::ingest::test
