// Syntax stage (internal): the lexer (see lexer.h for why it is written by
// hand). Each rule below is named after the lexer rule of grammar/Loge.g4
// it implements; where several rules could match, the longest match wins
// and, at equal length, the rule written first (a keyword before ID), as
// ANTLR decides.
#include "lexer.h"

#include "LogeLexer.h"
#include "loge/source/utf8.h"

#include <antlr4-runtime.h>

#include <algorithm>
#include <array>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>

namespace loge::syntax::internal {

namespace {
using L = loge_antlr::LogeLexer;

// fragment ID_START : [a-zA-Z_] | [\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]
bool isIdStart(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || c == U'_' || (c >= 0xC0 && c <= 0xD6) ||
         (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x24F);
}
bool isDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
// fragment ID_PART : ID_START | [0-9]
bool isIdPart(char32_t c) { return isIdStart(c) || isDigit(c); }
// WS : [ \t\r\n\u00A0\u202F]+
bool isBlank(char32_t c) { return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == 0xA0 || c == 0x202F; }
bool isDigitByte(std::string_view text, std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; }

struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// The spellings of the grammar's literal tokens: words (identifier
// characters only, as `si`, `EUR`, `date_évaluation`) are found after
// reading an identifier; the others (`(`, `≤`, `/mois`, `jusqu'au`, `m²`)
// by their first byte, longest first.
struct Literals {
  std::unordered_map<std::string, std::size_t, TransparentHash, std::equal_to<>> words;
  std::array<std::vector<std::pair<std::string, std::size_t>>, 256> symbols;

  void add(const std::string& spelling, std::size_t type) {
    if (spelling.empty()) return;
    bool word = true;
    std::size_t first = 0;
    for (std::size_t i = 0; i < spelling.size(); i += first) {
      char32_t c = decodeUtf8(spelling, i, first);
      if (!(i == 0 ? isIdStart(c) : isIdPart(c))) word = false;
    }
    if (word) {
      words.emplace(spelling, type); // the first rule keeps a spelling
      return;
    }
    auto& list = symbols[static_cast<unsigned char>(spelling[0])];
    for (const auto& known : list)
      if (known.first == spelling) return;
    list.emplace_back(spelling, type);
    std::stable_sort(list.begin(), list.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  }
};

const Literals& literals() {
  static const Literals table = [] {
    Literals t;
    // Tokens with one spelling ('si', '(', '/mois'…), by type, hence in the
    // grammar's order: the vocabulary of the generated lexer.
    antlr4::ANTLRInputStream nothing;
    L lexer(&nothing);
    const antlr4::dfa::Vocabulary& vocabulary = lexer.getVocabulary();
    for (std::size_t type = 1; type <= vocabulary.getMaxTokenType(); ++type) {
      std::string name = vocabulary.getLiteralName(type);
      if (name.size() >= 3 && name.front() == '\'' && name.back() == '\'' && name.find('\\') == std::string::npos)
        t.add(name.substr(1, name.size() - 2), type);
    }
    // Tokens with several spellings ('règle' | 'regle'), read from the
    // grammar at configure time (grammar/CMakeLists.txt).
    static const std::pair<const char*, std::size_t> alternatives[] = {
#include "lexer_literals.inc"
    };
    for (const auto& [spelling, type] : alternatives) t.add(spelling, type);
    return t;
  }();
  return table;
}

// SLASH_MOIS : '/mois' {!followedByIdentifier()}? (and SLASH_AN): the unit
// of `€/an`, not the start of `revenu/anciennete`.
bool followedByIdentifier(std::string_view text, std::size_t end) {
  std::size_t length = 0;
  return end < text.size() && isIdPart(decodeUtf8(text, end, length));
}

// The longest literal spelling at text[i], in bytes (0: none).
std::size_t matchSymbol(const Literals& lits, std::string_view text, std::size_t i, std::size_t& type) {
  for (const auto& [spelling, t] : lits.symbols[static_cast<unsigned char>(text[i])]) {
    if (text.compare(i, spelling.size(), spelling) != 0) continue;
    if ((t == L::SLASH_MOIS || t == L::SLASH_AN) && followedByIdentifier(text, i + spelling.size())) continue;
    type = t;
    return spelling.size();
  }
  return 0;
}

// DATE_LIT : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT
bool isDate(std::string_view text, std::size_t i) {
  static constexpr std::string_view shape = "dddd-dd-dd";
  if (text.size() - i < shape.size()) return false;
  for (std::size_t k = 0; k < shape.size(); ++k)
    if (shape[k] == 'd' ? !isDigitByte(text, i + k) : text[i + k] != '-') return false;
  return true;
}

// fragment DIGITS : DIGIT (DIGIT | '_')*
std::size_t digitsEnd(std::string_view text, std::size_t i) {
  ++i;
  while (i < text.size() && (isDigitByte(text, i) || text[i] == '_')) ++i;
  return i;
}

// STRING : '"' (~["\\\r\n] | '\\' ["\\n{}])* '"' ; the end of the string,
// or 0 when it does not close on its line (the '"' is then UNKNOWN_CHAR).
std::size_t stringEnd(std::string_view text, std::size_t i) {
  for (++i; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') return i + 1;
    if (c == '\r' || c == '\n') return 0;
    if (c == '\\') {
      if (i + 1 >= text.size()) return 0;
      char e = text[i + 1];
      if (e != '"' && e != '\\' && e != 'n' && e != '{' && e != '}') return 0;
      ++i;
    }
  }
  return 0;
}

class Scanner {
public:
  explicit Scanner(std::string_view text) : text_(text), lits_(literals()) {}

