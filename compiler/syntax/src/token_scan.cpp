// Syntax stage (internal): reading the token stream around a syntax error.
#include "token_scan.h"

#include "LogeLexer.h"
#include "LogeParser.h"
#include "error_listener.h"
#include "loge/source/utf8.h"

#include <fmt/format.h>

#include <algorithm>
#include <regex>

namespace loge::syntax::internal {

using L = loge_antlr::LogeLexer;

bool endsOperand(const antlr4::Token* token) {
  if (!token) return false;
  const std::size_t type = token->getType();
  return type == L::ID || type == L::INT_LIT || type == L::DEC_LIT || token->getText() == ")" ||
         token->getText() == "]";
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
// outside those blocks.
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

// Tokens [from, to) as written: a space where the source has one (the
// tokens carry no character stream).
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

bool isFirstToken(antlr4::TokenStream& tokens, const antlr4::Token& token) {
  for (std::size_t i = 0; i < token.getTokenIndex(); ++i)
    if (tokens.get(i)->getChannel() == antlr4::Token::DEFAULT_CHANNEL) return false;
  return true;
}

} // namespace loge::syntax::internal
