// Syntax stage (internal): turns ANTLR's English error strings into located
// French diagnostics, built from the offending token and the expected set.
#include "error_listener.h"

#include "LogeLexer.h"
#include "LogeParser.h"
#include "loge/source/source.h"
#include "loge/source/utf8.h"
#include "syntax_hints.h"
#include "token_scan.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace loge::syntax::internal {

namespace {
using L = loge_antlr::LogeLexer;

std::string shown(const std::string& text) {
  if (text == "<EOF>") return "la fin du fichier";
  std::string t = text.size() > 40 ? text.substr(0, 40) + "…" : text;
  return "`" + t + "`";
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

// Where `token` is in the file (the listener may parse a fragment that
// starts at origin_), `width` code points wide.
SourceRange ErrorListener::rangeOf(const antlr4::Token& token, std::size_t width) const {
  SourceRange at;
  at.file = file_;
  at.begin.line = static_cast<std::uint32_t>(token.getLine()) + (origin_.line ? origin_.line - 1 : 0);
  at.begin.column = static_cast<std::uint32_t>(token.getCharPositionInLine()) + (origin_.line ? origin_.column : 1);
  at.end = at.begin;
  at.end.column += static_cast<std::uint32_t>(width);
  return at;
}

void ErrorListener::syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line,
                                size_t charPositionInLine, const std::string& /*msg*/, std::exception_ptr /*e*/) {
  ++count_;
  if (offending && layout_ && !layout_->boundaries.empty()) {
    const std::vector<std::size_t>& boundaries = layout_->boundaries;
    std::size_t index = offending->getTokenIndex();
    if (lastError_) {
      auto next = std::upper_bound(boundaries.begin(), boundaries.end(), *lastError_);
      bool movedOn = next != boundaries.end() && *next <= index;
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
        Diagnostic& d = diags_.report(
            DiagKind::SyntaxError, rangeOf(*number, codePointCount(number->getText()) + 1),
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
      antlr4::TokenStream& stream = *parser->getTokenStream();
      if (offending->getType() == L::OU && bandHint(stream, *offending).empty()) {
        Diagnostic& d = diags_.report(DiagKind::WhereVsOu, range);
        d.hint =
            "`ou` est le « ou » logique ; la condition d'un agrégat ou d'un quota s'écrit `où` (ASCII : `lorsque`)";
        return;
      }
      // `= if demande.dalo then …`: `if` was read as a name, the parser
      // stumbles on the word after it; the fault is `if`, where it is.
      if (const antlr4::Token* before =
              offending->getTokenIndex() > 0 ? stream.get(offending->getTokenIndex() - 1) : nullptr;
          before && before->getType() == L::ID && before->getLine() == offending->getLine() &&
          !foreignWord(before->getText()).empty()) {
        Diagnostic& d = diags_.report(DiagKind::SyntaxError, rangeOf(*before, codePointCount(before->getText())),
                                      fmt::format("`{}` inattendu ici", before->getText()));
        d.hint = fmt::format("`{}` : en Loge, on écrit `{}`", before->getText(), foreignWord(before->getText()));
        return;
      }
      if (WordAfterType w = wordAfterFieldType(stream, *offending, names); w.word) {
        Diagnostic& d =
            diags_.report(DiagKind::SyntaxError, rangeOf(*w.word, codePointCount(w.word->getText())),
                          fmt::format("`{}` inattendu après le type du champ `{}`", w.word->getText(), w.field));
        d.hint = w.hint;
        return;
      }
      const std::size_t index = offending->getTokenIndex();
      const int depth = layout_ && index < layout_->braceDepth.size() ? layout_->braceDepth[index] : 0;
      hint = syntaxHint(HintSite(stream, *offending, parser->getVocabulary(), expected, names, quotaNoun,
                                 layout_ && layout_->unclosedBracket, depth));
    }
  }
  Diagnostic& d = diags_.report(DiagKind::SyntaxError, range, message);
  d.hint = hint;
}

} // namespace loge::syntax::internal