  std::vector<Lexeme> run() {
    std::vector<Lexeme> out;
    out.reserve(text_.size() / 4 + 1);
    // ANTLR's input stream drops a leading byte-order mark: positions count
    // from after it.
    if (text_.starts_with("\xEF\xBB\xBF")) i_ = 3;
    while (i_ < text_.size()) {
      std::size_t length = 0;
      const char32_t c = decodeUtf8(text_, i_, length);
      if (isBlank(c)) {
        std::size_t j = i_ + length;
        while (j < text_.size()) {
          std::size_t n = 0;
          if (!isBlank(decodeUtf8(text_, j, n))) break;
          j += n;
        }
        advance(j);
      } else if (c == U'#') {
        // COMMENT : '#' ~[\r\n]* -> channel(HIDDEN)
        std::size_t j = text_.find_first_of("\r\n", i_);
        emit(out, L::COMMENT, j == std::string_view::npos ? text_.size() : j, antlr4::Token::HIDDEN_CHANNEL);
      } else if (isDigit(c)) {
        number(out);
      } else if (c == U'"') {
        std::size_t end = stringEnd(text_, i_);
        emit(out, end ? std::size_t{L::STRING} : std::size_t{L::UNKNOWN_CHAR}, end ? end : i_ + 1);
      } else {
        wordOrSymbol(out, c, length);
      }
    }
    Lexeme eof;
    eof.type = antlr4::Token::EOF;
    eof.start = codePoint_;
    eof.stop = codePoint_ - 1; // as ANTLR's: before its start
    eof.line = line_;
    eof.column = column_;
    eof.text = "<EOF>";
    out.push_back(eof);
    return out;
  }

private:
  // DATE_LIT, DEC_LIT : DIGITS '.' DIGITS, INT_LIT : DIGITS.
  void number(std::vector<Lexeme>& out) {
    if (isDate(text_, i_)) {
      emit(out, L::DATE_LIT, i_ + 10);
      return;
    }
    std::size_t end = digitsEnd(text_, i_);
    if (end + 1 < text_.size() && text_[end] == '.' && isDigitByte(text_, end + 1)) {
      emit(out, L::DEC_LIT, digitsEnd(text_, end + 1));
      return;
    }
    emit(out, L::INT_LIT, end);
  }

  // An identifier, a keyword, or punctuation (including the spellings that
  // start like an identifier and go on with another character: `m²`,
  // `jusqu'au`): the longest wins, a keyword over an identifier.
  void wordOrSymbol(std::vector<Lexeme>& out, char32_t c, std::size_t length) {
    std::size_t wordEnd = i_;
    if (isIdStart(c)) {
      wordEnd = i_ + length;
      while (wordEnd < text_.size()) {
        std::size_t n = 0;
        if (!isIdPart(decodeUtf8(text_, wordEnd, n))) break;
        wordEnd += n;
      }
    }
    std::size_t symbolType = 0;
    std::size_t symbolLength = matchSymbol(lits_, text_, i_, symbolType);
    if (i_ + symbolLength > wordEnd) {
      emit(out, symbolType, i_ + symbolLength);
    } else if (wordEnd > i_) {
      auto keyword = lits_.words.find(text_.substr(i_, wordEnd - i_));
      emit(out, keyword == lits_.words.end() ? std::size_t{L::ID} : keyword->second, wordEnd);
    } else {
      emit(out, L::UNKNOWN_CHAR, i_ + length); // UNKNOWN_CHAR : .
    }
  }

  void emit(std::vector<Lexeme>& out, std::size_t type, std::size_t end,
            std::size_t channel = antlr4::Token::DEFAULT_CHANNEL) {
    Lexeme t;
    t.type = type;
    t.channel = channel;
    t.start = codePoint_;
    t.line = line_;
    t.column = column_;
    t.text = text_.substr(i_, end - i_);
    advance(end);
    t.stop = codePoint_ - 1;
    out.push_back(t);
  }

  // Counts lines and columns as ANTLR does: a '\n' starts a line, every
  // other code point is a column.
  void advance(std::size_t end) {
    for (; i_ < end; ++i_) {
      const auto b = static_cast<unsigned char>(text_[i_]);
      if ((b & 0xC0) == 0x80) continue;
      ++codePoint_;
      if (b == '\n') {
        ++line_;
        column_ = 0;
      } else {
        ++column_;
      }
    }
  }

  std::string_view text_;
  const Literals& lits_;
  std::size_t i_ = 0;
  std::size_t codePoint_ = 0;
  std::size_t line_ = 1;
  std::size_t column_ = 0;
};
} // namespace

std::vector<Lexeme> lex(std::string_view text) { return Scanner(text).run(); }

} // namespace loge::syntax::internal
