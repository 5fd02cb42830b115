// Syntax stage (internal): turns ANTLR's English error strings into located
// French diagnostics, built from the offending token and the expected set.
#include "error_listener.h"

#include "LogeLexer.h"
#include "LogeParser.h"
#include "loge/source/edit_distance.h"
#include "loge/source/source.h"
#include "loge/source/utf8.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

namespace loge::syntax::internal {

namespace {
using L = loge_antlr::LogeLexer;

std::string shown(const std::string& text) {
  if (text == "<EOF>") return "la fin du fichier";
  std::string t = text.size() > 40 ? text.substr(0, 40) + "…" : text;
  return "`" + t + "`";
}
// Whether `comma` sits between two integers with no space (`0,3`): a
// decimal comma, as French writes numbers.
bool adjacentDigits(antlr4::TokenStream& tokens, const antlr4::Token& comma) {
  std::size_t i = comma.getTokenIndex();
  if (i == 0 || i + 1 >= tokens.size()) return false;
  const antlr4::Token* before = tokens.get(i - 1);
  const antlr4::Token* after = tokens.get(i + 1);
  return before->getType() == L::INT_LIT && after->getType() == L::INT_LIT &&
         before->getStopIndex() + 1 == comma.getStartIndex() && comma.getStopIndex() + 1 == after->getStartIndex();
}

// An unknown character as a diagnostic shows it: the invisible ones (control
// characters, zero-width spaces, a byte-order mark inside the file), which
// copy-pasting from a word processor or a web page brings, by their code
// point — printed as such, they would show nothing, or cut the message.
std::string visibleCharacter(const std::string& c) {
  std::size_t length = 0;
  const char32_t cp = decodeUtf8(c, 0, length);
  const bool invisible = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xAD ||
                         (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
                         (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF;
  return invisible ? fmt::format("U+{:04X}", static_cast<std::uint32_t>(cp)) : c;
}

// What a newcomer meant by a character Loge does not use: an invisible one,
// the operators of other languages, typographic quotes, a statement
// terminator.
std::string unknownCharacterHint(const std::string& c) {
  if (visibleCharacter(c) != c)
    return "ce caractère est invisible (souvent laissé par un copier-coller ou une conversion de fichier) : "
           "supprimez-le";
  if (c == "&") return "« et » s'écrit `et` : `a et b`";
  if (c == "!") return "la négation s'écrit `non` : `non a` ; la différence, `≠` (ASCII : `!=`)";
  if (c == "«" || c == "»" || c == "“" || c == "”" || c == "'" || c == "’")
    return "un texte s'écrit entre guillemets droits : `\"Ressources trop élevées\"`";
  if (c == ";") return "une déclaration finit avec sa ligne : retirez le `;`";
  return "";
}

// Whether `bar` is one of two `|` written together (`||`, as in C).
bool doubledBar(antlr4::TokenStream& tokens, const antlr4::Token& bar) {
  std::size_t i = bar.getTokenIndex();
  auto glued = [](const antlr4::Token* a, const antlr4::Token* b) {
    return a->getText() == "|" && b->getText() == "|" && a->getStopIndex() + 1 == b->getStartIndex();
  };
  return (i > 0 && glued(tokens.get(i - 1), &bar)) || (i + 1 < tokens.size() && glued(&bar, tokens.get(i + 1)));
}

// Whether `equals` directly follows another `=` (`==`, as in C or Python).
bool followsEquals(antlr4::TokenStream& tokens, const antlr4::Token& equals) {
  std::size_t i = equals.getTokenIndex();
  if (i == 0) return false;
  const antlr4::Token* before = tokens.get(i - 1);
  return before->getText() == "=" && before->getStopIndex() + 1 == equals.getStartIndex();
}

// Whether `si` follows a rule's `exige` condition (`exige X si C`, as one
// says it in French): the nearest `exige` before it, with no `règle` or
// block in between.
bool conditionalRequirement(antlr4::TokenStream& tokens, const antlr4::Token& si) {
  for (std::size_t i = si.getTokenIndex(); i-- > 0;) {
    std::size_t type = tokens.get(i)->getType();
    if (type == L::EXIGE) return true;
    if (type == L::REGLE || type == L::SINON || tokens.get(i)->getText() == "{" || tokens.get(i)->getText() == "}")
      return false;
  }
  return false;
}

// What a missing `sinon` belongs to: the nearest `exige` or `si` before
// `at` within the statement (a rule, a definition), or 0.
std::size_t openConstruct(antlr4::TokenStream& tokens, const antlr4::Token& at) {
  for (std::size_t i = at.getTokenIndex(); i-- > 0;) {
    const antlr4::Token* t = tokens.get(i);
    std::size_t type = t->getType();
    if (type == L::EXIGE || type == L::SI) return type;
    if (type == L::REGLE || type == L::SINON || type == L::DEFINITION || t->getText() == "{" || t->getText() == "}")
      return 0;
  }
  return 0;
}

// Whether the criterion being written has a `si` with no `alors` before
// `at` (`= 10 points si C sinon 5 points`, as one says it in French).
bool conditionalCriterion(antlr4::TokenStream& tokens, const antlr4::Token& at) {
  bool si = false;
  for (std::size_t i = at.getTokenIndex(); i-- > 0;) {
    const antlr4::Token* t = tokens.get(i);
    std::size_t type = t->getType();
    if (type == L::ALORS) return false;
    if (type == L::SI) si = true;
    if (type == L::CRITERE) return si;
    if (type == L::REGLE || type == L::DEFINITION || t->getText() == "{" || t->getText() == "}") return false;
  }
  return false;
}

// Whether `at` is inside an `énumération { … }`.
bool insideEnumeration(antlr4::TokenStream& tokens, const antlr4::Token& at) {
  for (std::size_t i = at.getTokenIndex(); i-- > 0;) {
    const antlr4::Token* t = tokens.get(i);
    if (t->getText() == "}") return false;
    if (t->getType() == L::ENUMERATION) return true;
  }
  return false;
}

// The keyword (STRUCTURE, SCHEMA, ENUMERATION) of the block `at` is in, or 0
// outside
// those blocks.
std::size_t enclosingBlock(antlr4::TokenStream& tokens, const antlr4::Token& at) {
  for (std::size_t i = at.getTokenIndex(); i-- > 0;) {
    const antlr4::Token* t = tokens.get(i);
    if (t->getText() == "}") return 0;
    if (t->getType() == L::STRUCTURE || t->getType() == L::SCHEMA || t->getType() == L::ENUMERATION)
      return t->getType();
  }
  return 0;
}

std::string asciiLower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

// What a newcomer meant by a word the grammar does not take here: the
// French keyword for an English one (`and`, `criterion`), an abbreviation
// (`pts`), a keyword misspelt (`critére`, `Critere`), a keyword used as a
// name (`critère structure`).
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
// `JJ/MM/AAAA` from `token` on: the ISO spelling when it is one, else "".
std::string frenchDate(antlr4::TokenStream& tokens, const antlr4::Token& token) {
  const std::size_t i = token.getTokenIndex();
  if (i + 4 >= tokens.size()) return "";
  auto text = [&](std::size_t k) { return tokens.get(k)->getText(); };
  auto digits = [](const std::string& x, std::size_t lo, std::size_t hi) {
    return x.size() >= lo && x.size() <= hi &&
           std::all_of(x.begin(), x.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (text(i + 1) == "/" && text(i + 3) == "/") {
    const std::string d = text(i), m = text(i + 2), y = text(i + 4);
    if (!digits(d, 1, 2) || !digits(m, 1, 2) || !digits(y, 4, 4)) return "";
    return fmt::format("{}-{:0>2}-{:0>2}", y, m, d);
  }
  // `2025-1-1`: the month and the day on two digits.
  if (text(i + 1) == "-" && text(i + 3) == "-") {
    const std::string y = text(i), m = text(i + 2), d = text(i + 4);
    if (!digits(y, 4, 4) || !digits(m, 1, 2) || !digits(d, 1, 2) || (m.size() == 2 && d.size() == 2)) return "";
    return fmt::format("{}-{:0>2}-{:0>2}", y, m, d);
  }
  return "";
}

// `le 1er janvier 2024`, `1 mars 2025`, as a decree writes a date, from
// `token`, the token before it (`depuis 1er janvier`: the parser may stop
// at `er`) or after it (`du 1 mars 2024 au …` stops at `du`): the ISO
// spelling, else "".
std::string spelledDate(antlr4::TokenStream& tokens, const antlr4::Token& token) {
  static const char* months[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                 "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
  static const std::regex pattern("^(?:le\\s+)?([0-9]{1,2})\\s*(?:er)?\\s+([^\\s0-9]+)\\s+([0-9]{4})\\b",
                                  std::regex::icase);
  const std::size_t index = token.getTokenIndex();
  for (std::size_t from : {index, index > 0 ? index - 1 : index, index + 1}) {
    // The tokens carry no character stream: the line is rebuilt from them.
    std::string rest;
    for (std::size_t k = from; k < tokens.size() && k < from + 6; ++k) {
      const antlr4::Token* w = tokens.get(k);
      if (w->getLine() != token.getLine() || w->getType() == antlr4::Token::EOF) break;
      rest += (rest.empty() ? "" : " ") + w->getText();
    }
    // A date in words is short; std::regex recurses per character, and a
    // long text token on the line would exhaust the stack.
    if (rest.size() > 120) rest.resize(120);
    std::smatch m;
    if (!std::regex_search(rest, m, pattern)) continue;
    std::string month = foldAccents(asciiLower(m[2].str()));
    for (int k = 0; k < 12; ++k)
      if (month == foldAccents(months[k])) return fmt::format("{}-{:02}-{:0>2}", m[3].str(), k + 1, m[1].str());
  }
  return "";
}

// The text of the tokens from `from` to the end of its line or the next
// `|`, spaced as written (tokens carry no character stream).
// Tokens [from, to) as written: a space where the source has one.
std::string joinTokens(antlr4::TokenStream& tokens, std::size_t from, std::size_t to) {
  std::string out;
  const antlr4::Token* last = nullptr;
  for (std::size_t k = from; k < to && k < tokens.size(); ++k) {
    const antlr4::Token* w = tokens.get(k);
    if (w->getChannel() != antlr4::Token::DEFAULT_CHANNEL || w->getType() == antlr4::Token::EOF) continue;
    if (last && last->getStopIndex() + 1 != w->getStartIndex()) out += ' ';
    out += w->getText();
    last = w;
  }
  return out;
}

// The index of the `)` closing the `(` at `open` on its line (the end of
// the line when there is none).
std::size_t closingParen(antlr4::TokenStream& tokens, std::size_t open) {
  int depth = 0;
  const std::size_t line = tokens.get(open)->getLine();
  std::size_t k = open;
  for (; k < tokens.size(); ++k) {
    const antlr4::Token* w = tokens.get(k);
    if (w->getType() == antlr4::Token::EOF || w->getLine() != line) break;
    if (w->getText() == "(") ++depth;
    if (w->getText() == ")" && --depth == 0) break;
  }
  return k;
}

// The declarations on either side of a comma in a block, as written
// (`id : texte` and `dalo : booléen`): from the name before the previous
// `:` to the comma, and from the comma to the next `,` or `}`.
std::pair<std::string, std::string> aroundComma(antlr4::TokenStream& tokens, std::size_t comma) {
  std::size_t from = comma;
  while (from > 1 && !(tokens.get(from)->getText() == ":" && tokens.get(from - 1)->getType() == L::ID) &&
         tokens.get(from - 1)->getText() != "{")
    --from;
  if (tokens.get(from)->getText() == ":") --from;
  std::size_t to = comma + 1;
  while (to < tokens.size() && to < comma + 16 && tokens.get(to)->getText() != "," &&
         tokens.get(to)->getText() != "}" && tokens.get(to)->getType() != antlr4::Token::EOF)
    ++to;
  return {joinTokens(tokens, from, comma), joinTokens(tokens, comma + 1, to)};
}

// Whether token `at` is in a parameter's declaration before its first
// `depuis` (where its type is written).
bool parameterHeader(antlr4::TokenStream& tokens, std::size_t at) {
  for (std::size_t k = at; k-- > 0;) {
    const std::size_t type = tokens.get(k)->getType();
    if (type == L::DEPUIS) return false;
    if (type == L::PARAMETRE) return true;
    if (startsDeclaration(type)) return false;
  }
  return false;
}

// The index of the `définition` keyword when token `at` is in a
// définition's declaration before its `=`; 0 otherwise.
std::size_t definitionHeader(antlr4::TokenStream& tokens, std::size_t at) {
  for (std::size_t k = at; k-- > 0;) {
    const std::size_t type = tokens.get(k)->getType();
    if (type == L::DEFINITION) return k + 1 < at ? k : 0;
    if (startsDeclaration(type) || tokens.get(k)->getText() == "=") return 0;
  }
  return 0;
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

// How many braces are open before token `at`.
int braceDepth(antlr4::TokenStream& tokens, std::size_t at) {
  int depth = 0;
  for (std::size_t k = 0; k < at && k < tokens.size(); ++k) {
    const std::string text = tokens.get(k)->getText();
    if (text == "{") ++depth;
    if (text == "}" && depth > 0) --depth;
  }
  return depth;
}

// The path `a.b.c` that ends just before token `at` ("" when none does).
std::string pathBefore(antlr4::TokenStream& tokens, std::size_t at) {
  std::string path;
  std::size_t i = at;
  while (i > 0 && tokens.get(i - 1)->getType() == L::ID) {
    path = tokens.get(i - 1)->getText() + path;
    if (i < 2 || tokens.get(i - 2)->getText() != ".") break;
    path = "." + path;
    i -= 2;
  }
  return path;
}

std::string cellText(antlr4::TokenStream& tokens, std::size_t from) {
  std::string out;
  const antlr4::Token* first = tokens.get(from);
  const antlr4::Token* last = nullptr;
  for (std::size_t k = from; k < tokens.size(); ++k) {
    const antlr4::Token* w = tokens.get(k);
    if (w->getType() == antlr4::Token::EOF || w->getLine() != first->getLine() || w->getText() == "|") break;
    if (w->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
    if (last && last->getStopIndex() + 1 != w->getStartIndex()) out += ' ';
    out += w->getText();
    last = w;
  }
  return out;
}

// Whether `token` stands inside parentheses opened earlier on its line.
bool insideParentheses(antlr4::TokenStream& tokens, const antlr4::Token& token) {
  int depth = 0;
  for (std::size_t k = token.getTokenIndex(); k-- > 0;) {
    const antlr4::Token* w = tokens.get(k);
    if (w->getLine() != token.getLine()) break;
    if (w->getText() == ")") ++depth;
    if (w->getText() == "(" && depth-- == 0) return true;
  }
  return false;
}

// The cell of a barème row that `token` is in, as written, or "" when it
// is not in a row (rows end with LINE_END, cells are split by `|`).
std::string bandCell(antlr4::TokenStream& tokens, const antlr4::Token& token) {
  std::size_t k = token.getTokenIndex();
  for (; k > 0; --k) {
    const antlr4::Token* prev = tokens.get(k - 1);
    if (prev->getType() == loge_antlr::LogeParser::LINE_END || prev->getText() == "|") break;
    if (prev->getLine() != token.getLine()) return "";
  }
  return k > 0 ? cellText(tokens, k) : "";
}

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

bool isFirstToken(antlr4::TokenStream& tokens, const antlr4::Token& token) {
  for (std::size_t i = 0; i < token.getTokenIndex(); ++i)
    if (tokens.get(i)->getChannel() == antlr4::Token::DEFAULT_CHANNEL) return false;
  return true;
}
} // namespace

bool startsDeclaration(std::size_t type) {
  switch (type) {
  case L::IMPORTE:
  case L::SCHEMA:
  case L::STRUCTURE:
  case L::ENUMERATION:
  case L::PARAMETRE:
  case L::DEFINITION:
  case L::COTATION:
  case L::ELIGIBILITE:
  case L::HARMONISATION:
  case L::QUOTA:
  case L::CLASSEMENT:
  case L::SIMILARITE:
  case L::DEFAUTS:
  case L::TEST:
  case L::REMPLACE:
  case L::EXCEPTION: return true;
  default: return false;
  }
}

std::string describeTokenType(const antlr4::dfa::Vocabulary& vocabulary, std::size_t type) {
  switch (type) {
  case L::ID: return "un nom";
  case L::INT_LIT: return "un nombre entier";
  case L::DEC_LIT: return "un nombre décimal";
  case L::DATE_LIT: return "une date (AAAA-MM-JJ)";
  case L::STRING: return "un texte entre guillemets";
  case antlr4::Token::EOF: return "la fin du fichier";
  case loge_antlr::LogeParser::LINE_END: return "la fin de la ligne du tableau";
  case L::JUSQU: return "`jusqu'au`";
  default: break;
  }
  std::string lit = vocabulary.getLiteralName(type);
  if (lit.size() >= 2 && lit.front() == '\'') return "`" + lit.substr(1, lit.size() - 2) + "`";
  std::string sym = vocabulary.getSymbolicName(type);
  // Generated from the grammar (grammar/CMakeLists.txt): rule name, accented spelling.
  static const std::map<std::string, std::string> kAccented = {
#include "keyword_spellings.inc"
  };
  if (auto it = kAccented.find(sym); it != kAccented.end()) return "`" + it->second + "`";
  for (auto& c : sym) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return "`" + sym + "`";
}

void ErrorListener::syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line,
                                size_t charPositionInLine, const std::string& /*msg*/, std::exception_ptr /*e*/) {
  ++count_;
  if (offending && !boundaries_.empty()) {
    std::size_t index = offending->getTokenIndex();
    if (lastError_) {
      auto next = std::upper_bound(boundaries_.begin(), boundaries_.end(), *lastError_);
      bool movedOn = next != boundaries_.end() && *next < index;
      if (!movedOn) return; // still inside the statement that failed
    }
    lastError_ = index;
  }
  SourceRange range;
  range.file = file_;
  range.begin.line = static_cast<std::uint32_t>(line) + (origin_.line ? origin_.line - 1 : 0);
  range.begin.column = static_cast<std::uint32_t>(charPositionInLine) + (origin_.line ? origin_.column : 1);
  range.end = range.begin;
  std::string message;
  std::string hint;
  auto* parser = dynamic_cast<antlr4::Parser*>(recognizer);
  if (!offending || !parser) {
    // Lexer errors cannot happen (UNKNOWN_CHAR catches every character).
    message = "texte inattendu";
  } else {
    std::string text = offending->getText();
    std::size_t width = offending->getType() == L::EOF ? 1 : std::max<std::size_t>(1, codePointCount(text));
    range.end.column = range.begin.column + static_cast<std::uint32_t>(width);
    // `= 5.` at the end of a line: the parser takes the point for a field
    // access and stumbles on the next line's first word; the fault is the
    // number, where it is.
    // (`23_201. €/an`: the parser gets one token further.)
    for (std::size_t back = 1; back <= 2 && offending->getTokenIndex() >= back + 1; ++back) {
      antlr4::TokenStream& tokens = *parser->getTokenStream();
      antlr4::Token* point = tokens.get(offending->getTokenIndex() - back);
      antlr4::Token* number = tokens.get(offending->getTokenIndex() - back - 1);
      if (point->getText() == "." && number->getType() == L::INT_LIT && (back == 2 || offending->getType() != L::ID) &&
          number->getStopIndex() + 1 == point->getStartIndex()) {
        SourceRange at = range;
        at.begin.line = static_cast<std::uint32_t>(number->getLine()) + (origin_.line ? origin_.line - 1 : 0);
        at.begin.column =
            static_cast<std::uint32_t>(number->getCharPositionInLine()) + (origin_.line ? origin_.column : 1);
        at.end = at.begin;
        at.end.column += static_cast<std::uint32_t>(codePointCount(number->getText()) + 1);
        Diagnostic& d = diags_.report(
            DiagKind::SyntaxError, at,
            fmt::format("nombre inachevé `{}.` : il manque des chiffres après le point", number->getText()));
        d.hint = fmt::format("écrivez `{0}` ou `{0}.0` ; un nombre décimal a des chiffres de part et d'autre du point",
                             number->getText());
        return;
      }
    }
    if (offending->getType() == L::UNKNOWN_CHAR && text == "\"") {
      Diagnostic& d = diags_.report(DiagKind::BadString, range, "texte non terminé : il manque le guillemet fermant");
      d.hint = "un texte tient sur une ligne ; écrivez `\\n` pour un saut de ligne et `\\\"` pour un guillemet";
      return;
    }
    if (offending->getType() == L::UNKNOWN_CHAR) {
      Diagnostic& d = diags_.report(DiagKind::UnknownCharacter, range, visibleCharacter(text));
      d.hint = unknownCharacterHint(text);
      // `max(a; b)`, as a spreadsheet separates arguments.
      if (text == ";" && insideParentheses(*parser->getTokenStream(), *offending))
        d.hint = "les arguments se séparent par une virgule : `max(a, b)`";
      return;
    }
    if (offending->getType() == L::STRING && text.find('\n') == std::string::npos && text.back() != '"') {
      message = "texte non terminé : il manque le guillemet fermant";
    } else {
      if (offending->getType() == L::EOF)
        message = "fin du fichier inattendue";
      else if (offending->getType() == loge_antlr::LogeParser::LINE_END)
        message = "fin de la ligne du tableau inattendue";
      else
        message = fmt::format("{} inattendu ici", shown(text));
      antlr4::misc::IntervalSet expected;
      try {
        expected = parser->getExpectedTokens();
      } catch (...) {
        // ANTLR may fail to compute the set after an earlier error.
      }
      std::vector<std::string> names;
      // After a quota's number, the name the grammar accepts is the word
      // `attribution` alone (`au moins 1 attribution où …`): not « un nom ».
      const bool quotaNoun = expected.contains(static_cast<std::size_t>(L::ATTRIBUTIONS)) &&
                             expected.contains(static_cast<std::size_t>(L::WHERE));
      for (std::size_t t : expected.toList()) {
        if (t == L::UNKNOWN_CHAR || (quotaNoun && t == L::ID)) continue;
        names.push_back(describeTokenType(parser->getVocabulary(), t));
      }
      if (!names.empty() && names.size() <= 6) {
        std::string list;
        for (std::size_t i = 0; i < names.size(); ++i) {
          if (i) list += i + 1 == names.size() ? " ou " : ", ";
          list += names[i];
        }
        message += " ; attendu : " + list;
      }
      std::size_t t = offending->getType();
      if (t == L::EURO || t == L::M2 || t == L::PERCENT || t == L::POINTS || t == L::POINT || t == L::SLASH_MOIS)
        hint = fmt::format("une unité s'écrit juste après un nombre (`-12 €`, `35 %`) ; pour une expression, "
                           "multipliez : `(…) × 1 {}`",
                           t == L::POINTS || t == L::POINT ? "point"
                           : t == L::M2                    ? "m²"
                                                           : "€");
      if (t == L::DE && offending->getTokenIndex() > 0) {
        std::size_t prev = parser->getTokenStream()->get(offending->getTokenIndex() - 1)->getType();
        if (prev == L::NOMBRE || prev == L::SOMME || prev == L::MAXIMUM || prev == L::MINIMUM)
          hint = "un agrégat employé comme opérande s'écrit entre parenthèses : `(nombre de x dans … où …)`";
      }
      // `23 201 €/an`, copied from a published text: a space (or a no-break
      // space) between the thousands.
      if ((t == L::INT_LIT || t == L::DEC_LIT) && offending->getTokenIndex() > 0) {
        antlr4::Token* prev = parser->getTokenStream()->get(offending->getTokenIndex() - 1);
        if (prev->getType() == L::INT_LIT && prev->getLine() == offending->getLine())
          hint = fmt::format("les milliers ne se séparent pas par une espace : écrivez `{}_{}` (le `_` groupe les "
                             "chiffres)",
                             prev->getText(), offending->getText());
      }
      // `30/06/2025`, as French forms write it.
      if (t == L::INT_LIT) {
        if (std::string iso = frenchDate(*parser->getTokenStream(), *offending); !iso.empty())
          hint = fmt::format("{} : `{}`",
                             parser->getTokenStream()->get(offending->getTokenIndex() + 1)->getText() == "/"
                                 ? "une date s'écrit année-mois-jour, avec des tirets"
                                 : "une date s'écrit avec le mois et le jour sur deux chiffres",
                             iso);
      }
      antlr4::TokenStream& stream = *parser->getTokenStream();
      const std::size_t at = offending->getTokenIndex();
      const antlr4::Token* previous = at > 0 ? stream.get(at - 1) : nullptr;
      const antlr4::Token* next = at + 1 < stream.size() ? stream.get(at + 1) : nullptr;
      // `depuis le 1er janvier 2024`, as the decree says it.
      if (hint.empty())
        if (std::string iso = spelledDate(stream, *offending); !iso.empty())
          hint = fmt::format("une date s'écrit année-mois-jour, avec des tirets : `{}`", iso);
      // `450 € par mois`, as one says it.
      if (t == L::PAR && previous && previous->getType() == L::EURO && next) {
        const std::string period = foldAccents(asciiLower(next->getText()));
        if (period == "mois" || period == "an" || period == "annee")
          hint = fmt::format("un montant {} s'écrit avec son unité : `{}{}`", period == "mois" ? "mensuel" : "annuel",
                             at >= 2 ? stream.get(at - 2)->getText() + " " : "", period == "mois" ? "€/mois" : "€/an");
      }
      // A barème band as one says it (`plus de 40 %`, `≥ 40 %`, `40 % ou
      // plus`, `jusqu'à 30 %`): the grammar's spelling.
      if (std::string band = bandHint(stream, *offending); !band.empty()) hint = band;
      // `25 pour cent`, as one says it.
      if (t == L::POUR && previous && (previous->getType() == L::INT_LIT || previous->getType() == L::DEC_LIT) &&
          next && foldAccents(asciiLower(next->getText())) == "cent")
        hint = fmt::format("un pourcentage s'écrit avec le signe % : `{} %`", previous->getText());
      // `35 % de x`, as one says it.
      if (t == L::DE && previous && previous->getType() == L::PERCENT)
        hint = "« 35 % de x » s'écrit avec le signe de la multiplication : `35 % × x` (ASCII : `35 % * x`)";
      // `=<` and `=>`, the comparisons of some spreadsheets.
      if ((text == "<" || text == ">") && previous && previous->getText() == "=" &&
          previous->getStopIndex() + 1 == offending->getStartIndex())
        hint = text == "<" ? "« inférieur ou égal » s'écrit `≤` (ASCII : `<=`)"
                           : "« supérieur ou égal » s'écrit `≥` (ASCII : `>=`)";
      // `<>`, the difference of spreadsheets and SQL.
      if (text == ">" && previous && previous->getText() == "<" &&
          previous->getStopIndex() + 1 == offending->getStartIndex())
        hint = "la différence s'écrit `≠` (ASCII : `!=`)";
      // `si demande.dalo est vrai`, `quand …`: a condition as one says it.
      const bool afterOperand =
          previous && (previous->getType() == L::ID || previous->getType() == L::INT_LIT ||
                       previous->getType() == L::DEC_LIT || previous->getText() == ")" || previous->getText() == "]");
      if (t == L::ID && afterOperand && foldAccents(asciiLower(text)) == "est") {
        const std::size_t after = next ? next->getType() : antlr4::Token::EOF;
        std::string x = pathBefore(stream, at);
        if (x.empty()) x = "x";
        hint = after == L::VRAI   ? fmt::format("« {0} est vrai » s'écrit `{0}` (ou `{0} = vrai`)", x)
               : after == L::FAUX ? fmt::format("« {0} est faux » s'écrit `non {0}` (ou `{0} = faux`)", x)
               : after == L::ABSENT
                   ? fmt::format("« {0} est absent » s'écrit `non ({0} existe)`", x)
                   : fmt::format("« est » s'écrit `=` : `{} = {}`", x,
                                 next && next->getType() != antlr4::Token::EOF ? next->getText() : "…");
      }
      if (t == L::ID && foldAccents(asciiLower(text)) == "quand")
        hint = "une condition s'écrit avec `si` : `400 points si condition`, `si condition alors a sinon b`";
      // `jusqu’au` with a typographic apostrophe, from a word processor.
      if (asciiLower(text) == "jusqu" && next && next->getText() == "’")
        hint = "l'apostrophe s'écrit droite : `jusqu'au` (ou `jusqu_au`)";
      if (t == L::SINON && conditionalCriterion(stream, *offending))
        hint = "`N points si condition` vaut 0 point quand la condition est fausse ; pour une autre valeur, écrivez "
               "`= si condition alors N points sinon M points`";
      if (t == L::REFERENCE && insideEnumeration(stream, *offending))
        hint = "une valeur d'énumération n'a pas de `référence` : citez la source dans son libellé "
               "(`handicap \"a) Personne en situation de handicap (CCH L441-1)\"`)";
      if (t == L::SI && conditionalRequirement(*parser->getTokenStream(), *offending))
        hint = "une exigence qui ne vaut que dans certains cas s'écrit `exige si condition alors exigence sinon "
               "vrai` ; `sauf si`, après le motif, énonce une exception";
      if (text == "=" && followsEquals(*parser->getTokenStream(), *offending))
        hint = "l'égalité s'écrit avec un seul `=` ; la différence, `≠` (ASCII : `!=`)";
      if (text == "|" && doubledBar(*parser->getTokenStream(), *offending))
        hint = "« ou » s'écrit `ou` : `a ou b` ; `|` sépare les cases d'un barème";
      if (text == "," && adjacentDigits(*parser->getTokenStream(), *offending))
        hint = fmt::format("un nombre décimal s'écrit avec un point : `{}.{}` (le `_` sépare les milliers : "
                           "`1_650.50`)",
                           previous ? previous->getText() : "0", next ? next->getText() : "3");
      if (offending->getType() == L::OU && bandHint(stream, *offending).empty()) {
        Diagnostic& d = diags_.report(DiagKind::WhereVsOu, range);
        d.hint =
            "`ou` est le « ou » logique ; la condition d'un agrégat ou d'un quota s'écrit `où` (ASCII : `lorsque`)";
        return;
      }
      if (offending->getType() == loge_antlr::LogeParser::LINE_END)
        hint = "une ligne de barème tient sur une ligne du texte ; pour la poursuivre sur la suivante, coupez-la "
               "juste avant ou après un `|`, ou mettez la valeur entre parenthèses";
      if (offending->getType() == L::EOF && unclosedBracket_)
        hint = "une accolade, un crochet ou une parenthèse n'est pas fermé";
      // `exige …` or `si … alors …` whose `sinon` is missing.
      if (hint.empty() && expected.contains(static_cast<std::size_t>(L::SINON)) && expected.size() == 1) {
        std::size_t open = openConstruct(*parser->getTokenStream(), *offending);
        if (open == L::EXIGE && t == L::SAUF)
          hint = "`sauf si` vient après le motif : `exige … sinon alerte \"motif\" sauf si …`";
        else if (open == L::EXIGE)
          hint = "une règle dit ce qui arrive quand son exigence n'est pas remplie : ajoutez `sinon refus \"motif\"` "
                 "ou `sinon alerte \"motif\"`";
        else if (open == L::SI)
          hint = "un `si … alors …` a toujours un `sinon` : ajoutez `sinon …` (la valeur dans les autres cas)";
      }
      // A declaration where the previous one's block is still open.
      if (hint.empty() && startsDeclaration(t) &&
          std::any_of(names.begin(), names.end(), [](const std::string& n) { return n == "`}`"; }))
        hint = "le bloc précédent n'est pas fermé : il manque une `}` avant cette déclaration";
      if (hint.empty()) hint = wordHint(text, t, expected, parser->getVocabulary());
      if (quotaNoun && t == L::ID && hint.empty())
        hint = "la cible d'un quota compte des attributions : `au moins 25 attributions où …`, ou une part : `au "
               "moins 25 % où …`";
      // `if x then …`: `if` was read as a name, the parser stops after it.
      if (hint.empty() && previous && previous->getType() == L::ID)
        if (std::string loge = foreignWord(previous->getText()); !loge.empty())
          hint = fmt::format("`{}` : en Loge, on écrit `{}`", previous->getText(), loge);
      // `id: "A"` in a test record, `critère x "…" : 10 points`, `date: …`:
      // the colon of JSON or of a form.
      if ((text == ":" || text == "=") && previous && foldAccents(asciiLower(previous->getText())) == "date" && next &&
          next->getType() == L::DATE_LIT)
        hint = fmt::format("la date d'un test s'écrit sans {} : `date {}`", text == ":" ? "deux-points" : "`=`",
                           next->getText());
      else if (text == ":" && std::any_of(names.begin(), names.end(), [](const std::string& n) { return n == "`=`"; }))
        hint = previous && previous->getType() == L::STRING
                   ? "la valeur suit `=`, pas `:` : `critère x \"Libellé\" = 10 points si …`"
                   : "une valeur se donne avec `=`, pas `:` : `id = \"A\"` ; dans un test, les champs se suivent "
                     "sans virgules (`id = \"A\" nb_enfants = 2`)";
      // A comma between the fields of a structure or the roles of a schéma.
      if (text == ",")
        if (const std::size_t block = enclosingBlock(stream, *offending); block != 0) {
          const auto [before, after] = aroundComma(stream, at);
          const char* what = block == L::STRUCTURE ? "champs d'une structure"
                             : block == L::SCHEMA  ? "rôles du schéma"
                                                   : "valeurs d'une énumération";
          hint = after.empty() ? fmt::format("les {} se suivent sans virgule, pas même après le dernier", what)
                               : fmt::format("les {} se suivent sans virgule, un par ligne : `{}` puis `{}`", what,
                                             before, after);
        }
      // `critère x "Libellé" 400 points`: the `=` is missing.
      if (hint.empty() && names.size() <= 4 &&
          std::any_of(names.begin(), names.end(), [](const std::string& n) { return n == "`=`"; }) &&
          (t == L::INT_LIT || t == L::DEC_LIT || t == L::SI || t == L::MINUS))
        hint = fmt::format("la valeur suit `=` : `= {} …`", text);
      // `définition x : entier 3`: read as the start of an interval type.
      if (names.size() == 1 && names[0] == "`..`" && previous && previous->getType() == L::INT_LIT)
        hint = fmt::format("une valeur se donne après `=` : `= {}` ; `entier {}..6` serait un entier borné",
                           previous->getText(), previous->getText());
      // A criterion's value as one says it: `10 points par enfant`,
      // `… maximum 50 points`, `plafonné à 50 points`, `+400 points`.
      const bool criterionEnd = expected.contains(static_cast<std::size_t>(L::CRITERE));
      if (criterionEnd && t == L::PAR && previous &&
          (previous->getType() == L::POINTS || previous->getType() == L::POINT))
        hint = fmt::format("« {} par … » s'écrit avec une multiplication : `{} × demande.nb_enfants`",
                           at >= 2 ? stream.get(at - 2)->getText() + " " + previous->getText() : previous->getText(),
                           at >= 2 ? stream.get(at - 2)->getText() + " " + previous->getText() : previous->getText());
      const std::string word = foldAccents(asciiLower(text));
      if (criterionEnd &&
          (word == "maximum" || word == "max" || word == "plafonne" || word == "plafonnee" || word == "limite")) {
        // The value written before the word, and the bound after it.
        std::size_t from = at;
        while (from > 0 && stream.get(from - 1)->getText() != "=" &&
               stream.get(from - 1)->getLine() == offending->getLine())
          --from;
        const std::string value = joinTokens(stream, from, at);
        std::size_t boundFrom = at + 1;
        while (boundFrom < stream.size() &&
               (stream.get(boundFrom)->getType() == L::A || stream.get(boundFrom)->getType() == L::DE))
          ++boundFrom;
        std::size_t boundTo = boundFrom;
        while (boundTo < stream.size() && boundTo < boundFrom + 3 &&
               stream.get(boundTo)->getLine() == offending->getLine() && stream.get(boundTo)->getText() != "}" &&
               stream.get(boundTo)->getType() != antlr4::Token::EOF)
          ++boundTo;
        const std::string bound = joinTokens(stream, boundFrom, boundTo);
        hint = fmt::format("pour plafonner un critère, prenez le minimum : `min({}, {})` ; `plafond N points` s'écrit "
                           "à la fin d'une cotation ou d'une rubrique",
                           value.empty() ? "…" : value, bound.empty() ? "50 points" : bound);
      }
      if (text == "+" && previous && previous->getText() == "=" && next &&
          (next->getType() == L::INT_LIT || next->getType() == L::DEC_LIT)) {
        std::string number = next->getText();
        if (at + 2 < stream.size()) {
          const std::size_t unit = stream.get(at + 2)->getType();
          if (unit == L::POINTS || unit == L::POINT || unit == L::EURO || unit == L::PERCENT || unit == L::M2)
            number += " " + stream.get(at + 2)->getText();
        }
        hint = fmt::format("un nombre positif s'écrit sans `+` : `{}`", number);
      }
      // `ET`, `Si`: the language's words are written in lower case.
      for (const antlr4::Token* w : {static_cast<const antlr4::Token*>(offending), previous}) {
        if (!hint.empty() || !w || w->getType() != L::ID) continue;
        const std::string word = w->getText();
        if (word == asciiLower(word)) continue;
        for (std::size_t k = 1; k <= parser->getVocabulary().getMaxTokenType() && hint.empty(); ++k) {
          const std::string shown = describeTokenType(parser->getVocabulary(), k);
          if (shown.size() > 2 && shown.front() == '`' && shown.substr(1, shown.size() - 2) == asciiLower(word))
            hint = fmt::format("les mots du langage s'écrivent en minuscules : `{}`", asciiLower(word));
        }
      }
      // `x dans (3, 4)`: a list between brackets.
      if (text == "," && names.size() == 1 && names[0] == "`)`")
        for (std::size_t k = at; k-- > 1;) {
          const std::string w = stream.get(k)->getText();
          if (w == "(") {
            if (stream.get(k - 1)->getType() == L::DANS)
              hint = fmt::format("une liste s'écrit entre crochets : `[{}]`",
                                 joinTokens(stream, k + 1, closingParen(stream, k)));
            break;
          }
          if (w == ")" || w == "{" || w == "}") break;
        }
      // `a x 2`, `2demande.x`, `€1500`: a product and a unit as typed
      // without the language's signs.
      const bool afterValue = previous && (previous->getType() == L::ID || previous->getType() == L::INT_LIT ||
                                           previous->getType() == L::DEC_LIT || previous->getText() == ")");
      if (t == L::ID && (text == "x" || text == "X") && afterValue && next &&
          (next->getType() == L::INT_LIT || next->getType() == L::DEC_LIT || next->getType() == L::ID ||
           next->getText() == "("))
        hint = "la multiplication s'écrit `×` (ASCII : `*`)";
      // (Only before a path: `1500euros`, `35pourcent` are units glued on.)
      if (t == L::ID && previous && (previous->getType() == L::INT_LIT || previous->getType() == L::DEC_LIT) &&
          previous->getStopIndex() + 1 == offending->getStartIndex() && next && next->getText() == ".") {
        std::size_t end = at + 1;
        while (end + 1 < stream.size() && stream.get(end)->getText() == "." && stream.get(end + 1)->getType() == L::ID)
          end += 2;
        hint = fmt::format("la multiplication s'écrit `×` (ASCII : `*`) : `{} × {}`", previous->getText(),
                           joinTokens(stream, at, end));
      }
      if ((t == L::INT_LIT || t == L::DEC_LIT) && previous && previous->getType() == L::EURO) {
        std::string period;
        if (next && (next->getType() == L::SLASH_MOIS || next->getType() == L::SLASH_AN))
          period = next->getType() == L::SLASH_MOIS ? "/mois" : "/an";
        hint = fmt::format("l'unité suit le nombre : `{} €{}`", text, period);
      }
      // Enumerations and définitions as other languages write them.
      if (t == L::STRING && insideEnumeration(stream, *offending))
        hint = fmt::format("les valeurs d'une énumération sont des noms, sans guillemets ; le texte peut rester "
                           "comme libellé : `{} {}`",
                           identifierFrom(text), text);
      if (text == "=" && previous && previous->getType() == L::ID && at >= 2 &&
          stream.get(at - 2)->getType() == L::ENUMERATION) {
        std::string values;
        for (std::size_t k = at + 1; k < stream.size() && k < at + 40; ++k) {
          const antlr4::Token* w = stream.get(k);
          if (w->getLine() != offending->getLine() || w->getType() == antlr4::Token::EOF) break;
          if (w->getType() == L::ID) values += w->getText() + " ";
        }
        hint = fmt::format("les valeurs s'écrivent entre accolades, sans `|` ni virgules : `énumération {} {{ {}}}`",
                           previous->getText(), values.empty() ? std::string("A B C ") : values);
      }
      if (names.size() == 1 && names[0] == "`:`" && previous && previous->getType() == L::ID && at >= 2 &&
          (stream.get(at - 2)->getText() == "(" || stream.get(at - 2)->getText() == ","))
        hint = fmt::format("un paramètre s'écrit `nom : type` : `{} : {}`", previous->getText(), text);
      if (text == "=" && std::any_of(names.begin(), names.end(), [](const std::string& n) { return n == "`:`"; }))
        if (const std::size_t d = definitionHeader(stream, at); d != 0)
          hint = fmt::format("une définition déclare le type de sa valeur : `définition {} : entier = …` (ou `: "
                             "booléen`, `: montant mensuel`…)",
                             stream.get(d + 1)->getText());
      if (text == "{" && names.size() == 1 && names[0] == "`=`") hint = "la valeur suit `=`, sans accolades : `= …`";
      if (previous && foldAccents(asciiLower(previous->getText())) == "return" && previous->getType() == L::ID)
        hint = "une définition n'a pas de `return` : sa valeur suit `=` directement";
      // Tests and parameters: a test's name without quotes, a parameter's
      // value without its date, `depuis le …`, `à partir du …`.
      if (t == L::ID && previous && previous->getType() == L::TEST)
        hint = fmt::format("le nom d'un test s'écrit entre guillemets : `test \"{}\" {{ … }}`", text);
      if (text == "=" && parameterHeader(stream, at))
        hint = fmt::format("un paramètre donne chaque valeur avec la date d'où elle vaut : `depuis 2025-01-01 : {}` "
                           "(une valeur qui ne change jamais peut être une `définition`)",
                           next && next->getType() != antlr4::Token::EOF ? cellText(stream, at + 1) : "…");
      if (text == "=" && previous && previous->getType() == L::DATE_LIT && at >= 2 &&
          (stream.get(at - 2)->getType() == L::DEPUIS || stream.get(at - 2)->getType() == L::JUSQU))
        hint = fmt::format("la valeur suit `:` : `{} {} : …`", stream.get(at - 2)->getText(), previous->getText());
      if (previous && previous->getType() == L::DEPUIS && t != L::DATE_LIT && next && next->getType() == L::DATE_LIT)
        hint = fmt::format("la date suit `depuis` directement : `depuis {}`", next->getText());
      if (t == L::A && next && foldAccents(asciiLower(next->getText())) == "partir")
        hint = "« à partir du » s'écrit `depuis` : `depuis 2025-01-01 : …`";
      // The rules: a motif without quotes, a colon after the name, a
      // requirement without its rule, a rule outside any block.
      if (t == L::ID && previous && (previous->getType() == L::REFUS || previous->getType() == L::ALERTE)) {
        // The words of the motif: up to the end of the line, the block or `sauf si`.
        std::string words;
        for (std::size_t k = at; k < stream.size(); ++k) {
          const antlr4::Token* w = stream.get(k);
          if (w->getType() == antlr4::Token::EOF || w->getLine() != offending->getLine() || w->getText() == "}" ||
              w->getType() == L::SAUF || words.size() > 60)
            break;
          words += (words.empty() ? "" : " ") + w->getText();
        }
        hint = fmt::format("le motif s'écrit entre guillemets : `{} \"{}\"`", previous->getText(), words);
      }
      if (text == ":" && expected.contains(static_cast<std::size_t>(L::EXIGE)))
        hint = "une règle énonce son exigence avec `exige` : `règle nom exige condition sinon refus \"motif\"`";
      if (t == L::EXIGE && expected.contains(static_cast<std::size_t>(L::REGLE)))
        hint = "chaque exigence est une règle nommée : `règle nom exige condition sinon refus \"motif\"`";
      if (t == L::REGLE && braceDepth(stream, at) == 0)
        hint = "une règle s'écrit dans un bloc : `éligibilité nom pour logement { règle … }` ou `harmonisation nom "
               "{ règle … }`";
      // A comma between the criteria of a cotation, as between list items.
      if (text == "," && expected.contains(static_cast<std::size_t>(L::CRITERE)))
        hint = "les critères se suivent, un par ligne, sans virgule entre eux";
      // `sinon "motif"`: the status is missing.
      if (t == L::STRING && previous && previous->getType() == L::SINON &&
          expected.contains(static_cast<std::size_t>(L::REFUS)))
        hint = fmt::format("précisez ce qui arrive : `sinon refus {0}` (la demande est écartée) ou `sinon alerte "
                           "{0}` (signalée à la commission)",
                           text);
      // `x entre 2 et 5`.
      if (foldAccents(asciiLower(text)) == "entre" && t == L::ID)
        hint = "« x entre a et b » s'écrit avec deux comparaisons : `x ≥ a et x ≤ b`";
      // The header is optional, so a misspelt `politique` on the first line
      // is reported where declarations are expected, without `politique`.
      if (hint.empty() && t == L::ID && isFirstToken(*parser->getTokenStream(), *offending) &&
          editDistance(foldAccents(asciiLower(text)), "politique") <= 2)
        hint = "vouliez-vous dire `politique` ? (l'en-tête s'écrit `politique \"Nom de la politique\"`)";
    }
  }
  Diagnostic& d = diags_.report(DiagKind::SyntaxError, range, message);
  d.hint = hint;
}

} // namespace loge::syntax::internal
