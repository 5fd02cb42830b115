// Syntax stage (internal): the hints of syntax errors. Each rule reads the
// place of the error and returns a hint or "". They are tried in the order
// of kRules: a later rule that fires replaces the hint of an earlier one
// (the more specific reading comes later), and a fallback is tried only
// while no rule before it has fired.
#include "syntax_hints.h"

#include "LogeLexer.h"
#include "LogeParser.h"
#include "error_listener.h"
#include "loge/source/edit_distance.h"
#include "loge/source/utf8.h"
#include "token_scan.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

namespace loge::syntax::internal {

// The Loge word for a word of another language (`if` → `si`), or "".
std::string foreignWord(const std::string& text) {
  static const std::map<std::string, std::string> kForeign = {{"and", "et"},
                                                              {"or", "ou"},
                                                              {"not", "non"},
                                                              {"if", "si"},
                                                              {"then", "alors"},
                                                              {"else", "sinon"},
                                                              {"true", "vrai"},
                                                              {"false", "faux"},
                                                              {"criterion", "critère"},
                                                              {"criteria", "critère"},
                                                              {"rule", "règle"},
                                                              {"requires", "exige"},
                                                              {"require", "exige"},
                                                              {"unless", "sauf si"},
                                                              {"import", "importe"},
                                                              {"policy", "politique"},
                                                              {"pts", "points"},
                                                              {"pt", "point"},
                                                              {"pnts", "points"},
                                                              {"euros", "€"},
                                                              {"euro", "€"},
                                                              {"eur", "€"},
                                                              {"where", "où"},
                                                              {"null", "absent"},
                                                              {"none", "absent"},
                                                              {"sum", "somme"},
                                                              {"count", "nombre de"},
                                                              {"exists", "existe"},
                                                              {"in", "dans"},
                                                              {"pourcent", "%"},
                                                              {"percent", "%"},
                                                              {"pct", "%"},
                                                              {"refuser", "refus"},
                                                              {"refuse", "refus"},
                                                              {"refusee", "refus"},
                                                              {"reject", "refus"},
                                                              {"alerter", "alerte"},
                                                              {"warning", "alerte"},
                                                              {"avertissement", "alerte"}};
  auto it = kForeign.find(asciiLower(text));
  return it == kForeign.end() ? "" : it->second;
}

namespace {
using L = loge_antlr::LogeLexer;

bool isNumber(const antlr4::Token* token) {
  return token && (token->getType() == L::INT_LIT || token->getType() == L::DEC_LIT);
}

// What a newcomer meant by a word the grammar does not take here: the
// French keyword for an English one (`and`, `criterion`), an abbreviation
// (`pts`), a keyword misspelt (`critére`, `Critere`), a keyword used as a
// name (`critère structure`).
std::string wordHint(const std::string& text, std::size_t type, const antlr4::misc::IntervalSet& expected,
                     const antlr4::dfa::Vocabulary& vocabulary) {
  std::size_t length = 0;
  const char32_t first = text.empty() ? U' ' : decodeUtf8(text, 0, length);
  const bool word = (first < 0x80 && std::isalpha(static_cast<int>(first))) ||
                    (first >= 0xC0 && first <= 0x24F && first != 0xD7 && first != 0xF7); // not × ÷
  if (!word) return "";

  const std::string lower = asciiLower(text);
  if (std::string loge = foreignWord(text); !loge.empty()) return fmt::format("en Loge, on écrit `{}`", loge);
  // A keyword written where a name is expected (a field called `attendu`):
  // no nearby keyword is what was meant.
  if (type != L::ID && expected.contains(static_cast<std::size_t>(L::ID)) && !expected.contains(type))
    return fmt::format("`{}` est un mot réservé du langage : il ne peut pas servir de nom ; choisissez-en un autre",
                       text);
  const std::string folded = foldAccents(lower);
  std::string best;
  std::size_t bestDistance = 0;
  for (std::size_t t : expected.toList()) {
    const std::string shown = describeTokenType(vocabulary, t);
    if (shown.size() < 3 || shown.front() != '`') continue;
    const std::string keyword = shown.substr(1, shown.size() - 2);
    if (keyword.size() < 3) continue;
    // An accent or a capital is no edit; one edit in a short keyword, two
    // in a longer one.
    const std::size_t d = editDistance(folded, foldAccents(asciiLower(keyword)));
    if (d <= (keyword.size() >= 6 ? 2u : 1u) && (best.empty() || d < bestDistance)) {
      best = keyword;
      bestDistance = d;
    }
  }
  if (!best.empty() && best != text) return fmt::format("vouliez-vous dire `{}` ?", best);
  if (type != L::ID && expected.contains(static_cast<std::size_t>(L::ID)))
    return fmt::format("`{}` est un mot réservé du langage : il ne peut pas servir de nom ; choisissez-en un autre",
                       text);
  return "";
}

// A name made of a quoted text (`"Zone A"` → `Zone_A`).
std::string identifierFrom(const std::string& quoted) {
  std::string out;
  for (char c : quoted) {
    if (c == '"') continue;
    out += c == ' ' || c == '-' || c == '\'' ? '_' : c;
  }
  return out.empty() ? "A" : out;
}

} // namespace

// How the grammar spells a band written as one says it: `40 % et plus`
// (which holds 40 % itself) for `plus de 40 %`, `≥ 40 %`, `40 % ou plus`…;
// `moins de 30 %` for `< 30 %`, `inférieur à 30 %`. "" for anything else.
std::string bandHint(antlr4::TokenStream& tokens, const antlr4::Token& token) {
  const std::string cell = bandCell(tokens, token);
  // A band is a few words; std::regex recurses per character, so a long
  // cell is not matched at all.
  if (cell.empty() || cell.size() > 120) return "";
  static const std::regex above("^(?:plus de|au-del(?:a|à) de|sup(?:é|e)rieure? (?:à|a)|>|≥|>=|à partir de|a partir de|"
                                "au moins|d(?:è|e)s) *(.+)$",
                                std::regex::icase);
  static const std::regex orMore("^(.+?) *(?:ou plus|et au-del(?:a|à)|ou davantage|\\+|et \\+)$", std::regex::icase);
  static const std::regex below("^(?:<|inf(?:é|e)rieure? (?:à|a)|jusqu'(?:à|a)|au plus) *(.+)$", std::regex::icase);
  std::smatch m;
  if (std::regex_match(cell, m, above) || std::regex_match(cell, m, orMore))
    return fmt::format("la dernière tranche d'un barème s'écrit `{0} et plus` (à partir de {0}, compris) ; les "
                       "autres : `moins de X`, `de X à moins de Y`",
                       m[1].str());
  if (std::regex_match(cell, m, below))
    return fmt::format("la première tranche d'un barème s'écrit `moins de {}` (sans cette valeur) ; les suivantes : "
                       "`de X à moins de Y`, la dernière `X et plus`",
                       m[1].str());
  return "";
}

namespace {

// ---- units, numbers, dates

std::string unitWithoutNumber(const HintSite& s) {
  const std::size_t t = s.type;
  if (t != L::EURO && t != L::M2 && t != L::PERCENT && t != L::POINTS && t != L::POINT && t != L::SLASH_MOIS) return "";
  return fmt::format("une unité s'écrit juste après un nombre (`-12 €`, `35 %`) ; pour une expression, "
                     "multipliez : `(…) × 1 {}`",
                     t == L::POINTS || t == L::POINT ? "point"
                     : t == L::M2                    ? "m²"
                                                     : "€");
}

std::string aggregateAsOperand(const HintSite& s) {
  if (s.type != L::DE || !s.previous) return "";
  const std::size_t prev = s.previous->getType();
  if (prev == L::NOMBRE || prev == L::SOMME || prev == L::MAXIMUM || prev == L::MINIMUM)
    return "un agrégat employé comme opérande s'écrit entre parenthèses : `(nombre de x dans … où …)`";
  return "";
}

// `23 201 €/an`, copied from a published text: a space (or a no-break
// space) between the thousands.
std::string thousandsSeparatedBySpace(const HintSite& s) {
  if (!isNumber(&s.offending) || !s.previous || s.previous->getType() != L::INT_LIT ||
      s.previous->getLine() != s.offending.getLine())
    return "";
  return fmt::format("les milliers ne se séparent pas par une espace : écrivez `{}_{}` (le `_` groupe les chiffres)",
                     s.previous->getText(), s.text);
}

// `30/06/2025`, as French forms write it.
std::string dateWithSlashes(const HintSite& s) {
  if (s.type != L::INT_LIT) return "";
  const std::string iso = frenchDate(s.stream, s.offending);
  if (iso.empty()) return "";
  return fmt::format("{} : `{}`",
                     s.next && s.next->getText() == "/" ? "une date s'écrit année-mois-jour, avec des tirets"
                                                        : "une date s'écrit avec le mois et le jour sur deux chiffres",
                     iso);
}

// `depuis le 1er janvier 2024`, as the decree says it.
std::string dateInWords(const HintSite& s) {
  const std::string iso = spelledDate(s.stream, s.offending);
  return iso.empty() ? "" : fmt::format("une date s'écrit année-mois-jour, avec des tirets : `{}`", iso);
}

// `450 € par mois`, as one says it.
std::string amountPerPeriod(const HintSite& s) {
  if (s.type != L::PAR || !s.previous || s.previous->getType() != L::EURO || !s.next) return "";
  const std::string period = foldAccents(asciiLower(s.next->getText()));
  if (period != "mois" && period != "an" && period != "annee") return "";
  return fmt::format("un montant {} s'écrit avec son unité : `{}{}`", period == "mois" ? "mensuel" : "annuel",
                     s.at >= 2 ? s.stream.get(s.at - 2)->getText() + " " : "", period == "mois" ? "€/mois" : "€/an");
}

// A barème band as one says it (`plus de 40 %`, `≥ 40 %`, `40 % ou plus`,
// `jusqu'à 30 %`): the grammar's spelling.
std::string bandAsSaid(const HintSite& s) { return bandHint(s.stream, s.offending); }

// `25 pour cent`, as one says it.
std::string percentInWords(const HintSite& s) {
  if (s.type != L::POUR || !isNumber(s.previous) || !s.next || foldAccents(asciiLower(s.next->getText())) != "cent")
    return "";
  return fmt::format("un pourcentage s'écrit avec le signe % : `{} %`", s.previous->getText());
}

// `35 % de x`, as one says it.
std::string percentOf(const HintSite& s) {
  if (s.type != L::DE || !s.previous || s.previous->getType() != L::PERCENT) return "";
  return "« 35 % de x » s'écrit avec le signe de la multiplication : `35 % × x` (ASCII : `35 % * x`)";
}

// ---- operators of other languages

bool gluedAfter(const HintSite& s, const char* before) {
  return s.previous && s.previous->getText() == before && s.previous->getStopIndex() + 1 == s.offending.getStartIndex();
}

// `=<` and `=>`, the comparisons of some spreadsheets.
std::string spreadsheetComparison(const HintSite& s) {
  if ((s.text != "<" && s.text != ">") || !gluedAfter(s, "=")) return "";
  return s.text == "<" ? "« inférieur ou égal » s'écrit `≤` (ASCII : `<=`)"
                       : "« supérieur ou égal » s'écrit `≥` (ASCII : `>=`)";
}

// `<>`, the difference of spreadsheets and SQL.
std::string spreadsheetDifference(const HintSite& s) {
  return s.text == ">" && gluedAfter(s, "<") ? "la différence s'écrit `≠` (ASCII : `!=`)" : "";
}

std::string doubledEquals(const HintSite& s) {
  return s.text == "=" && followsEquals(s.stream, s.offending)
             ? "l'égalité s'écrit avec un seul `=` ; la différence, `≠` (ASCII : `!=`)"
             : "";
}

std::string doubledBarForOr(const HintSite& s) {
  return s.text == "|" && doubledBar(s.stream, s.offending)
             ? "« ou » s'écrit `ou` : `a ou b` ; `|` sépare les cases d'un barème"
             : "";
}

std::string decimalComma(const HintSite& s) {
  if (s.text != "," || !adjacentDigits(s.stream, s.offending)) return "";
  return fmt::format("un nombre décimal s'écrit avec un point : `{}.{}` (le `_` sépare les milliers : `1_650.50`)",
                     s.previous ? s.previous->getText() : "0", s.next ? s.next->getText() : "3");
}

// ---- conditions as one says them

// `si demande.dalo est vrai`.
std::string isAsEquals(const HintSite& s) {
  if (s.type != L::ID || !endsOperand(s.previous) || s.word != "est") return "";
  const std::size_t after = s.next ? s.next->getType() : antlr4::Token::EOF;
  std::string x = pathBefore(s.stream, s.at);
  if (x.empty()) x = "x";
  if (after == L::VRAI) return fmt::format("« {0} est vrai » s'écrit `{0}` (ou `{0} = vrai`)", x);
  if (after == L::FAUX) return fmt::format("« {0} est faux » s'écrit `non {0}` (ou `{0} = faux`)", x);
  if (after == L::ABSENT) return fmt::format("« {0} est absent » s'écrit `non ({0} existe)`", x);
  return fmt::format("« est » s'écrit `=` : `{} = {}`", x,
                     s.next && s.next->getType() != antlr4::Token::EOF ? s.next->getText() : "…");
}

std::string whenAsIf(const HintSite& s) {
  return s.type == L::ID && s.word == "quand"
             ? "une condition s'écrit avec `si` : `400 points si condition`, `si condition alors a sinon b`"
             : "";
}

// `jusqu’au` with a typographic apostrophe, from a word processor.
std::string typographicApostrophe(const HintSite& s) {
  return asciiLower(s.text) == "jusqu" && s.next && s.next->getText() == "’"
             ? "l'apostrophe s'écrit droite : `jusqu'au` (ou `jusqu_au`)"
             : "";
}

std::string criterionWithElse(const HintSite& s) {
  return s.type == L::SINON && conditionalCriterion(s.stream, s.offending)
             ? "`N points si condition` vaut 0 point quand la condition est fausse ; pour une autre valeur, écrivez "
               "`= si condition alors N points sinon M points`"
             : "";
}

std::string referenceOfEnumerationValue(const HintSite& s) {
  return s.type == L::REFERENCE && insideEnumeration(s.stream, s.offending)
             ? "une valeur d'énumération n'a pas de `référence` : citez la source dans son libellé "
               "(`handicap \"a) Personne en situation de handicap (CCH L441-1)\"`)"
             : "";
}

// `exige X si C`.
std::string conditionalRequirementHint(const HintSite& s) {
  return s.type == L::SI && conditionalRequirement(s.stream, s.offending)
             ? "une exigence qui ne vaut que dans certains cas s'écrit `exige si condition alors exigence sinon "
               "vrai` ; `sauf si`, après le motif, énonce une exception"
             : "";
}

// `x entre 2 et 5`.
std::string between(const HintSite& s) {
  return s.type == L::ID && s.word == "entre" ? "« x entre a et b » s'écrit avec deux comparaisons : `x ≥ a et x ≤ b`"
                                              : "";
}

// ---- what is missing or left open

std::string barremeRowCut(const HintSite& s) {
  return s.type == loge_antlr::LogeParser::LINE_END
             ? "une ligne de barème tient sur une ligne du texte ; pour la poursuivre sur la suivante, coupez-la "
               "juste avant ou après un `|`, ou mettez la valeur entre parenthèses"
             : "";
}

std::string unclosedAtEnd(const HintSite& s) {
  return s.type == L::EOF && s.unclosedBracket ? "une accolade, un crochet ou une parenthèse n'est pas fermé" : "";
}

// `35 % demande.ressources`, `2 (a + b)`: a number (with its unit) then
// an operand, as one writes a product on paper; the number as written, or "".
std::string numberBeforeOperand(const HintSite& s) {
  if ((s.type != L::ID && s.text != "(") || !s.previous || s.previous->getLine() != s.offending.getLine()) return "";
  auto isUnit = [](const antlr4::Token* t) {
    const std::size_t u = t->getType();
    return u == L::PERCENT || u == L::EURO || u == L::SLASH_MOIS || u == L::SLASH_AN || u == L::M2 || u == L::POINTS ||
           u == L::POINT;
  };
  std::size_t from = s.at;
  while (from > 0 && isUnit(s.stream.get(from - 1))) --from;
  if (from == 0 || !isNumber(s.stream.get(from - 1))) return "";
  return joinTokens(s.stream, from - 1, s.at);
}

// The fallback for the above, once no more specific reading (`400 pts`,
// `35 pourcent`, `ET`) has fired.
std::string missingOperator(const HintSite& s) {
  const std::string left = numberBeforeOperand(s);
  if (left.empty()) return "";
  return fmt::format("il manque un opérateur entre `{0}` et `{1}` : une multiplication s'écrit `×` (`{0} × {1}…`)",
                     left, s.text);
}

// `exige …` or `si … alors …` whose `sinon` is missing.
std::string missingElse(const HintSite& s) {
  // `exige loyer ≤ 35 % demande.r sinon …`: the `sinon` is there, a `×` is not.
  if (!s.expects(L::SINON) || s.expected.size() != 1 || !numberBeforeOperand(s).empty()) return "";
  const std::size_t open = openConstruct(s.stream, s.offending);
  if (open == L::EXIGE && s.type == L::SAUF)
    return "`sauf si` vient après le motif : `exige … sinon alerte \"motif\" sauf si …`";
  if (open == L::EXIGE)
    return "une règle dit ce qui arrive quand son exigence n'est pas remplie : ajoutez `sinon refus \"motif\"` ou "
           "`sinon alerte \"motif\"`";
  if (open == L::SI)
    return "un `si … alors …` a toujours un `sinon` : ajoutez `sinon …` (la valeur dans les autres cas)";
  return "";
}

// A declaration where the previous one's block is still open.
std::string blockLeftOpen(const HintSite& s) {
  return startsDeclaration(s.type) && s.expectsShown("`}`")
             ? "le bloc précédent n'est pas fermé : il manque une `}` avant cette déclaration"
             : "";
}

std::string misspeltWord(const HintSite& s) { return wordHint(s.text, s.type, s.expected, s.vocabulary); }

std::string quotaTarget(const HintSite& s) {
  return s.quotaNoun && s.type == L::ID
             ? "la cible d'un quota compte des attributions : `au moins 25 attributions où …`, ou une part : `au "
               "moins 25 % où …`"
             : "";
}

// `if x then …`: `if` was read as a name, the parser stops after it.
std::string foreignWordBefore(const HintSite& s) {
  if (!s.previous || s.previous->getType() != L::ID) return "";
  const std::string loge = foreignWord(s.previous->getText());
  return loge.empty() ? "" : fmt::format("`{}` : en Loge, on écrit `{}`", s.previous->getText(), loge);
}

// `id: "A"` in a test record, `critère x "…" : 10 points`, `date: …`: the
// colon of JSON or of a form.
std::string colonOfForms(const HintSite& s) {
  if ((s.text == ":" || s.text == "=") && s.previous && foldAccents(asciiLower(s.previous->getText())) == "date" &&
      s.next && s.next->getType() == L::DATE_LIT)
    return fmt::format("la date d'un test s'écrit sans {} : `date {}`", s.text == ":" ? "deux-points" : "`=`",
                       s.next->getText());
  if (s.text == ":" && s.expectsShown("`=`"))
    return s.previous && s.previous->getType() == L::STRING
               ? "la valeur suit `=`, pas `:` : `critère x \"Libellé\" = 10 points si …`"
               : "une valeur se donne avec `=`, pas `:` : `id = \"A\"` ; dans un test, les champs se suivent sans "
                 "virgules (`id = \"A\" nb_enfants = 2`)";
  return "";
}

// A comma between the fields of a structure or the roles of a schéma.
std::string commaInBlock(const HintSite& s) {
  if (s.text != ",") return "";
  const std::size_t block = enclosingBlock(s.stream, s.offending);
  if (block == 0) return "";
  const auto [before, after] = aroundComma(s.stream, s.at);
  const char* what = block == L::STRUCTURE ? "champs d'une structure"
                     : block == L::SCHEMA  ? "rôles du schéma"
                                           : "valeurs d'une énumération";
  return after.empty()
             ? fmt::format("les {} se suivent sans virgule, pas même après le dernier", what)
             : fmt::format("les {} se suivent sans virgule, un par ligne : `{}` puis `{}`", what, before, after);
}

// `critère x "Libellé" 400 points`: the `=` is missing.
std::string missingEquals(const HintSite& s) {
  if (s.expectedNames.size() > 4 || !s.expectsShown("`=`") ||
      !(isNumber(&s.offending) || s.type == L::SI || s.type == L::MINUS))
    return "";
  return fmt::format("la valeur suit `=` : `= {} …`", s.text);
}

// `définition x : entier 3`: read as the start of an interval type.
std::string valueAfterType(const HintSite& s) {
  if (s.expectedNames.size() != 1 || s.expectedNames[0] != "`..`" || !s.previous || s.previous->getType() != L::INT_LIT)
    return "";
  return fmt::format("une valeur se donne après `=` : `= {0}` ; `entier {0}..6` serait un entier borné",
                     s.previous->getText());
}

// ---- a criterion's value as one says it

// `10 points par enfant`.
std::string pointsPer(const HintSite& s) {
  if (!s.expects(L::CRITERE) || s.type != L::PAR || !s.previous ||
      (s.previous->getType() != L::POINTS && s.previous->getType() != L::POINT))
    return "";
  const std::string points =
      s.at >= 2 ? s.stream.get(s.at - 2)->getText() + " " + s.previous->getText() : s.previous->getText();
  return fmt::format("« {0} par … » s'écrit avec une multiplication : `{0} × demande.nb_enfants`", points);
}

// `… maximum 50 points`, `plafonné à 50 points`.
std::string cappedCriterion(const HintSite& s) {
  const std::string& w = s.word;
  if (!s.expects(L::CRITERE) || (w != "maximum" && w != "max" && w != "plafonne" && w != "plafonnee" && w != "limite"))
    return "";
  // The value written before the word, and the bound after it.
  std::size_t from = s.at;
  while (from > 0 && s.stream.get(from - 1)->getText() != "=" &&
         s.stream.get(from - 1)->getLine() == s.offending.getLine())
    --from;
  const std::string value = joinTokens(s.stream, from, s.at);
  std::size_t boundFrom = s.at + 1;
  while (boundFrom < s.stream.size() &&
         (s.stream.get(boundFrom)->getType() == L::A || s.stream.get(boundFrom)->getType() == L::DE))
    ++boundFrom;
  std::size_t boundTo = boundFrom;
  while (boundTo < s.stream.size() && boundTo < boundFrom + 3 &&
         s.stream.get(boundTo)->getLine() == s.offending.getLine() && s.stream.get(boundTo)->getText() != "}" &&
         s.stream.get(boundTo)->getType() != antlr4::Token::EOF)
    ++boundTo;
  const std::string bound = joinTokens(s.stream, boundFrom, boundTo);
  return fmt::format("pour plafonner un critère, prenez le minimum : `min({}, {})` ; `plafond N points` s'écrit à la "
                     "fin d'une cotation ou d'une rubrique",
                     value.empty() ? "…" : value, bound.empty() ? "50 points" : bound);
}

// `= +400 points`.
std::string plusSign(const HintSite& s) {
  if (s.text != "+" || !s.previous || s.previous->getText() != "=" || !isNumber(s.next)) return "";
  std::string number = s.next->getText();
  if (s.at + 2 < s.stream.size()) {
    const std::size_t unit = s.stream.get(s.at + 2)->getType();
    if (unit == L::POINTS || unit == L::POINT || unit == L::EURO || unit == L::PERCENT || unit == L::M2)
      number += " " + s.stream.get(s.at + 2)->getText();
  }
  return fmt::format("un nombre positif s'écrit sans `+` : `{}`", number);
}

// `ET`, `Si`: the language's words are written in lower case.
std::string capitalisedKeyword(const HintSite& s) {
  for (const antlr4::Token* w : {&s.offending, s.previous}) {
    if (!w || w->getType() != L::ID) continue;
    const std::string lower = asciiLower(w->getText());
    if (w->getText() == lower) continue;
    for (std::size_t k = 1; k <= s.vocabulary.getMaxTokenType(); ++k)
      if (describeTokenType(s.vocabulary, k) == "`" + lower + "`")
        return fmt::format("les mots du langage s'écrivent en minuscules : `{}`", lower);
  }
  return "";
}

// `x dans (3, 4)`: a list between brackets.
std::string listInParentheses(const HintSite& s) {
  if (s.text != "," || s.expectedNames.size() != 1 || s.expectedNames[0] != "`)`") return "";
  for (std::size_t k = s.at; k-- > 1;) {
    const std::string w = s.stream.get(k)->getText();
    if (w == "(")
      return s.stream.get(k - 1)->getType() == L::DANS
                 ? fmt::format("une liste s'écrit entre crochets : `[{}]`",
                               joinTokens(s.stream, k + 1, closingParen(s.stream, k)))
                 : "";
    if (w == ")" || w == "{" || w == "}") break;
  }
  return "";
}

// `a x 2`: the product typed without the language's sign.
std::string letterX(const HintSite& s) {
  if (s.type != L::ID || (s.text != "x" && s.text != "X") || !endsOperand(s.previous) || !s.next ||
      !(isNumber(s.next) || s.next->getType() == L::ID || s.next->getText() == "("))
    return "";
  return "la multiplication s'écrit `×` (ASCII : `*`)";
}

// `2demande.x` (only before a path: `1500euros`, `35pourcent` are units
// glued on).
std::string numberGluedToPath(const HintSite& s) {
  if (s.type != L::ID || !isNumber(s.previous) || s.previous->getStopIndex() + 1 != s.offending.getStartIndex() ||
      !s.next || s.next->getText() != ".")
    return "";
  std::size_t end = s.at + 1;
  while (end + 1 < s.stream.size() && s.stream.get(end)->getText() == "." && s.stream.get(end + 1)->getType() == L::ID)
    end += 2;
  return fmt::format("la multiplication s'écrit `×` (ASCII : `*`) : `{} × {}`", s.previous->getText(),
                     joinTokens(s.stream, s.at, end));
}

// `€1500/mois`.
std::string unitBeforeNumber(const HintSite& s) {
  if (!isNumber(&s.offending) || !s.previous || s.previous->getType() != L::EURO) return "";
  std::string period;
  if (s.next && (s.next->getType() == L::SLASH_MOIS || s.next->getType() == L::SLASH_AN))
    period = s.next->getType() == L::SLASH_MOIS ? "/mois" : "/an";
  return fmt::format("l'unité suit le nombre : `{} €{}`", s.text, period);
}

// ---- declarations as other languages write them

std::string quotedEnumerationValue(const HintSite& s) {
  if (s.type != L::STRING || !insideEnumeration(s.stream, s.offending)) return "";
  return fmt::format("les valeurs d'une énumération sont des noms, sans guillemets ; le texte peut rester comme "
                     "libellé : `{} {}`",
                     identifierFrom(s.text), s.text);
}

// `énumération Zone = A | B | C`.
std::string enumerationWithEquals(const HintSite& s) {
  if (s.text != "=" || !s.previous || s.previous->getType() != L::ID || s.at < 2 ||
      s.stream.get(s.at - 2)->getType() != L::ENUMERATION)
    return "";
  std::string values;
  for (std::size_t k = s.at + 1; k < s.stream.size() && k < s.at + 40; ++k) {
    const antlr4::Token* w = s.stream.get(k);
    if (w->getLine() != s.offending.getLine() || w->getType() == antlr4::Token::EOF) break;
    if (w->getType() == L::ID) values += w->getText() + " ";
  }
  return fmt::format("les valeurs s'écrivent entre accolades, sans `|` ni virgules : `énumération {} {{ {}}}`",
                     s.previous->getText(), values.empty() ? std::string("A B C ") : values);
}

// `définition f(n entier)`.
std::string parameterWithoutColon(const HintSite& s) {
  if (s.expectedNames.size() != 1 || s.expectedNames[0] != "`:`" || !s.previous || s.previous->getType() != L::ID ||
      s.at < 2 || (s.stream.get(s.at - 2)->getText() != "(" && s.stream.get(s.at - 2)->getText() != ","))
    return "";
  return fmt::format("un paramètre s'écrit `nom : type` : `{} : {}`", s.previous->getText(), s.text);
}

// `définition x = 3`.
std::string definitionWithoutType(const HintSite& s) {
  if (s.text != "=" || !s.expectsShown("`:`")) return "";
  const std::size_t d = definitionHeader(s.stream, s.at);
  if (d == 0) return "";
  return fmt::format("une définition déclare le type de sa valeur : `définition {} : entier = …` (ou `: booléen`, "
                     "`: montant mensuel`…)",
                     s.stream.get(d + 1)->getText());
}

// `définition x "Libellé" : …`, as a field or a criterion has one.
std::string labelledDefinition(const HintSite& s) {
  if (s.type != L::STRING || s.at < 2 || s.stream.get(s.at - 2)->getType() != L::DEFINITION) return "";
  return fmt::format("une définition n'a pas de libellé : `définition {} : type = …` ; décrivez-la dans un "
                     "commentaire `# …` au-dessus",
                     s.previous->getText());
}

std::string valueInBraces(const HintSite& s) {
  return s.text == "{" && s.expectedNames.size() == 1 && s.expectedNames[0] == "`=`"
             ? "la valeur suit `=`, sans accolades : `= …`"
             : "";
}

std::string returnStatement(const HintSite& s) {
  return s.previous && s.previous->getType() == L::ID && foldAccents(asciiLower(s.previous->getText())) == "return"
             ? "une définition n'a pas de `return` : sa valeur suit `=` directement"
             : "";
}

// ---- tests and parameters

std::string unquotedTestName(const HintSite& s) {
  return s.type == L::ID && s.previous && s.previous->getType() == L::TEST
             ? fmt::format("le nom d'un test s'écrit entre guillemets : `test \"{}\" {{ … }}`", s.text)
             : "";
}

std::string parameterWithoutDate(const HintSite& s) {
  if (s.text != "=" || !parameterHeader(s.stream, s.at)) return "";
  return fmt::format("un paramètre donne chaque valeur avec la date d'où elle vaut : `depuis 2025-01-01 : {}` (une "
                     "valeur qui ne change jamais peut être une `définition`)",
                     s.next && s.next->getType() != antlr4::Token::EOF ? cellText(s.stream, s.at + 1) : "…");
}

// `depuis 2024-01-01 : 3 €/an, 4 €/an`: several values on one period's line.
std::string commaBetweenParameterValues(const HintSite& s) {
  if (s.text != ",") return "";
  std::size_t first = s.at;
  while (first > 0 && s.stream.get(first - 1)->getLine() == s.offending.getLine()) --first;
  const antlr4::Token* start = s.stream.get(first);
  if (start->getType() != L::DEPUIS || first + 1 >= s.at) return "";
  return fmt::format("un paramètre a une valeur par période : `{}`, puis une ligne `depuis AAAA-MM-JJ : …` pour "
                     "chaque changement",
                     joinTokens(s.stream, first, s.at));
}

// `depuis 2025-01-01 = 3`.
std::string equalsAfterDate(const HintSite& s) {
  if (s.text != "=" || !s.previous || s.previous->getType() != L::DATE_LIT || s.at < 2) return "";
  const antlr4::Token* keyword = s.stream.get(s.at - 2);
  if (keyword->getType() != L::DEPUIS && keyword->getType() != L::JUSQU) return "";
  return fmt::format("la valeur suit `:` : `{} {} : …`", keyword->getText(), s.previous->getText());
}

// `depuis le 2025-01-01`.
std::string articleAfterDepuis(const HintSite& s) {
  if (!s.previous || s.previous->getType() != L::DEPUIS || s.type == L::DATE_LIT || !s.next ||
      s.next->getType() != L::DATE_LIT)
    return "";
  return fmt::format("la date suit `depuis` directement : `depuis {}`", s.next->getText());
}

std::string fromTheDate(const HintSite& s) {
  return s.type == L::A && s.next && foldAccents(asciiLower(s.next->getText())) == "partir"
             ? "« à partir du » s'écrit `depuis` : `depuis 2025-01-01 : …`"
             : "";
}

// ---- rules

std::string unquotedMotif(const HintSite& s) {
  if (s.type != L::ID || !s.previous || (s.previous->getType() != L::REFUS && s.previous->getType() != L::ALERTE))
    return "";
  // The words of the motif: up to the end of the line, the block or `sauf si`.
  std::size_t end = s.at;
  std::size_t length = 0;
  for (; end < s.stream.size() && length <= 60; ++end) {
    const antlr4::Token* w = s.stream.get(end);
    if (w->getType() == antlr4::Token::EOF || w->getLine() != s.offending.getLine() || w->getText() == "}" ||
        w->getType() == L::SAUF)
      break;
    length += w->getText().size() + 1;
  }
  return fmt::format("le motif s'écrit entre guillemets : `{} \"{}\"`", s.previous->getText(),
                     joinTokens(s.stream, s.at, end));
}

std::string colonForRequirement(const HintSite& s) {
  return s.text == ":" && s.expects(L::EXIGE)
             ? "une règle énonce son exigence avec `exige` : `règle nom exige condition sinon refus \"motif\"`"
             : "";
}

std::string requirementWithoutRule(const HintSite& s) {
  return s.type == L::EXIGE && s.expects(L::REGLE)
             ? "chaque exigence est une règle nommée : `règle nom exige condition sinon refus \"motif\"`"
             : "";
}

std::string ruleOutsideBlock(const HintSite& s) {
  return s.type == L::REGLE && s.braceDepth == 0
             ? "une règle s'écrit dans un bloc : `éligibilité nom pour logement { règle … }` ou `harmonisation nom { "
               "règle … }`"
             : "";
}

std::string criterionOutsideCotation(const HintSite& s) {
  return s.type == L::CRITERE && s.braceDepth == 0
             ? "un critère s'écrit dans une cotation : `cotation principale \"Grille\" { critère … }`"
             : "";
}

// A comma between the criteria of a cotation, as between list items.
std::string commaBetweenCriteria(const HintSite& s) {
  return s.text == "," && s.expects(L::CRITERE) ? "les critères se suivent, un par ligne, sans virgule entre eux" : "";
}

// `sinon "motif"`: the status is missing.
std::string missingStatus(const HintSite& s) {
  if (s.type != L::STRING || !s.previous || s.previous->getType() != L::SINON || !s.expects(L::REFUS)) return "";
  return fmt::format("précisez ce qui arrive : `sinon refus {0}` (la demande est écartée) ou `sinon alerte {0}` "
                     "(signalée à la commission)",
                     s.text);
}

// The header is optional, so a misspelt `politique` on the first line is
// reported where declarations are expected, without `politique`.
std::string misspeltHeader(const HintSite& s) {
  return s.type == L::ID && isFirstToken(s.stream, s.offending) && editDistance(s.word, "politique") <= 2
             ? "vouliez-vous dire `politique` ? (l'en-tête s'écrit `politique \"Nom de la politique\"`)"
             : "";
}

enum class When {
  Always,  // replaces the hint of an earlier rule
  NoneYet, // tried only while no earlier rule has fired
};

struct HintRule {
  When when;
  std::string (*hint)(const HintSite&);
};

const HintRule kRules[] = {
    {When::Always, unitWithoutNumber},
    {When::Always, aggregateAsOperand},
    {When::Always, thousandsSeparatedBySpace},
    {When::Always, dateWithSlashes},
    {When::NoneYet, dateInWords},
    {When::Always, amountPerPeriod},
    {When::Always, bandAsSaid},
    {When::Always, percentInWords},
    {When::Always, percentOf},
    {When::Always, spreadsheetComparison},
    {When::Always, spreadsheetDifference},
    {When::Always, isAsEquals},
    {When::Always, whenAsIf},
    {When::Always, typographicApostrophe},
    {When::Always, criterionWithElse},
    {When::Always, referenceOfEnumerationValue},
    {When::Always, conditionalRequirementHint},
    {When::Always, doubledEquals},
    {When::Always, doubledBarForOr},
    {When::Always, decimalComma},
    {When::Always, barremeRowCut},
    {When::Always, unclosedAtEnd},
    {When::NoneYet, missingElse},
    {When::NoneYet, blockLeftOpen},
    {When::NoneYet, misspeltWord},
    {When::NoneYet, quotaTarget},
    {When::NoneYet, foreignWordBefore},
    {When::Always, colonOfForms},
    {When::Always, commaInBlock},
    {When::NoneYet, missingEquals},
    {When::Always, valueAfterType},
    {When::Always, pointsPer},
    {When::Always, cappedCriterion},
    {When::Always, plusSign},
    {When::NoneYet, capitalisedKeyword},
    {When::Always, listInParentheses},
    {When::Always, letterX},
    {When::Always, numberGluedToPath},
    {When::Always, unitBeforeNumber},
    {When::Always, quotedEnumerationValue},
    {When::Always, enumerationWithEquals},
    {When::Always, parameterWithoutColon},
    {When::Always, definitionWithoutType},
    {When::Always, labelledDefinition},
    {When::Always, valueInBraces},
    {When::Always, returnStatement},
    {When::Always, unquotedTestName},
    {When::Always, parameterWithoutDate},
    {When::Always, equalsAfterDate},
    {When::Always, commaBetweenParameterValues},
    {When::Always, articleAfterDepuis},
    {When::Always, fromTheDate},
    {When::Always, unquotedMotif},
    {When::Always, colonForRequirement},
    {When::Always, requirementWithoutRule},
    {When::Always, ruleOutsideBlock},
    {When::Always, criterionOutsideCotation},
    {When::Always, commaBetweenCriteria},
    {When::Always, missingStatus},
    {When::Always, between},
    {When::NoneYet, misspeltHeader},
    {When::NoneYet, missingOperator},
};

} // namespace

HintSite::HintSite(antlr4::TokenStream& stream, const antlr4::Token& offending,
                   const antlr4::dfa::Vocabulary& vocabulary, const antlr4::misc::IntervalSet& expected,
                   const std::vector<std::string>& expectedNames, bool quotaNoun, bool unclosedBracket, int braceDepth)
    : stream(stream), offending(offending), vocabulary(vocabulary), expected(expected), expectedNames(expectedNames),
      quotaNoun(quotaNoun), unclosedBracket(unclosedBracket), braceDepth(braceDepth), at(offending.getTokenIndex()),
      type(offending.getType()), text(offending.getText()), word(foldAccents(asciiLower(text))),
      previous(at > 0 ? stream.get(at - 1) : nullptr), next(at + 1 < stream.size() ? stream.get(at + 1) : nullptr) {}

bool HintSite::expectsShown(const std::string& name) const {
  return std::find(expectedNames.begin(), expectedNames.end(), name) != expectedNames.end();
}

WordAfterType wordAfterFieldType(antlr4::TokenStream& stream, const antlr4::Token& offending,
                                 const std::vector<std::string>& expectedNames) {
  const std::size_t at = offending.getTokenIndex();
  if (at < 4 || std::find(expectedNames.begin(), expectedNames.end(), "`:`") == expectedNames.end()) return {};
  const antlr4::Token* word = stream.get(at - 1);
  if (word->getType() != L::ID || word->getLine() == offending.getLine()) return {};
  // Back along the word's line to the field's `:`, through the type's words.
  std::size_t colon = at - 2;
  while (colon > 0 && stream.get(colon)->getLine() == word->getLine() && stream.get(colon)->getText() != ":" &&
         stream.get(colon)->getText() != "{" && stream.get(colon)->getText() != "=")
    --colon;
  const antlr4::Token* c = stream.get(colon);
  if (c->getText() != ":" || c->getLine() != word->getLine() || colon == at - 2) return {};
  std::size_t name = colon - 1;
  if (stream.get(name)->getType() == L::STRING && name > 0) --name;
  WordAfterType out;
  out.word = word;
  out.field = stream.get(name)->getText();
  static const char* const kTypeWords[] = {"mensuel", "annuel", "entier",  "decimal", "booleen",
                                           "texte",   "date",   "montant", "surface", "points"};
  const std::string folded = foldAccents(asciiLower(word->getText()));
  const char* closest = nullptr;
  std::size_t best = 3;
  for (const char* w : kTypeWords)
    if (std::size_t d = editDistance(folded, w); d < best) {
      best = d;
      closest = w;
    }
  const std::string type = joinTokens(stream, colon + 1, at - 1);
  if (closest && (std::string(closest) == "mensuel" || std::string(closest) == "annuel"))
    out.hint = fmt::format("vouliez-vous dire `{} {}` ?", type, closest);
  else if (closest)
    out.hint =
        fmt::format("vouliez-vous dire `{}` ? Un type est suivi de la fin de la ligne (un champ par ligne)", closest);
  else if (folded == "positif" || folded == "positive" || folded == "naturel" || folded == "positifs")
    out.hint = fmt::format("une borne s'écrit entre parenthèses : `{} (au moins 0)`, ou `(au moins 1)`", type);
  else
    out.hint = fmt::format("le type du champ `{0}` est `{1}` ; un libellé s'écrit entre guillemets après le nom "
                           "(`{0} \"{2}\" : {1}`), et chaque champ sur sa ligne",
                           out.field, type, word->getText());
  return out;
}

std::string syntaxHint(const HintSite& site) {
  std::string hint;
  for (const HintRule& rule : kRules) {
    if (rule.when == When::NoneYet && !hint.empty()) continue;
    if (std::string h = rule.hint(site); !h.empty()) hint = std::move(h);
  }
  return hint;
}

} // namespace loge::syntax::internal
